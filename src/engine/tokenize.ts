/**
 * Splits the prose view into words, folded for matching and mapped back to their position.
 *
 * Folding: lowercase, no diacritics, NFKC, look-alike letters from other scripts, invisible
 * characters dropped (see {@link foldChar}). Inside a word that has at least one letter,
 * leetspeak is read as letters (`sh1t`, `m3rde`, `@ss`) and `*` stands for a hidden letter
 * (`p*tain`). Letters spelled out one by one (`f u c k`, `f.u.c.k`) are joined into one word.
 */
import { foldChar, isWordCodePoint } from './fold';
import { USER_PLACEHOLDER } from './slack-markup';

/** A word of the prose view. */
export interface Token {
  /** Folded form used for matching: lowercase ASCII letters where possible, `*` for a hidden letter. */
  norm: string;
  /** `norm` with runs of the same character collapsed: `fuuuck` → `fuck`. */
  key: string;
  /** Offsets into the prose view, `[start, end)`. */
  start: number;
  end: number;
  /** Letters in the word as typed, and how many of them were capitals. */
  letters: number;
  capitals: number;
}

/** The token that stands for a user mention. */
export const USER_TOKEN = '@user';

const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i',
};

/** A number with a short unit (`45s`, `10ms`, `3d`, `4k`): not leetspeak. */
const QUANTITY = /^[0-9]+[a-z]{1,3}$/;

const SPELLED_OUT_SEPARATORS = ' ._-';

/**
 * The word being read on the general path: its folded text and, per piece (one typed character,
 * folded to one or more characters), where it came from. Reused between words: the tokenizer
 * is not re-entrant, and needs not be.
 */
let pieceText = '';
let pieceCount = 0;
const pieceStarts: number[] = [];
const pieceEnds: number[] = [];

/**
 * Tokenizes prose text.
 *
 * @example tokenize("T'es un c0n !").map(t => t.norm) // → ['t', 'es', 'un', 'con']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let letters = 0;
  let capitals = 0;
  pieceText = '';
  pieceCount = 0;

  const flush = (): void => {
    if (pieceCount === 0) return;
    pushWord(tokens, letters, capitals);
    pieceText = '';
    pieceCount = 0;
    letters = 0;
    capitals = 0;
  };

  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (pieceCount === 0 && isAsciiLetter(code)) {
      const end = plainWordEnd(text, i);
      if (end !== -1) {
        pushPlainWord(tokens, text, i, end);
        i = end;
        continue;
      }
    }
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) {
        addPiece(text.charAt(i), i, i + 1);
        letters++;
      } else if (code >= 0x41 && code <= 0x5a) {
        addPiece(String.fromCharCode(code + 32), i, i + 1);
        letters++;
        capitals++;
      } else if ((code >= 0x30 && code <= 0x39) || code === 0x40 || code === 0x24 || code === 0x21 || code === 0x2a) {
        addPiece(text.charAt(i), i, i + 1);
      } else {
        flush();
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    if (ch === USER_PLACEHOLDER) {
      flush();
      tokens.push({ norm: USER_TOKEN, key: USER_TOKEN, start: i, end: i + 1, letters: 0, capitals: 0 });
    } else {
      const folded = foldChar(ch);
      if (folded === '') {
        // invisible: neither a letter nor a separator
      } else if (isWordCodePoint(folded)) {
        addPiece(folded, i, i + width);
        letters++;
        if (ch !== ch.toLowerCase()) capitals++;
      } else {
        flush();
      }
    }
    i += width;
  }
  flush();
  return joinSpelledOutLetters(tokens, text);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Fast path: the end of a word of plain ASCII letters starting at `start`, if it is followed by
 * an ASCII separator (or the end); -1 when the word needs the general path (digits, symbols,
 * accents, look-alikes, invisible characters).
 */
function plainWordEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
  if (j === text.length) return j;
  const next = text.charCodeAt(j);
  if (next >= 0x80) return -1;
  if ((next >= 0x30 && next <= 0x39) || next === 0x40 || next === 0x24 || next === 0x21 || next === 0x2a) return -1;
  return j;
}

function pushPlainWord(tokens: Token[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  let capitals = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c <= 0x5a) capitals++;
  }
  const norm = capitals > 0 ? raw.toLowerCase() : raw;
  tokens.push({ norm, key: collapseRuns(norm), start, end, letters: end - start, capitals });
}

function addPiece(chars: string, start: number, end: number): void {
  // Pieces that fold to several characters (ﬁ → fi) are rare: only their first character is
  // tracked separately, which is all trimming needs (it only trims one-character symbols).
  pieceText += chars;
  pieceStarts[pieceCount] = start;
  pieceEnds[pieceCount] = end;
  pieceCount++;
  for (let extra = 1; extra < chars.length; extra++) {
    pieceStarts[pieceCount] = start;
    pieceEnds[pieceCount] = end;
    pieceCount++;
  }
}

/** Finishes the buffered word: trims symbols at its edges, reads leetspeak, drops pure numbers. */
function pushWord(tokens: Token[], letters: number, capitals: number): void {
  let first = 0;
  let last = pieceCount - 1;
  while (first <= last && isEdgeSymbol(pieceText.charCodeAt(first))) first++;
  while (last >= first && isEdgeSymbol(pieceText.charCodeAt(last))) last--;
  if (first > last || letters === 0) return;
  const raw = pieceText.slice(first, last + 1);
  const norm = !LEET_TEST.test(raw) || QUANTITY.test(raw) ? raw : raw.replace(LEET_CHARS, (c) => LEET[c] ?? c);
  tokens.push({
    norm,
    key: collapseRuns(norm),
    start: pieceStarts[first] as number,
    end: pieceEnds[last] as number,
    letters,
    capitals,
  });
}

/** `!` and `*` at the edges of a word are punctuation (`merde!`, `*gras*`), not letters. */
function isEdgeSymbol(code: number): boolean {
  return code === 0x21 || code === 0x2a;
}

const LEET_CHARS = /[0134578@$!]/g;
const LEET_TEST = /[0134578@$!]/;

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

/** Joins three or more one-letter words separated by single spaces, dots or dashes: `f u c k` → `fuck`. */
function joinSpelledOutLetters(tokens: Token[], text: string): Token[] {
  let hasSingle = false;
  for (const token of tokens) {
    if (token.norm.length === 1) {
      hasSingle = true;
      break;
    }
  }
  if (!hasSingle) return tokens;
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j + 1 < tokens.length && isSpelledOutPair(tokens[j] as Token, tokens[j + 1] as Token, text)) j++;
    const first = tokens[i] as Token;
    if (j - i >= 2 && first.norm.length === 1) {
      out.push(mergeTokens(tokens.slice(i, j + 1)));
    } else {
      for (let k = i; k <= j; k++) out.push(tokens[k] as Token);
    }
    i = j + 1;
  }
  return out;
}

function isSpelledOutPair(left: Token, right: Token, text: string): boolean {
  if (left.norm.length !== 1 || right.norm.length !== 1) return false;
  if (left.norm === '@' || right.norm === '@') return false;
  return right.start - left.end === 1 && SPELLED_OUT_SEPARATORS.includes(text.charAt(left.end));
}

function mergeTokens(parts: Token[]): Token {
  let norm = '';
  let letters = 0;
  let capitals = 0;
  for (const part of parts) {
    norm += part.norm;
    letters += part.letters;
    capitals += part.capitals;
  }
  const first = parts[0] as Token;
  const last = parts[parts.length - 1] as Token;
  return { norm, key: collapseRuns(norm), start: first.start, end: last.end, letters, capitals };
}
