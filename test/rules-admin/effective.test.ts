import { buildRuleSet, RuleSetError } from '../../src/ruleset';
import { applyOverlay, buildEffective, readFileRules, type EffectiveBuild } from '../../src/rules-admin/effective';
import { EMPTY_OVERLAY, type RuleOverlay } from '../../src/rules-admin/model';
import { A_YAML, customRule, snapshot } from './fixtures';

function built(overlay: RuleOverlay, files: Record<string, string> = {}, origin = 'database (version 3)'): EffectiveBuild {
  return buildEffective({ files: snapshot(files), overlay, defaultLang: 'fr', origin });
}

function ok(build: EffectiveBuild): Extract<EffectiveBuild, { ok: true }> {
  if (!build.ok) throw new Error(`expected a valid build, got ${JSON.stringify(build.problems)}`);
  return build;
}

function problemsOf(build: EffectiveBuild): Extract<EffectiveBuild, { ok: false }>['problems'] {
  if (build.ok) throw new Error('expected problems');
  return build.problems;
}

function ruleOf(build: EffectiveBuild, id: string) {
  return ok(build).loaded.entries.find((entry) => entry.definition.id === id);
}

describe('applyOverlay', () => {
  const fileRules = readFileRules(snapshot().ruleFiles);

  test('reads the files rules as written, with file and index', () => {
    expect(fileRules.map((rule) => [rule.file, rule.index, rule.rule.id])).toEqual([
      ['rules/a.yaml', 0, 'shout'],
      ['rules/a.yaml', 1, 'codename'],
      ['rules/b.yaml', 0, 'mentions'],
    ]);
  });

  test('overrides replace top-level fields, nested objects whole', () => {
    const { rules } = applyOverlay(fileRules, {
      overrides: { codename: { severity: 'high', options: { stems: ['orio'], terms: ['x'] } } },
      added: [],
    });
    const codename = rules.find((rule) => rule.rule.id === 'codename');
    expect(codename?.rule.severity).toBe('high');
    expect(codename?.rule.options).toEqual({ stems: ['orio'], terms: ['x'] });
    expect(codename?.rule.examples).toEqual({ flag: ['le projet Orion avance'], pass: ['orion tout seul'] });
    expect(codename?.overridden).toEqual(['severity', 'options']);
    expect(rules.find((rule) => rule.rule.id === 'shout')?.overridden).toEqual([]);
  });

  test('an override of a rule no longer in the files is ignored and reported', () => {
    const { rules, report } = applyOverlay(fileRules, { overrides: { gone: { enabled: false } }, added: [] });
    expect(rules.map((rule) => rule.rule.id)).toEqual(['shout', 'codename', 'mentions']);
    expect(report.staleOverrides).toEqual(['gone']);
  });

  test('added rules are appended; one whose id now exists in the files is reported and skipped', () => {
    const { rules, report } = applyOverlay(fileRules, {
      overrides: {},
      added: [customRule(), customRule({ id: 'shout' }), customRule()],
    });
    expect(rules.map((rule) => [rule.rule.id, rule.origin])).toEqual([
      ['shout', 'file'],
      ['codename', 'file'],
      ['mentions', 'file'],
      ['client-names', 'added'],
    ]);
    expect(report.conflicts).toEqual([
      { rule: 'shout', file: 'rules/a.yaml' },
      { rule: 'client-names', file: 'database' },
    ]);
  });
});

