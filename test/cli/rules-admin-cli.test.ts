/**
 * `charter-bot rules list|show|history|diff|rollback|export`: the same versions and audit entries
 * as App Home, from the terminal. Runs the built dist/cli.js.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRuleSources } from '../../src/files/watch-rules';
import { AdminRules, LiveRules } from '../../src/rules-admin';
import { SqliteModerationStore } from '../../src/store';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let dir: string;
let database: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, DATABASE_PATH: database } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-rules-cli-'));
  database = path.join(dir, 'charter.db');
  // An admin disabled `shouting` in Slack (version 1).
  const store = SqliteModerationStore.open(database);
  const live = new LiveRules({ store, readFiles: () => readRuleSources(path.join(root, 'rules'), path.join(root, 'charter')), defaultLang: 'fr', pollMs: 60_000 });
  await live.start();
  const admin = new AdminRules({ store, live });
  expect((await admin.setEnabled({ author: 'U0ADMIN001', source: 'slack' }, 'shouting', false, 'trop de bruit')).ok).toBe(true);
  // Then put `profanity` in shadow (version 2).
  expect((await admin.setAction({ author: 'U0ADMIN001', source: 'slack' }, 'profanity', 'shadow', 'essai')).ok).toBe(true);
  live.stop();
  await store.close();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('list shows the rules in force, with what admins changed', () => {
  const { status, stdout } = run('rules', 'list');
  expect(status).toBe(0);
  expect(stdout).toContain("admins' changes up to version 2");
  expect(stdout).toMatch(/shouting\s+no\s+shouting.*edited: enabled/);
  expect(stdout).toMatch(/profanity\s+yes.*edited: action/);
  expect(stdout).toMatch(/insult\s+yes.*etiquette\.yaml/);
});

test('history, diff and show tell who changed what', () => {
  const history = run('rules', 'history').stdout.trim().split('\n');
  expect(history[0]).toMatch(/^v2\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+U0ADMIN001\s+slack\s+essai$/);
  expect(history[1]).toMatch(/^v1\s+.*trop de bruit$/);
  const diff = run('rules', 'diff', '1', '2').stdout;
  expect(diff).toMatch(/^-\s+action: nudge$/m);
  expect(diff).toMatch(/^\+\s+action: shadow$/m);
  expect(run('rules', 'diff', 'files', 'current').stdout).toMatch(/^\+\s+enabled: false$/m);
  expect(run('rules', 'show', 'shouting').stdout).toContain('changed by admins: enabled');
});

test('rollback is a new version, audited; export is audited and loadable by rules validate', async () => {
  const rollback = run('rules', 'rollback', '1', '--as', 'cli:marie', '--comment', 'fin de l’essai');
  expect(rollback.stdout).toContain('version 3 restores version 1');
  expect(run('rules', 'list').stdout).toMatch(/profanity\s+yes\s+profanity\s+medium\s+nudge /);
  const exported = path.join(dir, 'rules-export', 'all.yaml');
  fs.mkdirSync(path.dirname(exported));
  const result = run('rules', 'export', '--output', exported, '--as', 'cli:marie');
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(/\d+ rules written/);
  expect(run('rules', 'validate', path.dirname(exported)).stdout).toMatch(/✓ \d+ rules/);
  const store = SqliteModerationStore.open(database);
  try {
    const audit = await store.listAudit({ actor: 'cli:marie' }, { limit: 5 });
    expect(audit.items.map((e) => e.action)).toEqual(['rules-export', 'rules-rollback']);
  } finally {
    await store.close();
  }
});

test('articles lists each charter article with the rules citing it', () => {
  const { stdout } = run('rules', 'articles', '--lang', 'en');
  expect(stdout).toMatch(/2\.1 Language\s+\{#courtesy-language\}\s+← profanity, profanity-severe/);
  expect(stdout).toMatch(/Article 1 — .*\{#purpose\}$/m);
});

test('an unknown version or rule says what to do next', () => {
  expect(run('rules', 'show', 'nope').stderr).toContain('no rule "nope"; see charter-bot rules list');
  expect(run('rules', 'rollback', 'latest').stderr).toContain('is not a version number');
  expect(run('rules', 'diff', '9').stderr).toContain('no version 9');
});
