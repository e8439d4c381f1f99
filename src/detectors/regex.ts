/**
 * `regex`: a pattern written by an admin, run on RE2 (`re2-wasm`), a linear-time engine: a
 * pattern like `(a+)+$` cannot freeze the bot, whatever the message. RE2 has no backreferences
 * or lookaround; a pattern using them is refused when the rules load, with RE2's reason.
 */
import { RE2 } from 're2-wasm';
import { z } from 'zod';
import type { Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import { CATEGORIES } from '../engine/types';
import type { Detector } from './types';

/** Longest input a custom pattern is run on, in characters; the rest of a longer message is not scanned. */
export const REGEX_INPUT_CAP = 40_000;

/** Most matches reported for one message. */
const MAX_MATCHES = 20;

const optionsSchema = z
  .object({
    /** The pattern (RE2 syntax, close to JavaScript's without backreferences and lookaround). */
    pattern: z.string().min(1).max(1000),
    /** Match case exactly (default: ignore case). */
    caseSensitive: z.boolean().default(false),
    /** `prose`: the author's own words; `all`: code, quotes and link targets too. */
    scan: z.enum(['prose', 'all']).default('all'),
  })
  .strict();

/** Options of the `regex` detector. */
export type RegexOptions = z.infer<typeof optionsSchema>;

/**
 * Compiles a pattern for RE2 or throws an error saying why it is refused.
 *
 * @example compilePattern('(a)\\1', false) // throws: backreferences are not supported
 */
export function compilePattern(pattern: string, caseSensitive: boolean): RE2 {
  const flags = caseSensitive ? 'gu' : 'giu';
  try {
    return new RE2(pattern, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new Error(
      `pattern refused by the linear-time engine (RE2: ${reason}); backreferences (\\1) and lookaround ((?=…), (?<=…)) are not supported`,
    );
  }
}

/** Detects matches of an admin's pattern. */
export const regex: Detector<RegexOptions> = {
  kind: 'regex',
  description: {
    fr: 'Motif (expression régulière RE2, en temps linéaire) écrit par un administrateur.',
    en: 'A pattern (RE2 regular expression, linear time) written by an admin.',
  },
  categories: CATEGORIES,
  messages: {
    pattern: {
      fr: 'Ce message correspond à un motif que la charte encadre dans ce canal.',
      en: 'This message matches a pattern the charter restricts in this channel.',
    },
  },
  optionsSchema,
  create(options) {
    const compiled = compilePattern(options.pattern, options.caseSensitive);
    const scanAll = options.scan === 'all';
    return ({ text }) => {
      const view = scanAll ? text.data : text.prose;
      const input = view.text.length > REGEX_INPUT_CAP ? view.text.slice(0, REGEX_INPUT_CAP) : view.text;
      const detections: Detection[] = [];
      compiled.lastIndex = 0;
      let match: ReturnType<RE2["exec"]>;
      while (detections.length < MAX_MATCHES && (match = compiled.exec(input)) !== null) {
        const length = (match[0] ?? "").length;
        if (length === 0) {
          compiled.lastIndex++;
          continue;
        }
        const [start, end] = toOriginalRange(view, match.index, match.index + length);
        detections.push({ start, end, messageId: 'pattern' });
      }
      return detections;
    };
  },
};
