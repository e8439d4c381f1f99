/**
 * Slack object shapes shared by the payload builders and the simulated Web API: user objects
 * (`users.info`, `team_join`), file objects (`file_share`), the rich-text blocks Slack clients
 * attach to typed messages, and bot profiles. Field sets follow slackapi/java-slack-sdk
 * `json-logs/samples/` and slackapi/bolt-python `tests/scenario_tests/`.
 */
import { APP_ID, BOT_ID, BOT_NAME, TEAM_DOMAIN, TEAM_ID } from './constants';
import { nextFileId, randomBlockId } from './ids';

/** A JSON object as it travels on the wire. */
export type Json = Record<string, unknown>;

/** Copies `object` without its `undefined` members (Slack omits absent fields). */
export function defined(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}

/** A workspace member as tests describe it. */
export interface UserSpec {
  /** `U…` (or `W…` on Enterprise Grid). */
  id: string;
  /** The handle, e.g. `'alice'`. */
  name: string;
  /** Full name; defaults to `name`. */
  realName?: string;
  /** Slack locale, `'fr-FR'` or `'en-US'`; `users.info` returns it only with `include_locale`. */
  locale?: string;
  /** A bot user (another app). */
  isBot?: boolean;
  /** The bot id of a bot user. */
  botId?: string;
  /** A deactivated account. */
  deleted?: boolean;
  /** Workspace admin. */
  isAdmin?: boolean;
  /** Time zone, default `'Europe/Paris'`. */
  tz?: string;
}

const TZ_OFFSETS: Record<string, [label: string, offset: number]> = {
  'Europe/Paris': ['Central European Time', 3600],
  'Europe/London': ['Greenwich Mean Time', 0],
  'America/New_York': ['Eastern Standard Time', -18000],
};

/** The user object of `users.info` / `users.list` / `team_join`. */
export function userObject(user: UserSpec, options: { includeLocale?: boolean } = {}): Json {
  const realName = user.realName ?? user.name;
  const tz = user.tz ?? 'Europe/Paris';
  const [tzLabel, tzOffset] = TZ_OFFSETS[tz] ?? ['Coordinated Universal Time', 0];
  const firstSpace = realName.indexOf(' ');
  return defined({
    id: user.id,
    team_id: TEAM_ID,
    name: user.name,
    deleted: user.deleted ?? false,
    color: '9f69e7',
    real_name: realName,
    tz,
    tz_label: tzLabel,
    tz_offset: tzOffset,
    profile: defined({
      title: '',
      phone: '',
      skype: '',
      real_name: realName,
      real_name_normalized: realName,
      display_name: user.name,
      display_name_normalized: user.name,
      fields: null,
      status_text: '',
      status_emoji: '',
      status_expiration: 0,
      avatar_hash: 'g0000000000a',
      bot_id: user.isBot === true ? user.botId : undefined,
      api_app_id: user.isBot === true && user.botId === BOT_ID ? APP_ID : undefined,
      always_active: user.isBot === true ? true : undefined,
      first_name: firstSpace > 0 ? realName.slice(0, firstSpace) : realName,
      last_name: firstSpace > 0 ? realName.slice(firstSpace + 1) : '',
      image_24: 'https://a.slack-edge.com/80588/img/avatars/ava_0001-24.png',
      image_48: 'https://a.slack-edge.com/80588/img/avatars/ava_0001-48.png',
      image_72: 'https://a.slack-edge.com/80588/img/avatars/ava_0001-72.png',
      team: TEAM_ID,
    }),
    is_admin: user.isAdmin ?? false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: 1732790400,
    is_email_confirmed: user.isBot !== true,
    who_can_share_contact_card: 'EVERYONE',
    locale: options.includeLocale === true ? (user.locale ?? 'en-US') : undefined,
  });
}

/** The bot profile Slack attaches to messages posted by an app. */
export function botProfile(botId: string = BOT_ID, name: string = BOT_NAME, appId: string = APP_ID): Json {
  return {
    id: botId,
    deleted: false,
    name,
    updated: 1732790400,
    app_id: appId,
    icons: {
      image_36: 'https://a.slack-edge.com/80588/img/plugins/app/bot_36.png',
      image_48: 'https://a.slack-edge.com/80588/img/plugins/app/bot_48.png',
      image_72: 'https://a.slack-edge.com/80588/img/plugins/app/service_72.png',
    },
    team_id: TEAM_ID,
  };
}

