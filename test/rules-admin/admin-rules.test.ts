import { buildRuleSet } from '../../src/ruleset';
import { evaluate } from '../../src/engine/evaluate';
import { AdminRules, type AdminResult } from '../../src/rules-admin/admin-rules';
import { LiveRules } from '../../src/rules-admin/live-rules';
import type { RuleVersion } from '../../src/rules-admin/model';
import { FakeRuleVersionStore } from './fake-version-store';
import { ALICE, BOB, CHARTER_FILES, customRule, snapshot } from './fixtures';

async function setup(files: Record<string, string> = {}) {
  const store = new FakeRuleVersionStore();
  let clock = 1_000;
  const live = new LiveRules({ store, readFiles: () => snapshot(files), defaultLang: 'fr', pollMs: 60_000 });
  await live.start();
  const admin = new AdminRules({ store, live, clock: { now: () => ++clock } });
  return { store, live, admin, stop: () => live.stop() };
}

function saved(result: AdminResult): RuleVersion {
  if (!result.ok) throw new Error(`expected a saved version, got ${JSON.stringify(result)}`);
  return result.version;
}

function enabledIds(live: LiveRules): string[] {
  return live.current().rules.map((rule) => rule.id);
}

describe('AdminRules: simple changes', () => {
  test('disabling saves a version with the diff, and the rules in force follow at once', async () => {
    const { admin, live, store, stop } = await setup();
    const version = saved(await admin.setEnabled(ALICE, 'shout', false, 'too noisy'));
    expect(version).toMatchObject({ id: 1, author: 'U0ALICE', source: 'slack', comment: 'too noisy', overlay: { overrides: { shout: { enabled: false } }, added: [] } });
    expect(version.diff).toContain('--- rule files\n+++ this change\n');
    expect(version.diff.split('\n').filter((line) => /^[-+]\s/.test(line))).toEqual(['+    enabled: false']);
    expect(enabledIds(live)).toEqual(['codename', 'mentions']);
    expect(live.version()).toBe(1);
    expect(live.entries().find((entry) => entry.definition.id === 'shout')).toMatchObject({ origin: 'file', overridden: ['enabled'], file: 'rules/a.yaml' });
    expect(store.audit).toEqual(['rules-change']);
    stop();
  });

  test('action and severity; the next version is based on the previous one', async () => {
    const { admin, live, store, stop } = await setup();
    saved(await admin.setAction(BOB, 'codename', 'shadow'));
    const second = saved(await admin.setSeverity(BOB, 'codename', 'critical', 'board asked'));
    expect(second).toMatchObject({ id: 2, source: 'cli', overlay: { overrides: { codename: { action: 'shadow', severity: 'critical' } } } });
    expect(store.versions).toHaveLength(2);
    const codename = live.current().rules.find((rule) => rule.id === 'codename');
    expect([codename?.action, codename?.severity]).toEqual(['shadow', 'critical']);
    stop();
  });

  test('a change that changes nothing is not saved', async () => {
    const { admin, store, stop } = await setup();
    expect(await admin.setEnabled(ALICE, 'shout', true)).toEqual({ ok: false, unchanged: true });
    expect(await admin.setSeverity(ALICE, 'shout', 'low')).toEqual({ ok: false, unchanged: true });
    expect(store.versions).toHaveLength(0);
    stop();
  });

  test('setting a field back to the file value drops the override (the rule follows the file again)', async () => {
    const { admin, live, stop } = await setup();
    saved(await admin.setSeverity(ALICE, 'shout', 'high'));
    const back = saved(await admin.setSeverity(ALICE, 'shout', 'low'));
    expect(back.overlay).toEqual({ overrides: {}, added: [] });
    expect(live.entries().find((entry) => entry.definition.id === 'shout')?.overridden).toEqual([]);
    stop();
  });

  test('revertRule drops overrides of a file rule', async () => {
    const { admin, stop } = await setup();
    saved(await admin.editRule(ALICE, 'codename', { severity: 'high', action: 'nudge' }));
    expect(saved(await admin.revertRule(ALICE, 'codename', ['action'])).overlay.overrides).toEqual({ codename: { severity: 'high' } });
    expect(saved(await admin.revertRule(ALICE, 'codename')).overlay.overrides).toEqual({});
    saved(await admin.createRule(ALICE, customRule()));
    expect(await admin.revertRule(ALICE, 'client-names')).toEqual({ ok: false, problems: [expect.objectContaining({ field: '' })] });
    stop();
  });

  test('unknown rules are refused', async () => {
    const { admin, stop } = await setup();
    expect(await admin.setEnabled(ALICE, 'nope', false)).toEqual({ ok: false, problems: [{ field: '', message: 'there is no rule "nope"' }] });
    stop();
  });
});

