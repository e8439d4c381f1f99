/**
 * A text derived from a message's original text, with a map back to the original.
 *
 * Every character of a view remembers the `[start, end)` range of the original text it came
 * from, so a match found in a view can be reported against what the user actually typed. The map
 * is stored as segments: a run copied unchanged maps character by character; a replacement (a
 * decoded `&amp;`, a mention placeholder, a separator) maps all its characters to one range.
 */
export interface TextView {
  /** The view's text. */
  readonly text: string;
  /** The map back to the original; `null` when the view is the original text itself. */
  readonly segments: Segments | null;
}

/**
 * The segments of a view, one row of {@link SEGMENT_FIELDS} numbers per segment in one table,
 * ordered by position in the view: one object per view, however many segments. The table is a
 * plain array for a short view (cheapest to make) and an `Int32Array` for a long one (one native
 * copy, and nothing for the garbage collector to scan).
 */
export interface Segments {
  /** How many segments the table holds. */
  readonly count: number;
  /** Row `s` starts at `s * SEGMENT_FIELDS`; read it with the `*_FIELD` offsets. */
  readonly table: ArrayLike<number>;
}

/** Numbers per segment in {@link Segments.table}. */
export const SEGMENT_FIELDS = 4;
/** Where the segment starts in the view. */
const VIEW_START_FIELD = 0;
/** Where it starts in the original. */
const ORIGINAL_START_FIELD = 1;
/** Where it ends in the original (exclusive). */
const ORIGINAL_END_FIELD = 2;
/** 1 when the segment is a copy: view character k maps to `originalStart + (k - viewStart)`; 0 for a replacement. */
const COPY_FIELD = 3;

/** Maps a `[start, end)` range of a view back to the original text. */
export function toOriginalRange(view: TextView, start: number, end: number): [number, number] {
  const segments = view.segments;
  if (segments === null) return [start, end];
  if (segments.count === 0) return [0, 0];
  if (end <= start) {
    const at = originalStartOf(segments, start);
    return [at, at];
  }
  return [originalStartOf(segments, start), originalEndOf(segments, end - 1)];
}

/** The offset in the table of the row of the segment that holds view character `viewIndex`. */
function rowAt(segments: Segments, viewIndex: number): number {
  const table = segments.table;
  let low = 0;
  let high = segments.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((table[middle * SEGMENT_FIELDS + VIEW_START_FIELD] as number) <= viewIndex) low = middle;
    else high = middle - 1;
  }
  return low * SEGMENT_FIELDS;
}

function originalStartOf(segments: Segments, viewIndex: number): number {
  const table = segments.table;
  const row = rowAt(segments, viewIndex);
  const start = table[row + ORIGINAL_START_FIELD] as number;
  return table[row + COPY_FIELD] === 1 ? start + (viewIndex - (table[row + VIEW_START_FIELD] as number)) : start;
}

function originalEndOf(segments: Segments, viewIndex: number): number {
  const table = segments.table;
  const row = rowAt(segments, viewIndex);
  if (table[row + COPY_FIELD] === 1) {
    return (table[row + ORIGINAL_START_FIELD] as number) + (viewIndex - (table[row + VIEW_START_FIELD] as number)) + 1;
  }
  return table[row + ORIGINAL_END_FIELD] as number;
}

/** The view of a text that is its own original. */
export function identityView(text: string): TextView {
  return { text, segments: null };
}

/**
 * Builds a view from pieces of the original text, recording where each piece came from.
 * Separators collapse: several consecutive `breakAt` calls produce one space.
 *
 * The text is concatenated as strings while the view has few pieces, which is cheapest for a
 * chat message. A view of many pieces (a long message with markup every few characters) switches
 * to writing code units into a scratch array, read out as one string at the end: a string per
 * piece would leave tens of thousands of short-lived strings for the garbage collector.
 */
export class TextViewBuilder {
  /** The text so far, while the view has at most {@link LONGEST_PLAIN_TABLE} segments. */
  private text = '';
  /** The text's code units once the view has more segments (borrowed from {@link spareUnits}). */
  private units: Uint16Array | undefined;
  private length = 0;
  /**
   * Segment rows (see {@link Segments}) while the view is built, in a scratch array borrowed from
   * {@link spareScratches} and handed back by {@link build}: a long view's rows are written
   * without growing a new array on every message.
   */
  private scratch: Int32Array;
  private count = 0;
  private lastWasBreak = true;
  /**
   * The original and the range of it that the text has yet to take (while the text is a
   * string): copies that follow each other in the original are read out with one slice when
   * something else is appended, not one per call (a run of `<` that open nothing is copied one
   * character at a time).
   */
  private source = '';
  private pendingFrom = 0;
  private pendingTo = 0;

  constructor() {
    this.scratch = spareScratches.pop() ?? new Int32Array(INITIAL_SCRATCH_ROWS * SEGMENT_FIELDS);
  }

