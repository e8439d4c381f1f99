/**
 * Cheap facts about a message's raw text, gathered in one pass, that let detectors skip a message
 * without running any regular expression: most chat messages hold few digits, no bare `@`, no
 * long unbroken run of letters and digits, and so cannot hold a card, an e-mail or a token.
 * (`(c | 0x20)` folds ASCII capitals to lowercase for the letter test; `@`, `[` and the like
 * fold onto backquote and braces, outside `a`–`z`.)
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

/** Reads the facts in one tight pass over the text (plus native searches for `@` and `://`). */
export function textStats(text: string): TextStats {
  const codes = charCodesOf(text);
  let digits = 0;
  let longestRun = 0;
  let run = 0;
  // The length is read once: a loop that reads it on every turn is twice as slow once the
  // function has seen a concatenated string (as the rule examples are, when rules load).
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = codes[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      run++;
    } else if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f || c === 0x2d) {
      run++;
    } else {
      if (run > longestRun) longestRun = run;
      run = 0;
    }
  }
  if (run > longestRun) longestRun = run;
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
