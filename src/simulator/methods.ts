/**
 * The simulated Web API methods: each takes the parsed arguments and answers Slack's JSON
 * (`{ ok: true, … }` or `{ ok: false, error }`), reading and changing the {@link Workspace}.
 * Errors follow Slack's names (`channel_not_found`, `not_in_channel`, `user_not_in_channel`,
 * `cant_delete_message`, …).
 */
import { APP_ID, BOT_ID, BOT_NAME, BOT_USER_ID, TEAM_ID, TEAM_NAME, WORKSPACE_URL } from './constants';
import { microsToTs, nextViewId } from './ids';
import { botProfile, defined, userObject, type Json } from './shapes';
import { applyContent, type PostedMessage, type SimChannel, type Workspace } from './workspace';

/** Arguments of a call, after parsing (JSON fields of form bodies are real arrays/objects). */
export type Args = Record<string, unknown>;

/** A Web API method. */
export type MethodHandler = (workspace: Workspace, args: Args) => Json;

/** A Slack error answer. */
function fail(error: string): Json {
  return { ok: false, error };
}

function str(args: Args, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function bool(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Slack's limits: 50 blocks in a message, 100 in a view; each block has a `type`. */
function blocksError(blocks: unknown, max: number): boolean {
  if (blocks === undefined) return false;
  if (!Array.isArray(blocks) || blocks.length > max) return true;
  return blocks.some((block) => typeof asObject(block)?.['type'] !== 'string');
}

/** A conversation the bot can see: private ones it is not in are invisible (`channel_not_found`). */
function visibleChannel(workspace: Workspace, id: string | undefined): SimChannel | undefined {
  if (id === undefined) return undefined;
  const channel = workspace.channel(id) ?? (id.startsWith('#') ? workspace.channelByName(id) : undefined);
  if (channel === undefined) return undefined;
  if ((channel.isPrivate === true || channel.isIm || channel.isMpim) && !workspace.botIsMember(channel)) return undefined;
  return channel;
}

/** `channel` of chat.postMessage: an id, `#name`, or a user id (posts in the bot's DM with them). */
function postTarget(workspace: Workspace, id: string | undefined): SimChannel | undefined {
  if (id !== undefined && /^[UW]/.test(id) && workspace.user(id) !== undefined) {
    return workspace.channel(workspace.openDm(id).id);
  }
  return visibleChannel(workspace, id) ?? (id === undefined ? undefined : visibleChannel(workspace, `#${id}`));
}

function messageJson(message: PostedMessage): Json {
  return defined({
    user: message.user,
    type: 'message',
    ts: message.ts,
    bot_id: message.botId,
    app_id: message.botId === BOT_ID ? APP_ID : undefined,
    text: message.text,
    team: TEAM_ID,
    bot_profile: message.botId === BOT_ID ? botProfile() : undefined,
    blocks: message.blocks,
    attachments: message.attachments,
    thread_ts: message.threadTs,
    edited: message.updatedAt === undefined ? undefined : { user: message.user, ts: microsToTs(message.updatedAt * 1000) },
  });
}

/** Text, blocks and attachments of a chat.* call, or the error that refuses them. */
function content(args: Args): { error: string } | { text: string; blocks?: unknown[]; attachments?: unknown[] } {
  const text = str(args, 'text');
  const blocks = args['blocks'];
  const attachments = args['attachments'];
  if (blocksError(blocks, 50)) return { error: 'invalid_blocks' };
  if (attachments !== undefined && !Array.isArray(attachments)) return { error: 'invalid_attachments' };
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if ((text === undefined || text === '') && !hasBlocks && !hasAttachments) return { error: 'no_text' };
  const result: { text: string; blocks?: unknown[]; attachments?: unknown[] } = { text: text ?? '' };
  if (hasBlocks) result.blocks = blocks;
  if (hasAttachments) result.attachments = attachments;
  return result;
}

/** The bot's own, visible (not ephemeral, not deleted) message, or the error Slack gives. */
function ownMessage(workspace: Workspace, args: Args, refusal: string): { error: string } | { message: PostedMessage } {
  const channel = visibleChannel(workspace, str(args, 'channel'));
  if (channel === undefined) return { error: 'channel_not_found' };
  const ts = str(args, 'ts');
  const message = ts === undefined ? undefined : workspace.findMessage(channel.id, ts);
  if (message === undefined || message.deleted === true || message.ephemeralTo !== undefined) return { error: 'message_not_found' };
  if (message.user !== BOT_USER_ID && message.botId !== BOT_ID) return { error: refusal };
  return { message };
}

function conversationJson(workspace: Workspace, channel: SimChannel, args: Args): Json {
  if (channel.isIm) {
    return defined({
      id: channel.id,
      created: channel.created,
      is_archived: false,
      is_im: true,
      is_org_shared: false,
      context_team_id: TEAM_ID,
      user: channel.user,
      is_user_deleted: workspace.user(channel.user ?? '')?.deleted ?? false,
      priority: 0,
    });
  }
  const isPrivate = channel.isPrivate ?? false;
  const isExtShared = channel.isExtShared ?? false;
  return defined({
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isMpim && !channel.id.startsWith('G'),
    is_group: channel.id.startsWith('G') && !channel.isMpim,
    is_im: false,
    is_mpim: channel.isMpim,
    is_private: isPrivate,
    created: channel.created,
    is_archived: false,
    is_general: false,
    unlinked: 0,
    name_normalized: channel.name,
    is_shared: isExtShared,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: TEAM_ID,
    is_ext_shared: isExtShared,
    shared_team_ids: [TEAM_ID],
    is_member: workspace.botIsMember(channel),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
    num_members: bool(args, 'include_num_members') ? channel.members.length : undefined,
  });
}

function viewJson(id: string, view: Json, extra: Json = {}): Json {
  return {
    id,
    team_id: TEAM_ID,
    type: view['type'],
    blocks: view['blocks'] ?? [],
    private_metadata: view['private_metadata'] ?? '',
    callback_id: view['callback_id'] ?? '',
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${id.slice(1, 9)}`,
    title: view['title'] ?? { type: 'plain_text', text: 'Charter', emoji: true },
    clear_on_close: view['clear_on_close'] ?? false,
    notify_on_close: view['notify_on_close'] ?? false,
    close: view['close'] ?? null,
    submit: view['submit'] ?? null,
    previous_view_id: null,
    root_view_id: id,
    app_id: APP_ID,
    external_id: view['external_id'] ?? '',
    app_installed_team_id: TEAM_ID,
    bot_id: BOT_ID,
    ...extra,
  };
}

/** The `view` argument, or an error when absent, of the wrong type or with too many blocks. */
function viewArg(args: Args, type: 'home' | 'modal'): { error: string } | { view: Json } {
  const view = asObject(args['view']);
  if (view === undefined || view['type'] !== type || blocksError(view['blocks'] ?? [], 100)) return { error: 'invalid_arguments' };
  return { view };
}

function openModal(workspace: Workspace, args: Args): Json {
  if (str(args, 'trigger_id') === undefined) return fail('invalid_arguments');
  const parsed = viewArg(args, 'modal');
  if ('error' in parsed) return fail(parsed.error);
  workspace.recordOpened(parsed.view);
  const id = nextViewId();
  const stored = viewJson(id, parsed.view);
  workspace.views.set(id, stored);
  return { ok: true, view: stored };
}

/** The implemented Web API methods, by name. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  'api.test': (_workspace, args) => ({ ok: true, args }),

  'auth.test': () => ({
    ok: true,
    url: WORKSPACE_URL,
    team: TEAM_NAME,
    user: BOT_NAME,
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),

  'users.info': (workspace, args) => {
    const user = workspace.user(str(args, 'user') ?? '');
    if (user === undefined) return fail('user_not_found');
    return { ok: true, user: userObject(user, { includeLocale: bool(args, 'include_locale') }) };
  },

  'users.list': (workspace, args) => ({
    ok: true,
    members: workspace.allUsers().map((user) => userObject(user, { includeLocale: bool(args, 'include_locale') })),
    cache_ts: Math.floor(Date.now() / 1000),
    response_metadata: { next_cursor: '' },
  }),

  'usergroups.users.list': (workspace, args) => {
    const group = workspace.userGroup(str(args, 'usergroup') ?? '');
    if (group === undefined) return fail('no_such_subteam');
    return { ok: true, users: [...group.users] };
  },

  'conversations.info': (workspace, args) => {
    const channel = visibleChannel(workspace, str(args, 'channel'));
    if (channel === undefined) return fail('channel_not_found');
    return { ok: true, channel: conversationJson(workspace, channel, args) };
  },

  'conversations.members': (workspace, args) => {
    const channel = visibleChannel(workspace, str(args, 'channel'));
    if (channel === undefined) return fail('channel_not_found');
    return { ok: true, members: [...channel.members], response_metadata: { next_cursor: '' } };
  },

  'conversations.open': (workspace, args) => {
    const raw = args['users'];
    const users = (Array.isArray(raw) ? raw.map(String) : (str(args, 'users') ?? '').split(','))
      .map((user) => user.trim())
      .filter((user) => user !== '');
    if (users.length === 0) return fail(str(args, 'channel') === undefined ? 'users_list_not_supplied' : 'channel_not_found');
    for (const id of users) {
      const user = workspace.user(id);
      if (user === undefined) return fail('user_not_found');
      if (user.deleted === true) return fail('user_disabled');
    }
    const [only] = users;
    if (users.length === 1 && only !== undefined) {
      const { id, created } = workspace.openDm(only);
      const channel = workspace.channel(id);
      const full = bool(args, 'return_im') && channel !== undefined;
      return defined({
        ok: true,
        no_op: created ? undefined : true,
        already_open: created ? undefined : true,
        channel: full ? conversationJson(workspace, channel, args) : { id },
      });
    }
    return { ok: true, channel: { id: workspace.openMpim(users) } };
  },

  'chat.postMessage': (workspace, args) => {
    const channel = postTarget(workspace, str(args, 'channel'));
    if (channel === undefined) return fail('channel_not_found');
    if (!workspace.botIsMember(channel)) return fail('not_in_channel');
    const body = content(args);
    if ('error' in body) return fail(body.error);
    const threadTs = str(args, 'thread_ts');
    const message = workspace.addMessage({
      channel: channel.id,
      user: BOT_USER_ID,
      botId: BOT_ID,
      ...body,
      ...(threadTs === undefined ? {} : { threadTs }),
    });
    return { ok: true, channel: channel.id, ts: message.ts, message: messageJson(message) };
  },

  'chat.postEphemeral': (workspace, args) => {
    const channel = postTarget(workspace, str(args, 'channel'));
    if (channel === undefined) return fail('channel_not_found');
    if (!workspace.botIsMember(channel)) return fail('not_in_channel');
    const userId = str(args, 'user');
    const user = userId === undefined ? undefined : workspace.user(userId);
    if (userId === undefined || user === undefined) return fail('user_not_found');
    if (!channel.members.includes(userId)) return fail('user_not_in_channel');
    const body = content(args);
    if ('error' in body) return fail(body.error);
    const threadTs = str(args, 'thread_ts');
    const message = workspace.addMessage({
      channel: channel.id,
      user: BOT_USER_ID,
      botId: BOT_ID,
      ...body,
      ephemeralTo: userId,
      ...(threadTs === undefined ? {} : { threadTs }),
    });
    return { ok: true, message_ts: message.ts };
  },

  'chat.update': (workspace, args) => {
    const found = ownMessage(workspace, args, 'cant_update_message');
    if ('error' in found) return fail(found.error);
    if (blocksError(args['blocks'], 50)) return fail('invalid_blocks');
    const { message } = found;
    applyContent(message, args);
    message.updatedAt = Date.now();
    return { ok: true, channel: message.channel, ts: message.ts, text: message.text, message: messageJson(message) };
  },

  'chat.delete': (workspace, args) => {
    const found = ownMessage(workspace, args, 'cant_delete_message');
    if ('error' in found) return fail(found.error);
    found.message.deleted = true;
    return { ok: true, channel: found.message.channel, ts: found.message.ts };
  },

  'chat.getPermalink': (workspace, args) => {
    const channel = visibleChannel(workspace, str(args, 'channel'));
    if (channel === undefined) return fail('channel_not_found');
    const ts = str(args, 'message_ts');
    if (ts === undefined) return fail('message_not_found');
    const message = workspace.findMessage(channel.id, ts);
    const base = `${WORKSPACE_URL}archives/${channel.id}/p${ts.replace('.', '')}`;
    const thread = message?.threadTs;
    const permalink = thread === undefined ? base : `${base}?thread_ts=${thread}&cid=${channel.id}`;
    return { ok: true, channel: channel.id, permalink };
  },

  'views.publish': (workspace, args) => {
    const user = str(args, 'user_id');
    if (user === undefined) return fail('invalid_arguments');
    const parsed = viewArg(args, 'home');
    if ('error' in parsed) return fail(parsed.error);
    workspace.recordPublished(user, parsed.view);
    const id = workspace.homeViewIds.get(user) ?? nextViewId();
    workspace.homeViewIds.set(user, id);
    const stored = viewJson(id, parsed.view);
    workspace.views.set(id, stored);
    return { ok: true, view: stored };
  },

  'views.open': openModal,
  'views.push': openModal,

  'views.update': (workspace, args) => {
    const externalId = str(args, 'external_id');
    let id = str(args, 'view_id');
    if (id === undefined && externalId !== undefined) {
      for (const [viewId, view] of workspace.views) if (view['external_id'] === externalId) id = viewId;
    }
    const current = id === undefined ? undefined : workspace.views.get(id);
    const view = asObject(args['view']);
    if (id === undefined || current === undefined) return fail('not_found');
    if (view === undefined || blocksError(view['blocks'] ?? [], 100)) return fail('invalid_arguments');
    const stored = viewJson(id, { ...view, type: view['type'] ?? current['type'] });
    workspace.views.set(id, stored);
    return { ok: true, view: stored };
  },
};
