/**
 * Cheap facts about a message's raw text, gathered in one pass, that let detectors skip a message
 * without running any regular expression: most chat messages hold few digits, no bare `@`, no
 * long unbroken run of letters and digits, and so cannot hold a card, an e-mail or a token.
 */

import { charCodesOf } from './char-codes';

/** Facts about a raw text. */
export interface TextStats {
  /** ASCII digits. */
  digits: number;
  /** An `@` that does not open a Slack mention (`<@U…>`): maybe an e-mail address. */
  bareAt: boolean;
  /** Longest run of `[A-Za-z0-9_-]`: API keys and tokens are long runs. */
  longestRun: number;
  /** `://` somewhere: a URL, maybe with a password inside. */
  scheme: boolean;
}

/** {@link RUN_CLASS} of a character that may be part of a run: `[A-Za-z_-]`. */
const RUN = 1;
/** {@link RUN_CLASS} of an ASCII digit: part of a run, and counted (`DIGIT >> 1` is 1). */
const DIGIT = 3;

/**
 * What each UTF-16 code unit counts as: 0 (ends a run), {@link RUN} or {@link DIGIT}. One entry
 * per code unit (64 KB): the scan reads it without testing for ASCII first.
 */
const RUN_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = RUN;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = RUN;
  table[0x5f] = RUN;
  table[0x2d] = RUN;
  return table;
})();

/** Reads the facts in one tight pass over the text (plus native searches for `@` and `://`). */
export function textStats(text: string): TextStats {
  const codes = charCodesOf(text);
  const classes = RUN_CLASS;
  let digits = 0;
  let longestRun = 0;
  let run = 0;
  // The length is read once: a loop that reads it on every turn is twice as slow once the
  // function has seen a concatenated string (as the rule examples are, when rules load).
  const length = text.length;
  // Without a branch on the character's class: word characters and separators alternate every
  // few characters, and a mispredicted branch per word costs more than the arithmetic below.
  for (let i = 0; i < length; i++) {
    const kind = classes[codes[i] as number] as number;
    // `-kind >>> 31` is 1 for a run character (kind > 0), 0 for a separator: the run restarts.
    run = (run + 1) * (-kind >>> 31);
    if (run > longestRun) longestRun = run;
    digits += kind >> 1;
  }
  return { digits, bareAt: hasBareAt(text, codes), longestRun, scheme: text.includes('://') };
}

/** An `@` not right after `<` (which opens a Slack mention). */
function hasBareAt(text: string, codes: Uint16Array): boolean {
  let at = text.indexOf('@');
  while (at !== -1) {
    if (at === 0 || codes[at - 1] !== 0x3c) return true;
    at = text.indexOf('@', at + 1);
  }
  return false;
}