/** A file attached to a `file_share` message, as tests describe it. */
export interface FileSpec {
  /** File name, e.g. `'payslips.xlsx'`. */
  name: string;
  /** Defaults from the extension (`application/pdf`, `image/png`, …). */
  mimetype?: string;
  /** Title shown in Slack; defaults to the name. */
  title?: string;
  /** Bytes. */
  size?: number;
  /** `F…`; generated when absent. */
  id?: string;
}

const MIME: Record<string, [mimetype: string, prettyType: string]> = {
  pdf: ['application/pdf', 'PDF'],
  png: ['image/png', 'PNG'],
  jpg: ['image/jpeg', 'JPEG'],
  jpeg: ['image/jpeg', 'JPEG'],
  txt: ['text/plain', 'Plain Text'],
  csv: ['text/csv', 'CSV'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel Spreadsheet'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word Document'],
};

/** The file object of a `file_share` message. */
export function fileObject(file: FileSpec, user: string, createdSeconds: number): Json {
  const id = file.id ?? nextFileId();
  const dot = file.name.lastIndexOf('.');
  const filetype = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : 'binary';
  const [defaultMime, prettyType] = MIME[filetype] ?? ['application/octet-stream', 'Binary'];
  const encoded = encodeURIComponent(file.name);
  return {
    id,
    created: createdSeconds,
    timestamp: createdSeconds,
    name: file.name,
    title: file.title ?? file.name,
    mimetype: file.mimetype ?? defaultMime,
    filetype,
    pretty_type: prettyType,
    user,
    user_team: TEAM_ID,
    editable: false,
    size: file.size ?? 1024,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: true,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: `https://files.slack.com/files-pri/${TEAM_ID}-${id}/${encoded}`,
    url_private_download: `https://files.slack.com/files-pri/${TEAM_ID}-${id}/download/${encoded}`,
    media_display_type: 'unknown',
    permalink: `https://${TEAM_DOMAIN}.slack.com/files/${user}/${id}/${encoded}`,
    permalink_public: `https://slack-files.com/${TEAM_ID}-${id}-0000000000`,
    has_rich_preview: false,
    file_access: 'visible',
  };
}

/** `&amp;` `&lt;` `&gt;` → `&` `<` `>` (Slack's three escapes). */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * What a Slack client sends for text a person typed: `&`, `<`, `>` escaped. Use it to build the
 * `text` of an event from what the user "typed"; mentions must then be written `<@U…>`.
 */
export function escapeText(typed: string): string {
  return typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The `rich_text` block a Slack client attaches to a typed message, derived from its wire text:
 * `<@U…>` become `user` elements, `<#C…|name>` `channel`, `<!here>` `broadcast`, `<url|label>`
 * `link`, the rest `text` (unescaped, as Slack does inside blocks).
 */
export function richTextBlocks(text: string): Json[] {
  const elements: Json[] = [];
  const pattern = /<([^<>]+)>/g;
  let last = 0;
  const pushText = (raw: string): void => {
    if (raw !== '') elements.push({ type: 'text', text: unescapeText(raw) });
  };
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const inner = match[1] ?? '';
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) elements.push({ type: 'user', user_id: target.slice(1) });
    else if (target.startsWith('#')) elements.push({ type: 'channel', channel_id: target.slice(1) });
    else if (target.startsWith('!subteam^')) elements.push({ type: 'usergroup', usergroup_id: target.slice(9) });
    else if (target.startsWith('!')) elements.push({ type: 'broadcast', range: target.slice(1) });
    else elements.push(defined({ type: 'link', url: unescapeText(target), text: label === undefined ? undefined : unescapeText(label) }));
  }
  pushText(text.slice(last));
  return [{ type: 'rich_text', block_id: randomBlockId(), elements: [{ type: 'rich_text_section', elements }] }];
}

/** Slack's `channel_type` of a message event. */
export type ChannelType = 'channel' | 'group' | 'im' | 'mpim';

/**
 * A guess of `channel_type` from the id: `D…` → `'im'`, `G…` → `'group'`, else `'channel'`.
 * Private channels created today have `C…` ids too: pass `channelType` explicitly for them.
 */
export function channelTypeOf(channel: string): ChannelType {
  if (channel.startsWith('D')) return 'im';
  if (channel.startsWith('G')) return 'group';
  return 'channel';
}
