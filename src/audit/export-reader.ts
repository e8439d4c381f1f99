/**
 * Reads a standard Slack workspace export, a directory or a `.zip`, as a stream of messages.
 *
 * Layout of an export: users.json, channels.json, and where present groups.json (private
 * channels), mpims.json (group DMs), dms.json (DMs); one folder per conversation (named after
 * it; DMs after their id) holding one `YYYY-MM-DD.json` per day: an array of message objects.
 *
 * `openExport` lists the files and reads the metadata; `messages()` then reads the conversations
 * folder by folder (sorted by name), day by day, each day file parsed whole (one day of one
 * channel is small) and its messages yielded in ts order: memory holds one day file at a time.
 * Whatever cannot be read (a missing or bad file, a message without ts, a damaged zip) becomes
 * an ExportProblem naming the file, and reading goes on with the rest.
 */
import { promises as fs } from 'fs';
import type { ExportChannel, ExportMessage, ExportProblem, ExportProgress, ExportSource } from './model';
import { parseConversations, parseUsers, type MetaConversation, type MetaFile } from './export-meta';
import { directoryStore, zipStore, type ExportStore, type StoreFile, type StoreReader } from './export-store';

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
const META_FILES: readonly MetaFile[] = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'];
/** At most ~10 progress calls a second. */
const PROGRESS_INTERVAL_MS = 100;

const EXPECTED = 'expected a Slack export: a directory or a .zip file';

