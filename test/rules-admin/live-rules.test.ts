import { evaluate } from '../../src/engine/evaluate';
import { RuleSetError } from '../../src/ruleset';
import { AdminRules } from '../../src/rules-admin/admin-rules';
import type { RuleProblem, RuleFilesSnapshot } from '../../src/rules-admin/effective';
import { LiveRules, type InvalidOrigin } from '../../src/rules-admin/live-rules';
import { FakeRuleVersionStore } from './fake-version-store';
import { A_YAML, ALICE, snapshot, waitFor } from './fixtures';

/** Rule files that tests can change. */
class Disk {
  files: Record<string, string> = {};
  reads = 0;
  fail: Error | undefined;
  read = (): RuleFilesSnapshot => {
    this.reads++;
    if (this.fail !== undefined) throw this.fail;
    return snapshot(this.files);
  };
}

function live(store: FakeRuleVersionStore, disk: Disk, pollMs = 10) {
  const invalid: Array<{ problems: RuleProblem[]; origin: InvalidOrigin }> = [];
  const rules = new LiveRules({
    store,
    readFiles: disk.read,
    defaultLang: 'fr',
    pollMs,
    onInvalid: (problems, origin) => invalid.push({ problems, origin }),
  });
  return { rules, invalid };
}

const ids = (rules: LiveRules): string[] => rules.current().rules.map((rule) => rule.id);

