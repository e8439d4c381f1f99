/**
 * What moderators do with flags: list and filter them, look at one, decide, add a note, export,
 * and see which rules are noisy. Every read of flags, decision, note and export is audited
 * (the store appends decisions and notes to the audit log in the same transaction; views and
 * exports are appended here).
 *
 * Who may do this is checked by the caller (the Slack layer checks MODERATORS on every action);
 * the actor is recorded as given.
 */
import type { AuditEntry, Decision, Delivery, FalsePositiveReportView, Flag } from './model';
import type { Clock, FlagFilter, ModerationStore, Page, PageRequest, RuleStats } from './ports';
import { SYSTEM_CLOCK } from './ports';

/** A flag with what happened to its deliveries and who reported it as a mistake. */
export interface FlagDetails {
  flag: Flag;
  deliveries: Delivery[];
  reports: FalsePositiveReportView[];
}

/** The longest page a listing returns. */
export const MAX_PAGE = 200;

/** Moderator use cases over the store. */
export class ModerationReview {
  private readonly clock: Clock;

  constructor(
    private readonly store: ModerationStore,
    clock?: Clock,
  ) {
    this.clock = clock ?? SYSTEM_CLOCK;
  }

  /** A page of flags, newest first; the view is audited with its filter. */
  async listFlags(actor: string, filter: FlagFilter, page: PageRequest): Promise<Page<Flag>> {
    const bounded = { ...page, limit: Math.min(Math.max(1, page.limit), MAX_PAGE) };
    const result = await this.store.listFlags(filter, bounded);
    await this.store.appendAudit({
      actor,
      action: 'view',
      target: 'flags',
      detail: { filter: describeFilter(filter), count: result.items.length },
      at: this.clock.now(),
    });
    return result;
  }

  /** One flag with its deliveries and reports; audited. Undefined when there is no such flag. */
  async showFlag(actor: string, flagId: number): Promise<FlagDetails | undefined> {
    const flag = await this.store.getFlag(flagId);
    if (flag === undefined) return undefined;
    const deliveries = await this.store.listDeliveries({ flagId }, { limit: 50 });
    const reports = await this.store.listReports(flagId);
    await this.store.appendAudit({ actor, action: 'view', target: `flag:${flagId}`, at: this.clock.now() });
    return {
      flag,
      deliveries: deliveries.items,
      reports: reports.map((r) => ({ reporter: r.reporter, at: r.at, ...(r.reason !== undefined ? { reason: r.reason } : {}) })),
    };
  }

  /** Dismisses (false positive), confirms or escalates a flag; audited by the store. */
  decide(actor: string, flagId: number, decision: Decision, note?: string): Promise<Flag | undefined> {
    return this.store.decideFlag({ flagId, decision, actor, at: this.clock.now(), ...(note !== undefined ? { note } : {}) });
  }

  /** Adds a note to a flag; audited by the store. */
  addNote(actor: string, flagId: number, note: string): Promise<Flag | undefined> {
    return this.store.addNote({ flagId, actor, note, at: this.clock.now() });
  }

  /**
   * Every flag matching the filter (all pages), for an export; the export is audited with its
   * filter, format and count.
   */
  async exportFlags(actor: string, filter: FlagFilter, format: string): Promise<Flag[]> {
    const flags: Flag[] = [];
    let after: number | undefined;
    do {
      const page = await this.store.listFlags(filter, { limit: MAX_PAGE, ...(after !== undefined ? { after } : {}) });
      flags.push(...page.items);
      after = page.next;
    } while (after !== undefined);
    await this.store.appendAudit({
      actor,
      action: 'export',
      target: 'flags',
      detail: { filter: describeFilter(filter), format, count: flags.length },
      at: this.clock.now(),
    });
    return flags;
  }

  /** Per-rule statistics since a time (all time when absent). */
  ruleStats(since?: number): Promise<RuleStats[]> {
    return this.store.ruleStats(since);
  }

  /** The audit log, newest first; reading it is itself audited. */
  async auditLog(actor: string, filter: Parameters<ModerationStore['listAudit']>[0], page: PageRequest): Promise<Page<AuditEntry>> {
    const result = await this.store.listAudit(filter, page);
    await this.store.appendAudit({ actor, action: 'view', target: 'audit', at: this.clock.now() });
    return result;
  }
}

/** The filter as recorded in the audit log: only the fields that were set. */
export function describeFilter(filter: FlagFilter): Record<string, unknown> {
  const described: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) described[key] = value;
  }
  return described;
}
