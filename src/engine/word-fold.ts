/**
 * Folding of typed words, shared by the tokenizer and the tokens: lowercase, accents removed
 * from Latin letters, leetspeak read as letters (`sh1t`, `m3rde`, `@ss`), quantities (`45s`)
 * left alone, runs of one letter collapsed (`fuuuck` → `fuck`).
 */

/** Digits and symbols read as letters inside a word. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i',
};

/** A number with a short unit (`45s`, `10ms`, `3d`, `4k`): not leetspeak. */
export const QUANTITY = /^[0-9]+[a-z]{1,3}$/;

/** An ASCII letter. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Latin letters with diacritics (U+00C0–U+017F) folded to one ASCII letter, or `''` when they do not fold to one. */
const LATIN_FOLD: readonly string[] = buildLatinFold();

function buildLatinFold(): string[] {
  const table: string[] = [];
  for (let code = 0xc0; code <= 0x17f; code++) {
    const folded = String.fromCharCode(code).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    table[code - 0xc0] = /^[a-z]$/.test(folded) ? folded : '';
  }
  return table;
}

/** The ASCII letter a Latin letter with diacritics folds to, or `''`. */
export function latinFold(code: number): string {
  return code >= 0xc0 && code <= 0x17f ? (LATIN_FOLD[code - 0xc0] as string) : '';
}

/** The hidden-letter mark, `*`. */
export const STAR = 0x2a;

/** The letter a character of a fast-path word reads as: lowercase, unaccented, leetspeak read. */
export function foldedLetterCode(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c === STAR) return STAR;
  if (c < 0x80) {
    const leet = LEET_CODES[c];
    return leet === undefined ? c : leet.charCodeAt(0);
  }
  const folded = latinFold(c);
  return folded === '' ? c : folded.charCodeAt(0);
}

/** `45s`, `10ms`, `3d`: digits then one to three ASCII letters (see {@link QUANTITY}). */
export function isQuantity(text: string, first: number, last: number): boolean {
  let k = first;
  while (k < last && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
  if (k === first || last - k < 1 || last - k > 3) return false;
  for (let m = k; m < last; m++) if (!isAsciiLetter(text.charCodeAt(m))) return false;
  return true;
}

/** The folded form of a fast-path word: lowercase, no accents, leetspeak read unless a quantity. */
export function foldFastWord(text: string, start: number, end: number): string {
  const lower = text.slice(start, end).toLowerCase();
  let plain = true;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c >= 0x80 || LEET_CODES[c] !== undefined) {
      plain = false;
      break;
    }
  }
  if (plain) return lower;
  return foldWordChars(lower, !isQuantity(text, start, end));
}

/** Folds accented Latin letters and, if `leet`, leetspeak digits and symbols, in one pass. */
export function foldWordChars(word: string, leet: boolean): string {
  let out = '';
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x80) {
      out += latinFold(c) || word.charAt(k);
    } else if (leet && LEET_CODES[c] !== undefined) {
      out += LEET_CODES[c];
    } else {
      out += word.charAt(k);
    }
  }
  return out;
}


/** Characters leetspeak reads as letters. */
export const LEET_CHARS = /[0134578@$!]/g;
export const LEET_TEST = /[0134578@$!]/;

/** {@link LEET} indexed by character code, for the fast path. */
export const LEET_CODES: ReadonlyArray<string | undefined> = (() => {
  const codes: Array<string | undefined> = [];
  for (const [symbol, letter] of Object.entries(LEET)) codes[symbol.charCodeAt(0)] = letter;
  return codes;
})();

/** `fuuuck` → `fuck`, `f**k` → `f*k`. */
export function collapseRuns(word: string): string {
  let repeats = false;
  for (let i = 1; i < word.length; i++) {
    if (word.charCodeAt(i) === word.charCodeAt(i - 1)) {
      repeats = true;
      break;
    }
  }
  if (!repeats) return word;
  let out = '';
  let previous = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charAt(i);
    if (c !== previous) out += c;
    previous = c;
  }
  return out;
}

