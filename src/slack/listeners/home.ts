/**
 * App Home, for everyone: the charter summary, the acknowledgement button, and the user's own
 * reminders (nothing about anyone else).
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackContext } from '../context';
import { homeView } from '../views';

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
  await client.views.publish({ user_id: user, view });
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
