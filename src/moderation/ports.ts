/**
 * The ports the moderation core talks to. The core knows nothing of Slack or SQLite: the Slack
 * app provides a {@link Notifier}, `src/store/` provides a {@link ModerationStore}, and the rule
 * files (later the database) provide a {@link RuleSource}. A PostgreSQL adapter for companies
 * that run several replicas implements the same store contract (`test/store/contract.ts`).
 */
import type { RuleSet } from '../engine/rule';
import type { Category } from '../engine/types';
import type {
  AuditAction,
  AuditEntry,
  Decision,
  Delivery,
  DeliveryReceipt,
  DeliveryStatus,
  Flag,
  FlagStatus,
  NewAuditEntry,
  NewDelivery,
  NewFlag,
} from './model';

/** The message a batch of findings is about, as the store records it. */
export interface RecordedMessage {
  channel: string;
  channelName?: string;
  ts: string;
  threadTs?: string;
  permalink?: string;
  author: string;
}

/** What the store reads, inside the transaction, before the core decides. */
export interface PriorQuery {
  /** Slack's `event_id`: an event already processed is not processed again. */
  eventId: string;
  message: RecordedMessage;
  /** Rules the message breaks now: for which the author's last reminder time is needed. */
  rules: readonly string[];
  /** Reminders for these rules sent after this time (ms) count for the cooldown. */
  cooldownSince: number;
  /** The escalation ladder's window: reminders in these categories since this time are counted. */
  ladder?: { categories: readonly Category[]; since: number };
}

/** A flag already recorded for the message (an earlier version of it, before an edit). */
export interface ExistingFlag {
  id: number;
  rule: string;
  status: FlagStatus;
  excerpt: string;
  nudged: boolean;
  alerted: boolean;
}

/** What the store knew before this message. */
export interface PriorState {
  /** The event was already processed (a retry): nothing is to be done. */
  duplicateEvent: boolean;
  /** Flags already recorded for this message, by rule id. */
  existing: ReadonlyMap<string, ExistingFlag>;
  /** Rules (of {@link PriorQuery.rules}) the author was reminded of since `cooldownSince`. */
  recentlyNudged: ReadonlySet<string>;
  /** Reminders the author got in the ladder's categories since the ladder's `since`. */
  ladderCount: number;
  /** All flags the author had since the ladder's `since` (for alert cards). */
  recentFlags: number;
}

/** What the core decided to write, all in the same transaction. */
export interface MessageOutcome {
  create: NewFlag[];
  /** Existing flags whose excerpt changed (an edit that still breaks the rule). */
  update: Array<{ id: number; excerpt: string }>;
  /** Existing flags the edit no longer breaks: marked `resolved` if still open. */
  resolve: number[];
  deliveries: NewDelivery[];
}

/** What the store did. */
export interface RecordResult {
  duplicateEvent: boolean;
  /** Ids of the flags created, in the order of {@link MessageOutcome.create}. */
  created: number[];
  updated: number;
  resolved: number;
  /** Ids of the deliveries queued. */
  queued: number[];
}

/** Filters for listing flags; every field narrows the list. */
export interface FlagFilter {
  status?: readonly FlagStatus[];
  rule?: string;
  category?: Category;
  channel?: string;
  author?: string;
  /** Raised at or after / before this time (ms since the epoch). */
  since?: number;
  until?: number;
  /** Include flags from `shadow` rules (left out by default: nobody acts on them). */
  includeShadow?: boolean;
  /** Only flags a reminder was sent for (a user's own record). */
  nudgedOnly?: boolean;
  /**
   * Only flags with at least one "this is a mistake" report ({@link FalsePositiveReport}), for
   * the moderators' queue. Not about member reports (rule `member-report`): filter those by rule.
   */
  reportedOnly?: boolean;
}

/** A page of a listing: newest first. Pass `next` back as `after` for the next page. */
export interface Page<T> {
  items: T[];
  next?: number;
}

/** Paging: at most `limit` items, older than the cursor `after` when given. */
export interface PageRequest {
  limit: number;
  after?: number;
}

