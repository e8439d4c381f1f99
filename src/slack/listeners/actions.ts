/**
 * The buttons of reminders, the onboarding DM and App Home: read an article, "this is a
 * mistake", "got it", "I have read the charter". Each is acknowledged at once; what follows is
 * checked on the server (a report is only accepted from the flag's author).
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ReportOutcome } from '../../moderation/staff';
import type { SlackContext } from '../context';
import { ACTION, parseFlagIds } from '../ids';
import { acknowledged, articleModal, mistakeAlreadyRecorded, mistakeRecorded, mistakeUnknown } from '../views';
import { publishHome } from './home';

/** Registers the button listeners. */
export function registerActionListeners(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.readArticle, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const { lang } = await ctx.directory.user(body.user.id);
      const articleId = action.value ?? '';
      const view = articleModal(articleId, ctx.charter(), lang);
      if (view === undefined || body.trigger_id === undefined) return;
      // Admins also see which rules cite the article (and its sub-articles).
      if (ctx.admin !== undefined && (await ctx.admin.options.roles.isAdmin(body.user.id))) {
        const citing = ctx.admin.rulesCiting(articleId);
        const label = lang === 'fr' ? 'Règles qui citent cet article\u202f: ' : 'Rules citing this article: ';
        const list = citing.length === 0 ? (lang === 'fr' ? 'aucune' : 'none') : citing.map((id) => `\`${id}\``).join(', ');
        view.blocks = [...view.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: `${label}${list}` }] }];
      }
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      ctx.logger.error({ action: ACTION.readArticle, err: error }, 'could not open the article');
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.reportMistake, async ({ ack, body, action, respond }) => {
    await ack();
    try {
      const user = body.user.id;
      const { lang } = await ctx.directory.user(user);
      const outcomes: ReportOutcome[] = [];
      for (const flagId of parseFlagIds(action.value)) outcomes.push(await ctx.staff.reportMistake(user, flagId));
      const reply = outcomes.includes('recorded') ? mistakeRecorded(lang) : outcomes.includes('already-reported') ? mistakeAlreadyRecorded(lang) : mistakeUnknown(lang);
      ctx.logger.info({ action: ACTION.reportMistake, user, outcomes }, 'false-positive report');
      await respond({ replace_original: true, ...reply });
    } catch (error) {
      ctx.logger.error({ action: ACTION.reportMistake, err: error }, 'could not record the report');
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.gotIt, async ({ ack, respond }) => {
    await ack();
    try {
      await respond({ delete_original: true });
    } catch (error) {
      ctx.logger.warn({ action: ACTION.gotIt, err: error }, 'could not remove the reminder');
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.acknowledge, async ({ ack, body, client, respond }) => {
    await ack();
    try {
      const user = body.user.id;
      const version = ctx.charterVersion();
      await ctx.staff.acknowledgeCharter(user, version);
      const { lang } = await ctx.directory.user(user);
      if (body.view?.type === 'home') {
        await publishHome(client, ctx, user);
      } else {
        await respond({ replace_original: true, ...acknowledged(lang, ctx.clock.now()) });
      }
    } catch (error) {
      ctx.logger.error({ action: ACTION.acknowledge, err: error }, 'could not record the acknowledgement');
    }
  });
}
