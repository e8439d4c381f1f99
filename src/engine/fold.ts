/**
 * Folds one character to the plain lowercase Latin letters word lists are written in.
 *
 * NFKC (fullwidth and styled letters), diacritics removed, Cyrillic and Greek look-alikes
 * mapped to Latin, invisible characters (zero-width, bidi controls, soft hyphen) dropped.
 * Leetspeak is not folded here: digits and symbols stand for letters only inside words,
 * which the tokenizer decides.
 */

/** Look-alike letters from other scripts, folded to the Latin letter they imitate. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', һ: 'h', ӏ: 'l', ʋ: 'u',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ς: 's', ω: 'w', μ: 'u',
  // Latin look-alikes NFKC leaves alone
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŀ: 'l', œ: 'oe', æ: 'ae', ß: 'ss',
};

/** Zero-width characters, bidi controls and the soft hyphen: dropped, not treated as separators. */
const INVISIBLE = /^[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]$/;

const COMBINING_MARKS = /\p{M}/gu;

const cache = new Map<string, string>();

/**
 * Folds a non-ASCII character (one code point). Returns `''` for invisible characters.
 * ASCII is handled by the caller's fast path.
 *
 * @example foldChar('É') === 'e'; foldChar('ｆ') === 'f'; foldChar('о' /* Cyrillic *\/) === 'o'
 */
export function foldChar(ch: string): string {
  const known = cache.get(ch);
  if (known !== undefined) return known;
  const folded = computeFold(ch);
  if (cache.size < 4096) cache.set(ch, folded);
  return folded;
}

function computeFold(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  const compatible = ch.normalize('NFKC');
  let out = '';
  for (const c of compatible) {
    const lower = c.toLowerCase();
    const confusable = CONFUSABLES[lower];
    if (confusable !== undefined) {
      out += confusable;
      continue;
    }
    out += lower.normalize('NFD').replace(COMBINING_MARKS, '');
  }
  return out;
}

const wordCache = new Map<string, boolean>();

/** True for characters a word may contain once folded: letters and digits, any script. */
export function isWordCodePoint(folded: string): boolean {
  const known = wordCache.get(folded);
  if (known !== undefined) return known;
  const word = /^[\p{L}\p{N}]+$/u.test(folded);
  if (wordCache.size < 4096) wordCache.set(folded, word);
  return word;
}
