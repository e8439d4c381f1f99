/**
 * Whole-word and phrase matching over folded tokens, compiled once into hash lookups.
 *
 * Matching is by word, never by substring, so "assessment", "Scunthorpe" and "cocktail" cannot
 * match "ass", "cunt" or "cock". Obfuscations are read by the tokenizer (leetspeak, look-alike
 * letters, spelled-out letters) and here:
 * - stretched letters: `fuuuuck` matches `fuck` (a run of three or more stands for one letter;
 *   `null` does not match `nul`, since doubling a letter is ordinary spelling);
 * - hidden letters: `p*tain`, `f**k`, `sh*t` match when the first and last letters are shown;
 * - stems: an entry marked as a stem matches words that start with it (`fuck` → `fucking`).
 */
import type { Token } from './token';
import { tokenize } from './tokenize';
import { collapseRuns } from './word-fold';
import { idOf, internKey, internStem, markWords, NOT_IN_VOCABULARY, stemWordMarks, wordMarkTable, stemIdsOf } from './vocabulary';

/** One entry of a word list. */
export interface LexiconEntry {
  /** A word or phrase, in plain lowercase letters (folded like tokens: no accents). */
  phrase: string;
  /** Also match words that start with this one (`encul` → `enculé`, `enculer`). Single words only. */
  stem?: boolean;
  /** Opaque data returned with matches (e.g. a severity tier or a language). */
  tag?: string;
}

/** A phrase found in a token sequence. */
export interface LexiconMatch {
  entry: LexiconEntry;
  /** Index of the first and last matching tokens. */
  first: number;
  last: number;
}

interface CompiledEntry {
  entry: LexiconEntry;
  /** Folded words of the phrase. */
  words: readonly string[];
}

/** A compiled word list. Build once with {@link compileLexicon}; matching allocates little. */
export interface Lexicon {
  /** Entries by the vocabulary id of their first word's key (see `vocabulary.ts`). */
  readonly byId: ReadonlyMap<number, readonly CompiledEntry[]>;
  readonly byMaskedKey: ReadonlyMap<string, readonly CompiledEntry[]>;
  /** Stems, by their vocabulary id. */
  readonly byStem: ReadonlyMap<number, readonly CompiledEntry[]>;
  /**
   * 1 at the vocabulary id of every key in `byId`: most words of a message start no entry, and
   * one array read tells so. Ids interned after the lexicon was compiled are past its end.
   */
  readonly firstWords: Uint8Array;
  /** The list's word mark (see `markWords`): a message none of whose words carries it holds no entry. */
  readonly mark: number;
}

const MIN_STEM_LENGTH = 3;

/** Folds an entry's phrase into words exactly as the tokenizer folds text (it is the tokenizer). */
export function foldPhrase(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.norm);
}

/**
 * Compiles entries into lookups. Plurals (`+s`) of single words are added automatically.
 *
 * @example
 * const lexicon = compileLexicon([{ phrase: 'ta gueule' }, { phrase: 'fuck', stem: true }]);
 */
export function compileLexicon(entries: readonly LexiconEntry[]): Lexicon {
  const byId = new Map<number, CompiledEntry[]>();
  const byMaskedKey = new Map<string, CompiledEntry[]>();
  const byStem = new Map<number, CompiledEntry[]>();
  for (const entry of entries) {
    const words = foldPhrase(entry.phrase);
    if (words.length === 0) continue;
    const compiled: CompiledEntry = { entry, words };
    const first = words[0] as string;
    if (entry.stem === true && words.length === 1 && first.length >= MIN_STEM_LENGTH) {
      add(byStem, internStem(collapseRuns(first)), compiled);
    }
    add(byId, internKey(collapseRuns(first)), compiled);
    if (words.length === 1) {
      if (!/[sxz]$/.test(first)) add(byId, internKey(collapseRuns(first + 's')), { entry, words: [first + 's'] });
      for (const masked of maskedVariants(collapseRuns(first))) add(byMaskedKey, masked, compiled);
    }
  }
  // Masked forms are marked too, by their own vocabulary ids: a word with hidden letters carries
  // the marks of the lists that know its exact masked form, not every list's.
  const maskedIds = [...byMaskedKey.keys()].map((masked) => internKey(masked));
  const mark = markWords([...byId.keys(), ...byStem.keys(), ...maskedIds], byStem.size > 0);
  return { byId, byMaskedKey, byStem, firstWords: idTable(byId.keys()), mark };
}

/** A table with 1 at each of `ids`. */
function idTable(ids: Iterable<number>): Uint8Array {
  const list = [...ids];
  const table = new Uint8Array(list.length === 0 ? 0 : Math.max(...list) + 1);
  for (const id of list) table[id] = 1;
  return table;
}

function add<K>(map: Map<K, CompiledEntry[]>, key: K, entry: CompiledEntry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else if (!list.some((known) => known.entry === entry.entry && known.words.join(' ') === entry.words.join(' '))) {
    list.push(entry);
  }
}

/** `putain` → `p*tain`, `p*ain`, `pu*ain`, …: one run of hidden letters, first and last shown. */
function maskedVariants(key: string): string[] {
  const variants: string[] = [];
  if (key.length < 4) return variants;
  for (let from = 1; from < key.length - 1; from++) {
    for (let to = from + 1; to <= key.length - 1; to++) {
      if (to - from > Math.ceil(key.length / 2)) break;
      variants.push(key.slice(0, from) + '*' + key.slice(to));
    }
  }
  return variants;
}

