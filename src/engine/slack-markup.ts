/**
 * Reads Slack's message markup once and derives the two views the detectors work on.
 *
 * - The **prose** view is what a person wrote in their own words: entities decoded
 *   (`&amp;` → `&`), link labels kept and link targets dropped, user mentions replaced by a
 *   placeholder, code spans and blocks, block quotes and emoji shortcodes dropped.
 *   Etiquette rules read it.
 * - The **data** view is everything, entities decoded: code, quotes, link targets included.
 *   Data-leak rules read it, since a secret in a code block is still a leak.
 *
 * Both views map every character back to the original text (see {@link TextView}).
 */
import { charCodesOf } from './char-codes';
import { identityView, TextView, TextViewBuilder } from './text-view';

/** A Slack mention found in the markup. */
export interface Mention {
  /** `user` for `<@U…>`, `here`/`channel`/`everyone` for the special mentions, `subteam` for user groups. */
  kind: 'user' | 'here' | 'channel' | 'everyone' | 'subteam';
  /** Offsets of the whole `<…>` markup in the original text. */
  start: number;
  end: number;
}

/** The result of reading a message's markup. */
export interface MarkupViews {
  prose: TextView;
  data: TextView;
  /**
   * What the data view has and the prose view lacks, as words someone wrote or pasted: code,
   * quotes, link targets. Emoji shortcodes are left out: an emoji's name is a picture, not words
   * (a `:secret:` emoji is no confidential keyword, and a run of them is no text to tokenize).
   */
  hidden: TextView;
  mentions: Mention[];
}

/** Stands for a user mention in the prose view, so phrases like "<@U1> is useless" can be matched. */
export const USER_PLACEHOLDER = '\uE000';

const ENTITIES: ReadonlyArray<[string, string]> = [
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
];

/**
 * What announces markup: `<`, `&`, a backtick, or an emoji shortcode. A text without any of them
 * is its own prose and data view (a colon alone, as in "14:30" or "Rappel :", is plain text).
 * The shortcode's letters cannot include a colon, so the search stays linear.
 */
