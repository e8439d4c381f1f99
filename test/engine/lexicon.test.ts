import { compileLexicon, marksOfTokens, matchLexicon, sameWord } from '../../src/engine/lexicon';
import { tokenize } from '../../src/engine/tokenize';
import fc from 'fast-check';

const lexicon = compileLexicon([
  { phrase: 'ass' },
  { phrase: 'fuck', stem: true },
  { phrase: 'ta gueule' },
  { phrase: 'putain' },
  { phrase: 'nul' },
]);
const found = (text: string) => {
  const tokens = tokenize(text);
  return matchLexicon(lexicon, tokens).map((m) => tokens.slice(m.first, m.last + 1).map((t) => t.norm).join(' '));
};

describe('lexicon matching', () => {
  test('matches whole words only (no Scunthorpe problem)', () => {
    expect(found('assessment class passage bass')).toEqual([]);
    expect(found('kiss my ass')).toEqual(['ass']);
  });

  test('matches stretched letters but not ordinary double letters', () => {
    expect(found('fuuuuck')).toEqual(['fuuuuck']);
    expect(found('asssss')).toEqual(['asssss']);
    expect(found('as')).toEqual([]);
    expect(found('null pointer')).toEqual([]);
  });

  test('matches hidden letters when the first and last are shown', () => {
    expect(found('p*tain f**k')).toEqual(['p*tain', 'f**k']);
    expect(found('****')).toEqual([]);
  });

  test('matches stems and plurals', () => {
    expect(found('fucking fuckers')).toEqual(['fucking', 'fuckers']);
    expect(found('nuls')).toEqual(['nuls']);
  });

  test('matches phrases across words', () => {
    expect(found('oh ta gueule')).toEqual(['ta gueule']);
    expect(found('ta voiture')).toEqual([]);
  });

  test('sameWord compares letter runs', () => {
    expect(sameWord('fuuuck', 'fuck')).toBe(true);
    expect(sameWord('bitte', 'bite')).toBe(false);
    expect(sameWord('fuk', 'fuck')).toBe(false);
  });
});

describe('word marks (the skip that spares a clean message every list scan)', () => {
  const marked = (list: ReturnType<typeof compileLexicon>, text: string) => (marksOfTokens(tokenize(text)) & list.mark) !== 0;

  test('a message with a word, a plural, a stem or a masked word of the list carries its mark', () => {
    expect(marked(lexicon, 'kiss my ass')).toBe(true);
    expect(marked(lexicon, 'ces putains de tests')).toBe(true);
    expect(marked(lexicon, 'fucking tests')).toBe(true);
    expect(marked(lexicon, 'p*tain de build')).toBe(true);
    expect(marked(lexicon, 'ta GUEULE')).toBe(true);
  });

  test('a message with none of the words does not carry it', () => {
    expect(marked(lexicon, 'assessment class passage bass')).toBe(false);
    expect(marked(lexicon, 'la réunion est à 14h')).toBe(false);
  });

  test('with more lists than bits, each list still sees its own words (bits are shared, never lost)', () => {
    const wordOf = (n: number) => `zork${String.fromCharCode(0x61 + Math.floor(n / 26), 0x61 + (n % 26))}`;
    const lists = Array.from({ length: 40 }, (_, n) => compileLexicon([{ phrase: wordOf(n) }]));
    lists.forEach((list, n) => {
      expect(marked(list, `voici ${wordOf(n)} ici`)).toBe(true);
      expect(matchLexicon(list, tokenize(`voici ${wordOf(n)} ici`))).toHaveLength(1);
    });
  });

  test('whenever a list finds an entry, the message carries its mark', () => {
    const texts = ['kiss my ass', 'fuuuuck', 'p*tain', 'ta gueule', 'nul', 'FUCKED', 'f u c k', 'sh1t ass', 'assez', 'tagueule'];
    for (const text of texts) {
      const tokens = tokenize(text);
      if (matchLexicon(lexicon, tokens).length > 0) expect(marksOfTokens(tokens) & lexicon.mark).not.toBe(0);
    }
  });
});

describe('word marks never hide an entry (property)', () => {
  test('on random mixes of list words, obfuscations and noise, every match implies the mark', () => {
    const pieces = ['ass', 'fuck', 'fuuuck', 'fucking', 'p*tain', 'putains', 'ta', 'gueule', 'nul', 'NUL', 'f', 'u', 'c', 'k', 'sh1t', 'a$$', 'class', 'bass', '*', '!', ' ', '.', 'é', 'Ç', '`'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.array(fc.constantFrom(' ', '', '.', '-'), { maxLength: 12 }), (words, glue) => {
        const text = words.map((word, n) => word + (glue[n] ?? ' ')).join('');
        const tokens = tokenize(text);
        if (matchLexicon(lexicon, tokens).length > 0) expect(marksOfTokens(tokens) & lexicon.mark).not.toBe(0);
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });
});
