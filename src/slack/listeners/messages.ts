/**
 * Channel messages: read the event, add channel and author context, hand it to the moderation
 * core. Never throws: a failure is logged (ids only) and the next message goes on.
 */
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { readMessageEvent } from '../message-events';

/** A message could not be recorded: Slack should send it again. Carries no message text. */
export class RetryLater extends Error {
  constructor(readonly eventId: string | undefined) {
    super(`event ${eventId ?? '(no id)'} not recorded; asking Slack to send it again`);
    this.name = 'RetryLater';
  }
}

/** Registers the `message` listener. */
export function registerMessageListener(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event, body, context }) => {
    const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
    try {
      const decision = readMessageEvent(event, context.botUserId);
      if ('skip' in decision) {
        ctx.logger.debug({ eventId, skip: decision.skip }, 'message not checked');
        return;
      }
      const { check } = decision;
      if (eventId === undefined) {
        ctx.logger.warn({ channel: check.channel }, 'message event without event_id: not checked');
        return;
      }
      const [channel, author] = await Promise.all([ctx.directory.channel(check.channel), ctx.directory.user(check.author)]);
      if (channel.direct) return;
      if (author.isBot) return;
      const permalink = ctx.permalink(check.channel, check.ts, check.threadTs);
      await ctx.handleMessage({
        eventId,
        channel: {
          id: check.channel,
          private: channel.private,
          external: channel.external,
          ...(channel.name !== undefined ? { name: channel.name } : {}),
        },
        author: check.author,
        ts: check.ts,
        text: check.text,
        edited: check.edited,
        ...(author.locale !== undefined ? { locale: author.locale } : {}),
        ...(check.threadTs !== undefined ? { threadTs: check.threadTs } : {}),
        ...(permalink !== undefined ? { permalink } : {}),
      });
    } catch (error) {
      // Logged by id and code only. Thrown on to Bolt, which answers 500 (HTTP mode answers only
      // after the listener): Slack then sends the event again, de-duplicated by its event_id,
      // instead of losing it (e.g. the database locked beyond its busy timeout).
      ctx.logger.error({ eventId, err: error }, 'message could not be checked; Slack will send it again');
      throw new RetryLater(eventId);
    }
  });

  // A channel renamed, shared or made private: forget what we knew about it.
  for (const type of ['channel_rename', 'channel_shared', 'channel_unshared', 'group_rename', 'channel_convert_to_private'] as const) {
    app.event(type, async ({ event }) => {
      const channel = (event as { channel?: unknown }).channel;
      const id = typeof channel === 'string' ? channel : typeof channel === 'object' && channel !== null ? (channel as { id?: unknown }).id : undefined;
      if (typeof id === 'string') ctx.directory.forgetChannel(id);
    });
  }
}
