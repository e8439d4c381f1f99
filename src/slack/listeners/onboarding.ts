/**
 * Onboarding: a new member gets a DM with the charter and the acknowledgement button
 * (`ONBOARDING=false` turns it off). Bots and guests' bots are not greeted.
 */
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { onboardingMessage } from '../views';

/** Registers the `team_join` listener. */
export function registerOnboarding(app: App, ctx: SlackContext): void {
  app.event('team_join', async ({ event, client }) => {
    if (!ctx.onboarding) return;
    const user = event.user as { id?: unknown; is_bot?: unknown; deleted?: unknown };
    if (typeof user.id !== 'string' || user.is_bot === true || user.deleted === true) return;
    try {
      const { lang } = await ctx.directory.user(user.id);
      const message = onboardingMessage(ctx.charter(), lang, ctx.charterVersion());
      const opened = await client.conversations.open({ users: user.id });
      const dm = opened.channel?.id;
      if (dm === undefined) return;
      await client.chat.postMessage({ channel: dm, text: message.text, blocks: message.blocks });
      ctx.logger.info({ user: user.id }, 'onboarding DM sent');
    } catch (error) {
      ctx.logger.error({ user: user.id, err: error }, 'could not send the onboarding DM');
    }
  });
}
