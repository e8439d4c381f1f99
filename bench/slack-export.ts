/**
 * Generator of a realistic Slack workspace export, for the audit's tests and bench.
 *
 * Layout as Slack writes it: users.json, channels.json (public, Slack Connect ones shared),
 * groups.json (private), mpims.json, dms.json, and one folder per conversation with one
 * `YYYY-MM-DD.json` per day (pretty-printed, 4 spaces, like Slack).
 *
 * Messages come from the clean chat corpus (`chat-corpus.ts`: FR ~60 %, EN ~40 %, with each
 * message's channel), a few channels remapped (projet-*, an mpim, a DM), mixed with a small share
 * of rule-breaking messages (insults, profanity, a card number, a token, `mdr` in client
 * channels, `<!channel>`), joins, bot messages, file shares, edits and threads.
 *
 * Streaming: one day is generated, bucketed per channel, written file by file, then dropped;
 * only a day's messages and counters are in memory, so 1,000,000 messages is fine.
 *
 * Usage as a script: `node build/bench/slack-export.js OUT_DIR [MESSAGES] [--zip]`.
 */
import { createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { ZipFile } from 'yazl';
import { streamCleanChat, type GeneratedMessage } from './chat-corpus';
import { mulberry32, pick, type Rng } from './random';

export interface SlackExportOptions {
  /** Messages in all (joins, bot messages, rule-breaking ones included). */
  messages: number;
  seed?: number;
  /** Days the export spans (default: about 4,000 messages a day, 3 to 365 days). */
  days?: number;
  /** Also write `<dir>.zip` next to the directory. */
  zip?: boolean;
}

type Kind = 'channel' | 'group' | 'mpim' | 'dm';

/** What was written, to check a reader against. */
export interface SlackExportSummary {
  dir: string;
  zip?: string;
  messages: number;
  /** Day files written (one per conversation and day with messages). */
  dayFiles: number;
  days: number;
  firstDay: string;
  lastDay: string;
  /** Entries of users.json, including the bot and users with no locale. */
  users: number;
  /** Conversations in channels/groups/mpims/dms.json. */
  conversations: number;
  /** Messages per conversation folder. */
  perFolder: Record<string, number>;
  perKind: Record<Kind, number>;
  /** Messages per subtype (`channel_join`, `bot_message`…). */
  subtypes: Record<string, number>;
  /** Messages with a bot_id. */
  botMessages: number;
  threadRoots: number;
  threadReplies: number;
  edited: number;
  fileShares: number;
  /** Messages planted to break the charter. */
  ruleBreaking: number;
  /** Messages whose author has a locale in users.json. */
  byLang: { fr: number; en: number };
}

// ───────────────────────────────────────────────────────────────────────────── helpers


function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function slackId(prefix: string, name: string): string {
  return (prefix + '0' + fnv1a(name).toString(36).toUpperCase() + fnv1a(name + '#').toString(36).toUpperCase()).slice(0, 11);
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'.charAt(Math.floor(rng() * 16));
  return s;
}

function uuid(rng: Rng): string {
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`;
}

function isoDay(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** 2026-01-05, a Monday. */
const START_DAY = Date.UTC(2026, 0, 5) / 86_400_000;
const TEAM = 'T0ACME0001';
const CLIENT_TEAM = 'T0CLIENT01';

// ─────────────────────────────────────────────────────────────────────────────── people

interface User {
  id: string;
  name: string;
  realName: string;
  lang?: 'fr' | 'en';
  locale?: string;
  isBot?: boolean;
  botId?: string;
}

function person(full: string, locale: string): User {
  const [first = full, ...rest] = full.split(' ');
  const name = `${first}.${rest.join('')}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  return { id: slackId('U', full), name, realName: full, lang: locale.startsWith('fr') ? 'fr' : 'en', locale };
}

const USERS_FR: readonly User[] = [
  'Camille Martin', 'Julien Bernard', 'Sophie Dubois', 'Thomas Lefèvre', 'Léa Moreau', 'Nicolas Laurent',
  'Chloé Garcia', 'Antoine Roux', 'Manon Fournier', 'Karim Mansouri', 'Amina Diallo', 'Hugo Bonnet',
].map((n) => person(n, 'fr-FR'));
const USERS_EN: readonly User[] = [
  ['James Walker', 'en-GB'], ['Emily Clarke', 'en-GB'], ['Priya Patel', 'en-US'], ['Daniel Hughes', 'en-US'],
  ['Grace Evans', 'en-GB'], ['David Kim', 'en-US'], ['Aisha Okafor', 'en-US'], ['Lucy Morgan', 'en-GB'],
].map(([n, l]) => person(n ?? '', l ?? 'en-US'));
const BOT: User = { id: 'U0DEPLOYBT', name: 'deploybot', realName: 'Deploy Bot', isBot: true, botId: 'B0DEPLOYBT' };
const AUTHORS: Readonly<Record<'fr' | 'en', readonly User[]>> = { fr: USERS_FR, en: USERS_EN };

// ───────────────────────────────────────────────────────────────────── rule-breaking texts

/** Secrets are assembled from pieces so this file holds no scannable credential. */
const CARD = ['4970', '1012', '3456', '7893'].join(' ');
const TOKEN = ['xoxb', '2918273645', '1827364519', 'aBcDeFgHiJkLmNoPqRsTuVwX'].join('-');

const BREAKING: Readonly<Record<'fr' | 'en', readonly string[]>> = {
  fr: [
    "t'es vraiment un con",
    'putain, encore une panne de la prod',
    "c'est de la merde ce build",
    'quel connard, il a encore cassé la recette',
    `ma carte : ${CARD}, tu peux commander les billets ?`,
    `le token du bot : ${TOKEN}`,
    '<!channel> qui a pris mon chargeur ?',
  ],
  en: [
    'you are such an idiot',
    'this is fucking broken again',
    'shit, the deploy failed again',
    'what a moron, he pushed to main again',
    `my card is ${CARD}, can you book the flights?`,
    `bot token: ${TOKEN}`,
    '<!channel> who took my charger?',
  ],
};
/** Familiar tone, wrong in a client (Slack Connect) channel. */
const CLIENT_FAMILIAR: Readonly<Record<'fr' | 'en', readonly string[]>> = {
  fr: ["mdr c'est bon pour nous", 'mdr on regarde ça demain', 'ptdr la démo a planté'],
  en: ['lol ok we will look tomorrow', 'lmao the demo crashed'],
};

// ───────────────────────────────────────────────────────────────────────── conversations

interface Conv {
  id: string;
  name: string;
  kind: Kind;
  external: boolean;
  /** Folder of its day files: the name, or the id for a DM. */
  folder: string;
  members: string[];
}

const MPIM_MEMBERS: readonly User[] = [USERS_FR[0], USERS_EN[0], USERS_FR[2]].filter((u): u is User => u !== undefined);
const DM_MEMBERS: readonly User[] = [USERS_FR[1], USERS_EN[1]].filter((u): u is User => u !== undefined);
const MPIM_NAME = `mpdm-${MPIM_MEMBERS.map((u) => u.name).join('--')}-1`;
const DM_ID = slackId('D', 'dm-' + DM_MEMBERS.map((u) => u.id).join('-'));

/** Corpus channels whose messages partly go to another conversation, and with what chance. */
const REMAP: Readonly<Record<string, { to: string; p: number }>> = {
  produit: { to: 'projet-atlas', p: 0.5 },
  design: { to: 'projet-hermes', p: 0.5 },
  random: { to: DM_ID, p: 0.15 },
  dev: { to: MPIM_NAME, p: 0.15 },
};
/** Where bots post. */
const BOT_CHANNELS = new Set(['deploys', 'ci', 'incidents']);

function convFor(name: string, corpus: GeneratedMessage['channel'] | undefined): Conv {
  if (name === DM_ID) return { id: DM_ID, name: DM_ID, kind: 'dm', external: false, folder: DM_ID, members: DM_MEMBERS.map((u) => u.id) };
  if (name === MPIM_NAME) {
    return { id: slackId('G', name), name, kind: 'mpim', external: false, folder: name, members: MPIM_MEMBERS.map((u) => u.id) };
  }
  const priv = corpus?.private ?? false;
  return {
    id: slackId(priv ? 'G' : 'C', name),
    name,
    kind: priv ? 'group' : 'channel',
    external: corpus?.external ?? false,
    folder: name,
    members: [...USERS_FR, ...USERS_EN].map((u) => u.id),
  };
}

// ───────────────────────────────────────────────────────────────────────────── messages

type Json = Record<string, unknown>;

interface Thread {
  root: Json;
  replyUsers: Set<string>;
}

function userProfile(u: User, team: string): Json {
  const [first = u.realName] = u.realName.split(' ');
  return {
    avatar_hash: u.id.slice(-8).toLowerCase(),
    image_72: `https://avatars.slack-edge.com/2025-01-01/${u.id}_72.png`,
    first_name: first,
    real_name: u.realName,
    display_name: u.name,
    team,
    name: u.name,
    is_restricted: false,
    is_ultra_restricted: false,
  };
}

function richText(text: string, rng: Rng): Json[] {
  return [{ type: 'rich_text', block_id: hex(rng, 5), elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }];
}

function fileObject(rng: Rng, u: User, ts: string): Json {
  const kinds = [
    ['pdf', 'application/pdf', 'Compte-rendu'],
    ['png', 'image/png', 'capture'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'budget'],
  ] as const;
  const [ext, mime, title] = pick(rng, kinds);
  const id = 'F0' + hex(rng, 9).toUpperCase();
  return {
    id,
    created: Math.floor(Number(ts)),
    timestamp: Math.floor(Number(ts)),
    name: `${title}.${ext}`,
    title,
    mimetype: mime,
    filetype: ext,
    pretty_type: ext.toUpperCase(),
    user: u.id,
    size: 10_000 + Math.floor(rng() * 2_000_000),
    mode: 'hosted',
    is_external: false,
    is_public: true,
    url_private: `https://files.slack.com/files-pri/${TEAM}-${id}/${title}.${ext}`,
  };
}

// ─────────────────────────────────────────────────────────────────────────────── writer

async function writeJson(file: string, data: unknown): Promise<void> {
  await fs.writeFile(file, JSON.stringify(data, null, 4));
}

function zipDirectory(dir: string, files: readonly string[], out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const rel of files) zip.addFile(path.join(dir, ...rel.split('/')), rel);
    zip.end();
    const ws = createWriteStream(out);
    ws.once('error', reject);
    ws.once('close', () => resolve());
    zip.outputStream.once('error', reject);
    zip.outputStream.pipe(ws);
  });
}

