import { maskedExcerpt, maskLeaks } from '../../src/moderation/masked-text';
import { PLANTED_CARD, PLANTED_TOKEN } from '../helpers/breaking-messages';
import { defaultRuleSet } from '../helpers/default-rules';

describe('maskLeaks', () => {
  it('replaces every leaked value with its masked excerpt and keeps the rest', () => {
    const masked = maskLeaks(`carte ${PLANTED_CARD} et token ${PLANTED_TOKEN}, merci`, defaultRuleSet());
    expect(masked).toContain('•••• •••• •••• 7893');
    expect(masked).not.toContain(PLANTED_CARD);
    expect(masked).not.toContain(PLANTED_TOKEN);
    expect(masked.startsWith('carte ')).toBe(true);
    expect(masked.endsWith(', merci')).toBe(true);
  });

  it('leaves text without leaks as it is; the excerpt is truncated on one line', () => {
    expect(maskLeaks('rien à signaler', defaultRuleSet())).toBe('rien à signaler');
    const excerpt = maskedExcerpt(`ligne un\nligne deux ${'x'.repeat(300)}`, defaultRuleSet());
    expect(excerpt).not.toContain('\n');
    expect(excerpt.length).toBeLessThan(200);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
