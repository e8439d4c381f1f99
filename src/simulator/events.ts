/**
 * Builders of Events API payloads in Slack's real shapes (field sets checked against
 * slackapi/java-slack-sdk `json-logs/samples/events/` and slackapi/bolt-python
 * `tests/scenario_tests/`). They return the inner `event`; {@link eventCallback} wraps it in
 * the envelope Slack POSTs, and `SlackDelivery.sendEvent` does that for you.
 *
 * `text` is the wire text, as Slack sends it: `&`, `<`, `>` escaped and mentions written
 * `<@U…>`, `<!here>`. Use {@link escapeText} to turn what a person typed into wire text.
 */
import { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID, VERIFICATION_TOKEN } from './constants';
import { dmChannelId, nextClientMsgId, nextEventId, nextTs, tsSeconds } from './ids';
import {
  botProfile,
  channelTypeOf,
  defined,
  fileObject,
  richTextBlocks,
  userObject,
  type ChannelType,
  type FileSpec,
  type Json,
  type UserSpec,
} from './shapes';

export { escapeText, unescapeText } from './shapes';

/** Options common to message events. */
export interface MessageOptions {
  /** Channel id (`C…`, `G…`, `D…`). */
  channel: string;
  /** Author's user id. */
  user: string;
  /** Wire text (escaped, mentions as `<@U…>`). */
  text: string;
  /** Message timestamp; a fresh increasing one when absent. */
  ts?: string;
  /** Parent's ts, for a reply in a thread. */
  threadTs?: string;
  /** Author of the thread's parent (Slack sends `parent_user_id` on replies). */
  parentUserId?: string;
  /** Defaults from the channel id prefix (see {@link channelTypeOf}). */
  channelType?: ChannelType;
}

/** Options of {@link messageEvent}. */
export interface MessageEventOptions extends MessageOptions {
  /** A subtype (`'me_message'`, `'channel_join'`, …); use the dedicated builders for the others. */
  subtype?: string;
  /** Makes it a message posted by an app: `bot_id` + `bot_profile`, no `client_msg_id`. */
  botId?: string;
  /** Attached files (Slack then sets subtype `file_share`: prefer {@link fileShareEvent}). */
  files?: FileSpec[];
  /** Blocks; by default the `rich_text` block a Slack client derives from the text. */
  blocks?: unknown[];
  /** Attachments (unfurls, legacy attachments). */
  attachments?: unknown[];
}

function channelTypeFor(options: { channel: string; channelType?: ChannelType }): ChannelType {
  return options.channelType ?? channelTypeOf(options.channel);
}

/**
 * A `message` event: a person's message by default (with `client_msg_id`, `team`, rich-text
 * `blocks`), or an app's message when `botId` is given.
 */
export function messageEvent(options: MessageEventOptions): Json {
  const ts = options.ts ?? nextTs();
  const fromApp = options.botId !== undefined;
  return defined({
    client_msg_id: fromApp ? undefined : nextClientMsgId(),
    type: 'message',
    subtype: options.subtype,
    text: options.text,
    files: options.files?.map((file) => fileObject(file, options.user, tsSeconds(ts))),
    upload: options.files === undefined ? undefined : false,
    user: options.user,
    bot_id: options.botId,
    app_id: fromApp && options.botId === BOT_ID ? APP_ID : undefined,
    bot_profile: fromApp ? botProfile(options.botId) : undefined,
    display_as_bot: options.files === undefined ? undefined : false,
    ts,
    team: TEAM_ID,
    blocks: options.blocks ?? (options.text === '' ? undefined : richTextBlocks(options.text)),
    attachments: options.attachments,
    thread_ts: options.threadTs,
    parent_user_id: options.threadTs === undefined ? undefined : (options.parentUserId ?? options.user),
    channel: options.channel,
    event_ts: ts,
    channel_type: channelTypeFor(options),
  });
}

