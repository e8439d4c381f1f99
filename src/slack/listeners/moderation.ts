/**
 * Moderators in Slack: decisions on cards and in App Home (dismiss, confirm, escalate, note),
 * the queue's filters and pages, and the "Report to moderators" shortcut for every member.
 *
 * Every moderator action is checked on the server (MODERATORS, ADMINS, their user groups). A
 * refused attempt changes nothing, is audited, and gets a polite private answer.
 */
import type { App, BlockAction, ButtonAction, ConversationsSelectAction, DatepickerAction, MessageShortcut, StaticSelectAction } from '@slack/bolt';
import { CATEGORIES, type Category } from '../../engine/types';
import { maskedExcerpt } from '../../moderation/masked-text';
import { reportToModerators } from '../../moderation/member-report';
import { FLAG_STATUSES, type Decision, type Flag, type FlagStatus } from '../../moderation/model';
import type { SlackContext } from '../context';
import { INPUT, MOD_ACTION, parseFlagIds, REPORT_SHORTCUT, VIEW } from '../ids';
import type { ModerationServices, QueueState } from '../moderation-services';
import { decisionRecorded, noteModal, notModerator, reportModal, reportThanks } from '../views';
import { publishHome } from './home';

const DECISIONS: ReadonlyArray<[string, Decision]> = [
  [MOD_ACTION.dismiss, 'dismiss'],
  [MOD_ACTION.confirm, 'confirm'],
  [MOD_ACTION.escalate, 'escalate'],
];