  /**
   * Appends original `[from, to)` unchanged: each character stands for itself. `codes` are the
   * original's code units (see `char-codes.ts`).
   */
  appendRange(original: string, codes: Uint16Array, from: number, to: number): void {
    if (to <= from) return;
    const last = (this.count - 1) * SEGMENT_FIELDS;
    const scratch = this.scratch;
    if (last >= 0 && scratch[last + COPY_FIELD] === 1 && scratch[last + ORIGINAL_END_FIELD] === from) {
      scratch[last + ORIGINAL_END_FIELD] = to;
    } else {
      this.push(from, to, 1);
    }
    if (this.units === undefined) {
      if (this.pendingTo !== from || this.source !== original) {
        this.takePending();
        this.source = original;
        this.pendingFrom = from;
      }
      this.pendingTo = to;
      this.length += to - from;
    } else {
      const units = this.roomFor(to - from);
      for (let k = from; k < to; k++) units[this.length++] = codes[k] as number;
    }
    const lastChar = codes[to - 1];
    this.lastWasBreak = lastChar === 0x20 || lastChar === 0x0a;
  }

  /** Appends `chars` (one or more UTF-16 units) that all stand for original `[start, end)`. */
  append(chars: string, start: number, end: number): void {
    if (chars.length === 0) return;
    this.push(start, end, 0);
    if (this.units === undefined) {
      this.takePending();
      this.text += chars;
      this.length += chars.length;
    } else {
      const units = this.roomFor(chars.length);
      for (let k = 0; k < chars.length; k++) units[this.length++] = chars.charCodeAt(k);
    }
    this.lastWasBreak = chars === ' ' || chars === '\n';
  }

  /** Appends a word separator (a space) standing at original offset `at`, unless one is already there. */
  breakAt(at: number): void {
    if (this.lastWasBreak) return;
    this.append(' ', at, at);
  }

  /** The finished view. The builder must not be used afterwards. */
  build(): TextView {
    const size = this.count * SEGMENT_FIELDS;
    let table: ArrayLike<number>;
    if (this.count <= LONGEST_PLAIN_TABLE) {
      const plain: number[] = [];
      for (let k = 0; k < size; k++) plain.push(this.scratch[k] as number);
      table = plain;
    } else {
      table = this.scratch.slice(0, size);
    }
    spareScratches.push(this.scratch);
    this.takePending();
    let text = this.text;
    if (this.units !== undefined) {
      text = Buffer.from(this.units.buffer, this.units.byteOffset, this.length * 2).toString('utf16le');
      spareUnits.push(this.units);
    }
    return { text, segments: { count: this.count, table } };
  }

  /** Adds the pending range of the original (see {@link source}) to the text. */
  private takePending(): void {
    if (this.pendingTo > this.pendingFrom) this.text += this.source.slice(this.pendingFrom, this.pendingTo);
    this.pendingFrom = 0;
    this.pendingTo = 0;
  }

  private push(start: number, end: number, copy: 0 | 1): void {
    const row = this.count * SEGMENT_FIELDS;
    if (row === this.scratch.length) this.growScratch();
    if (this.count === LONGEST_PLAIN_TABLE && this.units === undefined) this.switchToUnits();
    const scratch = this.scratch;
    scratch[row + VIEW_START_FIELD] = this.length;
    scratch[row + ORIGINAL_START_FIELD] = start;
    scratch[row + ORIGINAL_END_FIELD] = end;
    scratch[row + COPY_FIELD] = copy;
    this.count++;
  }

  private growScratch(): void {
    const grown = new Int32Array(this.scratch.length * 2);
    grown.set(this.scratch);
    this.scratch = grown;
  }

  /** Moves the text so far into a scratch array of code units; later pieces are written there. */
  private switchToUnits(): void {
    this.takePending();
    const text = this.text;
    let units = spareUnits.pop() ?? new Uint16Array(INITIAL_UNITS);
    if (units.length < text.length) units = new Uint16Array(text.length * 2);
    for (let k = 0; k < text.length; k++) units[k] = text.charCodeAt(k);
    this.units = units;
    this.text = '';
  }

  /** The code-unit array, grown if needed to take `extra` more units. */
  private roomFor(extra: number): Uint16Array {
    let units = this.units as Uint16Array;
    if (this.length + extra > units.length) {
      const grown = new Uint16Array(Math.max(units.length * 2, this.length + extra));
      grown.set(units.subarray(0, this.length));
      units = grown;
      this.units = grown;
    }
    return units;
  }
}

/** Segments of the longest view whose table is a plain array and whose text is concatenated (see {@link Segments}). */
const LONGEST_PLAIN_TABLE = 64;

/** Rows of a new scratch array: enough for any ordinary chat message. */
const INITIAL_SCRATCH_ROWS = 256;

/** Code units of a new scratch array of text. */
const INITIAL_UNITS = 4096;

/**
 * Scratch arrays of finished builders, reused by the next ones (a message needs three: prose,
 * data, hidden). A builder abandoned before `build` (a reader that threw) just keeps its array.
 */
const spareScratches: Int32Array[] = [];

/** Scratch arrays of text of finished builders that switched to code units, reused likewise. */
const spareUnits: Uint16Array[] = [];
