/**
 * `regex`: a pattern written by an admin, run on RE2 (`re2-wasm`), a linear-time engine: a
 * pattern like `(a+)+$` cannot freeze the bot, whatever the message. RE2 has no backreferences
 * or lookaround; a pattern using them is refused when the rules load, with RE2's reason.
 */
import { performance } from 'node:perf_hooks';
import { RE2 } from 're2-wasm';
import { z } from 'zod';
import type { Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import { CATEGORIES } from '../engine/types';
import type { Detector } from './types';

/** Longest input a custom pattern is run on, in characters; the rest of a longer message is not scanned. */
export const REGEX_INPUT_CAP = 4_000;

/**
 * The most a pattern may take on each 4,000-character probe when the rules load (ms). RE2 runs
 * in time linear in the text, but its constant depends on the pattern: nested repetitions such as
 * `(.*a){12}` or `(.*){20}` take seconds on long messages. The probes are as long as
 * {@link REGEX_INPUT_CAP}, so a pattern within budget stays within it on any message. Ordinary
 * patterns take a few hundredths of a millisecond; `(a+)+$` about 1 ms, `(.*a){12}` 150 ms.
 */
export const PATTERN_BUDGET_MS = 5;

/** Texts built to make slow patterns show it: long runs of one letter, words, digits, a mix. */
const PROBES: readonly string[] = [
  'a'.repeat(4_000),
  `${'a'.repeat(3_999)}!`,
  'word '.repeat(800),
  '0123456789'.repeat(400),
  'Ab1 -_.:@/'.repeat(400),
];

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

/** Runs a pattern over a text the way the detector does: up to {@link MAX_MATCHES} non-empty matches. */
function findMatches(compiled: RE2, input: string): Array<{ index: number; length: number }> {
  const found: Array<{ index: number; length: number }> = [];
  compiled.lastIndex = 0;
  let match: ReturnType<RE2['exec']>;
  let empty = 0;
  while (found.length < MAX_MATCHES && (match = compiled.exec(input)) !== null) {
    const length = (match[0] ?? '').length;
    if (length === 0) {
      // A pattern that matches the empty string would be tried at every position: give up early.
      if (++empty > MAX_MATCHES) break;
      compiled.lastIndex++;
      continue;
    }
    found.push({ index: match.index, length });
  }
  return found;
}

/**
 * How many times slower than a trivial pattern a pattern may be on the probes. Ordinary patterns
 * are within a few times; `(a+)+$` and `^(\w+\s?)*$` within about 15; `(.*a){12}` about 600.
 */
export const MAX_SLOWDOWN = 100;

/** A trivial pattern timed beside the admin's, so that a busy machine slows both alike. */
const BASELINE = new RE2('zq', 'gu');

/** The longest, over the probes, of the best of three runs of a pattern (ms). */
function probeCost(compiled: RE2, stopAbove: number): number {
  let worst = 0;
  for (const probe of PROBES) {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      findMatches(compiled, probe);
      best = Math.min(best, performance.now() - started);
      // Clearly fast, or clearly slow: no need to run again to rule out a pause of the machine.
      if (best <= PATTERN_BUDGET_MS / 4 || best > stopAbove) break;
    }
    worst = Math.max(worst, best);
    if (worst > stopAbove) break;
  }
  return worst;
}

/**
 * Refuses a pattern too slow for a chat bot: over {@link PATTERN_BUDGET_MS} on a probe *and* more
 * than {@link MAX_SLOWDOWN} times a trivial pattern timed alongside (so a loaded machine does not
 * refuse a good pattern). The error says how slow, and what usually causes it.
 */
export function checkPatternCost(compiled: RE2, pattern: string): void {
  const worst = probeCost(compiled, PATTERN_BUDGET_MS * 10);
  if (worst <= PATTERN_BUDGET_MS) return;
  const baseline = Math.max(probeCost(BASELINE, Number.POSITIVE_INFINITY), 0.001);
  if (worst / baseline <= MAX_SLOWDOWN) return;
  throw new Error(
    `pattern refused: too slow for the bot (${worst.toFixed(1)} ms on a 4,000-character message, ${Math.round(worst / baseline)} times a simple pattern; the limit is ${PATTERN_BUDGET_MS} ms). ` +
      `Nested repetitions such as (.*a){12}, (.*){20} or (\\w+\\s?)* make it slow: simplify "${pattern.slice(0, 60)}"`,
  );
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
    checkPatternCost(compiled, options.pattern);
    const scanAll = options.scan === 'all';
    return ({ text }) => {
      const view = scanAll ? text.data : text.prose;
      // A cut text ends with a line break so `$` cannot match at the cut (RE2's `.` does not match it).
      const cut = view.text.length > REGEX_INPUT_CAP;
      const input = cut ? `${view.text.slice(0, REGEX_INPUT_CAP)}\n` : view.text;
      const detections: Detection[] = [];
      for (const { index, length } of findMatches(compiled, input)) {
        const stop = Math.min(index + length, REGEX_INPUT_CAP);
        if (cut && index >= stop) continue;
        const [start, end] = toOriginalRange(view, index, cut ? stop : index + length);
        detections.push({ start, end, messageId: 'pattern' });
      }
      return detections;
    };
  },
};
