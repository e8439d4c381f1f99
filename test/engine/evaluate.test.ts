import { evaluate } from '../../src/engine/evaluate';
import type { CompiledRule, RuleSet } from '../../src/engine/rule';
import { loadRules } from '../../src/files/load-rules';

const { ruleSet } = loadRules();

describe('evaluate', () => {
  test('reports every rule a message breaks, sorted by position, with charter articles', () => {
    const text = 'putain, voici le token xoxb-2048614823-4711092715811-Xq8mZ4pLr2T7vN0cB6eK1sYw';
    const verdict = evaluate({ text }, ruleSet);
    expect(verdict.findings.map((f) => [f.rule, f.article])).toEqual([
      ['profanity', 'courtesy-language'],
      ['secret', 'confidentiality-secrets'],
    ]);
    expect(verdict.errors).toEqual([]);
  });

  test('masks data-leak excerpts inside the engine and keeps etiquette excerpts readable', () => {
    const text = 'fuck, ma carte 4970 1012 3456 7893';
    const [rude, card] = evaluate({ text }, ruleSet).findings;
    expect(rude?.excerpt).toBe('fuck');
    expect(card?.excerpt).toBe('•••• •••• •••• 7893');
    expect(JSON.stringify(evaluate({ text }, ruleSet))).not.toContain('4970 1012 3456 7893');
  });

  test('offsets index the original Slack text, entities and markup included', () => {
    const text = '&lt;3 <@U024BE7LH> you&amp;me: <https://x.io|ce putain de doc>';
    const [finding] = evaluate({ text }, ruleSet).findings;
    expect(text.slice(finding?.start, finding?.end)).toBe('putain');
  });

  test('a detector that throws is reported and does not stop the others', () => {
    const failing: CompiledRule = {
      ...(ruleSet.rules[0] as CompiledRule),
      id: 'broken',
      detect: () => {
        throw new TypeError('boom');
      },
    };
    const withFailure: RuleSet = { rules: [failing, ...ruleSet.rules], defaultLang: 'fr' };
    const verdict = evaluate({ text: 'putain' }, withFailure);
    expect(verdict.errors).toEqual([{ rule: 'broken', message: 'TypeError: boom' }]);
    expect(verdict.findings.map((f) => f.rule)).toEqual(['profanity']);
  });

  test('explanations are given in both languages', () => {
    const [finding] = evaluate({ text: 'tu es un incapable' }, ruleSet).findings;
    expect(finding?.explanation.fr).toMatch(/personne/);
    expect(finding?.explanation.en).toMatch(/person/);
  });

  test('the language comes from the words, else from the author locale', () => {
    expect(evaluate({ text: 'the pros and cons', lang: 'fr' }, ruleSet).lang).toBe('en');
    expect(evaluate({ text: 'con', lang: 'en' }, ruleSet).lang).toBe('en');
    expect(evaluate({ text: 'con', lang: 'en' }, ruleSet).findings).toEqual([]);
    expect(evaluate({ text: 'con', lang: 'fr' }, ruleSet).findings.map((f) => f.category)).toEqual(['profanity']);
  });

  test('rules apply only in their scope, and channel names are matched case-insensitively', () => {
    expect(evaluate({ text: 'mdr', channel: { name: 'random' } }, ruleSet).findings).toEqual([]);
    expect(evaluate({ text: 'mdr', channel: { name: 'Client-Renault' } }, ruleSet).findings.map((f) => f.rule)).toEqual([
      'familiar-tone',
    ]);
  });
});