describe('buildEffective: precedence', () => {
  test('the files alone build like buildRuleSet', () => {
    const build = ok(built(EMPTY_OVERLAY));
    const plain = buildRuleSet({ ...snapshot(), defaultLang: 'fr' });
    expect(build.loaded.entries.map((entry) => [entry.definition.id, entry.file])).toEqual(plain.entries.map((entry) => [entry.definition.id, entry.file]));
  });

  test('a file edit of a field not overridden takes effect; an overridden field keeps the admin value', () => {
    const overlay: RuleOverlay = { overrides: { codename: { action: 'shadow' } }, added: [] };
    const edited = A_YAML.replace('severity: medium', 'severity: critical').replace('action: flag', 'action: nudge+flag');
    const build = built(overlay, { 'rules/a.yaml': edited });
    expect(ruleOf(build, 'codename')?.definition.severity).toBe('critical');
    expect(ruleOf(build, 'codename')?.definition.action).toBe('shadow');
    // The overridden rule is still listed under its file.
    expect(ruleOf(build, 'codename')?.file).toBe('rules/a.yaml');
  });

  test('disabling through the overlay leaves the rule out of the rule set but in the entries', () => {
    const build = ok(built({ overrides: { shout: { enabled: false } }, added: [] }));
    expect(build.loaded.ruleSet.rules.map((rule) => rule.id)).toEqual(['codename', 'mentions']);
    expect(build.loaded.entries.find((entry) => entry.definition.id === 'shout')?.definition.enabled).toBe(false);
  });

  test('added rules are built; a conflicting one is skipped and reported', () => {
    const build = ok(built({ overrides: {}, added: [customRule(), customRule({ id: 'mentions' })] }));
    expect(build.loaded.ruleSet.rules.map((rule) => rule.id)).toEqual(['shout', 'codename', 'mentions', 'client-names']);
    expect(ruleOf(build, 'client-names')?.file).toBe('database (version 3)');
    expect(ruleOf(build, 'mentions')?.definition.detector).toBe('mass-mention');
    expect(build.report.conflicts).toEqual([{ rule: 'mentions', file: 'rules/b.yaml' }]);
  });
});

describe('buildEffective: problems say where', () => {
  test('a broken file rule is reported at its own file, line and field, even when an admin overrode an earlier rule of the file', () => {
    const broken = A_YAML.replace('terms: [projet orion]', 'terms: []');
    let expected: string[] = [];
    try {
      buildRuleSet({ ...snapshot({ 'rules/a.yaml': broken }) });
    } catch (error) {
      expected = (error as RuleSetError).problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.field}`);
    }
    expect(expected).toEqual(['rules/a.yaml:17:14: rules[1].options.terms']);
    const problems = problemsOf(built({ overrides: { shout: { severity: 'high' } }, added: [] }, { 'rules/a.yaml': broken }));
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.field}`)).toEqual(expected);
    expect(problems[0]).toMatchObject({ rule: 'codename', ruleField: 'options.terms' });
  });

  test('a problem in a field an admin set names the version and the rule', () => {
    const problems = problemsOf(built({ overrides: { codename: { article: 'nope' } }, added: [] }));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'database (version 3)', field: 'codename.article', rule: 'codename', ruleField: 'article' }),
    ]);
    expect(problems[0]?.line).toBeUndefined();
  });

  test('a problem in a file field of an overridden rule names the file and line', () => {
    const broken = A_YAML.replace('article: confidentiality-documents', 'article: missing-article');
    const problems = problemsOf(built({ overrides: { codename: { severity: 'high' } }, added: [] }, { 'rules/a.yaml': broken }));
    expect(problems).toEqual([expect.objectContaining({ file: 'rules/a.yaml', line: 15, column: 14, field: 'rules[1].article', rule: 'codename' })]);
  });

  test('a problem in an added rule names the version and the rule', () => {
    const problems = problemsOf(built({ overrides: {}, added: [customRule({ options: { terms: ['x'], bogus: 1 } })] }));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'database (version 3)', field: 'client-names.options', rule: 'client-names', ruleField: 'options' }),
    ]);
  });

  test('YAML errors of a file pass through with their line', () => {
    const problems = problemsOf(built(EMPTY_OVERLAY, { 'rules/b.yaml': 'rules:\n  - id: x\n   detector: [' }));
    expect(problems.every((problem) => problem.file === 'rules/b.yaml' && problem.line === 3)).toBe(true);
  });
});
