/**
 * Where rule versions are kept (the SQLite store implements it; any adapter must pass the
 * contract in `test/store/rule-versions.contract.ts`).
 */
import type { Page, PageRequest } from '../moderation/ports';
import type { NewRuleVersion, RuleVersion } from './model';

/** Durable, append-only history of the rules overlay. */
export interface RuleVersionStore {
  /** The id of the latest version, or undefined (cheap: every process polls it). */
  latestRuleVersionId(): Promise<number | undefined>;
  /** The latest version, or undefined when admins never changed anything. */
  latestRuleVersion(): Promise<RuleVersion | undefined>;
  getRuleVersion(id: number): Promise<RuleVersion | undefined>;
  /** Versions, newest first. */
  listRuleVersions(page: PageRequest): Promise<Page<RuleVersion>>;
  /**
   * Appends a version if `basedOn` is still the latest (optimistic concurrency), and an audit
   * entry (`rules-change`, or `rules-rollback` when `restores` is set) in the same transaction.
   * Returns `'conflict'` when another version was saved meanwhile.
   */
  saveRuleVersion(version: NewRuleVersion): Promise<RuleVersion | 'conflict'>;
}