describe('AdminRules: the whole rule set is validated, problems next to their fields', () => {
  test('a missing article, options the detector refuses, failing examples', async () => {
    const { admin, store, stop } = await setup();
    const article = await admin.editRule(ALICE, 'codename', { article: 'no-such-article' });
    expect(article).toEqual({ ok: false, problems: [{ field: 'article', message: expect.stringContaining('cites article "no-such-article"') }] });
    const options = await admin.editRule(ALICE, 'codename', { options: { terms: [] } });
    expect(options).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'options.terms' })] });
    const examples = await admin.editRule(ALICE, 'codename', { options: { terms: ['autre chose'] } });
    expect(examples).toEqual({
      ok: false,
      problems: [{ field: 'examples.flag[0]', message: 'this example should be flagged by the rule, but it is not' }],
    });
    expect(store.versions).toHaveLength(0);
    stop();
  });

  test('schema problems of a created rule: scope patterns, unknown fields, bad values', async () => {
    const { admin, stop } = await setup();
    const result = await admin.createRule(
      ALICE,
      customRule({ scope: { channels: ['Bad Name'] }, severity: 'loud' as never, ...({ sevrity: 'low' } as object) }),
    );
    if (result.ok || !('problems' in result)) throw new Error('expected problems');
    expect(result.problems.map((problem) => problem.field).sort()).toEqual(['scope.channels[0]', 'severity', 'sevrity']);
    stop();
  });

  test('custom rules use keyword or regex, and a new id', async () => {
    const { admin, stop } = await setup();
    expect(await admin.createRule(ALICE, customRule({ detector: 'wordlist' }))).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'detector' })],
    });
    expect(await admin.createRule(ALICE, customRule({ id: 'shout' }))).toEqual({
      ok: false,
      problems: [{ field: 'id', message: 'a rule "shout" already exists in rules/a.yaml' }],
    });
    saved(await admin.createRule(ALICE, customRule()));
    expect(await admin.createRule(ALICE, customRule())).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'id' })] });
    expect(await admin.editRule(ALICE, 'client-names', { detector: 'shouting' })).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'detector' })] });
    expect(await admin.editRule(ALICE, 'shout', { detector: 'keyword' })).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'detector' })] });
    stop();
  });

  test('a created rule runs at once; editing it changes the rule itself', async () => {
    const { admin, live, stop } = await setup();
    saved(await admin.createRule(ALICE, customRule({ action: 'nudge' })));
    expect(evaluate({ text: 'le contrat Acme Corp' }, live.current()).findings.map((finding) => finding.rule)).toEqual(['client-names']);
    const edited = saved(await admin.editRule(ALICE, 'client-names', { options: { terms: ['globex'] } }));
    expect(edited.overlay.added).toEqual([customRule({ action: 'nudge', options: { terms: ['globex'] } })]);
    expect(evaluate({ text: 'le contrat Acme Corp' }, live.current()).findings).toEqual([]);
    stop();
  });
});

