/**
 * Reads Slack `message` events into what the moderation core checks, or says why a message is
 * left alone. Pure: no Web API calls (channel and author context are looked up afterwards).
 *
 * Checked: new messages in channels (`channel`, `group`), thread replies, `thread_broadcast`,
 * `file_share` captions, `/me` messages, and edits (`message_changed`) whose text changed.
 * Left alone: DMs and group DMs, bot and app messages (the bot's own included, and edits of
 * them), edits that did not change the text (link unfurls), deletions, joins, topics and the
 * other system subtypes.
 */

/** The subtypes whose text a person wrote. */
const CHECKED_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message']);

/** A message to check, before channel and author context are added. */
export interface MessageToCheck {
  channel: string;
  author: string;
  ts: string;
  threadTs?: string;
  text: string;
  edited: boolean;
}

/** Why a message event is not checked (for debug logs; never the text). */
export type SkipReason =
  | 'direct-message'
  | 'bot'
  | 'own-message'
  | 'system-subtype'
  | 'unchanged-edit'
  | 'no-text'
  | 'malformed';

/** What to do with a message event. */
export type MessageDecision = { check: MessageToCheck } | { skip: SkipReason };

interface RawMessage {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  bot_id?: unknown;
  bot_profile?: unknown;
  app_id?: unknown;
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
  channel?: unknown;
  channel_type?: unknown;
  hidden?: unknown;
  message?: unknown;
  previous_message?: unknown;
}

/**
 * Decides whether a `message` event is checked.
 * @param event the event as Slack delivers it
 * @param botUserId the bot's own user id (from auth.test)
 */
export function readMessageEvent(event: unknown, botUserId: string | undefined): MessageDecision {
  if (event === null || typeof event !== 'object') return { skip: 'malformed' };
  const raw = event as RawMessage;
  const channel = stringField(raw.channel);
  if (channel === undefined) return { skip: 'malformed' };
  if (raw.channel_type === 'im' || raw.channel_type === 'mpim' || channel.startsWith('D')) return { skip: 'direct-message' };

  if (raw.subtype === 'message_changed') return readEdit(raw, channel, botUserId);
  if (!CHECKED_SUBTYPES.has(stringField(raw.subtype))) {
    return { skip: raw.subtype === 'bot_message' ? 'bot' : 'system-subtype' };
  }
  return readAuthored(raw, channel, botUserId, false);
}

function readEdit(raw: RawMessage, channel: string, botUserId: string | undefined): MessageDecision {
  const current = raw.message;
  if (current === null || typeof current !== 'object') return { skip: 'malformed' };
  const message = current as RawMessage;
  const previous = (raw.previous_message ?? {}) as RawMessage;
  if (!CHECKED_SUBTYPES.has(stringField(message.subtype))) return { skip: message.subtype === 'bot_message' ? 'bot' : 'system-subtype' };
  const decision = readAuthored(message, channel, botUserId, true);
  if ('skip' in decision) return decision;
  if (typeof previous.text === 'string' && previous.text === decision.check.text) return { skip: 'unchanged-edit' };
  return decision;
}

function readAuthored(raw: RawMessage, channel: string, botUserId: string | undefined, edited: boolean): MessageDecision {
  const author = stringField(raw.user);
  if (author !== undefined && botUserId !== undefined && author === botUserId) return { skip: 'own-message' };
  if (raw.bot_id !== undefined || raw.bot_profile !== undefined) return { skip: 'bot' };
  const ts = stringField(raw.ts);
  if (author === undefined || ts === undefined) return { skip: 'malformed' };
  const text = typeof raw.text === 'string' ? raw.text : '';
  if (text.trim() === '') return { skip: 'no-text' };
  const check: MessageToCheck = { channel, author, ts, text, edited };
  const threadTs = stringField(raw.thread_ts);
  if (threadTs !== undefined && threadTs !== ts) check.threadTs = threadTs;
  return { check };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