/**
 * Finds every entry of the lexicon in a token sequence, longest phrase first at each position.
 * Overlapping matches starting at the same token are reduced to the longest.
 */
export function matchLexicon(lexicon: Lexicon, tokens: readonly Token[]): LexiconMatch[] {
  const matches: LexiconMatch[] = [];
  const hasStems = lexicon.byStem.size > 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!mayStartEntry(lexicon, token, hasStems)) continue;
    const best = bestAt(lexicon, tokens, i, token);
    if (best !== undefined) {
      matches.push(best);
      i = best.last;
    }
  }
  return matches;
}

/**
 * The marks a token sequence carries (see `markWords`): `(marks & lexicon.mark) === 0` tells
 * that no entry of the lexicon is in it.
 */
export function marksOfTokens(tokens: readonly Token[]): number {
  const byId = wordMarkTable();
  const ofStems = stemWordMarks();
  const known = byId.length;
  let found = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const id = token.masked ? idOf(token.key) : token.vocabulary;
    if (id >= 0 && id < known) found |= byId[id] as number;
    if (token.stem !== NOT_IN_VOCABULARY) found |= ofStems;
  }
  return found;
}

/** The longest entry starting at token `i`, if any. */
export function matchLexiconAt(lexicon: Lexicon, tokens: readonly Token[], i: number): LexiconMatch | undefined {
  const token = tokens[i];
  return token === undefined ? undefined : bestAt(lexicon, tokens, i, token);
}

/**
 * Whether an entry may start at `token`: its word starts one, or it shows hidden letters, or it
 * starts with a stem and the lexicon has stems. When not, {@link bestAt} finds nothing.
 */
function mayStartEntry(lexicon: Lexicon, token: Token, hasStems: boolean): boolean {
  const id = token.vocabulary;
  if (id >= 0 && id < lexicon.firstWords.length && lexicon.firstWords[id] === 1) return true;
  return token.masked || (hasStems && token.stem !== NOT_IN_VOCABULARY);
}

function bestAt(lexicon: Lexicon, tokens: readonly Token[], i: number, token: Token): LexiconMatch | undefined {
  const id = token.vocabulary;
  let best = id === NOT_IN_VOCABULARY ? undefined : longest(lexicon.byId.get(id), tokens, i, token, 'word', undefined);
  if (best === undefined && token.masked && token.key.charCodeAt(0) !== 0x2a) {
    best = longest(lexicon.byMaskedKey.get(token.key), tokens, i, token, 'masked', undefined);
  }
  if (best === undefined && token.stem !== NOT_IN_VOCABULARY && lexicon.byStem.size > 0) {
    best = longest(lexicon.byStem.get(token.stem), tokens, i, token, 'stem', undefined);
    // A longer stem of another list may hide this list's shorter one ("confidenti" vs "conf").
    for (const stem of best === undefined ? stemIdsOf(token.key) : []) {
      best = longest(lexicon.byStem.get(stem), tokens, i, token, 'stem', best);
    }
  }
  return best;
}

/** The candidate matching at token `i` whose phrase ends last, starting from `best`. */
function longest(
  candidates: readonly CompiledEntry[] | undefined,
  tokens: readonly Token[],
  i: number,
  token: Token,
  how: 'word' | 'masked' | 'stem',
  best: LexiconMatch | undefined,
): LexiconMatch | undefined {
  if (candidates === undefined) return best;
  for (const candidate of candidates) {
    const first = candidate.words[0] as string;
    if (how === 'word' && !sameWord(token.norm, first)) continue;
    const last = matchRest(candidate.words, tokens, i);
    if (last === -1) continue;
    if (best === undefined || last > best.last) best = { entry: candidate.entry, first: i, last };
  }
  return best;
}

/** Index of the last token of the phrase starting at token `i`, or -1. */
function matchRest(words: readonly string[], tokens: readonly Token[], i: number): number {
  for (let w = 1; w < words.length; w++) {
    const token = tokens[i + w];
    if (token === undefined || !sameWord(token.norm, words[w] as string)) return -1;
  }
  return i + words.length - 1;
}

/**
 * A typed word spells a list word when their letter runs agree: same letters in the same order,
 * each run as long as in the list word, or stretched to three or more.
 *
 * @example sameWord('fuuuuck', 'fuck') === true; sameWord('null', 'nul') === false
 */
export function sameWord(typed: string, listed: string): boolean {
  if (typed === listed) return true;
  let t = 0;
  let l = 0;
  while (t < typed.length && l < listed.length) {
    const c = typed.charAt(t);
    if (c !== listed.charAt(l)) return false;
    const typedRun = runLength(typed, t);
    const listedRun = runLength(listed, l);
    if (typedRun !== listedRun && (typedRun < 3 || typedRun < listedRun)) return false;
    t += typedRun;
    l += listedRun;
  }
  return t === typed.length && l === listed.length;
}

function runLength(word: string, at: number): number {
  const c = word.charAt(at);
  let end = at + 1;
  while (end < word.length && word.charAt(end) === c) end++;
  return end - at;
}
