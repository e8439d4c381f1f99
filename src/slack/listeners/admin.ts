/**
 * Admins in Slack: the rules in App Home (enable/disable, action, severity, edit, create, try),
 * the history (diffs, roll back). Every action is checked on the server against ADMINS; a refused
 * attempt changes nothing and is audited. Saved changes take effect at once in this process and
 * within seconds in every other (each polls the latest version).
 */
import type { App, BlockAction, ButtonAction, OverflowAction, ViewSubmitAction, SlackViewAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../engine/types';
import { maskLeaks } from '../../moderation/masked-text';
import type { AdminResult, RuleInput, RulesActor } from '../../rules-admin';
import { ADMIN_ACTION, ADMIN_VIEW, parseRuleOp } from '../admin-ids';
import type { AdminServices } from '../admin-services';
import type { SlackContext } from '../context';
import {
  adminConflict,
  adminFormErrors,
  adminHistoryModal,
  adminQuickModal,
  adminRuleModal,
  adminTryModal,
  articleLabel,
  notAdmin,
  parseQuickMetadata,
  parseRuleModalMetadata,
  parseTryMetadata,
  parseVersionId,
  readQuickForm,
  readRuleForm,
  readTryForm,
} from '../views';
import { publishHome } from './home';

/** Registers the admins' listeners. */
export function registerAdminListeners(app: App, ctx: SlackContext, admin: AdminServices): void {
  const { roles, store } = admin.options;
  const rules = admin.options.admin;

  async function allowed(user: string, action: string): Promise<boolean> {
    if (await roles.isAdmin(user)) return true;
    await store.appendAudit({ actor: user, action: 'refused', target: 'rules', detail: { action }, at: ctx.clock.now() });
    ctx.logger.warn({ user, action }, 'admin action refused');
    return false;
  }
  const actor = (user: string): RulesActor => ({ author: user, source: 'slack' });
  const langOf = async (user: string): Promise<Lang> => (await ctx.directory.user(user)).lang;
  const articles = (lang: Lang) => admin.options.live.charter().ids.map((id) => {
    const article = admin.options.live.charter().article(id, lang);
    return { id, label: article === undefined ? id : articleLabel(article, lang) };
  });

  /** After a change: refresh the admin's Home (everyone else's refreshes when they open it). */
  async function afterChange(client: WebClient, user: string, result: AdminResult): Promise<void> {
    if (result.ok || 'unchanged' in result) {
      await publishHome(client, ctx, user);
      return;
    }
    const lang = await langOf(user);
    const message = 'conflict' in result ? adminConflict(lang) : { text: result.problems.map((p) => `${p.field !== '' ? `${p.field}: ` : ''}${p.message}`).join('\n') };
    const dm = (await client.conversations.open({ users: user })).channel?.id;
    if (dm !== undefined) await client.chat.postMessage({ channel: dm, text: message.text });
  }

  app.action<BlockAction<OverflowAction>>(ADMIN_ACTION.ruleMenu, async ({ ack, body, action, client }) => {
    await ack();
    const user = body.user.id;
    try {
      if (!(await allowed(user, ADMIN_ACTION.ruleMenu))) return;
      const op = parseRuleOp(action.selected_option.value, action.block_id);
      if (op === undefined) return;
      const lang = await langOf(user);
      const rule = admin.rule(op.rule);
      if (rule === undefined) return;
      switch (op.op) {
        case 'enable':
        case 'disable':
          await afterChange(client, user, await rules.setEnabled(actor(user), op.rule, op.op === 'enable'));
          return;
        case 'action':
        case 'severity':
          if (body.trigger_id !== undefined) {
            await client.views.open({ trigger_id: body.trigger_id, view: adminQuickModal({ id: op.rule, action: rule.action, severity: rule.severity }, op.op, lang, admin.options.live.version()) });
          }
          return;
        case 'edit':
          if (body.trigger_id !== undefined) {
            await client.views.open({ trigger_id: body.trigger_id, view: adminRuleModal({ lang, mode: 'edit', rule, charterArticles: articles(lang), ...basedOn(admin) }) });
          }
          return;
        case 'try':
          if (body.trigger_id !== undefined) await client.views.open({ trigger_id: body.trigger_id, view: adminTryModal({ lang, ruleId: op.rule, rule }) });
          return;
      }
    } catch (error) {
      ctx.logger.error({ action: ADMIN_ACTION.ruleMenu, err: error }, 'admin menu failed');
    }
  });

  for (const [actionId, detector] of [
    [ADMIN_ACTION.newKeywordRule, 'keyword'],
    [ADMIN_ACTION.newRegexRule, 'regex'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const user = body.user.id;
      try {
        if (!(await allowed(user, actionId)) || body.trigger_id === undefined) return;
        const lang = await langOf(user);
        await client.views.open({ trigger_id: body.trigger_id, view: adminRuleModal({ lang, mode: 'create', detectorKind: detector, charterArticles: articles(lang), ...basedOn(admin) }) });
      } catch (error) {
        ctx.logger.error({ action: actionId, err: error }, 'could not open the new rule form');
      }
    });
  }

  app.view<ViewSubmitAction>(ADMIN_VIEW.rule, async ({ ack, body, view, client }) => {
    const user = body.user.id;
    if (!(await allowed(user, ADMIN_VIEW.rule))) {
      await ack({ response_action: 'errors', errors: { [firstInputBlock(view)]: notAdmin(await langOf(user)).text } });
      return;
    }
    const meta = parseRuleModalMetadata(view.private_metadata);
    if (meta === undefined) {
      await ack();
      return;
    }
    const base = meta.ruleId !== undefined ? admin.rule(meta.ruleId) : undefined;
    const { rule, comment } = readRuleForm(view.state.values, meta.mode, meta.detector, base);
    const result = meta.mode === 'create' ? await rules.createRule(actor(user), rule, comment) : await rules.editRule(actor(user), meta.ruleId ?? rule.id, changedFields(base, rule), comment);
    if (!result.ok && 'problems' in result) {
      const { errors, unplaced } = adminFormErrors(result.problems, view, meta.detector);
      if (unplaced.length > 0) errors[firstInputBlock(view)] = unplaced.join(' · ');
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await afterChange(client, user, result).catch((error: unknown) => ctx.logger.error({ err: error }, 'could not refresh after a rule change'));
  });

  app.view<ViewSubmitAction>(ADMIN_VIEW.quick, async ({ ack, body, view, client }) => {
    const user = body.user.id;
    await ack();
    try {
      if (!(await allowed(user, ADMIN_VIEW.quick))) return;
      const meta = parseQuickMetadata(view.private_metadata);
      if (meta === undefined) return;
      const { value, comment } = readQuickForm(view.state.values, meta.kind);
      if (value === undefined) return;
      const result =
        meta.kind === 'action'
          ? await rules.setAction(actor(user), meta.rule, value as RuleInput['action'], comment)
          : await rules.setSeverity(actor(user), meta.rule, value as RuleInput['severity'], comment);
      await afterChange(client, user, result);
    } catch (error) {
      ctx.logger.error({ view: ADMIN_VIEW.quick, err: error }, 'could not save the change');
    }
  });

  app.view<ViewSubmitAction>(ADMIN_VIEW.try, async ({ ack, body, view }) => {
    const user = body.user.id;
    if (!(await allowed(user, ADMIN_VIEW.try))) {
      await ack();
      return;
    }
    const meta = parseTryMetadata(view.private_metadata);
    const rule = meta === undefined ? undefined : (meta.draft ?? admin.rule(meta.ruleId));
    if (meta === undefined || rule === undefined) {
      await ack();
      return;
    }
    const lang = await langOf(user);
    const { samples, text } = readTryForm(view.state.values);
    const tried = rules.tryRule(rule, samples);
    const impact = await rules.impact(meta.ruleId, rule);
    const draft = meta.draft !== undefined;
    const updated = tried.ok
      ? adminTryModal({
          lang,
          ruleId: meta.ruleId,
          rule,
          draft,
          samples: text,
          inScope: tried.inScope,
          capped: tried.capped,
          impact,
          results: tried.results.map((r) => ({
            // The sample is shown back with its leaks masked, like everything the bot echoes.
            sample: maskLeaks(samples[r.sample] ?? '', admin.options.live.current()),
            findings: r.findings.map((f) => ({ excerpt: f.excerpt, category: f.category, explanation: f.explanation[lang] })),
          })),
        })
      : adminTryModal({ lang, ruleId: meta.ruleId, rule, draft, samples: text, problems: tried.problems });
    await ack({ response_action: 'update', view: updated });
  });

  // "Try these settings" inside the rule modal: the edited, unsaved rule, tried in a pushed modal.
  app.action<BlockAction<ButtonAction>>(ADMIN_ACTION.tryEdited, async ({ ack, body, client }) => {
    await ack();
    const user = body.user.id;
    try {
      if (!(await allowed(user, ADMIN_ACTION.tryEdited)) || body.view === undefined || body.trigger_id === undefined) return;
      const meta = parseRuleModalMetadata(body.view.private_metadata);
      if (meta === undefined) return;
      const base = meta.ruleId !== undefined ? admin.rule(meta.ruleId) : undefined;
      const { rule } = readRuleForm(body.view.state.values, meta.mode, meta.detector, base);
      const lang = await langOf(user);
      await client.views.push({ trigger_id: body.trigger_id, view: adminTryModal({ lang, ruleId: meta.ruleId ?? (rule.id !== '' ? rule.id : 'new-rule'), rule, draft: true }) });
    } catch (error) {
      ctx.logger.error({ action: ADMIN_ACTION.tryEdited, err: error }, 'could not open the trial');
    }
  });

  app.action<BlockAction<ButtonAction>>(ADMIN_ACTION.history, async ({ ack, body, client }) => {
    await ack();
    const user = body.user.id;
    try {
      if (!(await allowed(user, ADMIN_ACTION.history)) || body.trigger_id === undefined) return;
      await client.views.open({ trigger_id: body.trigger_id, view: await historyView(admin, await langOf(user), ctx.clock.now()) });
    } catch (error) {
      ctx.logger.error({ action: ADMIN_ACTION.history, err: error }, 'could not open the history');
    }
  });

  app.action<BlockAction<ButtonAction>>(ADMIN_ACTION.historyDiff, async ({ ack, body, action, client }) => {
    await ack();
    const user = body.user.id;
    try {
      if (!(await allowed(user, ADMIN_ACTION.historyDiff))) return;
      const id = parseVersionId(action.value);
      if (id === undefined || body.view === undefined) return;
      const version = await admin.options.versions.getRuleVersion(id);
      const view = await historyView(admin, await langOf(user), ctx.clock.now(), version === undefined ? undefined : { id, diff: version.diff });
      await client.views.update({ view_id: body.view.id, view });
    } catch (error) {
      ctx.logger.error({ action: ADMIN_ACTION.historyDiff, err: error }, 'could not show the diff');
    }
  });

  app.action<BlockAction<ButtonAction>>(ADMIN_ACTION.historyRestore, async ({ ack, body, action, client }) => {
    await ack();
    const user = body.user.id;
    try {
      if (!(await allowed(user, ADMIN_ACTION.historyRestore))) return;
      const id = parseVersionId(action.value);
      if (id === undefined) return;
      const result = await rules.rollback(actor(user), id);
      if (body.view !== undefined) await client.views.update({ view_id: body.view.id, view: await historyView(admin, await langOf(user), ctx.clock.now()) });
      await afterChange(client, user, result);
    } catch (error) {
      ctx.logger.error({ action: ADMIN_ACTION.historyRestore, err: error }, 'could not roll back');
    }
  });
}

/** The history modal, with a version's diff when one is selected. */
async function historyView(admin: AdminServices, lang: Lang, now: number, selected?: { id: number; diff: string }) {
  const page = await admin.options.admin.history({ limit: 20 });
  const latestId = admin.options.live.version();
  return adminHistoryModal({
    lang,
    now,
    versions: page.items.map((v) => ({ id: v.id, createdAt: v.createdAt, author: v.author, comment: v.comment, source: v.source, ...(v.restores !== undefined ? { restores: v.restores } : {}) })),
    hasMore: page.next !== undefined,
    ...(latestId !== undefined ? { latestId } : {}),
    ...(selected !== undefined ? { selected } : {}),
  });
}

function basedOn(admin: AdminServices): { basedOn?: number } {
  const version = admin.options.live.version();
  return version === undefined ? {} : { basedOn: version };
}

/** The fields an edit changed, compared with the rule in force (only those become overrides). */
function changedFields(base: RuleInput | undefined, edited: RuleInput): Partial<Omit<RuleInput, 'id'>> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edited)) {
    if (key === 'id') continue;
    if (base === undefined || JSON.stringify((base as Record<string, unknown>)[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch as Partial<Omit<RuleInput, 'id'>>;
}

function firstInputBlock(view: SlackViewAction['view'] | ViewSubmitAction['view']): string {
  const block = (view.blocks as Array<{ type?: string; block_id?: string }>).find((b) => b.type === 'input' && b.block_id !== undefined);
  return block?.block_id ?? 'admin_rule_id';
}
