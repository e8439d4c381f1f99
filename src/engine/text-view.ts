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

/** Parallel arrays, one entry per segment, ordered by position in the view. */
export interface Segments {
  /** Where the segment starts in the view. */
  readonly viewStart: readonly number[];
  /** Where it starts in the original. */
  readonly originalStart: readonly number[];
  /** Where it ends in the original (exclusive). */
  readonly originalEnd: readonly number[];
  /** True when the segment is a copy: view character k maps to `originalStart + (k - viewStart)`. */
  readonly copy: readonly boolean[];
}

/** Maps a `[start, end)` range of a view back to the original text. */
export function toOriginalRange(view: TextView, start: number, end: number): [number, number] {
  const segments = view.segments;
  if (segments === null) return [start, end];
  if (segments.viewStart.length === 0) return [0, 0];
  if (end <= start) {
    const at = originalStartOf(segments, start);
    return [at, at];
  }
  return [originalStartOf(segments, start), originalEndOf(segments, end - 1)];
}

function segmentAt(segments: Segments, viewIndex: number): number {
  const starts = segments.viewStart;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= viewIndex) low = middle;
    else high = middle - 1;
  }
  return low;
}

function originalStartOf(segments: Segments, viewIndex: number): number {
  const s = segmentAt(segments, viewIndex);
  const start = segments.originalStart[s] as number;
  return segments.copy[s] === true ? start + (viewIndex - (segments.viewStart[s] as number)) : start;
}

function originalEndOf(segments: Segments, viewIndex: number): number {
  const s = segmentAt(segments, viewIndex);
  if (segments.copy[s] === true) return (segments.originalStart[s] as number) + (viewIndex - (segments.viewStart[s] as number)) + 1;
  return segments.originalEnd[s] as number;
}

/** The view of a text that is its own original. */
export function identityView(text: string): TextView {
  return { text, segments: null };
}

/**
 * Builds a view from pieces of the original text, recording where each piece came from.
 * Separators collapse: several consecutive `breakAt` calls produce one space.
 */
export class TextViewBuilder {
  private text = '';
  private readonly viewStart: number[] = [];
  private readonly originalStart: number[] = [];
  private readonly originalEnd: number[] = [];
  private readonly copy: boolean[] = [];
  private lastWasBreak = true;

  /**
   * Appends original `[from, to)` unchanged: each character stands for itself. `codes` are the
   * original's code units (see `char-codes.ts`).
   */
  appendRange(original: string, codes: Uint16Array, from: number, to: number): void {
    if (to <= from) return;
    const last = this.copy.length - 1;
    if (last >= 0 && this.copy[last] === true && this.originalEnd[last] === from) {
      this.originalEnd[last] = to;
    } else {
      this.push(from, to, true);
    }
    this.text += original.slice(from, to);
    const lastChar = codes[to - 1];
    this.lastWasBreak = lastChar === 0x20 || lastChar === 0x0a;
  }

  /** Appends `chars` (one or more UTF-16 units) that all stand for original `[start, end)`. */
  append(chars: string, start: number, end: number): void {
    if (chars.length === 0) return;
    this.push(start, end, false);
    this.text += chars;
    this.lastWasBreak = chars === ' ' || chars === '\n';
  }

  /** Appends a word separator (a space) standing at original offset `at`, unless one is already there. */
  breakAt(at: number): void {
    if (this.lastWasBreak) return;
    this.append(' ', at, at);
  }

  /** The finished view. */
  build(): TextView {
    return {
      text: this.text,
      segments: { viewStart: this.viewStart, originalStart: this.originalStart, originalEnd: this.originalEnd, copy: this.copy },
    };
  }

  private push(start: number, end: number, copy: boolean): void {
    this.viewStart.push(this.text.length);
    this.originalStart.push(start);
    this.originalEnd.push(end);
    this.copy.push(copy);
  }
}
