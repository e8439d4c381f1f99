import { compileLexicon, matchLexicon, sameWord } from '../../src/engine/lexicon';
import { tokenize } from '../../src/engine/tokenize';

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