/** Per-rule counts, for admins to see which rules are noisy. */
export interface RuleStats {
  rule: string;
  flags: number;
  open: number;
  confirmed: number;
  dismissed: number;
  escalated: number;
  resolved: number;
  /** Users' "this is a mistake" reports. */
  reports: number;
  /** dismissed / (confirmed + dismissed), or undefined before any decision. */
  falsePositiveRate?: number;
}

/**
 * Flags of one rule, week by week, for admins to see whether a rule gets noisier.
 *
 * Windows are 7 days of 24 h, counted back from `now`: window `k` (0 = the latest) holds flags
 * with `now - (k + 1) × 7 days < createdAt <= now - k × 7 days`. So a flag raised exactly at
 * `now` is in the latest window, one raised exactly 7 days before `now` is in the previous one,
 * one raised exactly `weeks × 7` days before is outside the period, and flags after `now` are
 * not counted.
 */
export interface RuleTrend {
  rule: string;
  /** Flags raised in each window, oldest first; `weekly.length` is the number of weeks asked. */
  weekly: number[];
}

/** Where the moderators' card about a flag was posted (to update it in place). */
export interface AlertMessageRef {
  /** The `alert` delivery that posted it. */
  deliveryId: number;
  channel: string;
  ts: string;
}

/** A moderator's decision on a flag. */
export interface DecisionInput {
  flagId: number;
  decision: Decision;
  actor: string;
  note?: string;
  at: number;
}

/** What retention removed. */
export interface PurgeResult {
  flags: number;
  deliveries: number;
  reports: number;
  events: number;
  audit: number;
}

/** What erasing one person's data removed. */
export interface EraseResult {
  /** Flags on the person's messages (member reports about them included). */
  flags: number;
  deliveries: number;
  /**
   * "This is a mistake" reports removed: those the person made, and those on their flags.
   * Member reports the person made are NOT counted here: see {@link reportsAsReporter}.
   */
  reports: number;
  acknowledgements: number;
  /**
   * Member reports the person made on others' messages: the flags stay (they are about someone
   * else's message), their reporter id and reason are cleared, and the reason is removed from
   * the payloads of the cards about them. Absent when there were none (read `?? 0`).
   */
  reportsAsReporter?: number;
}

/** A user's "this is a mistake" report on a flag. */
export interface FalsePositiveReport {
  flagId: number;
  reporter: string;
  at: number;
  reason?: string;
}

/**
 * Durable memory of the moderation core. Every method is atomic. Implementations never store
 * message text: only what these types carry.
 */
export interface ModerationStore {
  /**
   * Reads what is known of the message and its author, lets `decide` (pure, synchronous) choose
   * what to write, and writes it: event marked processed, flags, deliveries, in ONE transaction.
   */
  recordMessage(query: PriorQuery, at: number, decide: (prior: PriorState) => MessageOutcome): Promise<RecordResult>;

  /** Deliveries due at `now`, leased for `leaseMs` so no other relay takes them meanwhile. */
  claimDueDeliveries(now: number, limit: number, leaseMs: number): Promise<Delivery[]>;
  /** Marks a delivery sent, with what Slack returned. */
  completeDelivery(id: number, receipt: DeliveryReceipt, at: number): Promise<void>;
  /** Records a transient failure and when to try again. */
  retryDelivery(id: number, error: string, nextAttemptAt: number): Promise<void>;
  /** Gives up on a delivery (permanent error, or too many attempts). */
  failDelivery(id: number, error: string, at: number): Promise<void>;
  /** Deliveries, newest first, optionally by status. */
  listDeliveries(filter: { status?: DeliveryStatus; flagId?: number }, page: PageRequest): Promise<Page<Delivery>>;
  /** When the earliest pending delivery is due, or undefined when none is pending. */
  nextDeliveryDue(): Promise<number | undefined>;

