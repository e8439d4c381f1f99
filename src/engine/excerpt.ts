/**
 * Excerpts: the short piece of a message a finding shows. For data leaks the excerpt is masked
 * here, inside the engine, so the leaked value never reaches a log, a database or Slack.
 */
import type { Reveal } from './detection';

/** Longest excerpt kept, in characters; longer ones are cut with an ellipsis. */
export const MAX_EXCERPT_LENGTH = 80;

/** The character that replaces a hidden letter or digit. */
export const MASK_CHAR = '•';

const FIXED_MASK = MASK_CHAR.repeat(8);

/** Characters that stay visible in a masked value because they carry no secret: its shape. */
const SHAPE_CHARS = new Set([' ', '-', '.', '/', ':', '_', '@', '\n', '\u00a0', '\u202f']);

/**
 * Masks a leaked value: letters and digits become `•`, separators stay so the shape is readable.
 *
 * @example maskValue('4970 1012 3456 7890', { tail: 4 }) === '•••• •••• •••• 7890'
 * @example maskValue('mdp : Soleil2024!', { head: 6, fixedLength: true }) === 'mdp : ••••••••'
 */
export function maskValue(value: string, reveal: Reveal = {}): string {
  const head = Math.min(reveal.head ?? 0, value.length);
  const visibleStart = value.slice(0, head);
  const rest = value.slice(head);
  if (reveal.fixedLength === true) return truncate(visibleStart + FIXED_MASK);
  const tailStart = tailOffset(rest, reveal.tail ?? 0);
  let masked = '';
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charAt(i);
    masked += i >= tailStart || SHAPE_CHARS.has(c) ? c : MASK_CHAR;
  }
  return truncate(visibleStart + masked);
}

/** Where the last `count` letters or digits of `text` begin; never reveals more than a third. */
function tailOffset(text: string, count: number): number {
  let alphanumerics = 0;
  for (const c of text) if (!SHAPE_CHARS.has(c)) alphanumerics++;
  const allowed = Math.min(count, Math.floor(alphanumerics / 3));
  if (allowed <= 0) return text.length;
  let seen = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (!SHAPE_CHARS.has(text.charAt(i))) seen++;
    if (seen === allowed) return i;
  }
  return 0;
}

/** Runs of whitespace, folded to one space in excerpts. */
const WHITESPACE_RUNS = /\s+/g;

/** Characters of a long text read for its excerpt when they are enough (see {@link truncate}). */
const EXCERPT_HEAD = 1024;

/** Cuts a text to {@link MAX_EXCERPT_LENGTH} characters, whitespace folded. */
export function truncate(text: string): string {
  if (text.length > EXCERPT_HEAD) {
    // A long text (a finding over a whole 40,000-character message) is cut from its beginning:
    // fold only that. Folded, the head is the start of the folded text; once it holds two more
    // characters than an excerpt, one of those is not a space, so the whole is longer too.
    const head = text.slice(0, EXCERPT_HEAD).replace(WHITESPACE_RUNS, ' ').trimStart();
    if (head.length >= MAX_EXCERPT_LENGTH + 2) return head.slice(0, MAX_EXCERPT_LENGTH - 1) + '…';
  }
  const folded = text.replace(WHITESPACE_RUNS, ' ').trim();
  if (folded.length <= MAX_EXCERPT_LENGTH) return folded;
  return folded.slice(0, MAX_EXCERPT_LENGTH - 1) + '…';
}
