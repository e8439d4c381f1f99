/**
 * Severity tiers of vulgar words. Rules choose which tiers they act on, so mild words
 * ("damn", "zut") are not nudged by default while strong ones are.
 */
export const TIERS = ['mild', 'moderate', 'severe'] as const;

/** A word's tier. */
export type Tier = (typeof TIERS)[number];

/** How a curated list treats a source word. */
export interface TierOverrides {
  /** Words dropped from the source list: innocent, medical, foreign, or too ambiguous at work. */
  readonly drop: ReadonlySet<string>;
  readonly mild: ReadonlySet<string>;
  readonly severe: ReadonlySet<string>;
  /** Innocent in the other language ("con", "bite"): only counted when the message is in this one. */
  readonly ambiguousAcrossLanguages: ReadonlySet<string>;
}
