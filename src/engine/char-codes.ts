/**
 * A text's UTF-16 code units in a reused typed array.
 *
 * Messages reach the scanners as every kind of V8 string: flat, concatenated (the views),
 * sliced, one- or two-byte. A `charCodeAt` call site that has seen them all becomes slow for
 * all of them; copying the codes once lets every scanning loop read a typed array instead,
 * which stays fast. The last text copied is remembered, so the markup reader, the tokenizer and
 * the text statistics of one message share one copy when they read the same string.
 *
 * The copy is one native call: the text is written as UTF-16LE into a byte buffer that the
 * array views (on a little-endian machine, which is every machine Node runs on in practice; a
 * big-endian one copies with `charCodeAt`). Lone surrogates are copied as they are.
 *
 * The array is reused: read it right away, before asking for another text's codes.
 */

/** Whether a `Uint16Array` reads UTF-16LE bytes as the code units they encode. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let bytes = Buffer.allocUnsafeSlow(2048);
let buffer = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
let holds: string | undefined;

/** The code units of `text` (valid for indexes below `text.length`). */
export function charCodesOf(text: string): Uint16Array {
  if (holds === text) return buffer;
  if (buffer.length < text.length) grow(text.length);
  if (LITTLE_ENDIAN) {
    bytes.write(text, 0, 'utf16le');
  } else {
    copyWithCharCodeAt(text, buffer);
  }
  holds = text;
  return buffer;
}

/** Replaces the buffer with one that holds at least `units` code units. */
function grow(units: number): void {
  const length = Math.max(units, buffer.length * 2);
  bytes = Buffer.allocUnsafeSlow(length * 2);
  buffer = new Uint16Array(bytes.buffer, bytes.byteOffset, length);
}

function copyWithCharCodeAt(text: string, codes: Uint16Array): void {
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
}
