/**
 * An in-memory RuleVersionStore for tests: append-only, optimistic concurrency on `basedOn`,
 * values copied in and out (as a database would). `beforeSave` lets a test slip in another
 * admin's version just before a save.
 */
import type { Page, PageRequest } from '../../src/moderation/ports';
import type { NewRuleVersion, RuleVersion } from '../../src/rules-admin/model';
import type { RuleVersionStore } from '../../src/rules-admin/ports';

export class FakeRuleVersionStore implements RuleVersionStore {
  readonly versions: RuleVersion[] = [];
  /** Audit actions, in order. */
  readonly audit: string[] = [];
  /** Called at the start of each save (once per hook: it is cleared before running). */
  beforeSave: ((store: FakeRuleVersionStore) => void) | undefined;
  /** Calls of latestRuleVersionId. */
  idPolls = 0;

  async latestRuleVersionId(): Promise<number | undefined> {
    this.idPolls++;
    return this.versions[this.versions.length - 1]?.id;
  }

  async latestRuleVersion(): Promise<RuleVersion | undefined> {
    const latest = this.versions[this.versions.length - 1];
    return latest === undefined ? undefined : structuredClone(latest);
  }

  async getRuleVersion(id: number): Promise<RuleVersion | undefined> {
    const found = this.versions.find((version) => version.id === id);
    return found === undefined ? undefined : structuredClone(found);
  }

  async listRuleVersions(page: PageRequest): Promise<Page<RuleVersion>> {
    const newestFirst = [...this.versions].reverse().filter((version) => page.after === undefined || version.id < page.after);
    const items = newestFirst.slice(0, page.limit).map((version) => structuredClone(version));
    const last = items[items.length - 1];
    return newestFirst.length > page.limit && last !== undefined ? { items, next: last.id } : { items };
  }

  async saveRuleVersion(version: NewRuleVersion): Promise<RuleVersion | 'conflict'> {
    const hook = this.beforeSave;
    this.beforeSave = undefined;
    hook?.(this);
    return this.saveNow(version);
  }

  /** Saves synchronously (what another process would do). */
  saveNow(version: NewRuleVersion): RuleVersion | 'conflict' {
    const latest = this.versions[this.versions.length - 1]?.id;
    if (version.basedOn !== latest) return 'conflict';
    const saved: RuleVersion = {
      id: (latest ?? 0) + 1,
      createdAt: version.at,
      author: version.author,
      comment: version.comment,
      source: version.source,
      overlay: structuredClone(version.overlay),
      diff: version.diff,
      ...(version.restores === undefined ? {} : { restores: version.restores }),
    };
    this.versions.push(saved);
    this.audit.push(version.restores === undefined ? 'rules-change' : 'rules-rollback');
    return structuredClone(saved);
  }
}
