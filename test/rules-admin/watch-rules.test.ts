import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRuleSources, watchRuleFiles, type RuleFilesWatch } from '../../src/files/watch-rules';
import { LiveRules } from '../../src/rules-admin/live-rules';
import { FakeRuleVersionStore } from './fake-version-store';
import { A_YAML, CHARTER_FILES, waitFor } from './fixtures';

describe('watchRuleFiles', () => {
  let dir: string;
  let watch: RuleFilesWatch | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'charter-rules-'));
  });
  afterEach(() => {
    watch?.close();
    watch = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  test('calls back once, debounced, after a burst of changes to rule files', async () => {
    let calls = 0;
    watch = watchRuleFiles([dir], () => calls++, { debounceMs: 30, pollMs: 0 });
    writeFileSync(path.join(dir, 'a.yaml'), 'rules: []\n');
    writeFileSync(path.join(dir, 'a.yaml'), 'rules: []\n# again\n');
    await waitFor(() => calls > 0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls).toBe(1);
  });

  test('the mtime poll notices changes even without fs.watch events; other files are ignored', async () => {
    let calls = 0;
    watch = watchRuleFiles([dir], () => calls++, { debounceMs: 1, pollMs: 20, fsWatch: false, filter: (name) => name.endsWith('.yaml') });
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(0);
    writeFileSync(path.join(dir, 'b.yaml'), 'rules: []\n');
    await waitFor(() => calls > 0);
  });

  test('a missing directory is not an error until it appears', async () => {
    let calls = 0;
    const missing = path.join(dir, 'later');
    const errors: unknown[] = [];
    watch = watchRuleFiles([missing], () => calls++, { debounceMs: 1, pollMs: 20, onError: (error) => errors.push(error) });
    mkdirSync(missing);
    writeFileSync(path.join(missing, 'c.yaml'), 'rules: []\n');
    await waitFor(() => calls > 0);
  });

  test('wired to LiveRules: saving a file on disk changes the rules in force', async () => {
    const rulesDir = path.join(dir, 'rules');
    const charterDir = path.join(dir, 'charter');
    mkdirSync(rulesDir);
    mkdirSync(charterDir);
    writeFileSync(path.join(rulesDir, 'a.yaml'), A_YAML);
    writeFileSync(path.join(charterDir, 'charter.fr.md'), CHARTER_FILES.fr.content);
    writeFileSync(path.join(charterDir, 'charter.en.md'), CHARTER_FILES.en.content);
    const live = new LiveRules({ store: new FakeRuleVersionStore(), readFiles: () => readRuleSources(rulesDir, charterDir), defaultLang: 'fr', pollMs: 60_000 });
    await live.start();
    watch = watchRuleFiles([rulesDir, charterDir], () => void live.reloadFiles(), { debounceMs: 10, pollMs: 50 });
    writeFileSync(path.join(rulesDir, 'a.yaml'), A_YAML.replace('severity: low', 'severity: high'));
    await waitFor(() => live.current().rules.find((rule) => rule.id === 'shout')?.severity === 'high');
    live.stop();
  });
});