describe('AdminRules: concurrency', () => {
  test('another admin saved a change to another rule meanwhile: re-applied on top of it', async () => {
    const { admin, store, live, stop } = await setup();
    store.beforeSave = (s) => {
      s.saveNow({ basedOn: undefined, author: 'U0BOB', comment: '', source: 'slack', overlay: { overrides: { mentions: { severity: 'high' } }, added: [] }, diff: '', at: 1 });
    };
    const version = saved(await admin.setEnabled(ALICE, 'shout', false));
    expect(version.id).toBe(2);
    expect(version.overlay.overrides).toEqual({ mentions: { severity: 'high' }, shout: { enabled: false } });
    expect(live.version()).toBe(2);
    stop();
  });

  test('another admin changed the same field meanwhile: conflict', async () => {
    const { admin, store, stop } = await setup();
    store.beforeSave = (s) => {
      s.saveNow({ basedOn: undefined, author: 'U0BOB', comment: '', source: 'slack', overlay: { overrides: { shout: { action: 'flag' } }, added: [] }, diff: '', at: 1 });
    };
    expect(await admin.setAction(ALICE, 'shout', 'shadow')).toEqual({ ok: false, conflict: true });
    expect(store.versions).toHaveLength(1);
    stop();
  });

  test('a second conflict in a row: conflict', async () => {
    const { admin, store, stop } = await setup();
    const other = (s: FakeRuleVersionStore): void => {
      const latest = s.versions[s.versions.length - 1]?.id;
      s.saveNow({ basedOn: latest, author: 'U0BOB', comment: '', source: 'slack', overlay: { overrides: { mentions: { severity: latest === undefined ? 'high' : 'medium' } }, added: [] }, diff: '', at: 1 });
    };
    store.beforeSave = (s) => {
      other(s);
      s.beforeSave = other;
    };
    expect(await admin.setEnabled(ALICE, 'shout', false)).toEqual({ ok: false, conflict: true });
    stop();
  });

  test('a created rule whose id another admin took meanwhile is refused', async () => {
    const { admin, store, stop } = await setup();
    store.beforeSave = (s) => {
      s.saveNow({ basedOn: undefined, author: 'U0BOB', comment: '', source: 'slack', overlay: { overrides: {}, added: [customRule({ severity: 'high' })] }, diff: '', at: 1 });
    };
    expect(await admin.createRule(ALICE, customRule())).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'id' })] });
    stop();
  });
});

