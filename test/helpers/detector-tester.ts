/**
 * A RuleTester for detectors, in the style of ESLint's: tables of `valid` messages (no
 * finding) and `invalid` ones (with the findings expected). It also refuses unknown message ids
 * and unfilled `{{placeholders}}`, and checks that data-leak excerpts never show what they mask.
 */
import { evaluate } from '../../src/engine/evaluate';
import { PreparedText } from '../../src/engine/prepare';
import type { CompiledRule, RuleSet } from '../../src/engine/rule';
import { Category, ChannelContext, DATA_LEAK_CATEGORIES, Finding, Lang } from '../../src/engine/types';
import type { Detector } from '../../src/detectors/types';

/** A message in a test table: a text, or a text with its context. */
export type TestMessage = string | { text: string; channel?: ChannelContext; lang?: Lang; user?: string };

/** An invalid case: the message and what must be found. */
export interface InvalidCase {
  message: TestMessage;
  /** How many findings (default 1). */
  count?: number;
  /** The exact matched substrings of the original text, in order. */
  matches?: string[];
  /** The message id the detections use (default: not checked). */
  messageId?: string;
  /** Expected excerpts, in order (for data leaks: the masked excerpt). */
  excerpts?: string[];
}

/** The tables of a detector test. */
export interface DetectorCases {
  /** Options given to the detector (validated by its schema, like a rule file's). */
  options?: unknown;
  /** The category the test rule declares (default: the detector's first). */
  category?: Category;
  valid: TestMessage[];
  invalid: InvalidCase[];
}

/** Builds a one-rule rule set running `detector` with `options`. */
export function singleRuleSet(detector: Detector<unknown>, options: unknown, category?: Category): RuleSet {
  const parsed = detector.optionsSchema.parse(options ?? {});
  const rule: CompiledRule = {
    id: `test-${detector.kind}`,
    category: category ?? (detector.categories[0] as Category),
    severity: 'medium',
    action: 'nudge',
    article: 'test-article',
    inScope: () => true,
    exempt: new Set(),
    detect: detector.create(parsed),
    messages: detector.messages,
  };
  return { rules: [rule], defaultLang: 'fr' };
}

function toMessage(message: TestMessage) {
  return typeof message === 'string' ? { text: message } : message;
}

function label(message: TestMessage): string {
  const text = typeof message === 'string' ? message : message.text;
  return JSON.stringify(text.length > 70 ? text.slice(0, 67) + '…' : text);
}

/** Registers jest tests for every case of the tables. */
export function testDetector(detector: Detector<any>, cases: DetectorCases): void {
  const ruleSet = singleRuleSet(detector, cases.options, cases.category);
  const category = ruleSet.rules[0]?.category as Category;

  describe(`${detector.kind} detector`, () => {
    describe('finds nothing in valid messages', () => {
      test.each(cases.valid.map((message) => [label(message), message] as const))('%s', (_label, message) => {
        const verdict = evaluate(toMessage(message), ruleSet);
        expect(verdict.errors).toEqual([]);
        expect(verdict.findings.map((finding) => finding.excerpt)).toEqual([]);
      });
    });

    describe('reports invalid messages', () => {
      test.each(cases.invalid.map((item) => [label(item.message), item] as const))('%s', (_label, item) => {
        const message = toMessage(item.message);
        const verdict = evaluate(message, ruleSet);
        expect(verdict.errors).toEqual([]);
        const findings = verdict.findings;
        expect(findings.map((f) => message.text.slice(f.start, f.end))).toHaveLength(item.count ?? 1);
        if (item.matches !== undefined) {
          expect(findings.map((f) => message.text.slice(f.start, f.end))).toEqual(item.matches);
        }
        if (item.excerpts !== undefined) expect(findings.map((f) => f.excerpt)).toEqual(item.excerpts);
        for (const finding of findings) checkFinding(detector, finding, message.text, category);
        if (item.messageId !== undefined) {
          expect(detector.messages[item.messageId]).toBeDefined();
          const prepared = new PreparedText(message.text, message.lang ?? 'fr');
          const detections = ruleSet.rules[0]?.detect({ text: prepared, message, lang: prepared.lang }) ?? [];
          expect(detections.map((detection) => detection.messageId)).toEqual(detections.map(() => item.messageId));
        }
      });
    });
  });
}

function checkFinding(detector: Detector<any>, finding: Finding, text: string, category: Category): void {
  expect(finding.start).toBeGreaterThanOrEqual(0);
  expect(finding.end).toBeLessThanOrEqual(text.length);
  expect(finding.start).toBeLessThan(finding.end);
  for (const language of ['fr', 'en'] as const) {
    expect(finding.explanation[language]).not.toMatch(/\{\{|^Rule |^Règle /);
  }
  expect(Object.values(detector.messages).length).toBeGreaterThan(0);
  if (DATA_LEAK_CATEGORIES.has(category)) {
    const raw = text.slice(finding.start, finding.end);
    const secretPart = raw.replace(/[\s\-./:_]/g, '');
    expect(finding.excerpt).not.toContain(raw);
    if (secretPart.length >= 8) expect(finding.excerpt.replace(/[\s\-./:_]/g, '')).not.toContain(secretPart.slice(-8));
  }
}
