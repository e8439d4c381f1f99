import { evaluate } from '../../src/engine/evaluate';
import type { ChannelContext } from '../../src/engine/types';
import { warmUp, warmUpTexts } from '../../src/engine/warm-up';
import { defaultRuleSet } from '../helpers/default-rules';

const CHANNELS: ChannelContext[] = [{ name: 'general' }, { name: 'ext-acme', external: true }, { name: 'direction', private: true }];

describe('start-up warm-up', () => {
  test('its texts make every default rule fire at least once, so no detector reaches its first real message cold', () => {
    const ruleSet = defaultRuleSet();
    const fired = new Set<string>();
    for (const text of warmUpTexts()) {
      for (const channel of CHANNELS) for (const finding of evaluate({ text, channel }, ruleSet).findings) fired.add(finding.rule);
    }
    expect(ruleSet.rules.map((rule) => rule.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  test('its texts are unusual: unclosed markup, noise over several scripts, long runs of one fragment', () => {
    const texts = warmUpTexts();
    expect(texts.some((text) => /[а-я]/.test(text) && /\u200b/.test(text))).toBe(true);
    expect(texts.some((text) => text.length >= 1_500 && /[<&`]/.test(text))).toBe(true);
    expect(texts.some((text) => text.length > 300 && new Set(text.split(' ')).size <= 3)).toBe(true);
  });

  test('runs on the default rules without any rule failing, and is the same on every start', () => {
    const ruleSet = defaultRuleSet();
    expect(() => warmUp(ruleSet, 1)).not.toThrow();
    for (const text of warmUpTexts()) expect(evaluate({ text }, ruleSet).errors).toEqual([]);
    expect(warmUpTexts()).toEqual(warmUpTexts());
  });
});
