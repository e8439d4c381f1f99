import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRuleSet, RuleSetError, SourceFile } from '../../src/ruleset';
import { formatProblem } from '../../src/ruleset/problems';
import { evaluate } from '../../src/engine/evaluate';

const root = path.resolve(__dirname, '..', '..');
const charter = {
  fr: { file: 'charter.fr.md', content: readFileSync(path.join(root, 'charter/charter.fr.md'), 'utf8') },
  en: { file: 'charter.en.md', content: readFileSync(path.join(root, 'charter/charter.en.md'), 'utf8') },
};

function problemsOf(ruleFiles: SourceFile[]): string[] {
  try {
    buildRuleSet({ ruleFiles, charter });
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const validRule = `rules:
  - id: shout
    detector: shouting
    category: shouting
    severity: low
    action: nudge
    article: tone-shouting
`;

describe('rule files', () => {
  test('a valid file compiles into enabled rules', () => {
    const loaded = buildRuleSet({ ruleFiles: [{ file: 'a.yaml', content: validRule }], charter });
    expect(loaded.ruleSet.rules.map((rule) => rule.id)).toEqual(['shout']);
    expect(evaluate({ text: 'PLEASE STOP PUSHING TO MAIN NOW' }, loaded.ruleSet).findings).toHaveLength(1);
  });

  test('YAML syntax errors name the file, line and column', () => {
    const problems = problemsOf([{ file: 'broken.yaml', content: 'rules:\n  - id: x\n   detector: [' }]);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^broken\.yaml:3:\d+: YAML: /);
  });

  test('schema errors name the line and field of every problem at once', () => {
    const content = validRule.replace('severity: low', 'severity: loud').replace('action: nudge', 'action: nudge\n    sevrity: low');
    const problems = problemsOf([{ file: 'bad.yaml', content }]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad\.yaml:5:15: rules\[0\]\.severity: Invalid option: expected one of "low"\|"medium"/),
        expect.stringMatching(/^bad\.yaml:7:14: rules\[0\]\.sevrity: unknown field "sevrity"/),
      ]),
    );
  });

  test('refuses a rule citing a missing charter article, with the known ids', () => {
    const problems = problemsOf([{ file: 'a.yaml', content: validRule.replace('tone-shouting', 'no-such-article') }]);
    expect(problems).toEqual([expect.stringMatching(/^a\.yaml:7:14: rules\[0\]\.article: cites article "no-such-article".*known: purpose/)]);
  });

  test('refuses unknown detectors, categories a detector cannot report, and bad options', () => {
    const content = `rules:
  - id: one
    detector: nope
    category: shouting
    severity: low
    action: nudge
    article: tone
  - id: two
    detector: shouting
    category: secret
    severity: low
    action: nudge
    article: tone
  - id: three
    detector: wordlist
    category: profanity
    severity: low
    action: nudge
    article: tone
    options:
      tiers: [spicy]
`;
    const problems = problemsOf([{ file: 'r.yaml', content }]);
    expect(problems).toEqual([
      expect.stringMatching(/^r\.yaml:3:15: rules\[0\]\.detector: unknown detector "nope" \(known: wordlist/),
      expect.stringMatching(/^r\.yaml:10:15: rules\[1\]\.category: detector "shouting" cannot report category "secret"/),
      expect.stringMatching(/^r\.yaml:21:15: rules\[2\]\.options\.tiers\[0\]: /),
    ]);
  });

  test('refuses a duplicate rule id across files', () => {
    const problems = problemsOf([
      { file: 'a.yaml', content: validRule },
      { file: 'b.yaml', content: validRule },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^b\.yaml:2:9: rules\[0\]\.id: rule id "shout" is already used in a\.yaml/)]);
  });

  test('checks examples when the rules load, naming the example that fails', () => {
    const content = `${validRule}    examples:
      flag: ["PLEASE STOP PUSHING TO MAIN NOW", "quiet"]
      pass: ["ok", "WHY IS EVERYBODY SHOUTING TODAY"]
`;
    const problems = problemsOf([{ file: 'e.yaml', content }]);
    expect(problems).toEqual([
      expect.stringMatching(/^e\.yaml:9:49: rules\[0\]\.examples\.flag\[1\]: this example should be flagged/),
      expect.stringMatching(/^e\.yaml:10:20: rules\[0\]\.examples\.pass\[1\]: this example should pass, but the rule finds/),
    ]);
  });

  test('a regex with backreferences is refused with the reason and where', () => {
    const content = `rules:
  - id: code-name
    detector: regex
    category: custom
    severity: low
    action: shadow
    article: confidentiality-documents
    options:
      pattern: "(a)\\\\1"
`;
    const problems = problemsOf([{ file: 'x.yaml', content }]);
    expect(problems).toEqual([expect.stringMatching(/^x\.yaml:9:7: rules\[0\]\.options: pattern refused by the linear-time engine/)]);
  });

  test('disabled rules are compiled and checked but do not run', () => {
    const loaded = buildRuleSet({
      ruleFiles: [{ file: 'a.yaml', content: validRule.replace('action: nudge', 'action: nudge\n    enabled: false') }],
      charter,
    });
    expect(loaded.entries).toHaveLength(1);
    expect(loaded.ruleSet.rules).toHaveLength(0);
  });
});

describe('scope', () => {
  const content = `rules:
  - id: slang
    detector: familiar-tone
    category: familiar-tone
    severity: low
    action: nudge
    article: tone-register
    exempt: [U0CEO]
    scope:
      match: any
      external: true
      channels: [client-*]
      exceptChannels: [client-fun]
`;
  const { ruleSet } = buildRuleSet({ ruleFiles: [{ file: 's.yaml', content }], charter });
  const found = (channel: { name?: string; external?: boolean }, user?: string) =>
    evaluate({ text: 'mdr', channel, ...(user === undefined ? {} : { user }) }, ruleSet).findings.length;

  test('applies in channels matching a pattern or shared with another company', () => {
    expect(found({ name: 'client-renault' })).toBe(1);
    expect(found({ name: 'partners', external: true })).toBe(1);
  });

  test('does not apply elsewhere, in excepted channels, or to exempt users', () => {
    expect(found({ name: 'random' })).toBe(0);
    expect(found({ name: 'client-fun', external: true })).toBe(0);
    expect(found({ name: 'client-renault' }, 'U0CEO')).toBe(0);
  });
});
