import { compilePattern, REGEX_INPUT_CAP, regex } from '../../src/detectors/regex';
import { testDetector } from '../helpers/detector-tester';
import { singleRuleSet } from '../helpers/detector-tester';
import { evaluate } from '../../src/engine/evaluate';

testDetector(regex, {
  options: { pattern: 'PRJ-\\d{4}' },
  category: 'custom',
  valid: ['PRJ-12', 'prj 1234'],
  invalid: [
    { message: 'voir prj-1234 et PRJ-5678', count: 2, matches: ['prj-1234', 'PRJ-5678'], messageId: 'pattern' },
    { message: 'é PRJ-0001 &amp; x', matches: ['PRJ-0001'] },
  ],
});

testDetector(regex, {
  options: { pattern: 'Apollo', caseSensitive: true, scan: 'prose' },
  category: 'custom',
  valid: ['apollo', '`Apollo`'],
  invalid: [{ message: 'Apollo', matches: ['Apollo'] }],
});

describe('regex safety', () => {
  test('refuses backreferences and lookaround with the reason', () => {
    expect(() => compilePattern('(a)\\1', false)).toThrow(/linear-time engine.*backreferences/);
    expect(() => compilePattern('(?<=a)b', false)).toThrow(/lookaround/);
  });

  test('refuses patterns RE2 runs slowly (nested repetitions), saying why and what to change', () => {
    for (const pattern of ['(.*a){12}', '(.*){20}']) {
      expect(() => singleRuleSet(regex as never, { pattern }, 'custom')).toThrow(/too slow for the bot .* ms on a 4,000-character message.*Nested repetitions/);
    }
  });

  test('accepts ordinary patterns, and scans only the first characters of a huge message', () => {
    const rules = singleRuleSet(regex as never, { pattern: 'projet\\s+zeus' }, 'custom');
    expect(evaluate({ text: 'le projet zeus' }, rules).findings).toHaveLength(1);
    const late = `${'x '.repeat(REGEX_INPUT_CAP)}projet zeus`;
    expect(evaluate({ text: late }, rules).findings).toEqual([]);
  });

  test('a pattern that matches the empty string does not loop over every position', () => {
    const rules = singleRuleSet(regex as never, { pattern: 'z*' }, 'custom');
    expect(evaluate({ text: 'a'.repeat(8_000) }, rules).findings).toEqual([]);
  });

  test('runs a catastrophic-backtracking pattern on a 40,000-character message and returns', () => {
    const rules = singleRuleSet(regex as never, { pattern: '(a+)+$' }, 'custom');
    const verdict = evaluate({ text: 'a'.repeat(39_999) + '!' }, rules);
    expect(verdict.errors).toEqual([]);
    expect(verdict.findings).toEqual([]);
  });
});