/** Registers the moderators' listeners and the report shortcut. */
export function registerModerationListeners(app: App, ctx: SlackContext, mod: ModerationServices): void {
  const { store } = mod.options;

  /** Audits a refused attempt and answers privately; true when the user may act. */
  async function allowed(user: string, action: string, target: string, answer?: (text: { text: string }) => Promise<unknown>): Promise<boolean> {
    if (await mod.options.roles.isModerator(user)) return true;
    await store.appendAudit({ actor: user, action: 'refused', target, detail: { action }, at: ctx.clock.now() });
    ctx.logger.warn({ user, action }, 'moderator action refused');
    if (answer !== undefined) {
      const { lang } = await ctx.directory.user(user);
      await answer(notModerator(lang)).catch(() => undefined);
    }
    return false;
  }

  for (const [actionId, decision] of DECISIONS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const user = body.user.id;
      const ids = parseFlagIds(action.value);
      try {
        const reply = (message: { text: string }) => respond({ response_type: 'ephemeral', replace_original: false, ...message });
        if (!(await allowed(user, actionId, `flags:${ids.join(',')}`, body.view === undefined ? reply : undefined))) return;
        const decided: Flag[] = [];
        for (const id of ids) {
          const flag = await mod.review.decide(user, id, decision);
          if (flag !== undefined) decided.push(flag);
        }
        if (decision === 'escalate') await mod.escalate(decided, user);
        const updated = await mod.cards.refresh(decided);
        if (body.view?.type === 'home') {
          await publishHome(client, ctx, user);
        } else if (updated === 0 && decided[0] !== undefined) {
          const { lang } = await ctx.directory.user(user);
          await reply(decisionRecorded(lang, decided[0].status));
        }
      } catch (error) {
        ctx.logger.error({ action: actionId, err: error }, 'could not apply the decision');
      }
    });
  }

  app.action<BlockAction<ButtonAction>>(MOD_ACTION.note, async ({ ack, body, action, respond, client }) => {
    await ack();
    const user = body.user.id;
    const ids = parseFlagIds(action.value);
    try {
      const reply = (message: { text: string }) => respond({ response_type: 'ephemeral', replace_original: false, ...message });
      if (!(await allowed(user, MOD_ACTION.note, `flags:${ids.join(',')}`, body.view === undefined ? reply : undefined))) return;
      if (body.trigger_id === undefined) return;
      const { lang } = await ctx.directory.user(user);
      await client.views.open({ trigger_id: body.trigger_id, view: noteModal(ids, lang) });
    } catch (error) {
      ctx.logger.error({ action: MOD_ACTION.note, err: error }, 'could not open the note');
    }
  });

  app.view(VIEW.note, async ({ ack, body, view, client }) => {
    const user = body.user.id;
    const note = view.state.values[INPUT.note.block]?.[INPUT.note.action]?.value?.trim() ?? '';
    const { lang } = await ctx.directory.user(user);
    if (note === '') {
      await ack({ response_action: 'errors', errors: { [INPUT.note.block]: lang === 'fr' ? 'Écrivez une note, ou fermez la fenêtre.' : 'Write a note, or close the window.' } });
      return;
    }
    await ack();
    try {
      const ids = readFlagIds(view.private_metadata);
      if (!(await allowed(user, VIEW.note, `flags:${ids.join(',')}`))) return;
      const noted: Flag[] = [];
      for (const id of ids) {
        const flag = await mod.review.addNote(user, id, note);
        if (flag !== undefined) noted.push(flag);
      }
      await mod.cards.refresh(noted);
      await publishHome(client, ctx, user);
    } catch (error) {
      ctx.logger.error({ view: VIEW.note, err: error }, 'could not save the note');
    }
  });

  registerQueueControls(app, ctx, mod);

  app.shortcut<MessageShortcut>(REPORT_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    try {
      const { lang } = await ctx.directory.user(shortcut.user.id);
      const message = shortcut.message as { ts: string; user?: string; thread_ts?: string; text?: string };
      const excerpt = maskedExcerpt(message.text ?? '', mod.options.ruleSet());
      const ref = {
        channel: shortcut.channel.id,
        ts: message.ts,
        author: message.user ?? '',
        excerpt,
        ...(message.thread_ts !== undefined && message.thread_ts !== message.ts ? { threadTs: message.thread_ts } : {}),
      };
      await client.views.open({ trigger_id: shortcut.trigger_id, view: reportModal(ref, lang) });
    } catch (error) {
      ctx.logger.error({ shortcut: REPORT_SHORTCUT, err: error }, 'could not open the report form');
    }
  });

  app.view(VIEW.report, async ({ ack, body, view, client }) => {
    await ack();
    const reporter = body.user.id;
    try {
      const ref = JSON.parse(view.private_metadata) as { channel: string; ts: string; author: string; threadTs?: string; excerpt?: string };
      const chosen = view.state.values[INPUT.reportCategory.block]?.[INPUT.reportCategory.action]?.selected_option?.value;
      const category: Category = (CATEGORIES as readonly string[]).includes(chosen ?? '') ? (chosen as Category) : 'custom';
      const reason = view.state.values[INPUT.reportReason.block]?.[INPUT.reportReason.action]?.value ?? undefined;
      const channel = await ctx.directory.channel(ref.channel);
      const permalink = ctx.permalink(ref.channel, ref.ts, ref.threadTs);
      await reportToModerators(
        { store, ruleSet: mod.options.ruleSet(), clock: ctx.clock, logger: ctx.logger, ...(mod.options.onQueued !== undefined ? { onQueued: mod.options.onQueued } : {}) },
        {
          reporter,
          message: {
            channel: ref.channel,
            ts: ref.ts,
            author: ref.author,
            ...(channel.name !== undefined ? { channelName: channel.name } : {}),
            ...(ref.threadTs !== undefined ? { threadTs: ref.threadTs } : {}),
            ...(permalink !== undefined ? { permalink } : {}),
          },
          excerpt: ref.excerpt ?? '',
          category,
          lang: mod.options.moderatorLang,
          ...(reason !== undefined && reason !== null ? { reason } : {}),
        },
      );
      const { lang } = await ctx.directory.user(reporter);
      const thanks = reportThanks(lang);
      await client.chat.postEphemeral({ channel: ref.channel, user: reporter, text: thanks.text, ...(thanks.blocks !== undefined ? { blocks: thanks.blocks } : {}) }).catch(async () => {
        const dm = (await client.conversations.open({ users: reporter })).channel?.id;
        if (dm !== undefined) await client.chat.postMessage({ channel: dm, text: thanks.text });
      });
    } catch (error) {
      ctx.logger.error({ view: VIEW.report, err: error }, 'could not record the report');
    }
  });
}

