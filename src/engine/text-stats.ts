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
  /** Two letters then two digits (`FR76`, case ignored): how every IBAN starts. */
  letterLetterDigitDigit: boolean;
  /** `://` somewhere: a URL, maybe with a password inside. */
  scheme: boolean;
}

/** Reads the facts in one pass over the text. */
export function textStats(text: string): TextStats {
  let digits = 0;
  let bareAt = false;
  let longestRun = 0;
  let run = 0;
  let letterLetterDigitDigit = false;
  let scheme = false;
  // Classes of the last three characters: 1 letter, 2 digit, 0 other.
  let previous1 = 0;
  let previous2 = 0;
  let previous3 = 0;
  const codes = charCodesOf(text);
  for (let i = 0; i < text.length; i++) {
    const c = codes[i] as number;
    let kind = 0;
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      kind = 2;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      kind = 1;
    }
    if (kind !== 0 || c === 0x5f || c === 0x2d) {
      run++;
      if (run > longestRun) longestRun = run;
    } else {
      run = 0;
    }
    if (c === 0x40 && (i === 0 || codes[i - 1] !== 0x3c)) bareAt = true;
    if (c === 0x2f && previous1 === 0 && codes[i - 1] === 0x2f && codes[i - 2] === 0x3a) scheme = true;
    if (kind === 2 && previous1 === 2 && previous2 === 1 && previous3 === 1) letterLetterDigitDigit = true;
    previous3 = previous2;
    previous2 = previous1;
    previous1 = kind;
  }
  return { digits, bareAt, longestRun, letterLetterDigitDigit, scheme };
}
