/**
 * One shared vocabulary of every word any compiled word list knows, so a message's words are
 * looked up once, whatever the number of word lists: each token gets the id of its folded key
 * (or -1), and every list then indexes its entries by that id instead of hashing the word again.
 *
 * It only grows, and only when word lists are compiled (when rules load), never per message.
 */
import type { Token } from './tokenize';

const ids = new Map<string, number>();

/** The id of a key, added to the vocabulary if new. */
export function internKey(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** The vocabulary id of a token's key, or -1 when no word list knows it. Computed once per token. */
export function vocabularyId(token: Token): number {
  if (token.vocabulary === UNKNOWN) token.vocabulary = ids.get(token.key) ?? NOT_IN_VOCABULARY;
  return token.vocabulary;
}

/** `Token.vocabulary` before the first lookup. */
export const UNKNOWN = -2;

/** `Token.vocabulary` of a word no list knows. */
export const NOT_IN_VOCABULARY = -1;
