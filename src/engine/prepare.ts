/**
 * Prepares a message once for all detectors: markup read, words folded, language guessed.
 * Each part is computed on first use, so a rule set that never needs the words never pays for them.
 */
import { languageOfWords } from './language';
import type { Lexicon } from './lexicon';
import { MarkupViews, Mention, readMarkup } from './slack-markup';
import { TextView, toOriginalRange } from './text-view';
import type { Token } from './token';
import { marksOfLastTokenize, tokenize } from './tokenize';
import { TextStats, textStats } from './text-stats';
import { Lang } from './types';

const NO_WORDS: readonly Token[] = Object.freeze([]);

/** A message ready for matching. Immutable; parts are computed lazily. */
export class PreparedText {
  private markup: MarkupViews | undefined;
  private words: Token[] | undefined;
  private hiddenWords: readonly Token[] | undefined;
  private language: Lang | undefined;
  private languageFromHint = false;
  private shared: Map<object, unknown> | undefined;
  private facts: TextStats | undefined;
  private proseMarks = 0;
  private hiddenMarks = 0;

  /**
   * @param original the message text exactly as Slack delivers it
   * @param localeHint the author's locale, used when the text's language is unclear
   */
  constructor(
    readonly original: string,
    private readonly localeHint: Lang,
  ) {}

  /** What the author wrote in their own words: no code, link targets, quotes or emoji. */
  get prose(): TextView {
    return this.views().prose;
  }

  /** Everything, entities decoded: what data-leak rules scan. */
  get data(): TextView {
    return this.views().data;
  }

  /** User, group and special mentions found in the markup. */
  get mentions(): readonly Mention[] {
    return this.views().mentions;
  }

  /** The words of the prose view, folded for matching. */
  get tokens(): readonly Token[] {
    return this.words ?? this.tokenizeProse();
  }

  /** True when the message has no code, quote or link target: its prose (and emoji) is all there is. */
  get hasOnlyProse(): boolean {
    return this.views().hidden.text === '';
  }

  /** What the prose view leaves out: code, quotes, link targets; not emoji names (see {@link MarkupViews.hidden}). */
  get hidden(): TextView {
    return this.views().hidden;
  }

  /** The words of what the prose view leaves out: code, quotes, link targets (see {@link MarkupViews.hidden}). */
  get hiddenTokens(): readonly Token[] {
    return this.hiddenWords ?? this.tokenizeHidden();
  }

  /**
   * Whether the prose's words may hold an entry of the lexicon: false tells for sure that
   * `matchLexicon(lexicon, tokens)` finds nothing, without scanning for it.
   */
  mayMatch(lexicon: Lexicon): boolean {
    return this.hasWordMarked(lexicon.mark);
  }

  /** Whether a word of the prose may carry `mark` (see `markWords` in `vocabulary.ts`). */
  hasWordMarked(mark: number): boolean {
    if (this.words === undefined) this.tokenizeProse();
    return (this.proseMarks & mark) !== 0;
  }

  /** {@link mayMatch} for the words of the hidden view ({@link hiddenTokens}). */
  hiddenMayMatch(lexicon: Lexicon): boolean {
    if (this.hiddenWords === undefined) this.tokenizeHidden();
    return (this.hiddenMarks & lexicon.mark) !== 0;
  }

  /** Original `[start, end)` of hidden-view tokens `first..last` (inclusive). */
  hiddenTokenRange(first: Token, last: Token): [number, number] {
    return toOriginalRange(this.views().hidden, first.start, last.end);
  }

  /** Cheap facts about the raw text (digits, bare `@`, long runs…) that let detectors skip it early. */
  get stats(): TextStats {
    if (this.facts === undefined) this.facts = textStats(this.original);
    return this.facts;
  }

  /** How many ASCII digits the original text holds (see {@link stats}). */
  get digitCount(): number {
    return this.stats.digits;
  }

  /** The message's language: from its words, else the author's locale. */
  get lang(): Lang {
    if (this.language === undefined) {
      const decided = languageOfWords(this.tokens);
      this.languageFromHint = decided === undefined;
      this.language = decided ?? this.localeHint;
    }
    return this.language;
  }

  /**
   * True once the language was asked for and the words did not decide it: the locale hint did.
   * With another hint, whatever read the language might have answered otherwise.
   */
  get languageCameFromHint(): boolean {
    return this.languageFromHint;
  }

  /**
   * Computes something once per message for every rule that asks with the same `key` (e.g. the
   * matches of a word list two rules share).
   */
  memo<T>(key: object, compute: () => T): T {
    this.shared ??= new Map();
    if (this.shared.has(key)) return this.shared.get(key) as T;
    const value = compute();
    this.shared.set(key, value);
    return value;
  }

  /** Original `[start, end)` of tokens `first..last` (inclusive). */
  tokenRange(first: Token, last: Token): [number, number] {
    return toOriginalRange(this.prose, first.start, last.end);
  }

  /** Splits the prose into words, and keeps the word marks the tokenizer gathered on the way. */
  private tokenizeProse(): Token[] {
    const words = tokenize(this.prose.text);
    this.words = words;
    this.proseMarks = marksOfLastTokenize();
    return words;
  }

  /** Splits the hidden view into words (none when it is empty), with their word marks. */
  private tokenizeHidden(): readonly Token[] {
    const hidden = this.views().hidden;
    const words = hidden.text === '' ? NO_WORDS : tokenize(hidden.text);
    this.hiddenWords = words;
    this.hiddenMarks = hidden.text === '' ? 0 : marksOfLastTokenize();
    return words;
  }

  private views(): MarkupViews {
    if (this.markup === undefined) {
      this.markup = readMarkup(this.original);
      // The reader has just copied the original's code units: read the statistics from that copy.
      this.facts ??= textStats(this.original);
    }
    return this.markup;
  }
}
