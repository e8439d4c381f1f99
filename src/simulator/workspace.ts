/**
 * The simulated workspace's state: members, channels and their members, DMs, user groups,
 * messages (including ephemerals and deleted ones), App Home and modal views, and the posts
 * received on response URLs. No I/O: the HTTP layer ({@link ./web-api}) and the Web API
 * methods ({@link ./methods}) work on it.
 */
import { BOT_ID, BOT_NAME, BOT_USER_ID } from './constants';
import { dmChannelId, nextMpimId, nextTs } from './ids';
import type { Json, UserSpec } from './shapes';

/** A conversation as tests describe it. */
export interface ChannelSpec {
  /** `C…` (public or private) or `G…` (legacy private). */
  id: string;
  /** Name without `#`. */
  name: string;
  isPrivate?: boolean;
  /** Shared with another organisation (Slack Connect). */
  isExtShared?: boolean;
  /** Member user ids; the bot is a member when its user id is listed. */
  members: string[];
}

/** A conversation as the simulator stores it (channels, DMs, multi-person DMs). */
export interface SimChannel extends ChannelSpec {
  isIm: boolean;
  isMpim: boolean;
  /** The other member of a DM. */
  user?: string;
  created: number;
}

/** A message as Slack would show it. */
export interface PostedMessage {
  ts: string;
  channel: string;
  /** The poster: the bot user id for the bot's messages; absent for classic bot messages. */
  user?: string;
  /** Set on messages posted by an app or integration. */
  botId?: string;
  /** Slack subtype (`file_share`, `bot_message`, `thread_broadcast`, …). */
  subtype?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** Parent's ts when this is a thread reply. */
  threadTs?: string;
  /** The only user who sees this ephemeral message. */
  ephemeralTo?: string;
  /** `Date.now()` of the last edit. */
  updatedAt?: number;
  deleted?: boolean;
}

/** A post received on a response URL. */
export interface RecordedResponse {
  /** The id in `/response/<id>`. */
  id: string;
  /** The JSON posted. */
  body: unknown;
  /** `Date.now()` on receipt. */
  at: number;
  replaceOriginal?: boolean;
  deleteOriginal?: boolean;
}

/** What a response URL belongs to, so that posts on it act as Slack's do. */
export interface ResponseTarget {
  /** Channel of the message or command. */
  channel: string;
  /** The message the interaction came from (replace/delete act on it). */
  messageTs?: string;
  /** The user who clicked or typed the command: new ephemeral responses are shown to them. */
  user?: string;
}

/** A user group (`S…`), e.g. the moderators. */
export interface UserGroupSpec {
  id: string;
  users: string[];
  handle?: string;
}

/** The mutable state of the simulated workspace. */
export class Workspace {
  private readonly users = new Map<string, UserSpec>();
  private readonly channels = new Map<string, SimChannel>();
  private readonly dms = new Map<string, string>();
  private readonly userGroups = new Map<string, UserGroupSpec>();
  private readonly messagesByChannel = new Map<string, PostedMessage[]>();
  private readonly published = new Map<string, unknown[]>();
  private readonly opened: unknown[] = [];
  /** Current state of each view, by view id. */
  readonly views = new Map<string, Json>();
  /** App Home view id per user (Slack keeps one per user). */
  readonly homeViewIds = new Map<string, string>();
  private readonly responseLog: RecordedResponse[] = [];
  private readonly responseTargets = new Map<string, ResponseTarget>();

  constructor() {
    this.addUser({ id: BOT_USER_ID, name: BOT_NAME, realName: 'Charter Bot', isBot: true, botId: BOT_ID });
  }

  /** Adds or replaces a member. */
  addUser(user: UserSpec): void {
    this.users.set(user.id, { ...user });
  }

  /** A member, or `undefined`. */
  user(id: string): UserSpec | undefined {
    return this.users.get(id);
  }

  /** Every member, the bot included. */
  allUsers(): UserSpec[] {
    return [...this.users.values()];
  }

