import fc from 'fast-check';
import { EMAIL_PATTERN, findEmailAddresses } from '../../src/detectors/email-addresses';

/** What a global scan of the reference pattern finds. */
function reference(text: string): Array<{ start: number; end: number }> {
  const pattern = new RegExp(EMAIL_PATTERN.source, EMAIL_PATTERN.flags);
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

describe('findEmailAddresses, @ by @', () => {
  test('finds addresses with their offsets', () => {
    expect(findEmailAddresses('écrire à jean.dupont@exemple.fr ou à b@c.io')).toEqual([
      { start: 9, end: 31 },
      { start: 37, end: 43 },
    ]);
  });

  test('a local part glued to an @ before it, or longer than 64 characters, makes no address', () => {
    expect(findEmailAddresses('a@b.com@c.fr')).toEqual([{ start: 0, end: 7 }]);
    expect(findEmailAddresses(`${'x'.repeat(65)}@exemple.fr`)).toEqual([]);
    expect(findEmailAddresses(`${'x'.repeat(64)}@exemple.fr`)).toEqual([{ start: 0, end: 75 }]);
  });

  test('counts an astral letter of the local part as one character', () => {
    const local = '𝐚'.repeat(64);
    expect(findEmailAddresses(`${local}@exemple.fr`)).toEqual(reference(`${local}@exemple.fr`));
    expect(findEmailAddresses(`${local}𝐚@exemple.fr`)).toEqual([]);
  });

  test('finds exactly what a global scan of the reference pattern finds (property)', () => {
    const pieces = ['a', 'Z', '9', '.', '_', '%', '+', '-', '@', ' ', ',', 'é', 'ж', '𝐚', '\ud835', 'fr', 'com', 'x'.repeat(30), ':', '/', '<', '>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(findEmailAddresses(text)).toEqual(reference(text));
      }),
      { numRuns: 5_000, seed: 20261129 },
    );
  });
});
