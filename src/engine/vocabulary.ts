/**
 * One shared vocabulary of every word any compiled word list knows (and the function words the
 * language guess uses), so a message's words are looked up once, whatever the number of word
 * lists: each token carries the id of its folded key (or -1), and every list indexes its entries
 * by that id.
 *
 * Keys made of the letters a–z are also kept in a trie, which the tokenizer walks while it scans
 * a word: the common word is identified without building its folded string at all.
 *
 * The vocabulary only grows, and only when word lists are compiled (when rules load), never while
 * a message is evaluated.
 */

/** A token's `vocabulary` for a word no list knows. */
export const NOT_IN_VOCABULARY = -1;

/** The trie's root node; {@link NO_NODE} once a walk has left the trie. */
export const TRIE_ROOT = 0;
export const NO_NODE = -1;

const LETTERS = 26;

const ids = new Map<string, number>();
let transitions = new Int32Array(LETTERS * 1024).fill(NO_NODE);
let idAtNode = new Int32Array(1024).fill(NOT_IN_VOCABULARY);
/** 1 where the key ending at the node is a stem. */
let stemAtNode = new Uint8Array(1024);
let nodeCount = 1;
const stems = new Set<number>();

/**
 * Word marks: each word list gets one bit (see {@link markWords}), set on the ids of the words
 * that can start one of its entries. A message whose words carry none of a list's bit holds none
 * of its entries, and the list's scan is skipped. With more than 31 lists, bits are shared: a
 * shared bit only lets more messages through to the scan, it never hides a word.
 */
let marks = new Uint32Array(1024);
let marksGiven = 0;
let stemListMarks = 0;

/**
 * Gives a word list its mark and sets it on the ids of the words that start its entries; `stems`
 * tells whether the list also matches words by their stem (every word with a stem then carries it).
 */
export function markWords(firstWordIds: Iterable<number>, stems: boolean): number {
  const mark = 1 << (marksGiven++ % 31);
  for (const id of firstWordIds) {
    if (id >= marks.length) {
      const grown = new Uint32Array(Math.max(id + 1, marks.length * 2));
      grown.set(marks);
      marks = grown;
    }
    marks[id] = (marks[id] as number) | mark;
  }
  if (stems) stemListMarks |= mark;
  return mark;
}

/** The marks of every word, by vocabulary id (read it once per text: it is replaced when it grows). */
export function wordMarkTable(): Uint32Array {
  return marks;
}

/** The marks every word with a stem carries (the marks of the lists that match by stem). */
export function stemWordMarks(): number {
  return stemListMarks;
}

/** The id of a key, added to the vocabulary if new. */
export function internKey(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
    if (/^[a-z]+$/.test(key)) addToTrie(key, id);
  }
  return id;
}

/** Marks a key as a stem: words that start with it are told so by {@link stemIdOf} and the tokenizer. */
export function internStem(key: string): number {
  const id = internKey(key);
  stems.add(id);
  const node = nodeOf(key);
  if (node !== NO_NODE) stemAtNode[node] = 1;
  return id;
}

/** Whether the key ending at a trie node is a stem. */
export function isStemNode(node: number): boolean {
  return node !== NO_NODE && stemAtNode[node] === 1;
}

function nodeOf(key: string): number {
  let node = TRIE_ROOT;
  for (let i = 0; i < key.length && node !== NO_NODE; i++) node = step(node, key.charCodeAt(i));
  return node;
}

/** The id of a folded key, or {@link NOT_IN_VOCABULARY}. */
export function idOf(key: string): number {
  return ids.get(key) ?? NOT_IN_VOCABULARY;
}

/**
 * The trie's tables, for the tokenizer's inner loop (read once per message: they are replaced,
 * not mutated in place, when the vocabulary grows). `transitions[node * 26 + letter]` is the next
 * node or {@link NO_NODE}; `ids[node]` the vocabulary id ending there; `stems[node]` 1 for a stem.
 */
export interface TrieTables {
  readonly transitions: Int32Array;
  readonly ids: Int32Array;
  readonly stems: Uint8Array;
}

/** The current trie tables (see {@link TrieTables}). */
export function trieTables(): TrieTables {
  return { transitions, ids: idAtNode, stems: stemAtNode };
}

/**
 * Follows one letter (`a`–`z` as a char code) from a node; {@link NO_NODE} when no key continues
 * that way. Walking from {@link NO_NODE} stays there.
 */
export function step(node: number, letterCode: number): number {
  if (node === NO_NODE) return NO_NODE;
  const index = letterCode - 0x61;
  if (index < 0 || index >= LETTERS) return NO_NODE;
  return transitions[node * LETTERS + index] as number;
}

/** The vocabulary id of the key that ends at a node, or {@link NOT_IN_VOCABULARY}. */
export function idAt(node: number): number {
  return node === NO_NODE ? NOT_IN_VOCABULARY : (idAtNode[node] as number);
}

/** The longest stem that `key` starts with (shorter than the key itself), or {@link NOT_IN_VOCABULARY}. */
export function stemIdOf(key: string): number {
  let node = TRIE_ROOT;
  let found = NOT_IN_VOCABULARY;
  for (let i = 0; i < key.length - 1; i++) {
    node = step(node, key.charCodeAt(i));
    if (node === NO_NODE) break;
    const id = idAt(node);
    if (id !== NOT_IN_VOCABULARY && stems.has(id)) found = id;
  }
  return found;
}

/** Every stem that `key` starts with (shorter than the key itself), shortest first. */
export function stemIdsOf(key: string): number[] {
  const found: number[] = [];
  let node = TRIE_ROOT;
  for (let i = 0; i < key.length - 1; i++) {
    node = step(node, key.charCodeAt(i));
    if (node === NO_NODE) break;
    const id = idAt(node);
    if (id !== NOT_IN_VOCABULARY && stems.has(id)) found.push(id);
  }
  return found;
}

function addToTrie(key: string, id: number): void {
  let node = TRIE_ROOT;
  for (let i = 0; i < key.length; i++) {
    const slot = node * LETTERS + (key.charCodeAt(i) - 0x61);
    let next = transitions[slot] as number;
    if (next === NO_NODE) {
      next = newNode();
      transitions[node * LETTERS + (key.charCodeAt(i) - 0x61)] = next;
    }
    node = next;
  }
  idAtNode[node] = id;
}

function newNode(): number {
  if (nodeCount === idAtNode.length) {
    const grownTransitions = new Int32Array(transitions.length * 2).fill(NO_NODE);
    grownTransitions.set(transitions);
    transitions = grownTransitions;
    const grownIds = new Int32Array(idAtNode.length * 2).fill(NOT_IN_VOCABULARY);
    grownIds.set(idAtNode);
    idAtNode = grownIds;
    const grownStems = new Uint8Array(stemAtNode.length * 2);
    grownStems.set(stemAtNode);
    stemAtNode = grownStems;
  }
  return nodeCount++;
}
