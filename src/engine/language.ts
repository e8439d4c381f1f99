/**
 * Guesses whether a message is French or English from its function words.
 *
 * Chat messages are short, so a statistical model has little to go on; the small words every
 * sentence needs ("le", "est", "the", "is") are the most reliable signal. When they do not
 * decide, the author's locale does.
 */
import { Lang } from './types';
import type { Token } from './token';
import { collapseRuns } from './word-fold';
import { internKey } from './vocabulary';

const FRENCH = new Set([
  'le', 'la', 'les', 'des', 'du', 'de', 'un', 'une', 'est', 'et', 'je', 'tu', 'il', 'elle', 'nous',
  'vous', 'ils', 'elles', 'pas', 'ne', 'que', 'qui', 'quoi', 'ce', 'cette', 'ces', 'ca',
  'avec', 'pour', 'sur', 'dans', 'mais', 'ou', 'tres', 'vraiment', 'ton', 'ta', 'tes', 'mon', 'ma',
  'mes', 'son', 'sa', 'ses', 'bonjour', 'merci', 'oui', 'non', 'es', 'suis', 'sont', 'ai', 'avez',
  'avons', 'au', 'aux', 'c', 't', 'j', 'l', 'd', 'n', 'qu', 's', 'cest', 'quel', 'quelle', 'espece',
  'bande', 'sale', 'fait', 'faire', 'peux', 'peut', 'demain', 'hier', 'aujourd', 'hui', 'salut',
  'encore', 'deja', 'plus', 'moins', 'tout', 'tous', 'rien', 'comme', 'donc', 'alors', 'aussi',
  'voila', 'notre', 'votre', 'leur', 'ici', 'bien', 'trop', 'quand', 'comment', 'pourquoi', 'tkt',
  'mdr', 'ptdr', 'stp', 'svp', 'chez', 'etait', 'sera', 'va', 'vais', 'faut', 'y',
]);

const ENGLISH = new Set([
  'the', 'an', 'is', 'are', 'was', 'were', 'and', 'or', 'but', 'to', 'of', 'in', 'at',
  'for', 'with', 'you', 'your', 'i', 'it', 'its', 'this', 'that', 'be', 'have', 'has', 'not', 'do',
  'does', 'don', 'can', 'will', 'we', 'they', 'he', 'she', 'my', 'so', 'what', 'just',
  'please', 'thanks', 'hi', 'hello', 're', 'll', 've', 'm', 'from', 'about', 'here', 'there',
  'how', 'why', 'when', 'who', 'if', 'then', 'than', 'our', 'their', 'them', 'all', 'any', 'no',
  'yes', 'should', 'would', 'could', 'been', 'get', 'got', 'let', 'now', 'today', 'tomorrow',
  'yesterday', 'such', 'very', 'really', 'up', 'out', 'by', 'some', 'more', 'into', 'over', 'lol',
]);

const NEITHER = 0;
const FRENCH_ONLY = 1;
const ENGLISH_ONLY = 2;
// A word both languages use (FRENCH_ONLY | ENGLISH_ONLY) counts for both.

/**
 * Which side(s) a word counts for, indexed by its id in the shared vocabulary. The function
 * words are interned when this module loads, so their ids are small and the array stays short.
 */
const SIDES: Uint8Array = (() => {
  const entries: Array<[number, number]> = [];
  for (const word of FRENCH) entries.push([internKey(collapseRuns(word)), FRENCH_ONLY]);
  for (const word of ENGLISH) entries.push([internKey(collapseRuns(word)), ENGLISH_ONLY]);
  const sides = new Uint8Array(Math.max(...entries.map(([id]) => id)) + 1);
  for (const [id, side] of entries) sides[id] = (sides[id] as number) | side;
  return sides;
})();

/**
 * The language of a tokenized message: the side with more function words, else `fallback`.
 *
 * @example detectLanguage(tokenize('pros and cons'), 'fr') === 'en'
 */
export function detectLanguage(tokens: readonly Token[], fallback: Lang): Lang {
  return languageOfWords(tokens) ?? fallback;
}

/** The side with more function words, or `undefined` when the words do not decide. */
export function languageOfWords(tokens: readonly Token[]): Lang | undefined {
  let french = 0;
  let english = 0;
  // Indexed loops here and in the detectors' word scans: an iterator allocates a result per word
  // whenever the loop runs unoptimized (after a deoptimization, on a long message).
  for (let i = 0; i < tokens.length; i++) {
    const id = (tokens[i] as Token).vocabulary;
    const side = id >= 0 && id < SIDES.length ? (SIDES[id] as number) : NEITHER;
    if (side === NEITHER) continue;
    if (side !== ENGLISH_ONLY) french++;
    if (side !== FRENCH_ONLY) english++;
  }
  if (french > english) return 'fr';
  if (english > french) return 'en';
  return undefined;
}
