/**
 * What the tokenizer needs to know about a non-ASCII character, kept per code point: how it
 * folds (see {@link foldChar}), whether it is part of a word, and whether it is a capital. Each
 * character is worked out once, the first time it is met; after that, reading it costs an array
 * read (Basic Multilingual Plane, typed tables) or a Map lookup by number (astral characters:
 * emoji, styled letters), with no string made or hashed.
 *
 * Astral characters are remembered up to {@link MAX_ASTRAL} of them; past that, new ones are
 * worked out each time (a message of many distinct emoji must not grow the tables for ever).
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

/** Astral characters remembered at most. */
const MAX_ASTRAL = 4096;

const kinds = new Uint8Array(0x10000);
/** The folded code unit of a word character that folds to exactly one. */
const units = new Uint16Array(0x10000);
const longFolds = new Map<number, string>();
/** {@link charKind} of astral characters, and the folded form of those that are word characters. */
const astralKinds = new Map<number, number>();
const astralFolds = new Map<number, string>();

/**
 * How the tokenizer reads the code point `code` (not ASCII; a lone surrogate reads as itself):
 * {@link INVISIBLE}, {@link SEPARATOR}, or {@link WORD} with the {@link CAPITAL} flag. Read its
 * folded form with {@link foldedWordChar}.
 */
export function charKind(code: number): number {
  if (code > 0xffff) return astralKinds.get(code) ?? learnAstral(code);
  const kind = kinds[code] as number;
  return kind === UNKNOWN ? learn(code) : kind;
}

/** Whether a {@link charKind} is a word character (then its {@link CAPITAL} flag tells whether it is a capital). */
export function isWordKind(kind: number): boolean {
  return (kind & WORD) === WORD;
}

/** The folded form of a word character (one whose {@link charKind} is a {@link WORD}). */
export function foldedWordChar(code: number): string {
  if (code > 0xffff) return astralFolds.get(code) ?? foldChar(String.fromCodePoint(code));
  return (kinds[code] as number) & LONG ? (longFolds.get(code) as string) : String.fromCharCode(units[code] as number);
}

function learn(code: number): number {
  const ch = String.fromCharCode(code);
  const folded = foldChar(ch);
  let kind = kindOf(ch, folded);
  if (isWordKind(kind)) {
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

function learnAstral(code: number): number {
  const ch = String.fromCodePoint(code);
  const folded = foldChar(ch);
  const kind = kindOf(ch, folded);
  if (astralKinds.size < MAX_ASTRAL) {
    astralKinds.set(code, kind);
    if (isWordKind(kind)) astralFolds.set(code, folded);
  }
  return kind;
}

/** The kind of a character from its fold, as the tokenizer reads it. */
function kindOf(ch: string, folded: string): number {
  if (folded === '') return INVISIBLE;
  if (!isWordCodePoint(folded)) return SEPARATOR;
  return ch !== ch.toLowerCase() ? WORD | CAPITAL : WORD;
}
