/**
 * A rule ready to run: what the rule set compiles each rule file entry into, and all the
 * engine needs to evaluate it. Built by `src/ruleset/`, never by hand outside tests.
 */
import type { DetectFunction, MessageTable } from './detection';
import type { Action, Category, ChannelContext, Lang, Localized, Severity } from './types';

/**
 * Decides whether a rule applies in a channel, from its name (lowercased), `external` and
 * `private` flags only: `evaluate` remembers the answers per channel (see `scope-cache.ts`).
 */
export type ScopeTest = (channel: ChannelContext | undefined) => boolean;

/** One compiled rule. */
export interface CompiledRule {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly action: Action;
  /** Id of the charter article the rule enforces. */
  readonly article: string;
  /** Only applies to messages in this language (e.g. a French word list), or to all when absent. */
  readonly lang?: Lang;
  /** Where the rule applies. */
  readonly inScope: ScopeTest;
  /** Authors the rule never applies to (Slack user ids). */
  readonly exempt: ReadonlySet<string>;
  /** The compiled detector. */
  readonly detect: DetectFunction;
  /** The detector's explanations, by message id. */
  readonly messages: MessageTable;
  /** An explanation written by the admin, used instead of the detector's. */
  readonly explanation?: Localized;
}

/** A compiled set of rules. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /** The locale assumed when neither the text nor the author tells the language. */
  readonly defaultLang: Lang;
}