  /** Adds or replaces a channel. */
  addChannel(channel: ChannelSpec): void {
    this.channels.set(channel.id, { ...channel, members: [...channel.members], isIm: false, isMpim: false, created: 1732790400 });
  }

  /** A conversation by id, or `undefined`. */
  channel(id: string): SimChannel | undefined {
    return this.channels.get(id);
  }

  /** A channel by name (with or without `#`). */
  channelByName(name: string): SimChannel | undefined {
    const bare = name.replace(/^#/, '');
    for (const channel of this.channels.values()) if (!channel.isIm && channel.name === bare) return channel;
    return undefined;
  }

  /** Whether the bot is a member of the conversation (always for its DMs). */
  botIsMember(channel: SimChannel): boolean {
    return channel.members.includes(BOT_USER_ID);
  }

  /** Opens (or finds) the bot's DM with `user`; `created` tells whether it was new. */
  openDm(user: string): { id: string; created: boolean } {
    const existing = this.dms.get(user);
    if (existing !== undefined) return { id: existing, created: false };
    const id = dmChannelId(user);
    this.channels.set(id, { id, name: id, members: [user, BOT_USER_ID], isIm: true, isMpim: false, user, created: Math.floor(Date.now() / 1000) });
    this.dms.set(user, id);
    return { id, created: true };
  }

  /** Opens a multi-person DM between the bot and `users`. */
  openMpim(users: string[]): string {
    const members = [...new Set([...users, BOT_USER_ID])].sort();
    for (const channel of this.channels.values()) {
      if (channel.isMpim && channel.members.join(',') === members.join(',')) return channel.id;
    }
    const id = nextMpimId();
    this.channels.set(id, { id, name: `mpdm-${members.join('--')}-1`, members, isIm: false, isMpim: true, isPrivate: true, created: Math.floor(Date.now() / 1000) });
    return id;
  }

  /** The DM `conversations.open` created for `user`, if any. */
  dmChannelOf(user: string): string | undefined {
    return this.dms.get(user);
  }

  /** Adds or replaces a user group. */
  addUserGroup(group: UserGroupSpec): void {
    this.userGroups.set(group.id, { ...group, users: [...group.users] });
  }

  /** A user group, or `undefined`. */
  userGroup(id: string): UserGroupSpec | undefined {
    return this.userGroups.get(id);
  }

  /** Appends a message (a fresh `ts` when absent) and returns the stored message. */
  addMessage(message: Omit<PostedMessage, 'ts'> & { ts?: string }): PostedMessage {
    const stored: PostedMessage = { ...message, ts: message.ts ?? nextTs() };
    const list = this.messagesByChannel.get(stored.channel) ?? [];
    list.push(stored);
    this.messagesByChannel.set(stored.channel, list);
    return stored;
  }

  /** The stored message of `channel` at `ts` (ephemerals included), or `undefined`. */
  findMessage(channel: string, ts: string): PostedMessage | undefined {
    return this.messagesByChannel.get(channel)?.find((message) => message.ts === ts);
  }

  /** Copies of the messages of a channel, in posting order. */
  messages(channel: string): PostedMessage[] {
    return (this.messagesByChannel.get(channel) ?? []).map((message) => ({ ...message }));
  }

  /** Records a view passed to `views.publish`. */
  recordPublished(user: string, view: unknown): void {
    const list = this.published.get(user) ?? [];
    list.push(view);
    this.published.set(user, list);
  }

  /** `views.publish` history for a user. */
  publishedViews(user: string): unknown[] {
    return [...(this.published.get(user) ?? [])];
  }

  /** Records a view passed to `views.open` (or `views.push`). */
  recordOpened(view: unknown): void {
    this.opened.push(view);
  }

  /** `views.open` history. */
  openedViews(): unknown[] {
    return [...this.opened];
  }

  /** Binds a response URL id to the message or command it answers. */
  bindResponse(id: string, target: ResponseTarget): void {
    this.responseTargets.set(id, { ...target });
  }

  /**
   * Applies a post on a response URL as Slack does when the URL is bound to a target:
   * `delete_original` deletes the message, `replace_original` replaces its text and blocks,
   * otherwise a new message appears (ephemeral to the user unless `response_type: 'in_channel'`).
   */
  receiveResponse(id: string, body: unknown): RecordedResponse {
    const fields: Json = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : {};
    const replace = isTrue(fields['replace_original']);
    const remove = isTrue(fields['delete_original']);
    const recorded: RecordedResponse = { id, body, at: Date.now() };
    if (replace) recorded.replaceOriginal = true;
    if (remove) recorded.deleteOriginal = true;
    this.responseLog.push(recorded);
    const target = this.responseTargets.get(id);
    if (target === undefined) return recorded;
    const original = target.messageTs === undefined ? undefined : this.findMessage(target.channel, target.messageTs);
    if (remove) {
      if (original !== undefined) original.deleted = true;
    } else if (replace && original !== undefined) {
      applyContent(original, fields);
      original.updatedAt = Date.now();
    } else {
      const inChannel = fields['response_type'] === 'in_channel';
      const message: Omit<PostedMessage, 'ts'> = { channel: target.channel, user: BOT_USER_ID, botId: BOT_ID, text: '' };
      applyContent(message, fields);
      if (!inChannel && target.user !== undefined) message.ephemeralTo = target.user;
      if (typeof fields['thread_ts'] === 'string') message.threadTs = fields['thread_ts'];
      this.addMessage(message);
    }
    return recorded;
  }

  /** Posts received on response URLs. */
  responses(): RecordedResponse[] {
    return this.responseLog.map((response) => ({ ...response }));
  }

  /**
   * Keeps the workspace in step with an event delivered to the app: a person's message appears
   * in its channel, `message_changed` edits it, `message_deleted` deletes it.
   */
  ingestEvent(event: Json): void {
    if (event['type'] !== 'message' || typeof event['channel'] !== 'string') return;
    const channel = event['channel'];
    const subtype = typeof event['subtype'] === 'string' ? event['subtype'] : undefined;
    if (subtype === 'message_changed') {
      const inner = asJson(event['message']);
      const ts = inner?.['ts'];
      if (inner === undefined || typeof ts !== 'string') return;
      const existing = this.findMessage(channel, ts);
      if (existing === undefined) this.addMessage(messageFromEvent({ ...inner, channel }));
      else {
        applyContent(existing, inner);
        existing.updatedAt = Date.now();
      }
      return;
    }
    if (subtype === 'message_deleted') {
      const ts = event['deleted_ts'];
      const existing = typeof ts === 'string' ? this.findMessage(channel, ts) : undefined;
      if (existing !== undefined) existing.deleted = true;
      return;
    }
    const ts = event['ts'];
    if (typeof ts !== 'string' || event['hidden'] === true || this.findMessage(channel, ts) !== undefined) return;
    this.addMessage(messageFromEvent({ ...event, channel }));
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function asJson(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Copies `text`, `blocks`, `attachments` of a Slack message body onto a stored message. */
export function applyContent(message: Omit<PostedMessage, 'ts'>, fields: Json): void {
  if (typeof fields['text'] === 'string') message.text = fields['text'];
  if (Array.isArray(fields['blocks'])) message.blocks = fields['blocks'];
  if (Array.isArray(fields['attachments'])) message.attachments = fields['attachments'];
}

function messageFromEvent(event: Json & { channel: string }): PostedMessage {
  const message: PostedMessage = {
    ts: typeof event['ts'] === 'string' ? event['ts'] : nextTs(),
    channel: event.channel,
    text: typeof event['text'] === 'string' ? event['text'] : '',
  };
  if (typeof event['user'] === 'string') message.user = event['user'];
  if (typeof event['bot_id'] === 'string') message.botId = event['bot_id'];
  if (typeof event['subtype'] === 'string') message.subtype = event['subtype'];
  if (Array.isArray(event['blocks'])) message.blocks = event['blocks'];
  if (Array.isArray(event['attachments'])) message.attachments = event['attachments'];
  const threadTs = event['thread_ts'];
  if (typeof threadTs === 'string' && threadTs !== message.ts) message.threadTs = threadTs;
  return message;
}
