/**
 * The moderation core's memory in one SQLite file, and the history of the admins' edits to the
 * rules (rule versions, migration 3). Every method runs in one transaction
 * (`BEGIN IMMEDIATE` when it writes, so concurrent writers queue on `busy_timeout` instead of
 * failing mid-way). better-sqlite3 is synchronous; the methods return promises to honour the port,
 * which an asynchronous adapter (PostgreSQL) implements too.
 */
import type { Database, Statement } from 'better-sqlite3';
import type {
  AuditAction,
  AuditEntry,
  Delivery,
  DeliveryReceipt,
  DeliveryStatus,
  Flag,
  NewAuditEntry,
  NewDelivery,
  NewFlag,
} from '../../moderation/model';
import type {
  AlertMessageRef,
  Clock,
  DecisionInput,
  EraseResult,
  ExistingFlag,
  FalsePositiveReport,
  FlagFilter,
  MessageOutcome,
  ModerationStore,
  Page,
  PageRequest,
  PriorQuery,
  PriorState,
  PurgeResult,
  RecordResult,
  RuleStats,
  RuleTrend,
} from '../../moderation/ports';
import { SYSTEM_CLOCK } from '../../moderation/ports';
import { EMPTY_OVERLAY } from '../../rules-admin/model';
import type { NewRuleVersion, RuleOverlay, RuleVersion } from '../../rules-admin/model';
import type { RuleVersionStore } from '../../rules-admin/ports';
import { openDatabase } from './open-database';
import type { OpenDatabaseOptions } from './open-database';
import { auditListing, checkedLimit, deliveryListing, flagListing, ruleVersionListing } from './queries';
import type { Listing } from './queries';
import { changedRules } from './rule-changes';
import {
  toAuditEntry,
  toDelivery,
  toExistingFlag,
  toFlag,
  toReport,
  toRuleStats,
  toRuleTrends,
  toRuleVersion,
} from './rows';
import type { AuditRow, DeliveryRow, FlagRow, RuleVersionRow } from './rows';
import { prepareStatements } from './statements';
import type { Statements } from './statements';

/** Options of the store. */
export interface SqliteStoreOptions {
  /** The time of audit entries appended without one. Default: the system clock. */
  clock?: Clock;
}

/** How long a processed event id is remembered: Slack retries within minutes. */
const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

/** A trend's window: 7 days of 24 h. */
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const STATUS_OF_DECISION = { dismiss: 'dismissed', confirm: 'confirmed', escalate: 'escalated' } as const;

/** The message's flags by rule: existing ones, then those created. */
type FlagIdsByRule = Map<string, number>;

/** The core's decision function. */
type Decide = (prior: PriorState) => MessageOutcome;

/** A moderator's note. */
type NoteInput = { flagId: number; actor: string; note: string; at: number };

/** A function run in an immediate transaction. */
type Immediate<A extends unknown[], R> = (...args: A) => R;

/** The store's write transactions, wrapped once. */
interface Transactions {
  record: Immediate<[PriorQuery, number, Decide], RecordResult>;
  claim: Immediate<[number, number, number], Delivery[]>;
  decide: Immediate<[DecisionInput], Flag | undefined>;
  note: Immediate<[NoteInput], Flag | undefined>;
  report: Immediate<[FalsePositiveReport], boolean>;
  purge: Immediate<[number, number, number], PurgeResult>;
  erase: Immediate<[string, string, number], EraseResult>;
  saveRuleVersion: Immediate<[NewRuleVersion], RuleVersion | 'conflict'>;
}

/** {@link ModerationStore} and {@link RuleVersionStore} over a better-sqlite3 connection. */
export class SqliteModerationStore implements ModerationStore, RuleVersionStore {
  private readonly statements: Statements;
  private readonly listings = new Map<string, Statement<[Record<string, unknown>], unknown>>();
  private readonly clock: Clock;
  private readonly tx: Transactions;

