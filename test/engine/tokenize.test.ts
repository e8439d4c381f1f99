import { tokenize } from '../../src/engine/tokenize';

const norms = (text: string) => tokenize(text).map((token) => token.norm);

describe('tokenize', () => {
  test('splits French elisions and hyphens into words', () => {
    expect(norms("T'es un casse-pieds")).toEqual(['t', 'es', 'un', 'casse', 'pieds']);
  });

  test('folds case, accents, fullwidth and look-alike letters', () => {
    expect(norms('Enculé ＦＵＣＫ аss')).toEqual(['encule', 'fuck', 'ass']);
  });

  test('drops zero-width and bidi characters inside words', () => {
    expect(norms('fu\u200Bck sh\u202Eit')).toEqual(['fuck', 'shit']);
  });

  test('reads leetspeak inside words but leaves numbers alone', () => {
    expect(norms('sh1t m3rde 2026 @ss')).toEqual(['shit', 'merde', 'ass']);
  });

  test('keeps * as a hidden letter and trims punctuation at word edges', () => {
    expect(norms('p*tain! f**k!!')).toEqual(['p*tain', 'f**k']);
  });

  test('joins letters spelled out one by one', () => {
    expect(norms('f u c k this')).toEqual(['fuck', 'this']);
    expect(norms('f.u.c.k')).toEqual(['fuck']);
    expect(norms('a b')).toEqual(['a', 'b']);
  });

  test('a spelled-out run longer than any word stays one word over its whole span, its letters counted', () => {
    const text = 'F U '.repeat(1_000).trim();
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ start: 0, end: text.length, letters: 2_000, capitals: 2_000 });
    expect(tokens[0]?.norm.startsWith('fufufu')).toBe(true);
    expect(tokens[0]?.norm.length).toBeLessThan(100);
  });

  test('maps every word back to its position and counts capitals', () => {
    const [first] = tokenize('  HELLO world');
    expect(first).toMatchObject({ start: 2, end: 7, letters: 5, capitals: 5 });
  });
});
