/**
 * The vocabulary shared by the engine, the detectors and the rule set.
 * Pure data types: no I/O, no Slack.
 */

/** The two languages charter-bot speaks. */
export type Lang = 'fr' | 'en';

/** The languages in a fixed order, for iteration and validation. */
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A text in every language charter-bot speaks. */
export interface Localized {
  fr: string;
  en: string;
}

/** What a finding is about. The list is part of the CLI contract (DESIGN.md §3). */
export const CATEGORIES = [
  'profanity',
  'insult',
  'shouting',
  'familiar-tone',
  'mass-mention',
  'off-topic',
  'payment-card',
  'bank-account',
  'national-id',
  'secret',
  'password',
  'personal-data',
  'confidential',
  'custom',
] as const;

/** A finding's category. */
export type Category = (typeof CATEGORIES)[number];

/** Categories whose matched text is a leaked value: it is masked before it leaves the engine. */
export const DATA_LEAK_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'payment-card',
  'bank-account',
  'national-id',
  'secret',
  'password',
  'personal-data',
]);

/** How serious a rule is, from least to most. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** A rule's severity. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * What happens when a rule matches (DESIGN.md §3):
 * `shadow` records only, `nudge` privately reminds the author, `flag` alerts moderators,
 * `nudge+flag` does both.
 */
export const ACTIONS = ['shadow', 'nudge', 'flag', 'nudge+flag'] as const;

/** A rule's action. */
export type Action = (typeof ACTIONS)[number];

/** Where a message was posted, as far as the rules care. */
export interface ChannelContext {
  /** Channel name without `#`, e.g. `general` or `client-renault`. */
  name?: string;
  /** A private channel. */
  private?: boolean;
  /** Shared with another company (Slack Connect). */
  external?: boolean;
}

/** A message to check. `text` is as Slack delivers it (entities escaped, `<…>` markup). */
export interface ChatMessage {
  text: string;
  channel?: ChannelContext;
  /** The author's Slack user id, for exemptions. */
  user?: string;
  /** The author's locale: used when the message's own language is unclear. */
  lang?: Lang;
}

/** One rule broken by one part of a message. */
export interface Finding {
  /** The rule's id. */
  rule: string;
  category: Category;
  severity: Severity;
  action: Action;
  /** The id of the charter article the rule enforces. */
  article: string;
  /** Start offset into the original text (UTF-16 code units, inclusive). */
  start: number;
  /** End offset into the original text (exclusive). */
  end: number;
  /** The matched text, truncated; masked for data-leak categories. */
  excerpt: string;
  /** Why this is a problem, in both languages. */
  explanation: Localized;
}

/** A rule whose detector failed on a message: reported, never thrown. */
export interface RuleError {
  rule: string;
  message: string;
}

/** The outcome of evaluating one message against a rule set. */
export interface Verdict {
  /** By position in the text; the same frozen empty list when there is none. */
  readonly findings: readonly Finding[];
  /** The language the message was judged to be written in. */
  lang: Lang;
  /**
   * A rule needed the message's language and its words did not decide it, so the locale hint
   * (`ChatMessage.lang`, else the rule set's default) did: with the author's real locale, the
   * findings could differ. False when no rule asked, or the words decided.
   */
  readonly localeMattered: boolean;
  /** Rules that could not be evaluated on this message. */
  readonly errors: readonly RuleError[];
}