  /**
   * @param db an open, migrated database (see {@link openDatabase}); the store closes it on
   *   {@link close}.
   */
  constructor(
    private readonly db: Database,
    options: SqliteStoreOptions = {},
  ) {
    this.statements = prepareStatements(db);
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.tx = {
      record: this.immediate((query: PriorQuery, at: number, decide: Decide) => this.recordRows(query, at, decide)),
      claim: this.immediate((now: number, limit: number, leaseMs: number) => this.claimRows(now, limit, leaseMs)),
      decide: this.immediate((input: DecisionInput) => this.decideRows(input)),
      note: this.immediate((input: NoteInput) => this.noteRows(input)),
      report: this.immediate((report: FalsePositiveReport) => this.reportRows(report)),
      purge: this.immediate((flags: number, audit: number, at: number) => this.purgeRows(flags, audit, at)),
      erase: this.immediate((user: string, actor: string, at: number) => this.eraseRows(user, actor, at)),
      saveRuleVersion: this.immediate((version: NewRuleVersion) => this.saveRuleVersionRows(version)),
    };
  }

  /** Wraps `fn` in a `BEGIN IMMEDIATE` transaction: it takes the write lock before reading. */
  private immediate<A extends unknown[], R>(fn: (...args: A) => R): Immediate<A, R> {
    const transaction = this.db.transaction(fn);
    return (...args: A) => transaction.immediate(...args);
  }

  /** Opens (creating and migrating) the database at `path` and returns a store over it. */
  static open(path: string, options: OpenDatabaseOptions & SqliteStoreOptions = {}): SqliteModerationStore {
    return new SqliteModerationStore(openDatabase(path, options), options);
  }

  async recordMessage(query: PriorQuery, at: number, decide: Decide): Promise<RecordResult> {
    return this.tx.record(query, at, decide);
  }

  async claimDueDeliveries(now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    return this.tx.claim(now, checkedLimit(limit), leaseMs);
  }

  async completeDelivery(id: number, receipt: DeliveryReceipt, at: number): Promise<void> {
    this.statements.complete.run({ id, receipt: JSON.stringify(receipt), at });
  }

  async retryDelivery(id: number, error: string, nextAttemptAt: number): Promise<void> {
    this.statements.retry.run({ id, error, next: nextAttemptAt });
  }

  async failDelivery(id: number, error: string, at: number): Promise<void> {
    this.statements.fail.run({ id, error, at });
  }

  async listDeliveries(
    filter: { status?: DeliveryStatus; flagId?: number },
    page: PageRequest,
  ): Promise<Page<Delivery>> {
    return this.list(deliveryListing(filter, page), page, (row: DeliveryRow) => toDelivery(row));
  }

  async nextDeliveryDue(): Promise<number | undefined> {
    return this.statements.nextDue.get()?.due ?? undefined;
  }

  async listFlags(filter: FlagFilter, page: PageRequest): Promise<Page<Flag>> {
    return this.list(flagListing(filter, page), page, (row: FlagRow) => toFlag(row));
  }

  async getFlag(id: number): Promise<Flag | undefined> {
    return this.readFlag(id);
  }

  async flagsByIds(ids: readonly number[]): Promise<Flag[]> {
    if (ids.length === 0) return [];
    return this.statements.flagsByIds.all({ ids: JSON.stringify(ids) }).map(toFlag);
  }

  async alertMessageOf(flagId: number): Promise<AlertMessageRef | undefined> {
    const row = this.statements.alertMessageOf.get(flagId);
    return row === undefined ? undefined : { deliveryId: row.deliveryId, channel: row.channel, ts: row.ts };
  }

  async decideFlag(input: DecisionInput): Promise<Flag | undefined> {
    return this.tx.decide(input);
  }

  async addNote(input: NoteInput): Promise<Flag | undefined> {
    return this.tx.note(input);
  }

  async ruleStats(since?: number): Promise<RuleStats[]> {
    return this.statements.ruleStats.all({ since: since ?? null }).map(toRuleStats);
  }

  async ruleTrend(weeks: number, now: number): Promise<RuleTrend[]> {
    if (!Number.isInteger(weeks) || weeks < 1) {
      throw new RangeError(`weeks must be a positive integer, got ${weeks}`);
    }
    if (!Number.isFinite(now)) throw new RangeError(`now must be a finite time, got ${now}`);
    const rows = this.statements.ruleTrend.all({ now, week: WEEK_MS, from: now - weeks * WEEK_MS });
    return toRuleTrends(rows, weeks);
  }

  async recordReport(report: FalsePositiveReport): Promise<boolean> {
    return this.tx.report(report);
  }

  async listReports(flagId: number): Promise<FalsePositiveReport[]> {
    return this.statements.listReports.all(flagId).map(toReport);
  }

