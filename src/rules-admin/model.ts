/**
 * How admins' edits to the rules are kept: versions of an *overlay* on the rule files.
 *
 * Precedence, plainly: the rule files in `RULES_DIR` are the baseline. The latest version stored
 * in the database is applied on top of them: for a rule that exists in the files, each field an
 * admin changed in Slack (or with the CLI) replaces the file's value; rules an admin created are
 * added. Everything an admin did not touch comes from the files, so editing a file takes effect
 * at once except for fields overridden in Slack. Rolling back stores a new version whose overlay
 * is an older one's.
 */
import type { z } from 'zod';
import type { ruleSchema } from '../ruleset/schema';

/** A rule as written in a rule file (defaults not filled in). */
export type RuleInput = z.input<typeof ruleSchema>;

/** The fields of a rule an admin may override (all but its id). */
export type RuleOverride = Partial<Omit<RuleInput, 'id'>>;

/** Admins' changes on top of the files. */
export interface RuleOverlay {
  /** Field overrides of rules that exist in the files, by rule id. */
  overrides: Record<string, RuleOverride>;
  /** Rules created by admins (absent from the files). */
  added: RuleInput[];
}

/** The empty overlay: the files as they are. */
export const EMPTY_OVERLAY: RuleOverlay = { overrides: {}, added: [] };

/** Where a version came from. */
export const RULE_VERSION_SOURCES = ['slack', 'cli', 'rollback'] as const;
/** A version's source. */
export type RuleVersionSource = (typeof RULE_VERSION_SOURCES)[number];

/** One stored version of the overlay. */
export interface RuleVersion {
  id: number;
  createdAt: number;
  /** A Slack user id, or `cli:<os user>`. */
  author: string;
  comment: string;
  source: RuleVersionSource;
  overlay: RuleOverlay;
  /** The effective rules before → after, as a unified diff of their YAML (for history views). */
  diff: string;
  /** For a rollback: the version whose overlay was restored. */
  restores?: number;
}

/** A version to store. */
export interface NewRuleVersion {
  /** The version this one was made from (undefined: none yet); a newer one means a conflict. */
  basedOn: number | undefined;
  author: string;
  comment: string;
  source: RuleVersionSource;
  overlay: RuleOverlay;
  diff: string;
  restores?: number;
  at: number;
}
