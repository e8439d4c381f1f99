/**
 * A text derived from a message's original text, with a map back to the original.
 *
 * Every character of a view remembers the `[start, end)` range of the original text it came
 * from, so a match found in a view can be reported against what the user actually typed.
 */
export interface TextView {
  /** The view's text. */
  readonly text: string;
  /** Original start offset of each view character; `null` when the view is the original text. */
  readonly starts: Int32Array | null;
  /** Original end offset (exclusive) of each view character; `null` for the identity view. */
  readonly ends: Int32Array | null;
}

/** Maps a `[start, end)` range of a view back to the original text. */
export function toOriginalRange(view: TextView, start: number, end: number): [number, number] {
  if (view.starts === null || view.ends === null) return [start, end];
  if (end <= start) {
    const at = start < view.starts.length ? (view.starts[start] as number) : lastEnd(view);
    return [at, at];
  }
  return [view.starts[start] as number, view.ends[end - 1] as number];
}

function lastEnd(view: TextView): number {
  const ends = view.ends;
  if (ends === null || ends.length === 0) return 0;
  return ends[ends.length - 1] as number;
}

/** The view of a text that is its own original. */
export function identityView(text: string): TextView {
  return { text, starts: null, ends: null };
}

/**
 * Builds a view character by character, recording where each character came from.
 * Separators collapse: several consecutive `breakAt` calls produce one space.
 */
export class TextViewBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private lastWasBreak = true;

  constructor(capacityHint: number) {
    const capacity = Math.max(16, capacityHint);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Appends `chars` (one or more UTF-16 units) that all stand for original `[start, end)`. */
  append(chars: string, start: number, end: number): void {
    for (let i = 0; i < chars.length; i++) this.push(chars, i, start, end);
    this.lastWasBreak = chars === ' ' || chars === '\n';
  }

  /** Appends a word separator (a space) standing at original offset `at`, unless one is already there. */
  breakAt(at: number): void {
    if (this.lastWasBreak) return;
    this.parts.push(' ');
    this.record(at, at);
    this.lastWasBreak = true;
  }

  /** The finished view. */
  build(): TextView {
    return {
      text: this.parts.join(''),
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
    };
  }

  private push(chars: string, i: number, start: number, end: number): void {
    this.parts.push(chars.charAt(i));
    this.record(start, end);
  }

  private record(start: number, end: number): void {
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