  async acknowledgeCharter(user: string, charterVersion: string, at: number): Promise<void> {
    this.statements.acknowledge.run({ user, version: charterVersion, at });
  }

  async acknowledgedAt(user: string, charterVersion: string): Promise<number | undefined> {
    return this.statements.acknowledgedAt.get({ user, version: charterVersion })?.at;
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    this.audit(entry.at ?? this.clock.now(), entry.actor, entry.action, entry.target, entry.detail);
  }

  async listAudit(
    filter: { actor?: string; action?: AuditAction; since?: number },
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    return this.list(auditListing(filter, page), page, (row: AuditRow) => toAuditEntry(row));
  }

  async purge(flagsBefore: number, auditBefore: number, at: number): Promise<PurgeResult> {
    return this.tx.purge(flagsBefore, auditBefore, at);
  }

  async eraseUser(user: string, actor: string, at: number): Promise<EraseResult> {
    return this.tx.erase(user, actor, at);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ── RuleVersionStore ─────────────────────────────────────────────────────────────────────────

  async latestRuleVersionId(): Promise<number | undefined> {
    return this.statements.latestRuleVersionId.get()?.id ?? undefined;
  }

  async latestRuleVersion(): Promise<RuleVersion | undefined> {
    const row = this.statements.latestRuleVersion.get();
    return row === undefined ? undefined : toRuleVersion(row);
  }

  async getRuleVersion(id: number): Promise<RuleVersion | undefined> {
    const row = this.statements.getRuleVersion.get(id);
    return row === undefined ? undefined : toRuleVersion(row);
  }

  async listRuleVersions(page: PageRequest): Promise<Page<RuleVersion>> {
    return this.list(ruleVersionListing(page), page, (row: RuleVersionRow) => toRuleVersion(row));
  }

  /**
   * Appends the version and its audit entry when `basedOn` is still the latest, else returns
   * `'conflict'` and writes nothing. The check and the writes share one `BEGIN IMMEDIATE`
   * transaction: of two processes saving on the same version, the second waits for the first's
   * commit, then sees the new latest id and gets `'conflict'`.
   *
   * The overlay is stored as JSON without validation (the core validates it); what is returned
   * is the stored row, parsed back, as {@link getRuleVersion} will return it.
   *
   * @throws RangeError when `restores` names no stored version (nothing is written).
   */
  async saveRuleVersion(version: NewRuleVersion): Promise<RuleVersion | 'conflict'> {
    return this.tx.saveRuleVersion(version);
  }

  // ── recordMessage ────────────────────────────────────────────────────────────────────────────

  private recordRows(query: PriorQuery, at: number, decide: Decide): RecordResult {
    const s = this.statements;
    if (s.eventSeen.get(query.eventId)!.n > 0) {
      return { duplicateEvent: true, created: [], updated: 0, resolved: 0, queued: [] };
    }
    s.markEvent.run({ eventId: query.eventId, at });
    const existing = this.existingFlags(query);
    const outcome = decide(this.priorState(query, existing));
    const byRule: FlagIdsByRule = new Map([...existing].map(([rule, flag]) => [rule, flag.id]));
    const created = outcome.create.map((flag) => this.createFlag(query, flag, at, byRule));
    return {
      duplicateEvent: false,
      created,
      updated: this.updateFlags(query, outcome.update, at),
      resolved: this.resolveFlags(query, outcome.resolve, at),
      queued: outcome.deliveries.map((delivery) => this.queueDelivery(delivery, at, byRule)),
    };
  }

  private existingFlags(query: PriorQuery): Map<string, ExistingFlag> {
    const rows = this.statements.existingFlags.all({ channel: query.message.channel, ts: query.message.ts });
    return new Map(rows.map((row) => [row.rule, toExistingFlag(row)]));
  }

  private priorState(query: PriorQuery, existing: ReadonlyMap<string, ExistingFlag>): PriorState {
    const s = this.statements;
    const author = query.message.author;
    const nudged = s.recentlyNudged.all({ author, since: query.cooldownSince, rules: JSON.stringify(query.rules) });
    const ladder = query.ladder;
    const ladderCount =
      ladder === undefined
        ? 0
        : s.ladderCount.get({ author, since: ladder.since, categories: JSON.stringify(ladder.categories) })!.n;
    const historySince = ladder?.since ?? query.cooldownSince;
    return {
      duplicateEvent: false,
      existing,
      recentlyNudged: new Set(nudged.map((row) => row.rule)),
      ladderCount,
      recentFlags: s.recentFlags.get({ author, since: historySince })!.n,
    };
  }

  private createFlag(query: PriorQuery, flag: NewFlag, at: number, byRule: FlagIdsByRule): number {
    const message = query.message;
    const row = this.statements.upsertFlag.get({
      rule: flag.rule,
      category: flag.category,
      severity: flag.severity,
      action: flag.action,
      article: flag.article,
      channel: message.channel,
      channelName: message.channelName ?? null,
      author: message.author,
      messageTs: message.ts,
      threadTs: message.threadTs ?? null,
      permalink: message.permalink ?? null,
      excerpt: flag.excerpt,
      nudged: flag.nudged ? 1 : 0,
      alerted: flag.alerted ? 1 : 0,
      alertReason: flag.alertReason ?? null,
      reportedBy: flag.reportedBy ?? null,
      reportReason: flag.reportReason ?? null,
      at,
    })!;
    byRule.set(flag.rule, row.id);
    return row.id;
  }

  private updateFlags(query: PriorQuery, updates: MessageOutcome['update'], at: number): number {
    const { channel, ts } = query.message;
    return updates.reduce(
      (count, { id, excerpt }) => count + this.statements.updateExcerpt.run({ id, channel, ts, excerpt, at }).changes,
      0,
    );
  }

  private resolveFlags(query: PriorQuery, ids: readonly number[], at: number): number {
    const { channel, ts } = query.message;
    return ids.reduce((count, id) => count + this.statements.resolveFlag.run({ id, channel, ts, at }).changes, 0);
  }

  private queueDelivery(delivery: NewDelivery, at: number, byRule: FlagIdsByRule): number {
    const flagIds = delivery.rules.map((rule) => {
      const id = byRule.get(rule);
      if (id === undefined) {
        throw new Error(`a ${delivery.kind} delivery names rule ${rule}, which has no flag on this message`);
      }
      return id;
    });
    const { lastInsertRowid } = this.statements.insertDelivery.run({
      kind: delivery.kind,
      subject: delivery.payload.user,
      payload: JSON.stringify(delivery.payload),
      at,
    });
    const deliveryId = Number(lastInsertRowid);
    for (const flagId of flagIds) this.statements.linkDelivery.run({ deliveryId, flagId });
    return deliveryId;
  }

  // ── outbox ───────────────────────────────────────────────────────────────────────────────────

  private claimRows(now: number, limit: number, leaseMs: number): Delivery[] {
    const rows = this.statements.dueDeliveries.all({ now, limit });
    for (const row of rows) this.statements.lease.run({ id: row.id, until: now + leaseMs });
    return rows.map(toDelivery);
  }

  // ── review ───────────────────────────────────────────────────────────────────────────────────

  private readFlag(id: number): Flag | undefined {
    const row = this.statements.getFlag.get(id);
    return row === undefined ? undefined : toFlag(row);
  }

  private decideRows(input: DecisionInput): Flag | undefined {
    const before = this.readFlag(input.flagId);
    if (before === undefined) return undefined;
    this.statements.decide.run({
      id: input.flagId,
      status: STATUS_OF_DECISION[input.decision],
      actor: input.actor,
      note: input.note ?? null,
      at: input.at,
    });
    this.audit(input.at, input.actor, 'decide', `flag:${input.flagId}`, {
      decision: input.decision,
      from: before.status,
    });
    return this.readFlag(input.flagId);
  }

  private noteRows(input: NoteInput): Flag | undefined {
    const { changes } = this.statements.note.run({ id: input.flagId, note: input.note, at: input.at });
    if (changes === 0) return undefined;
    // The note's length, never its text: the audit log holds ids and counts only.
    this.audit(input.at, input.actor, 'note', `flag:${input.flagId}`, { length: input.note.length });
    return this.readFlag(input.flagId);
  }

  private reportRows(report: FalsePositiveReport): boolean {
    if (this.statements.flagExists.get(report.flagId)!.n === 0) return false;
    const { changes } = this.statements.insertReport.run({
      flagId: report.flagId,
      reporter: report.reporter,
      at: report.at,
      reason: report.reason ?? null,
    });
    return changes === 1;
  }

  // ── retention and erasure ────────────────────────────────────────────────────────────────────

  private purgeRows(flagsBefore: number, auditBefore: number, at: number): PurgeResult {
    const s = this.statements;
    const flagsCut = { before: flagsBefore };
    // Order matters: reports and deliveries are found through the flags they are about.
    const reports = s.purgeReports.run(flagsCut).changes;
    const deliveries = s.purgeDeliveries.run(flagsCut).changes;
    const flags = s.purgeFlags.run(flagsCut).changes;
    const events = s.purgeEvents.run({ before: at - EVENT_MEMORY_MS }).changes;
    s.openAuditPurge.run({ before: auditBefore });
    const audit = s.purgeAudit.run({ before: auditBefore }).changes;
    s.closeAuditPurge.run();
    const result: PurgeResult = { flags, deliveries, reports, events, audit };
    this.audit(at, 'system', 'purge', 'retention', { ...result });
    return result;
  }

  private eraseRows(user: string, actor: string, at: number): EraseResult {
    const s = this.statements;
    const who = { user };
    const reports = s.eraseReports.run(who).changes;
    const deliveries = s.eraseDeliveries.run(who).changes;
    // Member reports they made on others' messages: the flags stay, without who reported or why.
    s.eraseReporterFromPayloads.run(who);
    const reportsAsReporter = s.eraseReporter.run(who).changes;
    const flags = s.eraseFlags.run(who).changes;
    const acknowledgements = s.eraseAcknowledgements.run(who).changes;
    const result: EraseResult = { flags, deliveries, reports, acknowledgements };
    if (reportsAsReporter > 0) result.reportsAsReporter = reportsAsReporter;
    this.audit(at, actor, 'erase', `user:${user}`, { ...result });
    return result;
  }

  // ── rule versions ────────────────────────────────────────────────────────────────────────────

  private saveRuleVersionRows(version: NewRuleVersion): RuleVersion | 'conflict' {
    const s = this.statements;
    const latest = s.latestRuleVersion.get();
    if (latest?.id !== version.basedOn) return 'conflict';
    if (version.restores !== undefined && s.getRuleVersion.get(version.restores) === undefined) {
      throw new RangeError(`rule version ${version.restores} does not exist: it cannot be restored`);
    }
    const row = s.insertRuleVersion.get({
      at: version.at,
      author: version.author,
      comment: version.comment,
      source: version.source,
      overlay: JSON.stringify(version.overlay),
      diff: version.diff,
      restores: version.restores ?? null,
    })!;
    const saved = toRuleVersion(row);
    const previous: RuleOverlay = latest === undefined ? EMPTY_OVERLAY : (JSON.parse(latest.overlay) as RuleOverlay);
    // Ids only: the comment (the admin's own words) stays in the version row, not in the audit log.
    const detail: Record<string, unknown> = { version: saved.id, rules: changedRules(previous, saved.overlay) };
    if (saved.restores !== undefined) detail['restores'] = saved.restores;
    const action = saved.restores !== undefined ? 'rules-rollback' : 'rules-change';
    this.audit(version.at, version.author, action, `rules:v${saved.id}`, detail);
    return saved;
  }

  // ── shared ───────────────────────────────────────────────────────────────────────────────────

  private audit(at: number, actor: string, action: AuditAction, target: string, detail?: Record<string, unknown>): void {
    this.statements.appendAudit.run({
      at,
      actor,
      action,
      target,
      detail: detail === undefined ? null : JSON.stringify(detail),
    });
  }

  /** A page of a listing: one row more than the page was read, to know whether another follows. */
  private list<R, T extends { id: number }>(listing: Listing, page: PageRequest, convert: (row: R) => T): Page<T> {
    const rows = this.listingStatement(listing.sql).all(listing.params) as R[];
    const items = rows.slice(0, page.limit).map(convert);
    const last = items[items.length - 1];
    return rows.length > page.limit && last !== undefined ? { items, next: last.id } : { items };
  }

  private listingStatement(sql: string): Statement<[Record<string, unknown>], unknown> {
    let statement = this.listings.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<[Record<string, unknown>]>(sql);
      this.listings.set(sql, statement);
    }
    return statement;
  }

}
