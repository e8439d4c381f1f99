/**
 * Splits the prose view into words, folded for matching and mapped back to their position.
 *
 * Folding: lowercase, no diacritics, NFKC, look-alike letters from other scripts, invisible
 * characters dropped (see {@link foldChar}). Inside a word that has at least one letter,
 * leetspeak is read as letters (`sh1t`, `m3rde`, `@ss`) and `*` stands for a hidden letter
 * (`p*tain`). Letters spelled out one by one (`f u c k`, `f.u.c.k`) are joined into one word.
 */
import { charCodesOf } from './char-codes';
import { foldChar, isWordCodePoint } from './fold';
import { USER_PLACEHOLDER } from './slack-markup';
import { Token, tokenWithNorm, USER_TOKEN } from './token';
import { idAt, idOf, isStemNode, NO_NODE, NOT_IN_VOCABULARY, step, TRIE_ROOT, TrieTables, trieTables } from './vocabulary';
import {
  foldedLetterCode,
  isAsciiLetter,
  isQuantity,
  latinFold,
  LEET,
  LEET_CHARS,
  LEET_TEST,
  QUANTITY,
  STAR,
} from './word-fold';

export { Token, USER_TOKEN } from './token';
export { collapseRuns } from './word-fold';

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
    pushWord(tokens, text, letters, capitals);
    pieceText = '';
    pieceCount = 0;
    letters = 0;
    capitals = 0;
  };

  let i = 0;
  const length = text.length;
  const trie = trieTables();
  const codes = charCodesOf(text);
  while (i < length) {
    const code = codes[i] as number;
    if (code < 0x80 && !isAsciiWordCode(code)) {
      if (pieceCount !== 0) flush();
      i++;
      continue;
    }
    if (pieceCount === 0 && (code < 0x80 || latinFold(code) !== '')) {
      const end = readPlainWord(tokens, text, codes, i, trie);
      if (end !== -1) {
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
      tokens.push(tokenWithNorm(text, i, i + 1, 0, 0, USER_TOKEN));
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

/** Letters, digits and the symbols leetspeak uses (`@ $ ! *`). */
function isAsciiWordCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x40 || code === 0x24 || code === 0x21 || code === 0x2a;
}

/**
 * Fast path for the common word: ASCII letters, digits, `@ $ ! *` and accented Latin letters,
 * followed by a separator. Words of letters only are identified by walking the vocabulary trie
 * as they are scanned, without building any string. Pushes the token (if it has a letter) and
 * returns where the word ends, or returns -1 when the word needs the general path (look-alikes,
 * invisible characters, other scripts).
 */
function readPlainWord(tokens: Token[], text: string, codes: Uint16Array, start: number, trie: TrieTables): number {
  const transitions = trie.transitions;
  const stems = trie.stems;
  const length = text.length;
  let j = start;
  let letters = 0;
  let capitals = 0;
  let symbols = false;
  let node = TRIE_ROOT;
  let previous = -1;
  let stem = NOT_IN_VOCABULARY;
  while (j < length) {
    const c = codes[j] as number;
    let lower: number;
    if (c >= 0x61 && c <= 0x7a) {
      lower = c;
    } else if (c >= 0x41 && c <= 0x5a) {
      lower = c + 32;
      capitals++;
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24 || c === 0x21 || c === 0x2a) {
      symbols = true;
      j++;
      continue;
    } else if (c >= 0xc0 && c <= 0x17f && latinFold(c) !== '') {
      lower = latinFold(c).charCodeAt(0);
      if (c <= 0xde || (c >= 0x100 && c % 2 === 0 && c < 0x178)) capitals++;
    } else {
      break;
    }
    letters++;
    if (lower !== previous && node !== NO_NODE) {
      if (stems[node] === 1) stem = trie.ids[node] as number;
      node = transitions[node * 26 + (lower - 0x61)] as number;
    }
    previous = lower;
    j++;
  }
  if (j < length && !endsPlainWord(text, codes[j] as number, j)) return -1;
  if (letters === 0) return j;
  if (symbols) {
    pushSymbolWord(tokens, text, codes, start, j, letters, capitals);
  } else {
    const vocabulary = node === NO_NODE ? NOT_IN_VOCABULARY : (trie.ids[node] as number);
    tokens.push(new Token(text, start, j, letters, capitals, vocabulary, stem, false));
  }
  return j;
}

/**
 * A word with digits or symbols: leetspeak (`sh1t`), hidden letters (`p*tain`), or a quantity
 * (`45s`). Trims `!` and `*` at its edges, then walks the vocabulary trie reading leetspeak as
 * letters, still without building a string.
 */
function pushSymbolWord(
  tokens: Token[],
  text: string,
  codes: Uint16Array,
  start: number,
  end: number,
  letters: number,
  capitals: number,
): void {
  let first = start;
  let last = end;
  while (first < last && isEdgeSymbol(codes[first] as number)) first++;
  while (last > first && isEdgeSymbol(codes[last - 1] as number)) last--;
  if (isQuantity(text, first, last)) {
    const norm = text.slice(first, last).toLowerCase();
    tokens.push(new Token(text, first, last, letters, capitals, idOf(norm), NOT_IN_VOCABULARY, false, norm));
    return;
  }
  let node = TRIE_ROOT;
  let previous = -1;
  let stem = NOT_IN_VOCABULARY;
  let masked = false;
  for (let k = first; k < last; k++) {
    const lower = foldedLetterCode(codes[k] as number);
    if (lower === STAR) {
      masked = true;
      node = NO_NODE;
      break;
    }
    if (lower !== previous && node !== NO_NODE) {
      if (isStemNode(node)) stem = idAt(node);
      node = step(node, lower);
    }
    previous = lower;
  }
  tokens.push(new Token(text, first, last, letters, capitals, masked ? NOT_IN_VOCABULARY : idAt(node), stem, masked));
}

/** Whether the character at `at` may follow a plain word: a separator, not a digit, symbol or hidden letter. */
function endsPlainWord(text: string, next: number, at: number): boolean {
  if (next < 0x80) return true;
  if (next >= 0xd800 && next <= 0xdbff) return false;
  const folded = foldChar(text.charAt(at));
  return folded !== '' && !isWordCodePoint(folded) && text.charAt(at) !== USER_PLACEHOLDER;
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
function pushWord(tokens: Token[], source: string, letters: number, capitals: number): void {
  let first = 0;
  let last = pieceCount - 1;
  while (first <= last && isEdgeSymbol(pieceText.charCodeAt(first))) first++;
  while (last >= first && isEdgeSymbol(pieceText.charCodeAt(last))) last--;
  if (first > last || letters === 0) return;
  const raw = pieceText.slice(first, last + 1);
  const norm = !LEET_TEST.test(raw) || QUANTITY.test(raw) ? raw : raw.replace(LEET_CHARS, (c) => LEET[c] ?? c);
  tokens.push(tokenWithNorm(source, pieceStarts[first] as number, pieceEnds[last] as number, letters, capitals, norm));
}

/** `!` and `*` at the edges of a word are punctuation (`merde!`, `*gras*`), not letters. */
function isEdgeSymbol(code: number): boolean {
  return code === 0x21 || code === 0x2a;
}

/** Joins three or more one-letter words separated by single spaces, dots or dashes: `f u c k` → `fuck`. */
function joinSpelledOutLetters(tokens: Token[], text: string): Token[] {
  let hasSingle = false;
  for (const token of tokens) {
    if (isSingleLetter(token)) {
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
    if (j - i >= 2 && isSingleLetter(first)) {
      out.push(mergeTokens(tokens.slice(i, j + 1), text));
    } else {
      for (let k = i; k <= j; k++) out.push(tokens[k] as Token);
    }
    i = j + 1;
  }
  return out;
}

/** A one-letter word as typed (`f`, `à`), not a placeholder or a symbol. */
function isSingleLetter(token: Token): boolean {
  return token.letters === 1 && token.end - token.start === 1;
}

function isSpelledOutPair(left: Token, right: Token, text: string): boolean {
  if (!isSingleLetter(left) || !isSingleLetter(right)) return false;
  return right.start - left.end === 1 && SPELLED_OUT_SEPARATORS.includes(text.charAt(left.end));
}

function mergeTokens(parts: Token[], text: string): Token {
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
  return tokenWithNorm(text, first.start, last.end, letters, capitals, norm);
}
