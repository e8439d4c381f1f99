/**
 * The CLI as a user types it: the built `dist/cli.js` run in a child process (npm test builds
 * first), plus the DESIGN.md §3 JSON contract.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('charter-bot check', () => {
  test('prints a finding that cites the charter article, and exits 1', () => {
    const { status, stdout } = run(['check', "t'es vraiment un con"]);
    expect(status).toBe(1);
    expect(stdout).toContain('insult');
    expect(stdout).toMatch(/Charte : Article \d+ — .*\{#courtesy\}|\{#courtesy-respect\}/);
  });

  test('exits 0 and prints a check mark for a clean message', () => {
    const { status, stdout } = run(['check', 'Bonjour, le point est à 14h.']);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('✓ Bonjour, le point est à 14h.');
  });

  test('--json prints exactly one JSON line per input line, in order, with the contract fields', () => {
    const input = [
      JSON.stringify({ text: 'mdr ok', channel: 'client-renault', external: true }),
      'hello team',
      JSON.stringify({ text: 'ma carte : 4970 1012 3456 7893', lang: 'fr' }),
    ].join('\n');
    const { status, stdout } = run(['check', '--json'], input);
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0].findings).toEqual([
      { rule: 'familiar-tone', category: 'familiar-tone', severity: 'low', action: 'nudge', article: 'tone-register', start: 0, end: 3, excerpt: 'mdr' },
    ]);
    expect(lines[1]).toEqual({ findings: [] });
    expect(lines[2].findings[0]).toMatchObject({ category: 'payment-card', start: 11, end: 30, excerpt: '•••• •••• •••• 7893' });
    expect(stdout).not.toContain('4970 1012 3456 7893');
  });

  test('--channel and --external give the channel context to text arguments', () => {
    expect(run(['check', '--json', 'mdr']).stdout.trim()).toBe('{"findings":[]}');
    const shared = JSON.parse(run(['check', '--json', '--channel', 'ext-acme', '--external', 'mdr']).stdout);
    expect(shared.findings[0].category).toBe('familiar-tone');
  });

  test('--lang sets the locale used for ambiguous words and the language of explanations', () => {
    expect(run(['check', '--json', '--lang', 'en', 'con']).stdout.trim()).toBe('{"findings":[]}');
    const french = run(['check', '--lang', 'fr', 'con']).stdout;
    expect(french).toContain('Ce message contient un mot grossier');
    const english = run(['check', '--lang', 'en', 'fuck']).stdout;
    expect(english).toContain('This message contains vulgar language');
  });

  test('a malformed JSON line is checked as plain text, with a warning naming the line', () => {
    const { stdout, stderr } = run(['check', '--json'], 'hello\n{"text": broken\n');
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toMatch(/^stdin:2: not valid JSON/m);
  });

  test('an invalid --lang is refused with the allowed choices', () => {
    const { status, stderr } = run(['check', '--lang', 'de', 'x']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/Allowed choices are fr, en/);
  });

  test('--help documents the input formats and exit status', () => {
    const { status, stdout } = run(['check', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--json');
    expect(stdout).toContain('Exit status');
  });
});

describe('charter-bot rules validate', () => {
  test('summarises the bundled rules', () => {
    const { status, stdout } = run(['rules', 'validate']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^✓ \d+ rules \(\d+ enabled\) in 2 files .*examples checked; charter: \d+ articles/);
  });

  test('lists every problem of a broken directory with file, line and field, and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charter-rules-'));
    cpSync(path.join(root, 'rules'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'zz-broken.yaml'),
      'rules:\n  - id: Bad Id\n    detector: shouting\n    category: shouting\n    severity: low\n    action: yell\n    article: tone\n',
    );
    const { status, stderr } = run(['rules', 'validate', dir]);
    expect(status).toBe(1);
    expect(stderr).toContain('✗ 2 problems');
    expect(stderr).toMatch(/zz-broken\.yaml:2:9: rules\[0\]\.id: a rule id uses lowercase/);
    expect(stderr).toMatch(/zz-broken\.yaml:6:13: rules\[0\]\.action: /);
  });

  test('check refuses to run on broken rules and exits 2 with the problems', () => {
    const { status, stderr } = run(['check', 'hello'], undefined, { RULES_DIR: path.join(root, 'charter') });
    expect(status).toBe(2);
    expect(stderr).toContain('no rule file found');
  });
});
