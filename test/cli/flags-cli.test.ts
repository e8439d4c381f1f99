/**
 * `charter-bot flags …` and `charter-bot db …` as an admin types them, on a database filled by
 * the real moderation core. Runs the built dist/cli.js in a child process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMessageHandler } from '../../src/moderation/handle-message';
import { SqliteModerationStore } from '../../src/store';
import { PLANTED_CARD } from '../helpers/breaking-messages';
import { defaultRules } from '../helpers/default-rules';

const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
let dir: string;
let database: string;

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: database, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function seed(): Promise<void> {
  const store = SqliteModerationStore.open(database);
  const handle = createMessageHandler({ store, rules: defaultRules, policy: { cooldownMs: 0 } });
  const texts = ['putain, encore une panne', "t'es vraiment un con", `ma carte : ${PLANTED_CARD}`, 'merde alors', 'you are such an idiot'];
  let i = 0;
  for (const text of texts) {
    i++;
    await handle({ eventId: `Ev${i}`, channel: { id: 'C0123ABCD', name: 'projet-atlas' }, author: i % 2 === 0 ? 'U0000EVEN' : 'U00000ODD', ts: `1732790400.00000${i}`, text, locale: 'fr' });
  }
  await store.close();
}

async function auditActions(): Promise<string[]> {
  const store = SqliteModerationStore.open(database);
  try {
    return (await store.listAudit({}, { limit: 100 })).items.map((e) => `${e.actor} ${e.action} ${e.target}`);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-cli-'));
  database = path.join(dir, 'data', 'charter.db');
  await seed();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('charter-bot flags', () => {
  test('list prints the flags newest first, masked, and the view is audited', async () => {
    const { status, stdout } = run(['flags', 'list', '--as', 'U0MODERATOR']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/id\s+raised \(UTC\)\s+status\s+rule/);
    expect(lines.length).toBe(1 + 6); // profanity; insult + profanity; card; profanity; insult
    expect(stdout).toContain('payment-card');
    expect(stdout).toContain('•••• •••• •••• 7893');
    expect(stdout).not.toContain(PLANTED_CARD);
    expect(await auditActions()).toContain('U0MODERATOR view flags');
  });

  test('list filters by author and rule, and pages with --after', () => {
    const byAuthor = JSON.parse(run(['flags', 'list', '--json', '--author', 'U0000EVEN']).stdout) as { flags: Array<{ author: string }> };
    expect(byAuthor.flags.length).toBeGreaterThan(0);
    expect(byAuthor.flags.every((f) => f.author === 'U0000EVEN')).toBe(true);
    const byRule = JSON.parse(run(['flags', 'list', '--json', '--rule', 'insult']).stdout) as { flags: Array<{ rule: string }> };
    expect(byRule.flags.map((f) => f.rule)).toEqual(['insult', 'insult']);

    const first = JSON.parse(run(['flags', 'list', '--json', '--limit', '3']).stdout) as { flags: Array<{ id: number }>; next: number };
    expect(first.flags).toHaveLength(3);
    const second = JSON.parse(run(['flags', 'list', '--json', '--limit', '3', '--after', String(first.next)]).stdout) as { flags: Array<{ id: number }> };
    const ids = [...first.flags, ...second.flags].map((f) => f.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  test('show gives the flag, its deliveries and reports', () => {
    const { status, stdout } = run(['flags', 'show', '1']);
    expect(status).toBe(0);
    expect(stdout).toContain('Flag 1: profanity');
    expect(stdout).toContain('Deliveries:');
    expect(stdout).toMatch(/#\d+ nudge pending, 0 attempt/);
  });

  test('export writes CSV with a header and is audited with its count', async () => {
    const { status, stdout } = run(['flags', 'export', '--format', 'csv', '--as', 'U0MODERATOR']);
    expect(status).toBe(0);
    const rows = stdout.trim().split('\r\n');
    expect(rows[0]?.startsWith('id,createdAt,rule,category')).toBe(true);
    expect(rows).toHaveLength(1 + 6);
    expect(stdout).not.toContain(PLANTED_CARD);
    expect(await auditActions()).toContain('U0MODERATOR export flags');
  });

  test('export --format json --output writes a file', () => {
    const output = path.join(dir, 'flags.json');
    const { status, stderr } = run(['flags', 'export', '--format', 'json', '--output', output, '--status', 'open']);
    expect(status).toBe(0);
    expect(stderr).toContain('6 flag(s) written');
    const exported = JSON.parse(fs.readFileSync(output, 'utf8')) as Array<{ status: string; createdAt: string }>;
    expect(exported).toHaveLength(6);
    expect(exported[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('dismiss records the decision with its author; stats show the false-positive rate', async () => {
    expect(run(['flags', 'dismiss', '1', '--note', 'citation', '--as', 'U0MODERATOR']).stdout).toContain('Flag 1 is now dismissed (by U0MODERATOR)');
    expect(run(['flags', 'confirm', '5', '--as', 'U0MODERATOR']).status).toBe(0);
    const stats = JSON.parse(run(['flags', 'stats', '--json']).stdout) as Array<{ rule: string; dismissed: number; confirmed: number; falsePositiveRate?: number }>;
    expect(stats.find((s) => s.rule === 'profanity')).toMatchObject({ dismissed: 1, confirmed: 1, falsePositiveRate: 0.5 });
    expect(await auditActions()).toEqual(expect.arrayContaining(['U0MODERATOR decide flag:1', 'U0MODERATOR decide flag:5']));
  });

  test('a decision on a missing flag fails with a clear message and exit status 2', () => {
    const { status, stderr } = run(['flags', 'dismiss', '999']);
    expect(status).toBe(2);
    expect(stderr).toContain('no flag with id 999');
  });

  test('erase removes one person\'s flags only, and is audited', async () => {
    const { status, stdout } = run(['flags', 'erase', '--user', 'U0000EVEN', '--as', 'U0ADMIN']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Erased for U0000EVEN: 3 flag\(s\)/);
    const left = JSON.parse(run(['flags', 'list', '--json']).stdout) as { flags: Array<{ author: string }> };
    expect(left.flags.length).toBe(3);
    expect(left.flags.every((f) => f.author === 'U00000ODD')).toBe(true);
    expect(await auditActions()).toContain('U0ADMIN erase user:U0000EVEN');
  });

  test('bad options say which option and what is accepted', () => {
    expect(run(['flags', 'list', '--since', 'yesterday']).stderr).toContain('--since: "yesterday" is not a time');
    expect(run(['flags', 'list', '--status', 'closed']).stderr).toContain('--status: unknown status closed');
    expect(run(['flags', 'erase', '--user', 'bob']).stderr).toContain('is not a Slack user id');
    const badEnv = run(['flags', 'list'], { RETENTION_DAYS: 'ninety' });
    expect(badEnv.status).toBe(2);
    expect(badEnv.stderr).toContain('RETENTION_DAYS: must be a whole number');
  });
});

describe('charter-bot db', () => {
  test('migrate creates a new database, then says it is up to date', () => {
    const fresh = path.join(dir, 'new', 'charter.db');
    expect(run(['db', 'migrate', '--database', fresh]).stdout).toMatch(/applied migration 1 \(/);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(run(['db', 'migrate', '--database', fresh]).stdout).toMatch(/up to date \(schema version \d+\)/);
  });

  test('purge keeps recent flags', () => {
    const { status, stdout } = run(['db', 'purge']);
    expect(status).toBe(0);
    expect(stdout).toContain('Purged 0 flag(s) older than 90 days');
  });

  test('a database path that is a directory gives an error naming it', () => {
    const { status, stderr } = run(['flags', 'list', '--database', dir]);
    expect(status).toBe(2);
    expect(stderr).toContain(`Cannot open the database ${dir}`);
  });
});