describe('LiveRules', () => {
  test('is a RuleSource once started', async () => {
    const { rules } = live(new FakeRuleVersionStore(), new Disk());
    expect(() => rules.current()).toThrow(/start/);
    await rules.start();
    expect(ids(rules)).toEqual(['shout', 'codename', 'mentions']);
    expect(rules.version()).toBeUndefined();
    expect(rules.overlay()).toEqual({ overrides: {}, added: [] });
    expect(rules.fileRules().map((rule) => rule.rule.id)).toEqual(['shout', 'codename', 'mentions']);
    expect(rules.charter().ids).toContain('tone-shouting');
    expect(evaluate({ text: 'ARRÊTEZ DE POUSSER SUR MAIN MAINTENANT' }, rules.current()).findings.map((f) => f.rule)).toEqual(['shout']);
    rules.stop();
  });

  test('a version saved by another process is picked up by polling, without restart', async () => {
    const store = new FakeRuleVersionStore();
    const disk = new Disk();
    const one = live(store, disk);
    const two = live(store, disk);
    await one.rules.start();
    await two.rules.start();
    const admin = new AdminRules({ store, live: one.rules });
    const result = await admin.setEnabled(ALICE, 'shout', false);
    expect(result.ok).toBe(true);
    expect(ids(one.rules)).toEqual(['codename', 'mentions']); // at once where it was saved
    await waitFor(() => two.rules.version() === 1);
    expect(ids(two.rules)).toEqual(['codename', 'mentions']);
    expect(two.rules.entries().find((entry) => entry.definition.id === 'shout')?.definition.enabled).toBe(false);
    one.rules.stop();
    two.rules.stop();
  });

  test('polling only reads the latest id until it changes', async () => {
    const store = new FakeRuleVersionStore();
    const { rules } = live(store, new Disk());
    await rules.start();
    const spy = jest.spyOn(store, 'latestRuleVersion');
    await waitFor(() => store.idPolls >= 3);
    expect(spy).not.toHaveBeenCalled();
    rules.stop();
    const polls = store.idPolls;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(store.idPolls).toBeLessThanOrEqual(polls + 1);
  });

  test('a valid file change is swapped in; a field not overridden follows the file', async () => {
    const store = new FakeRuleVersionStore();
    const disk = new Disk();
    const { rules } = live(store, disk);
    await rules.start();
    await new AdminRules({ store, live: rules }).setAction(ALICE, 'codename', 'shadow');
    disk.files = { 'rules/a.yaml': A_YAML.replace('severity: medium', 'severity: high').replace('action: flag', 'action: nudge') };
    expect(await rules.reloadFiles()).toEqual({ ok: true, changed: true });
    const codename = rules.current().rules.find((rule) => rule.id === 'codename');
    expect([codename?.severity, codename?.action]).toEqual(['high', 'shadow']);
    expect(await rules.reloadFiles()).toEqual({ ok: true, changed: false });
    rules.stop();
  });

  test('an invalid file change keeps the last good rules and reports every problem with file, line and field', async () => {
    const store = new FakeRuleVersionStore();
    const disk = new Disk();
    const { rules, invalid } = live(store, disk);
    await rules.start();
    const before = rules.current();
    disk.files = {
      'rules/a.yaml': A_YAML.replace('severity: low', 'severity: loud').replace('article: confidentiality-documents', 'article: nope'),
    };
    const result = await rules.reloadFiles();
    expect(result.ok).toBe(false);
    expect(rules.current()).toBe(before);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.origin).toBe('files');
    expect(invalid[0]?.problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual(['rules/a.yaml:6: rules[0].severity']);
    // The same content again: not reported twice.
    await rules.reloadFiles();
    expect(invalid).toHaveLength(1);
    // Fixing the schema reveals the next problem (the article), reported with its line.
    disk.files = { 'rules/a.yaml': A_YAML.replace('article: confidentiality-documents', 'article: nope') };
    await rules.reloadFiles();
    expect(invalid[1]?.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.field}`)).toEqual(['rules/a.yaml:15:14: rules[1].article']);
    expect(rules.current()).toBe(before);
    // Fixed: swapped in.
    disk.files = { 'rules/a.yaml': A_YAML.replace('severity: low', 'severity: medium') };
    expect(await rules.reloadFiles()).toEqual({ ok: true, changed: true });
    expect(rules.current().rules.find((rule) => rule.id === 'shout')?.severity).toBe('medium');
    rules.stop();
  });

  test('unreadable files keep the last good rules', async () => {
    const disk = new Disk();
    const { rules, invalid } = live(new FakeRuleVersionStore(), disk);
    await rules.start();
    disk.fail = new RuleSetError([{ file: 'rules', message: 'cannot read the rules directory (ENOENT)' }]);
    expect(await rules.reloadFiles()).toEqual({ ok: false, problems: [{ file: 'rules', message: 'cannot read the rules directory (ENOENT)' }] });
    expect(invalid.map((entry) => entry.origin)).toEqual(['files']);
    expect(ids(rules)).toEqual(['shout', 'codename', 'mentions']);
    rules.stop();
  });

  test('a stored version that does not build is not applied, and reported once', async () => {
    const store = new FakeRuleVersionStore();
    const { rules, invalid } = live(store, new Disk());
    await rules.start();
    store.saveNow({ basedOn: undefined, author: 'U0X', comment: '', source: 'cli', overlay: { overrides: { shout: { article: 'gone' } }, added: [] }, diff: '', at: 1 });
    await waitFor(() => invalid.length === 1);
    expect(invalid[0]).toEqual({ origin: 'database', problems: [expect.objectContaining({ file: 'database (version 1)', field: 'shout.article' })] });
    expect(rules.version()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(invalid).toHaveLength(1);
    rules.stop();
  });

  test('at start, a stored version that does not build falls back to the files alone', async () => {
    const store = new FakeRuleVersionStore();
    store.saveNow({ basedOn: undefined, author: 'U0X', comment: '', source: 'cli', overlay: { overrides: { shout: { enabled: false, article: 'gone' } }, added: [] }, diff: '', at: 1 });
    const { rules, invalid } = live(store, new Disk());
    await rules.start();
    expect(ids(rules)).toEqual(['shout', 'codename', 'mentions']);
    expect(invalid.map((entry) => entry.origin)).toEqual(['database']);
    rules.stop();
  });

  test('at start, invalid files throw (no good rules to run)', async () => {
    const disk = new Disk();
    disk.files = { 'rules/b.yaml': 'rules: [' };
    const { rules } = live(new FakeRuleVersionStore(), disk);
    await expect(rules.start()).rejects.toBeInstanceOf(RuleSetError);
  });

  test('a store failure while polling is logged, never thrown', async () => {
    const store = new FakeRuleVersionStore();
    const warnings: string[] = [];
    const logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (_: Record<string, unknown>, message: string) => warnings.push(message) };
    const rules = new LiveRules({ store, readFiles: () => snapshot(), defaultLang: 'fr', pollMs: 5, logger });
    await rules.start();
    jest.spyOn(store, 'latestRuleVersionId').mockRejectedValue(new Error('database is locked'));
    await waitFor(() => warnings.length > 0);
    expect(warnings[0]).toBe('reading the latest rules version failed');
    rules.stop();
  });
});
