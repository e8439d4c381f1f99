/**
 * Channel messages: read the event, add channel and author context, hand it to the moderation
 * core. A failure is logged (ids only); a message that could not be recorded is answered 500 so
 * Slack sends it again.
 *
 * Messages are nearly all the traffic, so they are handled by a global middleware that stops
 * there: Bolt would otherwise run every message through each of the app's ~37 listeners'
 * matchers (measured in `npm run bench:e2e`: most of Bolt's cost per event).
 */
import type { AnyMiddlewareArgs, App, Context } from '@slack/bolt';
import type { SlackContext } from '../context';
import { readMessageEvent } from '../message-events';

/** A message could not be recorded: Slack should send it again. Carries no message text. */
export class RetryLater extends Error {
  constructor(readonly eventId: string | undefined) {
    super(`event ${eventId ?? '(no id)'} not recorded; asking Slack to send it again`);
    this.name = 'RetryLater';
  }
}

/** Registers the handling of `message` events (a global middleware that ends there). */
export function registerMessageListener(app: App, ctx: SlackContext): void {
  app.use(async (args) => {
    const body = args.body as { type?: unknown; event?: { type?: unknown } };
    if (body.type !== 'event_callback' || body.event?.type !== 'message') {
      await args.next();
      return;
    }
    await handleMessageEvent(ctx, body.event, args.body, args.context);
  });
  registerChannelChanges(app, ctx);
}

/** One `message` event: checked and recorded, or skipped; throws {@link RetryLater} when not recorded. */
async function handleMessageEvent(ctx: SlackContext, event: unknown, rawBody: AnyMiddlewareArgs['body'], context: Context): Promise<void> {
  const body = rawBody as { event_id?: unknown };
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
    // The channel decides which rules apply (cached per channel). The author is looked up only if
    // the message needs it: a workspace's people each cost a users.info call, rate-limited.
    const channel = await ctx.directory.channel(check.channel);
    if (channel.direct) return;
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
      lookUpAuthor: async () => {
        const author = await ctx.directory.user(check.author);
        return { isBot: author.isBot, ...(author.locale !== undefined ? { locale: author.locale } : {}) };
      },
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
}

/** Channel changes that make cached context stale. */
function registerChannelChanges(app: App, ctx: SlackContext): void {
  // A channel renamed, shared or made private: forget what we knew about it.
  for (const type of ['channel_rename', 'channel_shared', 'channel_unshared', 'group_rename', 'channel_convert_to_private'] as const) {
    app.event(type, async ({ event }) => {
      const channel = (event as { channel?: unknown }).channel;
      const id = typeof channel === 'string' ? channel : typeof channel === 'object' && channel !== null ? (channel as { id?: unknown }).id : undefined;
      if (typeof id === 'string') ctx.directory.forgetChannel(id);
    });
  }
}
