/**
 * What the tokenizer needs to know about a non-ASCII character of the Basic Multilingual Plane,
 * kept per code unit in typed tables: how it folds (see {@link foldChar}), whether it is part of
 * a word, and whether it is a capital. Each code unit is worked out once, the first time it is
 * met; after that, reading a character costs two array reads, with no string made or hashed.
 *
 * High surrogates (the first half of an astral character) are not kept here: their fold depends
 * on the next code unit, so the tokenizer folds them as strings.
 */
import { foldChar, isWordCodePoint } from './fold';

/** Not worked out yet. */
const UNKNOWN = 0;
/** Dropped: zero-width characters, bidi controls, the soft hyphen. */
export const INVISIBLE = 1;
/** Ends a word: punctuation, spaces, symbols. */
export const SEPARATOR = 2;
/** Part of a word (folds to letters or digits). */
export const WORD = 3;
/** Flag added to {@link WORD}: the character as typed is a capital (its lowercase differs). */
export const CAPITAL = 4;
/** Flag added to {@link WORD}: it folds to more than one code unit (`ﬁ` → `fi`), kept in {@link longFolds}. */
const LONG = 8;

const kinds = new Uint8Array(0x10000);
/** The folded code unit of a word character that folds to exactly one. */
const units = new Uint16Array(0x10000);
const longFolds = new Map<number, string>();

/**
 * How the tokenizer reads the code unit `code` (not ASCII, not a high surrogate): {@link INVISIBLE},
 * {@link SEPARATOR}, or {@link WORD} with the {@link CAPITAL} flag. Read its folded form with
 * {@link foldedWordChar}.
 */
export function charKind(code: number): number {
  const kind = kinds[code] as number;
  return kind === UNKNOWN ? learn(code) : kind;
}

/** Whether a {@link charKind} is a word character (then its {@link CAPITAL} flag tells whether it is a capital). */
export function isWordKind(kind: number): boolean {
  return (kind & WORD) === WORD;
}

/** The folded form of a word character (one whose {@link charKind} is a {@link WORD}). */
export function foldedWordChar(code: number): string {
  return (kinds[code] as number) & LONG ? (longFolds.get(code) as string) : String.fromCharCode(units[code] as number);
}

function learn(code: number): number {
  const ch = String.fromCharCode(code);
  const folded = foldChar(ch);
  let kind: number;
  if (folded === '') {
    kind = INVISIBLE;
  } else if (!isWordCodePoint(folded)) {
    kind = SEPARATOR;
  } else {
    kind = WORD;
    if (ch !== ch.toLowerCase()) kind |= CAPITAL;
    if (folded.length === 1) {
      units[code] = folded.charCodeAt(0);
    } else {
      kind |= LONG;
      longFolds.set(code, folded);
    }
  }
  kinds[code] = kind;
  return kind;
}
