/**
 * Finds e-mail addresses in a text, `@` by `@`.
 *
 * The addresses found are exactly those of the pattern {@link EMAIL_PATTERN} (scanned globally),
 * but the search starts from each `@` instead of from every position: the pattern opens with a
 * look-behind and a repeated class, which a regular-expression engine tries position by position,
 * up to 64 characters each time. A text has few `@`.
 */

/**
 * The reference pattern: a local part of 1–64 characters (letters, digits, `._%+-`) not glued to
 * another such character, `@`, up to 8 domain labels and a top-level domain of letters.
 */
export const EMAIL_PATTERN =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

/** The part after the local part, tried where an `@` is. */
const DOMAIN_AT = /@(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/uy;

/** A local-part character outside ASCII (a letter or digit of another script). */
const LOCAL_CHAR = /^[\p{L}\p{N}]$/u;

/** Local-part characters of ASCII: letters, digits and `._%+-`. */
const ASCII_LOCAL: Uint8Array = (() => {
  const table = new Uint8Array(0x80);
  for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-') table[c.charCodeAt(0)] = 1;
  return table;
})();

const MAX_LOCAL = 64;

/** An address found: `[start, end)` in the text. */
export interface AddressSpan {
  start: number;
  end: number;
}

/**
 * Every address in `text`, in order, as a global scan of {@link EMAIL_PATTERN} finds them (a
 * match never starts before the end of the previous one).
 *
 * @example findEmailAddresses('écrire à jean.dupont@exemple.fr') // → [{ start: 9, end: 31 }]
 */
export function findEmailAddresses(text: string): AddressSpan[] {
  const found: AddressSpan[] = [];
  let from = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    const start = localPartStart(text, at);
    if (start !== -1 && start >= from) {
      DOMAIN_AT.lastIndex = at;
      if (DOMAIN_AT.test(text)) {
        const end = DOMAIN_AT.lastIndex;
        found.push({ start, end });
        from = end;
        at = text.indexOf('@', end);
        continue;
      }
    }
    at = text.indexOf('@', at + 1);
  }
  return found;
}

/**
 * Where the local part ending before the `@` at `at` starts: the whole run of local-part
 * characters before it, which must hold 1–64 characters (code points); -1 when there is none.
 */
function localPartStart(text: string, at: number): number {
  let start = at;
  let characters = 0;
  while (start > 0) {
    const width = localCharWidthBefore(text, start);
    if (width === 0) break;
    start -= width;
    characters++;
    if (characters > MAX_LOCAL) return -1;
  }
  return characters === 0 ? -1 : start;
}

/** Code units of the local-part character ending at `end` (2 for an astral one), 0 if it is none. */
function localCharWidthBefore(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  if (code < 0x80) return ASCII_LOCAL[code] === 1 ? 1 : 0;
  if (code >= 0xdc00 && code <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LOCAL_CHAR.test(text.slice(end - 2, end)) ? 2 : 0;
  }
  return LOCAL_CHAR.test(text.charAt(end - 1)) ? 1 : 0;
}