  /** Flags matching the filter, newest first. */
  listFlags(filter: FlagFilter, page: PageRequest): Promise<Page<Flag>>;
  /** One flag, or undefined. */
  getFlag(id: number): Promise<Flag | undefined>;
  /**
   * The flags with these ids, in ascending id order, each once; unknown ids are skipped. Shadow
   * flags included (they are asked for by id).
   */
  flagsByIds(ids: readonly number[]): Promise<Flag[]>;
  /**
   * Where the moderators' card about this flag was posted: the most recently sent `alert`
   * delivery linked to the flag whose receipt has both a channel and a ts. Pending and failed
   * deliveries, nudges, and receipts marked `via: 'digest'` (the alert was folded into a digest
   * card shared with other alerts, which is not this flag's card) are skipped. Undefined when
   * there is none.
   */
  alertMessageOf(flagId: number): Promise<AlertMessageRef | undefined>;
  /** Applies a decision and audits it in the same transaction; undefined when no such flag. */
  decideFlag(input: DecisionInput): Promise<Flag | undefined>;
  /** Adds a moderator's note (audited in the same transaction); undefined when no such flag. */
  addNote(input: { flagId: number; actor: string; note: string; at: number }): Promise<Flag | undefined>;
  /** Per-rule statistics over flags raised since `since` (all when absent). */
  ruleStats(since?: number): Promise<RuleStats[]>;
  /**
   * Flags per rule in each of the last `weeks` 7-day windows ending at `now` (see
   * {@link RuleTrend} for the boundaries), shadow flags included. Rules without a flag in the
   * period are left out; sorted by total flags descending, then rule id.
   *
   * @throws RangeError when `weeks` is not a positive integer, or `now` is not a finite time.
   */
  ruleTrend(weeks: number, now: number): Promise<RuleTrend[]>;

  /** Records a false-positive report; false when this user already reported this flag or no such flag. */
  recordReport(report: FalsePositiveReport): Promise<boolean>;
  /** Reports on a flag. */
  listReports(flagId: number): Promise<FalsePositiveReport[]>;
  /** Records that a user read the charter (its version, e.g. a content hash). */
  acknowledgeCharter(user: string, charterVersion: string, at: number): Promise<void>;
  /** When the user acknowledged this version of the charter, or undefined. */
  acknowledgedAt(user: string, charterVersion: string): Promise<number | undefined>;

  /** Appends to the audit log (append-only: entries are never changed). */
  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Audit entries, newest first. */
  listAudit(filter: { actor?: string; action?: AuditAction; since?: number }, page: PageRequest): Promise<Page<AuditEntry>>;

  /**
   * Retention: removes flags (with their deliveries and reports) raised before `flagsBefore`,
   * processed-event markers older than a day, and audit entries before `auditBefore`.
   */
  purge(flagsBefore: number, auditBefore: number, at: number): Promise<PurgeResult>;
  /**
   * Removes one person's flags, reports and acknowledgements, and clears their identity and words
   * from the member reports they made on others' messages; audited in the same transaction.
   */
  eraseUser(user: string, actor: string, at: number): Promise<EraseResult>;

  /** Releases the database. */
  close(): Promise<void>;
}

/** A delivery failure as the Notifier classifies it. */
export class DeliveryError extends Error {
  constructor(
    /** A short code (`ratelimited`, `user_not_in_channel`, `timeout`, `http_500`…), safe to store. */
    readonly code: string,
    /** `transient`: try again later. `permanent`: retrying cannot help. */
    readonly kind: 'transient' | 'permanent',
    /** For rate limits: how long Slack asked to wait (ms). */
    readonly retryAfterMs?: number,
  ) {
    super(`${kind} delivery error: ${code}`);
    this.name = 'DeliveryError';
  }
}

/**
 * Delivers reminders and alerts. Resolves with what was posted; rejects with a
 * {@link DeliveryError} (any other error counts as transient).
 */
export interface Notifier {
  deliver(delivery: Delivery): Promise<DeliveryReceipt>;
}

/** Gives the rule set currently in force (files today; database versions later). */
export interface RuleSource {
  current(): RuleSet;
}

/** The time, injectable for tests. */
export interface Clock {
  now(): number;
}

/** The system clock. */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };
