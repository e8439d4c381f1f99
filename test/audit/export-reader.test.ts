import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ZipFile } from 'yazl';
import { generateSmallExport, type SlackExportSummary } from '../../bench/slack-export';
import { compareTs, openExport } from '../../src/audit/export-reader';
import type { ExportMessage, ExportProgress, ExportSource } from '../../src/audit/model';

let tmp: string;
let small: SlackExportSummary;
let smallZip: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'export-reader-'));
  small = await generateSmallExport(path.join(tmp, 'small'), { zip: true });
  if (small.zip === undefined) throw new Error('no zip written');
  smallZip = small.zip;
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function readAll(source: ExportSource, onProgress?: (p: ExportProgress) => void): Promise<ExportMessage[]> {
  const out: ExportMessage[] = [];
  for await (const m of source.messages(onProgress)) out.push(m);
  return out;
}

/** A fresh export directory from files given as path → content (strings written as is). */
async function writeExport(name: string, files: Record<string, unknown>): Promise<string> {
  const dir = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function zipOf(dir: string, out: string, names: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const n of names) zip.addFile(path.join(dir, n), n);
    zip.end();
    const ws = require('fs').createWriteStream(out) as NodeJS.WritableStream;
    ws.on('error', reject);
    ws.on('close', () => resolve(out));
    zip.outputStream.pipe(ws);
  });
}

const USERS = [
  { id: 'UFR', name: 'camille', locale: 'fr-FR' },
  { id: 'UEN', name: 'james', locale: 'en-GB' },
  { id: 'UNOLOC', name: 'nobody' },
  { id: 'UBOT', name: 'deploybot', is_bot: true },
];
const day = (ts: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'message', user: 'UFR', text: `m${ts}`, ts, ...extra });

describe('the generated small export', () => {
  it('has stable, known counts', () => {
    expect(small).toMatchObject({
      messages: 400,
      days: 3,
      firstDay: '2026-01-05',
      lastDay: '2026-01-07',
      dayFiles: 102,
      users: 52,
      conversations: 39,
      perKind: { channel: 354, group: 35, mpim: 8, dm: 3 },
      subtypes: { bot_message: 5, channel_join: 3 },
      botMessages: 8,
      threadRoots: 9,
      threadReplies: 14,
      edited: 8,
      fileShares: 6,
      ruleBreaking: 11,
      byLang: { fr: 233, en: 159 },
    });
  });

  it('is read back whole: every message, per folder, kind, subtype, bot, thread, edit and language', async () => {
    const source = await openExport(path.join(tmp, 'small'));
    const messages = await readAll(source);
    expect(source.problems()).toEqual([]);
    expect(messages).toHaveLength(small.messages);
    const perFolder: Record<string, number> = {};
    for (const m of messages) perFolder[m.file.split('/')[0] ?? ''] = (perFolder[m.file.split('/')[0] ?? ''] ?? 0) + 1;
    expect(perFolder).toEqual(small.perFolder);
    const count = (p: (m: ExportMessage) => boolean): number => messages.filter(p).length;
    for (const kind of ['channel', 'group', 'mpim', 'dm'] as const) expect(count((m) => m.channel.kind === kind)).toBe(small.perKind[kind]);
    expect(count((m) => m.subtype === 'bot_message')).toBe(small.subtypes['bot_message']);
    expect(count((m) => m.subtype === 'channel_join')).toBe(small.subtypes['channel_join']);
    expect(count((m) => m.botId !== undefined)).toBe(small.botMessages);
    expect(count((m) => m.threadTs !== undefined && m.threadTs !== m.ts)).toBe(small.threadReplies);
    expect(count((m) => m.threadTs !== undefined && m.threadTs === m.ts)).toBe(small.threadRoots);
    expect(count((m) => m.edited)).toBe(small.edited);
    expect(count((m) => m.lang === 'fr')).toBe(small.byLang.fr);
    expect(count((m) => m.lang === 'en')).toBe(small.byLang.en);
    // The planted rule breakers are there, mdr in a client channel among them.
    expect(messages.some((m) => m.channel.external && /\b(mdr|ptdr|lol|lmao)\b/.test(m.text))).toBe(true);
    expect(messages.some((m) => /\b(con|idiot|fucking|merde|shit|moron|connard|putain)\b/.test(m.text))).toBe(true);
    expect(messages.some((m) => m.text.includes('4970 1012 3456 7893'))).toBe(true);
    expect(messages.some((m) => m.text.includes('xoxb-'))).toBe(true);
    expect(messages.some((m) => m.text.startsWith('<!channel>') && m.channel.name !== 'general')).toBe(true);
  });

  it('yields channel by channel, day by day, in ts order within a day', async () => {
    const messages = await readAll(await openExport(path.join(tmp, 'small')));
    const files = messages.map((m) => m.file);
    const order = [...new Set(files)];
    const key = (f: string): [string, string] => [f.split('/')[0] ?? '', f.split('/')[1] ?? ''];
    expect(order).toEqual([...order].sort((a, b) => {
      const [fa, da] = key(a);
      const [fb, db] = key(b);
      return fa !== fb ? (fa < fb ? -1 : 1) : da < db ? -1 : da > db ? 1 : 0;
    }));
    for (let i = 1; i < messages.length; i++) {
      const [a, b] = [messages[i - 1], messages[i]];
      if (a !== undefined && b !== undefined && a.file === b.file) expect(compareTs(a.ts, b.ts)).toBeLessThan(0);
    }
    // Each folder's days are contiguous: a folder is not revisited.
    const folders = order.map((f) => f.split('/')[0]);
    expect(new Set(folders).size).toBe(folders.filter((f, i) => f !== folders[i - 1]).length);
  });

  it('gives the same messages from the directory and from the zip', async () => {
    const fromDir = await readAll(await openExport(path.join(tmp, 'small')));
    const zipSource = await openExport(smallZip);
    const fromZip = await readAll(zipSource);
    expect(zipSource.problems()).toEqual([]);
    expect(fromZip).toEqual(fromDir);
    expect(zipSource.channels).toEqual((await openExport(path.join(tmp, 'small'))).channels);
    expect(zipSource.name).toBe(smallZip);
  });

  it('carries the channel context: private groups, Slack Connect, mpim, dm, archived channel without folder', async () => {
    const source = await openExport(path.join(tmp, 'small'));
    const byName = new Map(source.channels.map((c) => [c.name, c]));
    expect(byName.get('general')).toMatchObject({ kind: 'channel', private: false, external: false });
    expect(byName.get('client-renault')).toMatchObject({ kind: 'channel', private: false, external: true });
    expect(byName.get('team-backend')).toMatchObject({ kind: 'group', private: true, external: false });
    expect(byName.get('ext-procter-gamble')).toMatchObject({ kind: 'group', private: true, external: true });
    expect(byName.get('ancien-projet')).toMatchObject({ kind: 'channel' });
    expect(source.channels.filter((c) => c.kind === 'mpim')).toEqual([expect.objectContaining({ private: true, name: expect.stringMatching(/^mpdm-/) })]);
    const [dm] = source.channels.filter((c) => c.kind === 'dm');
    expect(dm).toMatchObject({ private: true, external: false });
    expect(dm?.name).toBe(dm?.id);
    expect(source.channels).toHaveLength(small.conversations);
  });

  it('calls progress with increasing numbers, throttled, ending at the totals', async () => {
    for (const p of [path.join(tmp, 'small'), smallZip]) {
      const calls: ExportProgress[] = [];
      await readAll(await openExport(p), (x) => calls.push(x));
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.length).toBeLessThan(50);
      for (let i = 1; i < calls.length; i++) {
        const [a, b] = [calls[i - 1], calls[i]];
        expect(b?.bytesRead).toBeGreaterThanOrEqual(a?.bytesRead ?? 0);
        expect(b?.filesRead).toBeGreaterThanOrEqual(a?.filesRead ?? 0);
        expect(b?.messages).toBeGreaterThanOrEqual(a?.messages ?? 0);
      }
      const last = calls[calls.length - 1];
      expect(last).toMatchObject({ messages: 400, filesRead: small.dayFiles + 5, filesTotal: small.dayFiles + 5 });
      expect(last?.bytesRead).toBe(last?.bytesTotal);
    }
  });
});