const MARKUP_TRIGGER = /[<&`]|:[a-z0-9_+'-]{1,64}:/;

const EMPTY_VIEW: TextView = identityView('');

const EMOJI_SHORTCODE = /:[a-z0-9_+'-]{1,64}:/y;

/**
 * Splits Slack markup into the prose and data views.
 *
 * @example
 * readMarkup('hi <@U1>, see <https://x.io/a|the doc> `rm -rf`').prose.text
 * // → 'hi \uE000, see the doc '
 */
export function readMarkup(original: string): MarkupViews {
  if (!MARKUP_TRIGGER.test(original)) {
    const view = identityView(original);
    return { prose: view, data: view, hidden: EMPTY_VIEW, mentions: [] };
  }
  return new MarkupReader(original).read();
}

/** The characters {@link MarkupReader} searches ahead for, by index (see `nextIndex`). */
const SEARCHED = ['>', '\n', '&'] as const;
const CLOSE = 0;
const NEWLINE = 1;
const AMPERSAND = 2;
type Searched = typeof CLOSE | typeof NEWLINE | typeof AMPERSAND;

class MarkupReader {
  private readonly prose: TextViewBuilder;
  private readonly data: TextViewBuilder;
  private readonly hidden: TextViewBuilder;
  private readonly mentions: Mention[] = [];
  private i = 0;
  /**
   * Last answer of {@link nextIndex} per searched character, so repeated searches stay linear:
   * `[from, at]` pairs at `2 * searched`, `from` -1 until the first search.
   */
  private readonly found = [-1, -1, -1, -1, -1, -1];

  /** The source's code units (see `char-codes.ts`); read only while this reader runs. */
  private readonly codes: Uint16Array;
  /**
   * `src.length`, read once: scanning loops that read a string's length on every turn run twice
   * as slow once they have seen a concatenated string (as the rule examples are, when rules load).
   */
  private readonly length: number;

  constructor(private readonly src: string) {
    this.codes = charCodesOf(src);
    this.length = src.length;
    this.prose = new TextViewBuilder();
    this.data = new TextViewBuilder();
    this.hidden = new TextViewBuilder();
  }

  read(): MarkupViews {
    const src = this.src;
    while (this.i < this.length) {
      if (this.atLineStart() && src.startsWith('&gt;', this.i)) {
        this.readQuote();
        continue;
      }
      const ch = this.codes[this.i] as number;
      if (ch === 0x60 /* ` */) {
        this.readCode();
      } else if (ch === 0x3c /* < */) {
        this.readAngle();
      } else if (ch === 0x26 /* & */) {
        this.readEntity(true);
      } else if (ch === 0x3a /* : */ && this.readEmoji()) {
        // emoji consumed
      } else {
        const end = this.plainRunEnd(this.i + 1);
        this.prose.appendRange(src, this.codes, this.i, end);
        this.data.appendRange(src, this.codes, this.i, end);
        this.i = end;
      }
    }
    return { prose: this.prose.build(), data: this.data.build(), hidden: this.hidden.build(), mentions: this.mentions };
  }

  /** End of the run of ordinary characters starting before `from` (up to the next markup character or line start). */
  private plainRunEnd(from: number): number {
    const length = this.length;
    const codes = this.codes;
    let i = from;
    while (i < length) {
      const c = codes[i] as number;
      if (c === 0x60 || c === 0x3c || c === 0x26 || c === 0x3a || c === 0x0a) break;
      i++;
    }
    if (i < length && codes[i] === 0x0a) i++;
    return i;
  }

  private atLineStart(): boolean {
    return this.i === 0 || this.codes[this.i - 1] === 0x0a;
  }

  /** A block quote: the rest of the line (or of the message for `>>>`) is someone else's words. */
  private readQuote(): void {
    const src = this.src;
    const multi = src.startsWith('&gt;&gt;&gt;', this.i);
    const end = multi ? src.length : lineEnd(src, this.i);
    this.prose.breakAt(this.i);
    this.copyToData(this.i, end);
    this.i = end;
  }

  /** Inline code (`…`) or a code block (```…```): data only. */
  private readCode(): void {
    const src = this.src;
    const fence = src.startsWith('```', this.i) ? '```' : '`';
    const close = src.indexOf(fence, this.i + fence.length);
    const unclosedInline = fence === '`' && (close === -1 || this.newlineBefore(close));
    if (unclosedInline) {
      this.prose.appendRange(src, this.codes, this.i, this.i + 1);
      this.data.appendRange(src, this.codes, this.i, this.i + 1);
      this.i++;
      return;
    }
    const end = close === -1 ? src.length : close + fence.length;
    this.prose.breakAt(this.i);
    this.copyToData(this.i, end);
    this.prose.breakAt(end);
    this.i = end;
  }

  /** Whether a line ends between the current position and `end`. */
  private newlineBefore(end: number): boolean {
    const newline = this.nextIndex(NEWLINE, this.i);
    return newline !== -1 && newline < end;
  }

  /** `src.indexOf(char, from)`, remembering the last answer: a text full of `<` costs one scan, not one per `<`. */
  private nextIndex(searched: Searched, from: number): number {
    const found = this.found;
    const slot = 2 * searched;
    const knownFrom = found[slot] as number;
    const knownAt = found[slot + 1] as number;
    if (knownFrom !== -1 && from >= knownFrom && (knownAt === -1 || from <= knownAt)) return knownAt;
    const at = this.src.indexOf(SEARCHED[searched], from);
    found[slot] = from;
    found[slot + 1] = at;
    return at;
  }

  /** `<…>`: a mention, a channel link, a special mention or a link. */
  private readAngle(): void {
    const src = this.src;
    const close = this.nextIndex(CLOSE, this.i + 1);
    const newline = this.nextIndex(NEWLINE, this.i + 1);
    if (close === -1 || (newline !== -1 && newline < close)) {
      this.prose.appendRange(src, this.codes, this.i, this.i + 1);
      this.data.appendRange(src, this.codes, this.i, this.i + 1);
      this.i++;
      return;
    }
    const start = this.i;
    const end = close + 1;
    const inner = src.slice(start + 1, close);
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const labelStart = bar === -1 ? -1 : start + 1 + bar + 1;
    const first = inner.charAt(0);
    if (first === '@') {
      this.mentions.push({ kind: 'user', start, end });
      this.prose.breakAt(start);
      this.prose.append(USER_PLACEHOLDER, start, end);
      this.prose.breakAt(end);
      this.data.breakAt(start);
    } else if (first === '#') {
      this.prose.breakAt(start);
      if (labelStart !== -1) this.copyTo(this.prose, labelStart, close);
      this.prose.breakAt(end);
      this.data.breakAt(start);
    } else if (first === '!') {
      this.readSpecial(target, start, end, labelStart, close);
    } else {
      this.readLink(target, start, labelStart, close, end);
    }
    this.data.breakAt(end);
    this.i = end;
  }

  private readSpecial(target: string, start: number, end: number, labelStart: number, close: number): void {
    const name = target.slice(1);
    if (name === 'here' || name === 'channel' || name === 'everyone') {
      this.mentions.push({ kind: name, start, end });
    } else if (name.startsWith('subteam^')) {
      this.mentions.push({ kind: 'subteam', start, end });
    } else if (labelStart !== -1) {
      // <!date^…|fallback>: the fallback text is ordinary prose.
      this.prose.breakAt(start);
      this.copyTo(this.prose, labelStart, close);
    }
    this.prose.breakAt(end);
    this.data.breakAt(start);
  }

  /** Links: the label is prose, the target is data only. A label equal to the target is not repeated. */
  private readLink(target: string, start: number, labelStart: number, close: number, end: number): void {
    const targetStart = start + 1;
    const targetEnd = targetStart + target.length;
    this.data.breakAt(start);
    this.copyToData(targetStart, targetEnd);
    this.prose.breakAt(start);
    if (labelStart !== -1) {
      this.copyTo(this.prose, labelStart, close);
      const label = this.src.slice(labelStart, close);
      if (!sameAddress(target, label)) {
        this.data.breakAt(labelStart);
        this.copyToData(labelStart, close, false);
      }
    }
    this.prose.breakAt(end);
  }

  private readEntity(toProse: boolean): void {
    const src = this.src;
    const entity = entityAt(src, this.i);
    if (entity !== undefined) {
      const length = entity[0].length;
      if (toProse) this.prose.append(entity[1], this.i, this.i + length);
      this.data.append(entity[1], this.i, this.i + length);
      this.i += length;
      return;
    }
    if (toProse) this.prose.appendRange(src, this.codes, this.i, this.i + 1);
    this.data.appendRange(src, this.codes, this.i, this.i + 1);
    this.i++;
  }

  /** `:shortcode:` is dropped from the prose view; the data view keeps it (the hidden view does not). */
  private readEmoji(): boolean {
    EMOJI_SHORTCODE.lastIndex = this.i;
    if (!EMOJI_SHORTCODE.test(this.src)) return false;
    const end = EMOJI_SHORTCODE.lastIndex;
    this.prose.breakAt(this.i);
    this.copyToData(this.i, end, false);
    this.i = end;
    return true;
  }

  /** Copies original `[from, to)` into the data view, decoding entities. */
  private copyToData(from: number, to: number, hidden = true): void {
    if (hidden) {
      this.hidden.breakAt(from);
      this.copyTo(this.hidden, from, to);
    }
    const saved = this.i;
    this.i = from;
    while (this.i < to) {
      if (this.codes[this.i] === 0x26) {
        this.readEntity(false);
      } else {
        const amp = this.nextIndex(AMPERSAND, this.i);
        const end = amp === -1 || amp > to ? to : amp;
        this.data.appendRange(this.src, this.codes, this.i, end);
        this.i = end;
      }
    }
    this.i = saved;
  }

  /** Copies original `[from, to)` into `view`, decoding entities. */
  private copyTo(view: TextViewBuilder, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const entity = this.codes[i] === 0x26 ? entityAt(this.src, i) : undefined;
      if (entity !== undefined) {
        view.append(entity[1], i, i + entity[0].length);
        i += entity[0].length;
      } else {
        const amp = this.nextIndex(AMPERSAND, i + 1);
        const end = amp === -1 || amp > to ? to : amp;
        view.appendRange(this.src, this.codes, i, end);
        i = end;
      }
    }
  }
}

/**
 * The entity (name and value) written at `at`, if any. An indexed loop: iterating with
 * `for…of` and destructuring allocates on every `&` whenever the reader runs unoptimized.
 */
function entityAt(src: string, at: number): readonly [string, string] | undefined {
  for (let k = 0; k < ENTITIES.length; k++) {
    const entity = ENTITIES[k] as [string, string];
    if (src.startsWith(entity[0], at)) return entity;
  }
  return undefined;
}

function lineEnd(src: string, from: number): number {
  const newline = src.indexOf('\n', from);
  return newline === -1 ? src.length : newline;
}

/** `mailto:a@b.fr` and `a@b.fr`, or `https://x.io` and `x.io`, name the same address. */
function sameAddress(target: string, label: string): boolean {
  const bare = target.replace(/^(mailto:|tel:|https?:\/\/)/, '');
  return label === target || label === bare;
}
