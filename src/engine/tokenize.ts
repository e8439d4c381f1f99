/**
 * Splits the prose view into words, folded for matching and mapped back to their position.
 *
 * Folding: lowercase, no diacritics, NFKC, look-alike letters from other scripts, invisible
 * characters dropped (see `fold.ts`). Inside a word that has at least one letter,
 * leetspeak is read as letters (`sh1t`, `m3rde`, `@ss`) and `*` stands for a hidden letter
 * (`p*tain`). Letters spelled out one by one (`f u c k`, `f.u.c.k`) are joined into one word.
 */
import { charCodesOf } from './char-codes';
import { CAPITAL, charKind, foldedWordChar, isWordKind, SEPARATOR } from './char-table';
import { USER_PLACEHOLDER } from './slack-markup';
import { Token, tokenWithNorm, USER_TOKEN } from './token';
import {
  idAt,
  idOf,
  isStemNode,
  NO_NODE,
  NOT_IN_VOCABULARY,
  stemWordMarks,
  step,
  TRIE_ROOT,
  TrieTables,
  trieTables,
  wordMarkTable,
} from './vocabulary';
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

/** {@link USER_PLACEHOLDER}'s code unit. */
const USER_PLACEHOLDER_CODE = USER_PLACEHOLDER.charCodeAt(0);
export { collapseRuns } from './word-fold';

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
 * Letters spelled out one by one (`f u c k`): one-letter words separated by single spaces, dots,
 * underscores or dashes, joined into one word when there are three or more. The run is joined
 * while the text is scanned, so a long run costs one token, not one per letter: its first two
 * letters are kept as tokens (the run may end there and they stay words of their own); from the
 * third on, only the folded letters are kept. Reused between texts, like the pieces above.
 */
let runCount = 0;
let runFirst: Token | undefined;
let runSecond: Token | undefined;
/** End offset of the run's last letter. */
let runEnd = 0;
let runCapitals = 0;
/** Letters of a spelled-out run kept for matching: longer than any word a list holds. */
const MAX_SPELLED_OUT = 64;
/** The run's folded letters from the third on (the first two are read from their tokens if the run is joined). */
let runNorm = '';

/**
 * The word marks of the last text tokenized (see `markWords` in `vocabulary.ts`), gathered as
 * its words are found, so that no second pass over them is needed. Read it right after
 * {@link tokenize}, like the other module state here.
 */
let marksFound = 0;
let markTable: Uint32Array = wordMarkTable();
let stemMarks = 0;

/** The word marks of the words {@link tokenize} returned last. */
export function marksOfLastTokenize(): number {
  return marksFound;
}

/** Adds a word to the list and its marks to {@link marksFound}. */
function addToken(tokens: Token[], token: Token): void {
  tokens.push(token);
  // A word with hidden letters (`p*tain`) is not in the vocabulary; its masked form may be.
  const id = token.masked ? idOf(token.key) : token.vocabulary;
  if (id >= 0 && id < markTable.length) marksFound |= markTable[id] as number;
  if (token.stem !== NOT_IN_VOCABULARY) marksFound |= stemMarks;
}

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
  runCount = 0;
  marksFound = 0;
  markTable = wordMarkTable();
  stemMarks = stemWordMarks();
  const codes = charCodesOf(text);

  const flush = (): void => {
    if (pieceCount === 0) return;
    pushWord(tokens, text, codes, letters, capitals);
    pieceText = '';
    pieceCount = 0;
    letters = 0;
    capitals = 0;
  };

  let i = 0;
  const length = text.length;
  const trie = trieTables();
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
    if (code === USER_PLACEHOLDER_CODE) {
      flush();
      pushToken(tokens, tokenWithNorm(text, i, i + 1, 0, 0, USER_TOKEN), text, codes);
      i++;
      continue;
    }
    if (code < 0xd800 || code > 0xdbff) {
      // One code unit: read from the tables, without making a string.
      const kind = charKind(code);
      if (isWordKind(kind)) {
        addPiece(foldedWordChar(code), i, i + 1);
        letters++;
        if ((kind & CAPITAL) !== 0) capitals++;
      } else if (kind === SEPARATOR) {
        flush();
      }
      i++;
      continue;
    }
    // A high surrogate: an astral character, or a lone surrogate.
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const kind = charKind(cp);
    if (isWordKind(kind)) {
      addPiece(foldedWordChar(cp), i, i + width);
      letters++;
      if ((kind & CAPITAL) !== 0) capitals++;
    } else if (kind === SEPARATOR) {
      flush();
    }
    i += width;
  }
  flush();
  endSpelledOutRun(tokens, text);
  return tokens;
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
  if (j < length && !endsPlainWord(codes[j] as number)) return -1;
  if (letters === 0) return j;
  if (symbols) {
    pushSymbolWord(tokens, text, codes, start, j, letters, capitals);
  } else if (j === start + 1 && runCount >= 2 && continuesRun(codes, start)) {
    // A third or later spelled-out letter: `previous` is its folded form.
    extendRun(String.fromCharCode(previous), j, capitals);
  } else {
    const vocabulary = node === NO_NODE ? NOT_IN_VOCABULARY : (trie.ids[node] as number);
    pushToken(tokens, new Token(text, start, j, letters, capitals, vocabulary, stem, false), text, codes);
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
    pushToken(tokens, new Token(text, first, last, letters, capitals, idOf(norm), NOT_IN_VOCABULARY, false, norm), text, codes);
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
  pushToken(tokens, new Token(text, first, last, letters, capitals, masked ? NOT_IN_VOCABULARY : idAt(node), stem, masked), text, codes);
}