describe('a hand-made export', () => {
  it('takes languages from users.json locales, and subtypes, bot ids, threads and edits from messages', async () => {
    const dir = await writeExport('hand', {
      'users.json': USERS,
      'channels.json': [{ id: 'C1', name: 'general' }, { id: 'C2', name: 'client-x', is_ext_shared: true }, { id: 'C3', name: 'org-wide', is_shared: true, is_org_shared: true }],
      'groups.json': [{ id: 'G1', name: 'secret' }],
      'dms.json': [{ id: 'D1', members: ['UFR', 'UEN'] }],
      'general/2026-01-05.json': [
        day('1767600002.000200', { user: 'UEN', thread_ts: '1767600001.000100', edited: { user: 'UEN', ts: '1767600009.000000' } }),
        day('1767600001.000100', { thread_ts: '1767600001.000100' }),
        day('1767600003.000000', { user: 'UNOLOC' }),
        { type: 'message', subtype: 'bot_message', bot_id: 'B1', username: 'ci', text: 'build ok', ts: '1767600004.000000' },
        { type: 'message', subtype: 'channel_join', user: 'UEN', text: '<@UEN> has joined the channel', ts: '1767600005.000000' },
        { type: 'message', user: 'UBOT', bot_id: 'B2', ts: '1767600006.000000' },
      ],
      'client-x/2026-01-05.json': [day('1767600010.000000')],
      'org-wide/2026-01-05.json': [day('1767600010.000000')],
      'secret/2026-01-05.json': [day('1767600011.000000')],
      'D1/2026-01-06.json': [day('1767700000.000000', { user: 'UEN' })],
    });
    const source = await openExport(dir);
    const messages = await readAll(source);
    expect(source.problems()).toEqual([]);
    const general = messages.filter((m) => m.channel.name === 'general');
    expect(general.map((m) => m.ts)).toEqual(['1767600001.000100', '1767600002.000200', '1767600003.000000', '1767600004.000000', '1767600005.000000', '1767600006.000000']);
    expect(general[0]).toEqual({ channel: { id: 'C1', name: 'general', kind: 'channel', private: false, external: false }, ts: '1767600001.000100', user: 'UFR', text: 'm1767600001.000100', threadTs: '1767600001.000100', edited: false, lang: 'fr', file: 'general/2026-01-05.json' });
    expect(general[1]).toMatchObject({ user: 'UEN', lang: 'en', edited: true, threadTs: '1767600001.000100' });
    expect(general[2]?.lang).toBeUndefined();
    expect(general[3]).toMatchObject({ subtype: 'bot_message', botId: 'B1', text: 'build ok' });
    expect(general[3]?.user).toBeUndefined();
    expect(general[4]).toMatchObject({ subtype: 'channel_join', user: 'UEN' });
    expect(general[5]).toMatchObject({ botId: 'B2', user: 'UBOT', text: '' });
    expect(messages.find((m) => m.channel.name === 'client-x')?.channel).toMatchObject({ external: true, private: false });
    expect(messages.find((m) => m.channel.name === 'org-wide')?.channel).toMatchObject({ external: false });
    expect(messages.find((m) => m.channel.name === 'secret')?.channel).toMatchObject({ kind: 'group', private: true });
    expect(messages.find((m) => m.channel.id === 'D1')).toMatchObject({ channel: { kind: 'dm', private: true, name: 'D1' }, lang: 'en', file: 'D1/2026-01-06.json' });
    expect(messages.map((m) => m.channel.name)).toEqual(['D1', 'client-x', ...general.map(() => 'general'), 'org-wide', 'secret']);
  });

  it('reports each broken file by name and reads the rest', async () => {
    const dir = await writeExport('broken', {
      'users.json': USERS,
      'channels.json': [{ id: 'C1', name: 'general' }],
      'general/2026-01-05.json': '[{"type":"message","ts":"1767600001.000000","text":"ok"}, {oops',
      'general/2026-01-06.json': { messages: [] },
      'general/2026-01-07.json': [day('1767800001.000000'), { type: 'message', text: 'no ts' }, 'not an object', day('1767800002.000000')],
      'general/2026-01-08.json': [day('1767900001.000000')],
      'stray/2026-01-05.json': [day('1767600009.000000')],
      'stray/notes.txt': 'ignored',
      'groups.json': '{ not json',
    });
    const source = await openExport(dir);
    const messages = await readAll(source);
    expect(messages.map((m) => `${m.channel.name} ${m.ts}`)).toEqual(['general 1767800001.000000', 'general 1767800002.000000', 'general 1767900001.000000', 'stray 1767600009.000000']);
    expect(messages[3]?.channel).toEqual({ id: 'stray', name: 'stray', kind: 'channel', private: false, external: false });
    expect(source.channels.map((c) => c.name)).toEqual(['general', 'stray']);
    const problems = source.problems();
    expect(problems).toEqual([
      { file: 'groups.json', message: expect.stringMatching(/^unreadable: .*JSON/) },
      { file: 'stray/', message: expect.stringMatching(/no entry in channels\.json.*read as a public channel/) },
      { file: 'general/2026-01-05.json', message: expect.stringMatching(/^bad JSON/) },
      { file: 'general/2026-01-06.json', message: 'not a JSON array of messages; skipped' },
      { file: 'general/2026-01-07.json', message: '2 messages without a ts skipped' },
    ]);
  });

  it('reports missing channels.json and users.json and still reads the folders', async () => {
    const dir = await writeExport('nometa', { 'general/2026-01-05.json': [day('1767600001.000000')] });
    const source = await openExport(dir);
    const messages = await readAll(source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: { id: 'general', name: 'general', kind: 'channel', private: false, external: false }, user: 'UFR' });
    expect(messages[0]?.lang).toBeUndefined();
    expect(source.problems()).toEqual([
      { file: 'users.json', message: 'missing from the export' },
      { file: 'channels.json', message: 'missing from the export' },
    ]);
  });

  it('names the file inside the zip in problems, and reads a zip made of the export folder', async () => {
    const dir = await writeExport('zipped/acme-export', {
      'users.json': USERS,
      'channels.json': [{ id: 'C1', name: 'general' }],
      'general/2026-01-05.json': '{bad',
      'general/2026-01-06.json': [day('1767700001.000000')],
    });
    const zip = await zipOf(path.dirname(dir), path.join(tmp, 'zipped.zip'), ['acme-export/users.json', 'acme-export/general/2026-01-05.json', 'acme-export/general/2026-01-06.json', 'acme-export/channels.json']);
    const source = await openExport(zip);
    const messages = await readAll(source);
    expect(messages).toEqual([expect.objectContaining({ ts: '1767700001.000000', file: 'general/2026-01-06.json', lang: 'fr', channel: expect.objectContaining({ id: 'C1' }) })]);
    expect(source.problems()).toEqual([{ file: 'zipped.zip:acme-export/general/2026-01-05.json', message: expect.stringMatching(/^bad JSON/) }]);
  });
});