/** A conversation folder and its day files, in order. */
interface Folder {
  name: string;
  channel: ExportChannel;
  days: StoreFile[];
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function parseJson(buf: Buffer): unknown {
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return JSON.parse(text);
}

/** Slack ts order ("1712345678.000100"): seconds, then the fraction. */
export function compareTs(a: string, b: string): number {
  const da = a.indexOf('.');
  const db = b.indexOf('.');
  const ia = da < 0 ? a : a.slice(0, da);
  const ib = db < 0 ? b : b.slice(0, db);
  if (ia.length !== ib.length) return ia.length - ib.length;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const fa = (da < 0 ? '' : a.slice(da + 1)).padEnd(6, '0');
  const fb = (db < 0 ? '' : b.slice(db + 1)).padEnd(6, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

const TS = /^\d+(\.\d+)?$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function optString(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/**
 * One day file's messages, validated and in ts order. `skipped` counts the elements that are not
 * messages with a ts.
 */
function dayMessages(data: unknown[], channel: ExportChannel, file: string, langs: ReadonlyMap<string, 'fr' | 'en'>): { messages: ExportMessage[]; skipped: number } {
  const messages: ExportMessage[] = [];
  let skipped = 0;
  let sorted = true;
  for (const m of data) {
    if (!isRecord(m)) {
      skipped++;
      continue;
    }
    const rawTs = m['ts'];
    const ts = typeof rawTs === 'number' ? String(rawTs) : rawTs;
    if (typeof ts !== 'string' || !TS.test(ts)) {
      skipped++;
      continue;
    }
    const text = m['text'];
    const msg: ExportMessage = { channel, ts, text: typeof text === 'string' ? text : '', edited: isRecord(m['edited']), file };
    const user = optString(m['user']);
    if (user !== undefined) {
      msg.user = user;
      const lang = langs.get(user);
      if (lang !== undefined) msg.lang = lang;
    }
    const subtype = optString(m['subtype']);
    if (subtype !== undefined) msg.subtype = subtype;
    const botId = optString(m['bot_id']);
    if (botId !== undefined) msg.botId = botId;
    const threadTs = optString(m['thread_ts']);
    if (threadTs !== undefined) msg.threadTs = threadTs;
    const prev = messages[messages.length - 1];
    if (prev !== undefined && compareTs(prev.ts, ts) > 0) sorted = false;
    messages.push(msg);
  }
  if (!sorted) messages.sort((a, b) => compareTs(a.ts, b.ts));
  return { messages, skipped };
}

async function statOrThrow(path: string): Promise<import('fs').Stats> {
  try {
    return await fs.stat(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : errorMessage(e);
    throw new Error(`${path}: ${why}; ${EXPECTED}`);
  }
}

async function isZipFile(path: string): Promise<boolean> {
  const fd = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fd.read(buf, 0, 4, 0);
    return bytesRead === 4 && buf.readUInt32LE(0) === 0x04034b50 || (bytesRead === 4 && buf.readUInt32LE(0) === 0x06054b50);
  } finally {
    await fd.close();
  }
}

/**
 * Opens a Slack export: a directory, or a `.zip` (streamed, never loaded whole).
 *
 * Reads the file list and the metadata (users, channels, groups, mpims, dms) now; messages are
 * read by `messages()`. Problems with the metadata are in `problems()` from the start.
 *
 * @throws Error naming the path when it does not exist, is neither a directory nor a zip, or
 * holds nothing of a Slack export (no channels.json, users.json nor conversation folder).
 */
export async function openExport(path: string): Promise<ExportSource> {
  const stat = await statOrThrow(path);
  let store: ExportStore;
  if (stat.isDirectory()) store = await directoryStore(path);
  else if (stat.isFile() && (await isZipFile(path))) store = await zipStore(path, stat.size);
  else throw new Error(`${path}: neither a directory nor a zip file; ${EXPECTED}`);

  const openProblems: ExportProblem[] = [...store.problems];
  const byPath = new Map(store.files.map((f) => [f.path, f]));

  // The day files, grouped by folder.
  const folderDays = new Map<string, StoreFile[]>();
  for (const f of store.files) {
    const slash = f.path.indexOf('/');
    if (slash < 0) continue;
    const folder = f.path.slice(0, slash);
    if (!DAY_FILE.test(f.path.slice(slash + 1))) continue;
    let days = folderDays.get(folder);
    if (days === undefined) folderDays.set(folder, (days = []));
    days.push(f);
  }

  const hasMeta = store.files.some((f) => f.path === 'channels.json' || f.path === 'users.json');
  if (!hasMeta && folderDays.size === 0) {
    throw new Error(`${path}: no channels.json, users.json nor conversation folder of day files; ${EXPECTED}`);
  }

  // Metadata, read once now (small next to the messages).
  const reader = await store.open();
  let metaBytes = 0;
  let metaFiles = 0;
  const readMeta = async (name: string, required: boolean): Promise<unknown> => {
    const file = byPath.get(name);
    if (file === undefined) {
      if (required) openProblems.push({ file: store.label(name), message: 'missing from the export' });
      return undefined;
    }
    try {
      const data = parseJson(await reader.read(file));
      metaBytes += file.size;
      metaFiles++;
      return data;
    } catch (e) {
      openProblems.push({ file: store.label(name), message: `unreadable: ${errorMessage(e)}` });
      return undefined;
    }
  };

  let langs = new Map<string, 'fr' | 'en'>();
  const conversations: MetaConversation[] = [];
  let channelsRead = false;
  try {
    const users = await readMeta('users.json', true);
    if (users !== undefined) {
      try {
        langs = parseUsers(users);
      } catch (e) {
        openProblems.push({ file: store.label('users.json'), message: `${errorMessage(e)}; authors' languages unknown` });
      }
    }
    for (const name of META_FILES) {
      const data = await readMeta(name, name === 'channels.json');
      if (data === undefined) continue;
      try {
        conversations.push(...parseConversations(name, data));
        if (name === 'channels.json') channelsRead = true;
      } catch (e) {
        openProblems.push({ file: store.label(name), message: errorMessage(e) });
      }
    }
  } finally {
    await reader.close();
  }

  // Folders → conversations: by name first, then by id.
  const byName = new Map<string, ExportChannel>();
  const byId = new Map<string, ExportChannel>();
  for (const c of conversations) {
    if (!byName.has(c.channel.name)) byName.set(c.channel.name, c.channel);
    if (!byId.has(c.channel.id)) byId.set(c.channel.id, c.channel);
  }
  const channels: ExportChannel[] = conversations.map((c) => c.channel);
  const folders: Folder[] = [];
  for (const name of [...folderDays.keys()].sort()) {
    let channel = byName.get(name) ?? byId.get(name);
    if (channel === undefined) {
      channel = { id: name, name, kind: 'channel', private: false, external: false };
      channels.push(channel);
      if (channelsRead) {
        openProblems.push({ file: store.label(`${name}/`), message: 'no entry in channels.json, groups.json, mpims.json or dms.json; read as a public channel' });
      }
    }
    const days = (folderDays.get(name) ?? []).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    folders.push({ name, channel, days });
  }

  const bytesTotal = metaBytes + folders.reduce((n, f) => n + f.days.reduce((m, d) => m + d.size, 0), 0);
  const filesTotal = metaFiles + folders.reduce((n, f) => n + f.days.length, 0);
  let problems: ExportProblem[] = [...openProblems];

  async function* messages(onProgress?: (progress: ExportProgress) => void): AsyncGenerator<ExportMessage> {
    problems = [...openProblems];
    const progress: ExportProgress = { bytesRead: metaBytes, bytesTotal, filesRead: metaFiles, filesTotal, messages: 0 };
    let last = 0;
    const report = (force: boolean): void => {
      if (onProgress === undefined) return;
      const now = Date.now();
      if (!force && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      onProgress({ ...progress });
    };
    report(true);
    let dayReader: StoreReader;
    try {
      dayReader = await store.open();
    } catch (e) {
      problems.push({ file: store.label(''), message: `cannot reopen: ${errorMessage(e)}` });
      report(true);
      return;
    }
    try {
      for (const folder of folders) {
        for (const day of folder.days) {
          const label = store.label(day.path);
          let data: unknown;
          try {
            data = parseJson(await dayReader.read(day));
          } catch (e) {
            const why = e instanceof SyntaxError ? `bad JSON (${e.message})` : `unreadable (${errorMessage(e)})`;
            problems.push({ file: label, message: `${why}; skipped` });
            continue;
          } finally {
            progress.bytesRead += day.size;
            progress.filesRead++;
          }
          if (!Array.isArray(data)) {
            problems.push({ file: label, message: 'not a JSON array of messages; skipped' });
            report(false);
            continue;
          }
          const { messages: dayMsgs, skipped } = dayMessages(data, folder.channel, day.path, langs);
          if (skipped > 0) {
            problems.push({ file: label, message: `${skipped} ${skipped === 1 ? 'message' : 'messages'} without a ts skipped` });
          }
          for (const m of dayMsgs) {
            progress.messages++;
            yield m;
          }
          report(false);
        }
      }
    } finally {
      await dayReader.close();
    }
    report(true);
  }

  return {
    name: path,
    channels,
    messages,
    problems: () => problems,
  };
}