describe('AdminRules: history, rollback, diff, export', () => {
  test('rollback stores the old overlay as a new version and restores the behaviour', async () => {
    const { admin, live, store, stop } = await setup();
    saved(await admin.setAction(ALICE, 'codename', 'shadow'));
    saved(await admin.setEnabled(ALICE, 'shout', false));
    expect(enabledIds(live)).toEqual(['codename', 'mentions']);
    const rolled = saved(await admin.rollback(BOB, 1, 'shout was fine'));
    expect(rolled).toMatchObject({ id: 3, source: 'rollback', restores: 1, author: 'cli:bob', comment: 'shout was fine' });
    expect(rolled.overlay).toEqual({ overrides: { codename: { action: 'shadow' } }, added: [] });
    expect(rolled.diff.split('\n').filter((line) => /^[-+]\s/.test(line))).toEqual(['-    enabled: false']);
    expect(enabledIds(live)).toEqual(['shout', 'codename', 'mentions']);
    expect(store.audit).toEqual(['rules-change', 'rules-change', 'rules-rollback']);
    expect(await admin.rollback(BOB, 3)).toEqual({ ok: false, unchanged: true });
    expect(await admin.rollback(BOB, 42)).toEqual({ ok: false, problems: [{ field: '', message: 'there is no rules version 42' }] });
    stop();
  });

  test('a rollback is not re-applied over a version saved meanwhile', async () => {
    const { admin, store, stop } = await setup();
    saved(await admin.setEnabled(ALICE, 'shout', false));
    saved(await admin.setEnabled(ALICE, 'shout', true));
    store.beforeSave = (s) => {
      s.saveNow({ basedOn: 2, author: 'U0BOB', comment: '', source: 'slack', overlay: { overrides: { mentions: { severity: 'high' } }, added: [] }, diff: '', at: 1 });
    };
    expect(await admin.rollback(ALICE, 1)).toEqual({ ok: false, conflict: true });
    stop();
  });

  test('a rollback to an overlay that no longer fits the files is refused with the problems', async () => {
    const { admin, stop } = await setup();
    saved(await admin.createRule(ALICE, customRule()));
    saved(await admin.editRule(ALICE, 'client-names', { enabled: false }));
    const store = (admin as unknown as { options: { store: FakeRuleVersionStore } }).options.store;
    // Version 3 (saved by an older bot) has a rule the files refuse.
    store.saveNow({ basedOn: 2, author: 'U0OLD', comment: '', source: 'cli', overlay: { overrides: { shout: { article: 'gone' } }, added: [] }, diff: '', at: 1 });
    store.saveNow({ basedOn: 3, author: 'U0OLD', comment: '', source: 'cli', overlay: { overrides: {}, added: [] }, diff: '', at: 2 });
    const result = await admin.rollback(ALICE, 3);
    expect(result).toEqual({ ok: false, problems: [{ field: '', rule: 'shout', message: expect.stringContaining('database (unsaved change): shout.article: cites article "gone"') }] });
    stop();
  });

  test('history pages, newest first', async () => {
    const { admin, stop } = await setup();
    saved(await admin.setEnabled(ALICE, 'shout', false));
    saved(await admin.setEnabled(ALICE, 'shout', true));
    saved(await admin.setEnabled(ALICE, 'mentions', false));
    const first = await admin.history({ limit: 2 });
    expect(first.items.map((version) => version.id)).toEqual([3, 2]);
    const second = await admin.history({ limit: 2, ...(first.next === undefined ? {} : { after: first.next }) });
    expect(second.items.map((version) => version.id)).toEqual([1]);
    expect(second.next).toBeUndefined();
    stop();
  });

  test('diff between versions, the files and the current rules', async () => {
    const { admin, stop } = await setup();
    saved(await admin.setEnabled(ALICE, 'shout', false));
    saved(await admin.setAction(ALICE, 'codename', 'shadow'));
    const d = await admin.diff(1, 2);
    if (!d.ok) throw new Error('missing');
    expect(d.diff).toMatch(/^--- version 1\n\+\+\+ version 2\n/);
    expect(d.diff.split('\n').filter((line) => /^[-+]\s/.test(line))).toEqual(['-    action: flag', '+    action: shadow']);
    const all = await admin.diff('files', 'current');
    if (!all.ok) throw new Error('missing');
    expect(all.diff.split('\n').filter((line) => /^[-+]\s/.test(line)).sort()).toEqual(['+    action: shadow', '+    enabled: false', '-    action: flag']);
    expect(await admin.diff(2)).toEqual({ ok: true, diff: '' });
    expect(await admin.diff(9, 'current')).toEqual({ ok: false, missing: 9 });
  stop();
  });

  test('export: one rule file with the rules in force, loadable alone', async () => {
    const { admin, live, stop } = await setup();
    saved(await admin.setEnabled(ALICE, 'shout', false));
    saved(await admin.createRule(ALICE, customRule()));
    const text = admin.exportRules();
    expect(text).toMatch(/^# charter-bot rules in force: .*version 2\./);
    const loaded = buildRuleSet({ ruleFiles: [{ file: 'export.yaml', content: text }], charter: CHARTER_FILES });
    expect(loaded.entries.map((entry) => [entry.definition.id, entry.definition.enabled]).sort()).toEqual(
      live.entries().map((entry) => [entry.definition.id, entry.definition.enabled]).sort(),
    );
    stop();
  });
});
