import { MAX_EXCERPT_LENGTH, maskValue, truncate } from '../../src/engine/excerpt';

describe('excerpts', () => {
  test('masks letters and digits, keeps the shape and the revealed tail', () => {
    expect(maskValue('4970 1012 3456 7893', { tail: 4 })).toBe('•••• •••• •••• 7893');
  });

  test('never reveals more than a third of the value', () => {
    expect(maskValue('123456', { tail: 4 })).toBe('••••56');
  });

  test('keeps a label and hides the value with a fixed-length mask', () => {
    expect(maskValue('mdp : Soleil2024!', { head: 6, fixedLength: true })).toBe('mdp : ••••••••');
    expect(maskValue('mdp : x', { head: 6, fixedLength: true })).toBe('mdp : ••••••••');
  });

  test('truncates long excerpts with an ellipsis and folds whitespace', () => {
    const long = 'word '.repeat(40);
    expect(truncate(long)).toHaveLength(MAX_EXCERPT_LENGTH);
    expect(truncate(long).endsWith('…')).toBe(true);
    expect(truncate('a\n\n b')).toBe('a b');
  });
});
