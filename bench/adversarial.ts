/**
 * Adversarial messages of up to 40,000 characters: long runs of what each detector looks for,
 * markup that never closes, Unicode that folds, and random noise. Shared by the benchmark and
 * the fuzz-style tests.
 */

/** The longest message Slack accepts (characters). */
export const MAX_MESSAGE_LENGTH = 40_000;

function fill(unit: string, length = MAX_MESSAGE_LENGTH): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Deterministic pseudo-random text over an alphabet. */
function noise(alphabet: string, length: number, seed: number): string {
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet.charAt(state % alphabet.length);
  }
  return out;
}

/** Named adversarial messages. */
export function adversarialMessages(): Array<{ name: string; text: string }> {
  return [
    { name: 'one digit repeated', text: fill('4') },
    { name: 'digits in card-like groups', text: fill('4970 ') },
    { name: 'digits and spaces "1 "', text: fill('1 ') },
    { name: 'IBAN-like prefix repeated', text: fill('FR76 3000 ') },
    { name: 'Slack token prefix repeated', text: fill('xoxb-') },
    { name: 'password label repeated', text: fill('mdp : ') },
    { name: 'JWT-like dots', text: fill('eyJ.') },
    { name: 'unclosed angle brackets', text: fill('<') },
    { name: 'unclosed backticks', text: fill('`a') },
    { name: 'entities', text: fill('&amp;&lt;') },
    { name: 'emoji-like colons', text: fill(':a') },
    { name: 'letters spelled out "f u "', text: fill('f u ') },
    { name: 'stretched letter', text: fill('u') },
    { name: 'capitals', text: fill('SHOUT ') },
    { name: 'stars', text: fill('*') },
    { name: 'insult targets without insult', text: fill("t'es vraiment ") },
    { name: 'at signs and dots (e-mail-like)', text: fill('a@b.') },
    { name: 'zero-width characters', text: fill('f\u200b') },
    { name: 'Cyrillic look-alikes', text: fill('аеорс ') },
    { name: 'astral emoji', text: fill('😀') },
    { name: 'mentions', text: fill('<@U024BE7LH> ') },
    { name: 'phone-like digits', text: fill('06 12 34 ') },
    { name: 'random ASCII noise', text: noise('abcdefghijklmnopqrstuvwxyz0123456789 .:/@-_*<>&!$', MAX_MESSAGE_LENGTH, 7) },
    { name: 'random digits and separators', text: noise('0123456789 -', MAX_MESSAGE_LENGTH, 11) },
    { name: 'random base64', text: noise('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-', MAX_MESSAGE_LENGTH, 13) },
  ];
}