/** Options of {@link messageChangedEvent}. */
export interface MessageChangedOptions {
  channel: string;
  /** The edited message's ts. */
  ts: string;
  /** Author of the message. */
  user: string;
  /** Text before the edit. */
  previousText: string;
  /** Text after the edit (the same text with `attachments` models a link unfurl). */
  newText: string;
  /** The message was posted by an app. */
  botId?: string;
  /** Unfurls or attachments present after the edit. */
  attachments?: unknown[];
  /** When the message is a thread reply. */
  threadTs?: string;
  /** ts of the edit event itself; fresh when absent. */
  editTs?: string;
  channelType?: ChannelType;
}

function innerMessage(options: {
  user: string;
  text: string;
  ts: string;
  botId?: string | undefined;
  threadTs?: string | undefined;
}): Json {
  const fromApp = options.botId !== undefined;
  return defined({
    client_msg_id: fromApp ? undefined : nextClientMsgId(),
    type: 'message',
    text: options.text,
    user: options.user,
    bot_id: options.botId,
    bot_profile: fromApp ? botProfile(options.botId) : undefined,
    team: TEAM_ID,
    ts: options.ts,
    thread_ts: options.threadTs,
    parent_user_id: options.threadTs === undefined ? undefined : options.user,
    blocks: options.text === '' ? undefined : richTextBlocks(options.text),
  });
}

/**
 * A `message_changed` event: `hidden: true`, the new state in `message` (with `edited`), the old
 * one in `previous_message`, the event's own `ts` distinct from the edited message's.
 * Note there is no top-level `user`: it is in `message.user`.
 */
export function messageChangedEvent(options: MessageChangedOptions): Json {
  const editTs = options.editTs ?? nextTs();
  const base = { user: options.user, ts: options.ts, botId: options.botId, threadTs: options.threadTs };
  const message = innerMessage({ ...base, text: options.newText });
  const textChanged = options.newText !== options.previousText;
  // Slack adds `edited` only when a person edited the text; an unfurl changes attachments only.
  if (textChanged) message['edited'] = { user: options.user, ts: editTs };
  if (options.attachments !== undefined) message['attachments'] = options.attachments;
  return {
    type: 'message',
    subtype: 'message_changed',
    message,
    previous_message: innerMessage({ ...base, text: options.previousText }),
    channel: options.channel,
    hidden: true,
    ts: editTs,
    event_ts: editTs,
    channel_type: channelTypeFor(options),
  };
}

/** Options of {@link messageDeletedEvent}. */
export interface MessageDeletedOptions {
  channel: string;
  /** The deleted message's ts (`deleted_ts`). */
  ts: string;
  /** Author of the deleted message. */
  user: string;
  /** Its text. */
  previousText: string;
  botId?: string;
  threadTs?: string;
  channelType?: ChannelType;
}

/** A `message_deleted` event: `hidden: true`, `deleted_ts`, the message in `previous_message`. */
export function messageDeletedEvent(options: MessageDeletedOptions): Json {
  const eventTs = nextTs();
  const previous = innerMessage({
    user: options.user,
    text: options.previousText,
    ts: options.ts,
    botId: options.botId,
    threadTs: options.threadTs,
  });
  return {
    type: 'message',
    subtype: 'message_deleted',
    previous_message: previous,
    channel: options.channel,
    hidden: true,
    deleted_ts: options.ts,
    event_ts: eventTs,
    ts: eventTs,
    channel_type: channelTypeFor(options),
  };
}

/** Options of {@link threadBroadcastEvent}. */
export interface ThreadBroadcastOptions extends MessageOptions {
  threadTs: string;
  /** Author of the thread's root; defaults to `user`. */
  rootUser?: string;
  /** Text of the thread's root. */
  rootText?: string;
}