/** Whether the character at `at` may follow a plain word: a separator, not a digit, symbol or hidden letter. */
function endsPlainWord(next: number): boolean {
  if (next < 0x80) return true;
  if (next >= 0xd800 && next <= 0xdbff) return false;
  return next !== USER_PLACEHOLDER_CODE && charKind(next) === SEPARATOR;
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
function pushWord(tokens: Token[], source: string, codes: Uint16Array, letters: number, capitals: number): void {
  let first = 0;
  let last = pieceCount - 1;
  while (first <= last && isEdgeSymbol(pieceText.charCodeAt(first))) first++;
  while (last >= first && isEdgeSymbol(pieceText.charCodeAt(last))) last--;
  if (first > last || letters === 0) return;
  const raw = pieceText.slice(first, last + 1);
  const norm = !LEET_TEST.test(raw) || QUANTITY.test(raw) ? raw : raw.replace(LEET_CHARS, (c) => LEET[c] ?? c);
  pushToken(tokens, tokenWithNorm(source, pieceStarts[first] as number, pieceEnds[last] as number, letters, capitals, norm), source, codes);
}

/** `!` and `*` at the edges of a word are punctuation (`merde!`, `*gras*`), not letters. */
function isEdgeSymbol(code: number): boolean {
  return code === 0x21 || code === 0x2a;
}

/**
 * Adds a token to the list, joining letters spelled out one by one (see {@link runCount}): a
 * one-letter word is held back until the run it starts or continues ends.
 */
function pushToken(tokens: Token[], token: Token, text: string, codes: Uint16Array): void {
  if (!isSingleLetter(token)) {
    endSpelledOutRun(tokens, text);
    addToken(tokens, token);
    return;
  }
  if (runCount > 0 && continuesRun(codes, token.start)) {
    if (runCount === 1) {
      runSecond = token;
      extendRun('', token.end, token.capitals);
    } else {
      extendRun(token.norm, token.end, token.capitals);
    }
    return;
  }
  endSpelledOutRun(tokens, text);
  runCount = 1;
  runFirst = token;
  runEnd = token.end;
  runCapitals = token.capitals;
}

/** Whether a one-letter word at `start` continues the run: one separator after its last letter. */
function continuesRun(codes: Uint16Array, start: number): boolean {
  if (start - runEnd !== 1) return false;
  const separator = codes[runEnd];
  return separator === 0x20 || separator === 0x2e /* . */ || separator === 0x5f /* _ */ || separator === 0x2d /* - */;
}

/** Adds one letter ending at `end` to the run; `norm` is its folded form (`''` for the second letter, read from its token). */
function extendRun(norm: string, end: number, capitals: number): void {
  runCount++;
  runEnd = end;
  runCapitals += capitals;
  // Past any list word's length the letters are not kept: the joined word can match nothing,
  // and a 40,000-character "f u f u …" would otherwise build a string of 20,000 pieces.
  if (runNorm.length < MAX_SPELLED_OUT) runNorm += norm;
}

/** Ends the run of spelled-out letters, if any: three letters or more make one word, fewer stay words of their own. */
function endSpelledOutRun(tokens: Token[], text: string): void {
  if (runCount === 0) return;
  const first = runFirst as Token;
  if (runCount >= 3) {
    const norm = first.norm + (runSecond as Token).norm + runNorm;
    addToken(tokens, tokenWithNorm(text, first.start, runEnd, runCount, runCapitals, norm));
  } else {
    addToken(tokens, first);
    if (runCount === 2) addToken(tokens, runSecond as Token);
  }
  runCount = 0;
  runFirst = undefined;
  runSecond = undefined;
  runNorm = '';
}

/** A one-letter word as typed (`f`, `à`), not a placeholder or a symbol. */
function isSingleLetter(token: Token): boolean {
  return token.letters === 1 && token.end - token.start === 1;
}
