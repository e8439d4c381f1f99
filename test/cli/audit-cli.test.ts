/**
 * `charter-bot audit` as an admin runs it on a Slack export: the built dist/cli.js in a child
 * process, on the generated export of bench/slack-export.ts (directory and zip).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSmallExport } from '../../bench/slack-export';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let dir: string;
let exportDir: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'audit', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, DATABASE_PATH: path.join(dir, 'none.db') } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-audit-cli-'));
  exportDir = path.join(dir, 'export');
  await generateSmallExport(exportDir, { zip: true });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a readable summary: messages scanned, noisiest rules, masked samples, no raw secret', () => {
  const { status, stdout, stderr } = run(`${exportDir}.zip`);
  expect(status).toBe(0);
  expect(stderr).toBe(''); // no progress bar when not on a terminal
  expect(stdout).toMatch(/378 messages scanned over 3 days/);
  expect(stdout).toMatch(/Rules \(noisiest first\)/);
  expect(stdout).toMatch(/••••/);
  expect(stdout).not.toMatch(/\b4970 ?1012 ?3456 ?7893\b/);
  expect(stdout).not.toMatch(/xoxb-\d{6,}/);
  expect(fs.existsSync(path.join(dir, 'none.db'))).toBe(false);
});

test('the directory and the zip give the same figures, in JSON', () => {
  const fromDir = JSON.parse(run(exportDir, '--format', 'json').stdout) as { scanned: number; live: { rules: Array<{ rule: string; messages: number }> } };
  const fromZip = JSON.parse(run(`${exportDir}.zip`, '--format', 'json').stdout) as typeof fromDir;
  expect(fromDir.scanned).toBe(378);
  expect(fromZip.live.rules).toEqual(fromDir.live.rules);
});

test('--format html --output writes one self-contained page', () => {
  const out = path.join(dir, 'audit.html');
  const { status, stderr } = run(exportDir, '--format', 'html', '--output', out);
  expect(status).toBe(0);
  expect(stderr).toMatch(/Report written to .*audit\.html \(378 messages scanned, 0 problem/);
  const html = fs.readFileSync(out, 'utf8');
  expect(html).toContain('id="chart-rules"');
  expect(html).not.toMatch(/<script|https?:\/\/[^"]*\.(js|css)/);
});

test('--rules compares a draft rule set side by side', () => {
  const draft = path.join(dir, 'draft');
  fs.cpSync(path.join(root, 'rules'), draft, { recursive: true });
  const file = path.join(draft, 'etiquette.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  - id: insult\n', '  - id: insult\n    enabled: false\n'));
  const { stdout } = run(exportDir, '--rules', draft);
  expect(stdout).toMatch(/Live vs draft/i);
  expect(stdout).toMatch(/^  insult\s+4\s+off\s+-4$/m);
  expect(stdout).toMatch(/^  profanity\s+4\s+4\s+0$/m);
});

test('a broken export: the audit goes on and names what it skipped', () => {
  const broken = path.join(dir, 'broken');
  fs.cpSync(exportDir, broken, { recursive: true });
  const day = fs.readdirSync(path.join(broken, 'general'))[0] as string;
  fs.writeFileSync(path.join(broken, 'general', day), '[{"type":"message", "text": "cut');
  const { status, stdout } = run(broken);
  expect(status).toBe(0);
  expect(stdout).toContain(`general/${day}`);
  const truncated = path.join(dir, 'truncated.zip');
  const zip = fs.readFileSync(`${exportDir}.zip`);
  fs.writeFileSync(truncated, zip.subarray(0, Math.floor(zip.length / 2)));
  const cut = run(truncated);
  expect(cut.status).toBe(0);
  expect(cut.stdout).toMatch(/truncated\.zip/);
});

test('a path that is not an export says what is expected', () => {
  const { status, stderr } = run(path.join(dir, 'nothing-here'));
  expect(status).toBe(2);
  expect(stderr).toMatch(/expected a Slack export: a directory or a \.zip file/);
});