/**
 * Writes a realistic Slack export of `options.messages` messages into `dir` (created), and with
 * `zip` also `<dir>.zip`. Deterministic for a given (messages, seed, days).
 */
export async function writeSlackExport(dir: string, options: SlackExportOptions): Promise<SlackExportSummary> {
  const total = options.messages;
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`slack-export: messages must be a non-negative integer, got ${total}`);
  const seed = options.seed ?? 2026;
  const days = options.days ?? Math.min(365, Math.max(3, Math.ceil(total / 4000)));
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`slack-export: days must be a positive integer, got ${days}`);
  const rng = mulberry32(seed ^ 0x5eed);
  const corpus = streamCleanChat(total, seed);
  await fs.mkdir(dir, { recursive: true });

  const convs = new Map<string, Conv>();
  const written: string[] = [];
  const mentioned = new Set<string>();
  const summary: SlackExportSummary = {
    dir,
    messages: 0,
    dayFiles: 0,
    days,
    firstDay: isoDay(START_DAY),
    lastDay: isoDay(START_DAY + days - 1),
    users: 0,
    conversations: 0,
    perFolder: {},
    perKind: { channel: 0, group: 0, mpim: 0, dm: 0 },
    subtypes: {},
    botMessages: 0,
    threadRoots: 0,
    threadReplies: 0,
    edited: 0,
    fileShares: 0,
    ruleBreaking: 0,
    byLang: { fr: 0, en: 0 },
  };

  for (let d = 0; d < days; d++) {
    const count = Math.floor((total * (d + 1)) / days) - Math.floor((total * d) / days);
    const dayStart = (START_DAY + d) * 86_400;
    const buckets = new Map<string, Json[]>();
    const threads = new Map<string, Thread>();
    const roots: Thread[] = [];
    for (let j = 0; j < count; j++) {
      const next = corpus.next();
      if (next.done === true) throw new Error('slack-export: the corpus ran out');
      const gm = next.value;
      const remap = REMAP[gm.channel.name];
      const name = remap !== undefined && rng() < remap.p ? remap.to : gm.channel.name;
      let conv = convs.get(name);
      if (conv === undefined) convs.set(name, (conv = convFor(name, name === gm.channel.name ? gm.channel : undefined)));
      const ts = `${dayStart + 8 * 3600 + Math.floor((j * 11 * 3600) / Math.max(1, count))}.${String(j % 1_000_000).padStart(6, '0')}`;
      const author = conv.kind === 'dm' ? pick(rng, DM_MEMBERS) : conv.kind === 'mpim' ? pick(rng, MPIM_MEMBERS) : pick(rng, AUTHORS[gm.lang]);
      const team = conv.external && rng() < 0.3 ? CLIENT_TEAM : TEAM;
      for (const m of gm.text.matchAll(/<@(U[0-9A-Z]+)>/g)) if (m[1] !== undefined) mentioned.add(m[1]);

      let msg: Json;
      const r = rng();
      if (r < 0.01) {
        msg = { type: 'message', subtype: 'channel_join', ts, user: author.id, text: `<@${author.id}> has joined the channel` };
      } else if (BOT_CHANNELS.has(conv.name) && r < 0.3) {
        msg = rng() < 0.5
          ? { type: 'message', subtype: 'bot_message', text: gm.text, ts, username: BOT.name, bot_id: BOT.botId, icons: { emoji: ':rocket:' } }
          : { type: 'message', text: gm.text, ts, user: BOT.id, bot_id: BOT.botId, app_id: 'A0DEPLOYAP', team: TEAM, bot_profile: { id: BOT.botId, name: BOT.name, deleted: false, team_id: TEAM } };
      } else {
        let text = gm.text;
        let breaking = false;
        if (r < 0.04 && conv.kind !== 'dm') {
          const lang = author.lang ?? gm.lang;
          text = conv.external && rng() < 0.6 ? pick(rng, CLIENT_FAMILIAR[lang]) : pick(rng, BREAKING[lang]);
          breaking = true;
        }
        msg = { client_msg_id: uuid(rng), type: 'message', text, user: author.id, ts, blocks: richText(text, rng), team, user_team: team, source_team: team, user_profile: userProfile(author, team) };
        if (breaking) summary.ruleBreaking++;
        if (rng() < 0.02) {
          msg['files'] = [fileObject(rng, author, ts)];
          msg['upload'] = true;
          msg['display_as_bot'] = false;
          summary.fileShares++;
        }
        if (rng() < 0.03) {
          msg['edited'] = { user: author.id, ts: `${dayStart + 8 * 3600 + Math.floor((j * 11 * 3600) / Math.max(1, count)) + 60}.000000` };
          summary.edited++;
        }
        // Threads: a reply to the channel's open thread of the day, or a new root.
        const open = threads.get(conv.folder);
        if (open !== undefined && rng() < 0.35) {
          const rootTs = open.root['ts'] as string;
          msg['thread_ts'] = rootTs;
          msg['parent_user_id'] = open.root['user'];
          const replies = open.root['replies'] as Json[];
          replies.push({ user: author.id, ts });
          open.replyUsers.add(author.id);
          open.root['reply_count'] = replies.length;
          open.root['reply_users_count'] = open.replyUsers.size;
          open.root['reply_users'] = [...open.replyUsers];
          open.root['latest_reply'] = ts;
          if (replies.length === 1) summary.threadRoots++;
          summary.threadReplies++;
        } else if (rng() < 0.06) {
          Object.assign(msg, { thread_ts: ts, reply_count: 0, reply_users_count: 0, latest_reply: ts, reply_users: [], replies: [], is_locked: false, subscribed: false });
          const thread: Thread = { root: msg, replyUsers: new Set() };
          threads.set(conv.folder, thread);
          roots.push(thread);
        }
        if (author.lang !== undefined) summary.byLang[author.lang]++;
      }

      const subtype = msg['subtype'];
      if (typeof subtype === 'string') summary.subtypes[subtype] = (summary.subtypes[subtype] ?? 0) + 1;
      if (msg['bot_id'] !== undefined) summary.botMessages++;
      if (subtype === 'channel_join' && author.lang !== undefined) summary.byLang[author.lang]++;
      summary.perFolder[conv.folder] = (summary.perFolder[conv.folder] ?? 0) + 1;
      summary.perKind[conv.kind]++;
      summary.messages++;
      let bucket = buckets.get(conv.folder);
      if (bucket === undefined) buckets.set(conv.folder, (bucket = []));
      bucket.push(msg);
    }
    // A root nobody answered is a plain message.
    for (const t of roots) {
      if ((t.root['replies'] as Json[]).length > 0) continue;
      for (const k of ['thread_ts', 'reply_count', 'reply_users_count', 'latest_reply', 'reply_users', 'replies', 'is_locked', 'subscribed']) delete t.root[k];
    }
    const day = isoDay(START_DAY + d);
    for (const folder of [...buckets.keys()].sort()) {
      await fs.mkdir(path.join(dir, folder), { recursive: true });
      await writeJson(path.join(dir, folder, `${day}.json`), buckets.get(folder));
      written.push(`${folder}/${day}.json`);
      summary.dayFiles++;
    }
  }

  // Metadata, now that the conversations are known.
  const all = [...convs.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const created = START_DAY * 86_400 - 86_400 * 400;
  const creator = USERS_FR[0]?.id ?? BOT.id;
  const entry = (c: Conv): Json => ({
    id: c.id,
    name: c.name,
    created,
    creator,
    is_archived: false,
    is_general: c.name === 'general',
    members: c.members,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: c.name === 'general' ? 'Annonces et échanges pour toute l’entreprise' : '', creator: c.name === 'general' ? creator : '', last_set: c.name === 'general' ? created : 0 },
    ...(c.external ? { is_shared: true, is_ext_shared: true, is_org_shared: false, shared_team_ids: [TEAM, CLIENT_TEAM] } : {}),
  });
  const publics = all.filter((c) => c.kind === 'channel').map(entry);
  // An archived channel with no messages in the period: listed, no folder.
  publics.push({ ...entry(convFor('ancien-projet', { name: 'ancien-projet', private: false, external: false })), is_archived: true });
  const groups = all.filter((c) => c.kind === 'group').map((c) => ({ ...entry(c), is_private: true }));
  const mpims = all.filter((c) => c.kind === 'mpim').map((c) => ({ id: c.id, name: c.name, created, creator, is_archived: false, members: c.members, topic: { value: '', creator: '', last_set: 0 }, purpose: { value: `Group messaging with: ${MPIM_MEMBERS.map((u) => '@' + u.name).join(' ')}`, creator, last_set: created } }));
  const dms = all.filter((c) => c.kind === 'dm').map((c) => ({ id: c.id, created, members: c.members }));

  const users: Json[] = [];
  const known = new Set<string>();
  for (const u of [...USERS_FR, ...USERS_EN]) {
    known.add(u.id);
    users.push({
      id: u.id,
      team_id: TEAM,
      name: u.name,
      deleted: false,
      real_name: u.realName,
      tz: u.lang === 'fr' ? 'Europe/Paris' : u.locale === 'en-GB' ? 'Europe/London' : 'America/New_York',
      is_admin: u === USERS_FR[0],
      is_bot: false,
      is_app_user: false,
      ...(u.locale === undefined ? {} : { locale: u.locale }),
      profile: { real_name: u.realName, display_name: u.name, team: TEAM },
    });
  }
  known.add(BOT.id);
  users.push({ id: BOT.id, team_id: TEAM, name: BOT.name, deleted: false, real_name: BOT.realName, is_bot: true, is_app_user: false, profile: { bot_id: BOT.botId, real_name: BOT.realName, team: TEAM } });
  // People the corpus mentions: real users whose locale Slack did not export.
  for (const id of [...mentioned].sort()) {
    if (known.has(id)) continue;
    known.add(id);
    users.push({ id, team_id: TEAM, name: id.toLowerCase(), deleted: false, real_name: id, is_bot: false, profile: { team: TEAM } });
  }

  await writeJson(path.join(dir, 'users.json'), users);
  await writeJson(path.join(dir, 'channels.json'), publics);
  await writeJson(path.join(dir, 'groups.json'), groups);
  await writeJson(path.join(dir, 'mpims.json'), mpims);
  await writeJson(path.join(dir, 'dms.json'), dms);
  await writeJson(path.join(dir, 'integration_logs.json'), { logs: [] });
  summary.users = users.length;
  summary.conversations = publics.length + groups.length + mpims.length + dms.length;

  if (options.zip === true) {
    const out = `${dir.replace(/[\\/]+$/, '')}.zip`;
    const meta = ['channels.json', 'users.json', 'groups.json', 'mpims.json', 'dms.json', 'integration_logs.json'];
    await zipDirectory(dir, [...meta, ...written], out);
    summary.zip = out;
  }
  return summary;
}

/** Seed of the small export: one whose 400 messages hold every kind of planted message. */
const SMALL_SEED = 18;

/**
 * A fixed small export for tests: 400 messages over 3 days, optionally zipped.
 * Its counts are stable: tests may assert them.
 */
export function generateSmallExport(dir: string, options: { zip?: boolean } = {}): Promise<SlackExportSummary> {
  return writeSlackExport(dir, { messages: 400, seed: SMALL_SEED, days: 3, ...(options.zip === true ? { zip: true } : {}) });
}

if (require.main === module) {
  const [out, n, ...rest] = process.argv.slice(2);
  if (out === undefined) {
    process.stderr.write('usage: node build/bench/slack-export.js OUT_DIR [MESSAGES] [--zip]\n');
    process.exit(2);
  }
  const t0 = Date.now();
  writeSlackExport(out, { messages: n === undefined || n === '--zip' ? 100_000 : Number(n), zip: rest.includes('--zip') || n === '--zip' })
    .then((s) => process.stdout.write(`${s.messages} messages, ${s.dayFiles} day files, ${s.days} days in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${s.zip ?? s.dir}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
