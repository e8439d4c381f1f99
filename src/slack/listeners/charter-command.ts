/**
 * `/charter`, `/charter <article>`, `/charter help`: answered privately, in the user's language.
 */
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { SLASH_COMMAND } from '../ids';
import { charterCommandResponse } from '../views';

/** Registers the slash command. */
export function registerCharterCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ ack, command }) => {
    try {
      const { lang } = await ctx.directory.user(command.user_id);
      await ack(charterCommandResponse(command.text ?? '', ctx.charter(), lang));
    } catch (error) {
      ctx.logger.error({ command: SLASH_COMMAND, err: error }, 'could not answer the command');
      await ack();
    }
  });
}