describe('a damaged zip', () => {
  it('a truncated zip: reads the entries before the cut, and names the zip and the cut entry', async () => {
    const bytes = await fs.readFile(smallZip);
    const cut = path.join(tmp, 'truncated.zip');
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const source = await openExport(cut);
    const messages = await readAll(source);
    const whole = await readAll(await openExport(smallZip));
    expect(messages.length).toBeGreaterThan(50);
    expect(messages.length).toBeLessThan(whole.length);
    // What was read is exactly what the whole zip has in those files.
    const files = new Set(messages.map((m) => m.file));
    expect(messages).toEqual(whole.filter((m) => files.has(m.file)));
    const problems = source.problems();
    expect(problems[0]).toEqual({ file: 'truncated.zip', message: expect.stringMatching(/^damaged zip: .*entries before the damage were read/) });
    expect(problems[1]).toEqual({ file: expect.stringMatching(/^truncated\.zip:.+\.json$/), message: expect.stringMatching(/truncated.*rest of the archive was skipped/) });
    // The metadata came first in the zip: channels and languages are known.
    expect(source.channels.length).toBe(small.conversations);
    expect(messages.some((m) => m.lang !== undefined)).toBe(true);
  });

  it('a corrupt entry in the middle: that file is reported, the others read', async () => {
    const bytes = Buffer.from(await fs.readFile(smallZip));
    // Find the local header of a day file and garble its compressed data.
    const name = Buffer.from('dev/2026-01-06.json');
    const at = bytes.indexOf(name);
    expect(at).toBeGreaterThan(0);
    const dataStart = at + name.length + bytes.readUInt16LE(at - 2);
    for (let i = 0; i < 40; i++) bytes[dataStart + 2 + i] = 0xff;
    const bad = path.join(tmp, 'corrupt.zip');
    await fs.writeFile(bad, bytes);
    const source = await openExport(bad);
    const messages = await readAll(source);
    const whole = await readAll(await openExport(smallZip));
    expect(messages).toEqual(whole.filter((m) => m.file !== 'dev/2026-01-06.json'));
    expect(source.problems()).toEqual([{ file: 'corrupt.zip:dev/2026-01-06.json', message: expect.stringMatching(/^(unreadable|bad JSON)/) }]);
  });
});

describe('what is not an export', () => {
  it('throws naming a path that does not exist, and what is expected', async () => {
    const missing = path.join(tmp, 'nope.zip');
    await expect(openExport(missing)).rejects.toThrow(`${missing}: no such file or directory; expected a Slack export: a directory or a .zip file`);
  });

  it('throws for a file that is not a zip', async () => {
    const file = path.join(tmp, 'notes.txt');
    await fs.writeFile(file, 'hello');
    await expect(openExport(file)).rejects.toThrow(`${file}: neither a directory nor a zip file; expected a Slack export`);
  });

  it('throws for a directory with nothing of an export', async () => {
    const dir = await writeExport('empty', { 'readme.md': 'hi' });
    await expect(openExport(dir)).rejects.toThrow(/no channels\.json, users\.json nor conversation folder/);
  });
});

describe('compareTs', () => {
  it('orders Slack timestamps numerically', () => {
    expect(compareTs('999999999.9', '1000000000.000001')).toBeLessThan(0);
    expect(compareTs('1767600001.000100', '1767600001.0001')).toBe(0);
    expect(compareTs('1767600001.00002', '1767600001.000100')).toBeLessThan(0);
    expect(compareTs('1767600002', '1767600001.999999')).toBeGreaterThan(0);
  });
});