/** The queue's filters and paging, in App Home. */
function registerQueueControls(app: App, ctx: SlackContext, mod: ModerationServices): void {
  const { store } = mod.options;
  async function change(user: string, action: string, update: (state: QueueState) => QueueState, client: Parameters<typeof publishHome>[0]): Promise<void> {
    if (!(await mod.options.roles.isModerator(user))) {
      await store.appendAudit({ actor: user, action: 'refused', target: 'queue', detail: { action }, at: ctx.clock.now() });
      return;
    }
    mod.setQueue(user, update(mod.queue(user)));
    await publishHome(client, ctx, user);
  }
  const guard = (action: string, work: () => Promise<void>) =>
    work().catch((error: unknown) => ctx.logger.error({ action, err: error }, 'could not update the review queue'));

  app.action<BlockAction<StaticSelectAction>>(MOD_ACTION.filterStatus, async ({ ack, body, action, client }) => {
    await ack();
    const value = action.selected_option.value;
    const status = value === 'all' || (FLAG_STATUSES as readonly string[]).includes(value) ? (value as FlagStatus | 'all') : 'open';
    await guard(MOD_ACTION.filterStatus, () => change(body.user.id, MOD_ACTION.filterStatus, (s) => withoutPage({ ...s, status }), client));
  });
  app.action<BlockAction<StaticSelectAction>>(MOD_ACTION.filterCategory, async ({ ack, body, action, client }) => {
    await ack();
    const value = action.selected_option.value;
    await guard(MOD_ACTION.filterCategory, () =>
      change(body.user.id, MOD_ACTION.filterCategory, (s) => withoutPage(setOptional(s, 'category', (CATEGORIES as readonly string[]).includes(value) ? (value as Category) : undefined)), client),
    );
  });
  app.action<BlockAction<StaticSelectAction>>(MOD_ACTION.filterRule, async ({ ack, body, action, client }) => {
    await ack();
    const value = action.selected_option.value;
    await guard(MOD_ACTION.filterRule, () => change(body.user.id, MOD_ACTION.filterRule, (s) => withoutPage(setOptional(s, 'rule', value === 'all' ? undefined : value)), client));
  });
  app.action<BlockAction<ConversationsSelectAction>>(MOD_ACTION.filterChannel, async ({ ack, body, action, client }) => {
    await ack();
    await guard(MOD_ACTION.filterChannel, () => change(body.user.id, MOD_ACTION.filterChannel, (s) => withoutPage(setOptional(s, 'channel', action.selected_conversation ?? undefined)), client));
  });
  app.action<BlockAction<DatepickerAction>>(MOD_ACTION.filterSince, async ({ ack, body, action, client }) => {
    await ack();
    const date = action.selected_date ?? undefined;
    await guard(MOD_ACTION.filterSince, () => change(body.user.id, MOD_ACTION.filterSince, (s) => withoutPage(setOptional(s, 'since', date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined)), client));
  });
  app.action<BlockAction<ButtonAction>>(MOD_ACTION.pageNext, async ({ ack, body, action, client }) => {
    await ack();
    const after = Number(action.value);
    await guard(MOD_ACTION.pageNext, () => change(body.user.id, MOD_ACTION.pageNext, (s) => (Number.isInteger(after) && after > 0 ? { ...s, after } : withoutPage(s)), client));
  });
  app.action<BlockAction<ButtonAction>>(MOD_ACTION.pageFirst, async ({ ack, body, client }) => {
    await ack();
    await guard(MOD_ACTION.pageFirst, () => change(body.user.id, MOD_ACTION.pageFirst, withoutPage, client));
  });
}

function withoutPage(state: QueueState): QueueState {
  const { after: _after, ...rest } = state;
  return rest;
}

function setOptional<K extends 'category' | 'rule' | 'channel' | 'since'>(state: QueueState, key: K, value: QueueState[K] | undefined): QueueState {
  const next = { ...state };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function readFlagIds(metadata: string): number[] {
  try {
    const parsed = JSON.parse(metadata) as { flags?: unknown };
    return Array.isArray(parsed.flags) ? parsed.flags.filter((id): id is number => Number.isInteger(id) && (id as number) > 0) : [];
  } catch {
    return [];
  }
}
