import { REGEX_INPUT_CAP } from '../../src/detectors/regex';
import { evaluate } from '../../src/engine/evaluate';
import { AdminRules } from '../../src/rules-admin/admin-rules';
import { LiveRules } from '../../src/rules-admin/live-rules';
import { FakeRuleVersionStore } from './fake-version-store';
import { ALICE, customRule, snapshot } from './fixtures';

describe('admins regexes run on RE2', () => {
  test('(a+)+$ is accepted and a 40,000-character "aaaa…!" message is evaluated', async () => {
    const store = new FakeRuleVersionStore();
    const live = new LiveRules({ store, readFiles: () => snapshot(), defaultLang: 'en', pollMs: 60_000 });
    await live.start();
    const admin = new AdminRules({ store, live });
    const rule = customRule({ id: 'aaa', detector: 'regex', category: 'custom', action: 'shadow', options: { pattern: '(a+)+$' } });
    const result = await admin.createRule(ALICE, rule);
    expect(result.ok).toBe(true);
    // A 40,000-character message, as long as Slack allows: the pattern scans its first REGEX_INPUT_CAP characters.
    const text = `${'a'.repeat(39_999)}!`;
    expect(REGEX_INPUT_CAP).toBeLessThan(text.length);
    const verdict = evaluate({ text }, live.current());
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings.filter((finding) => finding.rule === 'aaa')).toEqual([]);
    const matching = evaluate({ text: 'a'.repeat(REGEX_INPUT_CAP) }, live.current());
    expect(matching.findings.filter((finding) => finding.rule === 'aaa')).toHaveLength(1);
    live.stop();
  });

  test('a backreference is refused with RE2s reason on options.pattern', async () => {
    const store = new FakeRuleVersionStore();
    const live = new LiveRules({ store, readFiles: () => snapshot(), defaultLang: 'en', pollMs: 60_000 });
    await live.start();
    const admin = new AdminRules({ store, live });
    const result = await admin.createRule(ALICE, customRule({ id: 'twice', detector: 'regex', options: { pattern: '(\\w+) \\1' } }));
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'options.pattern', message: expect.stringMatching(/^pattern refused by the linear-time engine \(RE2: .+\); backreferences/) }],
    });
    expect(store.versions).toHaveLength(0);
    live.stop();
  });
});
