/**
 * A word of a text view, as the tokenizer hands it to the matchers.
 */
import { idOf, stemIdOf } from './vocabulary';
import { collapseRuns, foldFastWord } from './word-fold';

/**
 * A word of the prose view. Its folded forms are built only when asked for: most words are
 * identified by their vocabulary id, found while scanning, and never need them.
 */
export class Token {
  private normValue: string | undefined;
  private keyValue: string | undefined;

  constructor(
    /** The text the word was read from (the prose or data view). */
    private readonly source: string,
    /** Offsets into the source, `[start, end)`. */
    readonly start: number,
    readonly end: number,
    /** Letters in the word as typed, and how many of them were capitals. */
    readonly letters: number,
    readonly capitals: number,
    /** Id of `key` in the shared vocabulary (see `vocabulary.ts`), or -1. */
    readonly vocabulary: number,
    /** Id of the longest stem `key` starts with, or -1. */
    readonly stem: number,
    /** The word shows hidden letters (`p*tain`). */
    readonly masked: boolean,
    norm?: string,
  ) {
    this.normValue = norm;
  }

  /** Folded form used for matching: lowercase ASCII letters where possible, `*` for a hidden letter. */
  get norm(): string {
    if (this.normValue === undefined) this.normValue = foldFastWord(this.source, this.start, this.end);
    return this.normValue;
  }

  /** `norm` with runs of the same character collapsed: `fuuuck` → `fuck`. */
  get key(): string {
    if (this.keyValue === undefined) this.keyValue = collapseRuns(this.norm);
    return this.keyValue;
  }
}

/** Builds a token whose folded form is known: looks it up in the vocabulary by its key. */
export function tokenWithNorm(source: string, start: number, end: number, letters: number, capitals: number, norm: string): Token {
  const key = collapseRuns(norm);
  return new Token(source, start, end, letters, capitals, idOf(key), stemIdOf(key), norm.includes('*'), norm);
}

/** The token that stands for a user mention. */
export const USER_TOKEN = '@user';

