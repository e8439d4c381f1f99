/**
 * A text's UTF-16 code units in a reused typed array.
 *
 * Messages reach the scanners as every kind of V8 string: flat, concatenated (the views),
 * sliced, one- or two-byte. A `charCodeAt` call site that has seen them all becomes slow for
 * all of them; copying the codes once, in one loop, lets every scanning loop read a typed array
 * instead, which stays fast. The last text copied is remembered, so the markup reader, the
 * tokenizer and the text statistics of one message share one copy when they read the same string.
 *
 * The array is reused: read it right away, before asking for another text's codes.
 */

let buffer = new Uint16Array(1024);
let holds: string | undefined;

/** The code units of `text` (valid for indexes below `text.length`). */
export function charCodesOf(text: string): Uint16Array {
  if (holds === text) return buffer;
  if (buffer.length < text.length) buffer = new Uint16Array(Math.max(text.length, buffer.length * 2));
  const codes = buffer;
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  holds = text;
  return codes;
}
