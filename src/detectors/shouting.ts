/**
 * `shouting`: a message written mostly in capitals. Acronyms (SNCF, API, ASAP), one emphasised
 * word, short replies ("OK", "LGTM") and code (log levels, constants) are fine: only words of
 * several letters in prose count, and only past a minimum length.
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import type { Token } from '../engine/tokenize';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Letters in capitalised words needed before a message can shout. */
    minLetters: z.number().int().min(1).default(16),
    /** Capitalised words (of `minWordLength` letters or more) needed. */
    minWords: z.number().int().min(1).default(3),
    /** Shorter words are ignored (acronyms, "OK", "À"). */
    minWordLength: z.number().int().min(1).default(4),
    /** Share of letters, among words of `minWordLength` or more, that are capitals. */
    minRatio: z.number().min(0.5).max(1).default(0.7),
  })
  .strict();

/** Options of the `shouting` detector. */
export type ShoutingOptions = z.infer<typeof optionsSchema>;

/**
 * Detects messages written in capitals. Words in capitals are counted first: most messages have
 * too few to shout, and are done with before any other work.
 */
export const shouting: Detector<ShoutingOptions> = {
  kind: 'shouting',
  description: {
    fr: 'Messages écrits en majuscules (hors sigles, code et réponses courtes).',
    en: 'Messages written in capitals (acronyms, code and short replies aside).',
  },
  categories: ['shouting'],
  messages: {
    shouting: {
      fr: 'Un message en majuscules se lit comme un cri. Pour souligner un point, le gras (*texte*) suffit.',
      en: 'A message in capitals reads as shouting. To stress a point, bold (*text*) is enough.',
    },
  },
  optionsSchema,
  create(options) {
    return ({ text }) => {
      const tokens = text.tokens;
      if (countLoudWords(tokens, options.minWordLength) < options.minWords) return NO_DETECTIONS;
      let letters = 0;
      let capitals = 0;
      let loudWords = 0;
      let loudLetters = 0;
      let first: Token | undefined;
      let last: Token | undefined;
      const prose = text.prose.text;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] as Token;
        if (token.capitals > 0 && isIdentifierPart(prose, token)) continue;
        if (token.letters >= 2 && token.capitals === token.letters) {
          first ??= token;
          last = token;
        }
        if (token.letters < options.minWordLength) continue;
        letters += token.letters;
        capitals += token.capitals;
        if (token.capitals === token.letters) {
          loudWords++;
          loudLetters += token.letters;
        }
      }
      if (first === undefined || last === undefined) return NO_DETECTIONS;
      if (loudWords < options.minWords || loudLetters < options.minLetters) return NO_DETECTIONS;
      if (capitals < letters * options.minRatio) return NO_DETECTIONS;
      const [start, end] = text.tokenRange(first, last);
      const detection: Detection = { start, end, messageId: 'shouting' };
      return [detection];
    };
  },
};

/** Words of `minLength` letters or more written all in capitals. */
function countLoudWords(tokens: readonly Token[], minLength: number): number {
  let loud = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.letters >= minLength && token.capitals === token.letters) loud++;
  }
  return loud;
}

/**
 * Capitals in identifiers are naming conventions, not shouting: `GITHUB_TOKEN=…`, `MAX_SIZE`,
 * and a run of one repeated letter (`XXXXXXXX`) is a placeholder.
 */
function isIdentifierPart(prose: string, token: Token): boolean {
  const before = prose.charAt(token.start - 1);
  const after = prose.charAt(token.end);
  if (before === '_' || after === '_' || after === '=' || before === '=') return true;
  return isOneLetterRepeated(prose, token.start, token.end);
}

function isOneLetterRepeated(prose: string, start: number, end: number): boolean {
  const first = prose.charCodeAt(start);
  for (let i = start + 1; i < end; i++) if (prose.charCodeAt(i) !== first) return false;
  return end - start > 1;
}