/** A `thread_broadcast` event: a reply also sent to the channel, with the thread's `root`. */
export function threadBroadcastEvent(options: ThreadBroadcastOptions): Json {
  const ts = options.ts ?? nextTs();
  const rootUser = options.rootUser ?? options.user;
  return {
    type: 'message',
    subtype: 'thread_broadcast',
    text: options.text,
    user: options.user,
    ts,
    thread_ts: options.threadTs,
    root: {
      client_msg_id: nextClientMsgId(),
      type: 'message',
      text: options.rootText ?? '',
      user: rootUser,
      ts: options.threadTs,
      team: TEAM_ID,
      thread_ts: options.threadTs,
      reply_count: 1,
      reply_users_count: 1,
      latest_reply: ts,
      reply_users: [options.user],
      is_locked: false,
    },
    client_msg_id: nextClientMsgId(),
    team: TEAM_ID,
    blocks: richTextBlocks(options.text),
    channel: options.channel,
    event_ts: ts,
    channel_type: channelTypeFor(options),
  };
}

/** Options of {@link fileShareEvent}. */
export interface FileShareOptions extends Omit<MessageOptions, 'text'> {
  /** The caption typed with the upload (wire text); may be empty. */
  text?: string;
  /** The files; one `document.pdf` when absent. */
  files?: FileSpec[];
}

/** A `file_share` message: the caption in `text`, full file objects in `files`. */
export function fileShareEvent(options: FileShareOptions): Json {
  return messageEvent({
    ...options,
    text: options.text ?? '',
    subtype: 'file_share',
    files: options.files ?? [{ name: 'document.pdf' }],
  });
}

/** Options of {@link botMessageEvent}. */
export interface BotMessageOptions {
  channel: string;
  /** The integration's bot id; `B0OTHERBOT` when absent. */
  botId?: string;
  text: string;
  /** Display name of the integration. */
  username?: string;
  ts?: string;
  threadTs?: string;
  attachments?: unknown[];
  channelType?: ChannelType;
}

/**
 * A classic `bot_message` (an integration or webhook: subtype `bot_message`, `bot_id`,
 * `username`, no `user`). Apps posting with a bot token produce instead a plain message with
 * `user` + `bot_id`: build those with `messageEvent({ botId })`.
 */
export function botMessageEvent(options: BotMessageOptions): Json {
  const ts = options.ts ?? nextTs();
  return defined({
    type: 'message',
    subtype: 'bot_message',
    text: options.text,
    ts,
    username: options.username ?? 'webhook-bot',
    bot_id: options.botId ?? 'B0OTHERBOT',
    attachments: options.attachments,
    thread_ts: options.threadTs,
    channel: options.channel,
    event_ts: ts,
    channel_type: channelTypeFor(options),
  });
}

/** An `app_home_opened` event; `channel` is the bot's DM with the user. */
export function appHomeOpenedEvent(
  user: string,
  options: { tab?: 'home' | 'messages'; channel?: string; view?: Json } = {},
): Json {
  return defined({
    type: 'app_home_opened',
    user,
    channel: options.channel ?? dmChannelId(user),
    tab: options.tab ?? 'home',
    view: options.view,
    event_ts: nextTs(),
  });
}

/** A `team_join` event (a new member), with the full user object. */
export function teamJoinEvent(user: string | UserSpec): Json {
  const spec = typeof user === 'string' ? { id: user, name: user.toLowerCase() } : user;
  return { type: 'team_join', user: userObject(spec), cache_ts: Math.floor(Date.now() / 1000), event_ts: nextTs() };
}

/** Options of {@link eventCallback}. */
export interface EnvelopeOptions {
  eventId?: string;
  /** Seconds; defaults to now. */
  eventTime?: number;
  teamId?: string;
  botUserId?: string;
  appId?: string;
  /** For shared channels. */
  isExtSharedChannel?: boolean;
}

/**
 * The `event_callback` envelope Slack POSTs to the Request URL, with `authorizations` naming the
 * bot (Bolt reads the team from it).
 */
export function eventCallback(event: Json, options: EnvelopeOptions = {}): Json {
  const teamId = options.teamId ?? TEAM_ID;
  const channel = typeof event['channel'] === 'string' ? event['channel'] : undefined;
  return defined({
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: options.appId ?? APP_ID,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? nextEventId(),
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: options.isExtSharedChannel ?? false,
    event_context: `4-${String(event['type'])}-${teamId}${channel === undefined ? '' : `-${channel}`}`,
  });
}
