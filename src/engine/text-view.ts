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
  readonly starts: readonly number[] | null;
  /** Original end offset (exclusive) of each view character; `null` for the identity view. */
  readonly ends: readonly number[] | null;
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
 * Builds a view from pieces of the original text, recording where each character came from.
 * Separators collapse: several consecutive `breakAt` calls produce one space.
 */
export class TextViewBuilder {
  private text = '';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private lastWasBreak = true;

  /** Appends original `[from, to)` unchanged: each character stands for itself. */
  appendRange(original: string, from: number, to: number): void {
    if (to <= from) return;
    this.text += original.slice(from, to);
    for (let i = from; i < to; i++) {
      this.starts.push(i);
      this.ends.push(i + 1);
    }
    const last = original.charCodeAt(to - 1);
    this.lastWasBreak = last === 0x20 || last === 0x0a;
  }

  /** Appends `chars` (one or more UTF-16 units) that all stand for original `[start, end)`. */
  append(chars: string, start: number, end: number): void {
    this.text += chars;
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.lastWasBreak = chars === ' ' || chars === '\n';
  }

  /** Appends a word separator (a space) standing at original offset `at`, unless one is already there. */
  breakAt(at: number): void {
    if (this.lastWasBreak) return;
    this.append(' ', at, at);
  }

  /** The finished view. */
  build(): TextView {
    return { text: this.text, starts: this.starts, ends: this.ends };
  }
}
