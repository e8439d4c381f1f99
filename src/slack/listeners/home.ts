/**
 * App Home, for everyone: the charter summary, the acknowledgement button, and the user's own
 * reminders (nothing about anyone else).
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackContext } from '../context';
import type { ModerationServices } from '../moderation-services';
import { homeView, moderatorQueueBlocks } from '../views';

/** Flags shown per page of the moderators' queue. */
const QUEUE_PAGE = 10;

/** Builds and publishes a user's App Home. */
export async function publishHome(client: WebClient, ctx: SlackContext, user: string): Promise<void> {
  const [{ lang }, reminders, acknowledgedAt] = await Promise.all([
    ctx.directory.user(user),
    ctx.staff.ownReminders(user, 10),
    ctx.staff.acknowledgedAt(user, ctx.charterVersion()),
  ]);
  const view = homeView({
    lang,
    charter: ctx.charter(),
    charterVersion: ctx.charterVersion(),
    reminders,
    now: ctx.clock.now(),
    retentionDays: ctx.retentionDays,
    ...(acknowledgedAt !== undefined ? { acknowledgedAt } : {}),
  });
  if (ctx.moderation !== undefined && (await ctx.moderation.options.roles.isModerator(user))) {
    view.blocks = [...view.blocks, ...(await queueBlocks(ctx.moderation, user, lang, ctx.clock.now()))];
  }
  if (ctx.admin !== undefined && (await ctx.admin.options.roles.isAdmin(user))) {
    view.blocks = [...view.blocks, ...(await ctx.admin.homeBlocks(lang, ctx.clock.now()))];
  }
  await client.views.publish({ user_id: user, view });
}

/** The moderator's review queue, as filtered and paged in App Home (the view is audited). */
async function queueBlocks(mod: ModerationServices, user: string, lang: Parameters<typeof moderatorQueueBlocks>[0]['lang'], now: number) {
  const state = mod.queue(user);
  const page = await mod.review.listFlags(user, mod.filterOf(state), { limit: QUEUE_PAGE, ...(state.after !== undefined ? { after: state.after } : {}) });
  const reportsByFlag = new Map(page.items.map((flag) => [flag.id, flag.reports] as const));
  const stats = await mod.review.ruleStats(now - 28 * 86_400_000);
  const trend = await mod.options.store.ruleTrend(4, now);
  const rules = mod.options.ruleSet().rules.map((rule) => rule.id);
  return moderatorQueueBlocks({
    lang,
    flags: page.items,
    reportsByFlag,
    filter: {
      status: state.status,
      ...(state.category !== undefined ? { category: state.category } : {}),
      ...(state.rule !== undefined ? { rule: state.rule } : {}),
      ...(state.channel !== undefined ? { channel: state.channel } : {}),
      ...(state.since !== undefined ? { since: state.since } : {}),
    },
    rules: [...rules, 'member-report'],
    hasNext: page.next !== undefined,
    ...(page.next !== undefined ? { nextCursor: page.next } : {}),
    isFirstPage: state.after === undefined,
    stats,
    trend,
    now,
  });
}

/** Registers the `app_home_opened` listener. */
export function registerHomeListener(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, ctx, event.user);
    } catch (error) {
      ctx.logger.error({ user: event.user, err: error }, 'could not publish App Home');
    }
  });
}
