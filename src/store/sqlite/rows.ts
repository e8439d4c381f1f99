/**
 * Rows as SQLite returns them, and their conversion to the model's types. Values were written by
 * this adapter, so the enumerations are trusted as they come back.
 */
import type { Action, Category, Severity } from '../../engine/types';
import type {
  AlertReason,
  AuditAction,
  AuditEntry,
  Delivery,
  DeliveryKind,
  DeliveryPayload,
  DeliveryReceipt,
  DeliveryStatus,
  Flag,
  FlagStatus,
} from '../../moderation/model';
import type { ExistingFlag, FalsePositiveReport, RuleStats, RuleTrend } from '../../moderation/ports';
import type { RuleOverlay, RuleVersion, RuleVersionSource } from '../../rules-admin/model';

/** A `flags` row with its report count. */
export interface FlagRow {
  id: number;
  rule: string;
  category: string;
  severity: string;
  action: string;
  article: string;
  channel: string;
  channel_name: string | null;
  author: string;
  message_ts: string;
  thread_ts: string | null;
  permalink: string | null;
  excerpt: string;
  status: string;
  nudged: number;
  alerted: number;
  alert_reason: string | null;
  created_at: number;
  updated_at: number;
  handled_by: string | null;
  handled_at: number | null;
  note: string | null;
  /** Migration 2: member reports. */
  reported_by: string | null;
  report_reason: string | null;
  reports: number;
}

/** The columns of a flag `recordMessage` shows the core. */
export type ExistingFlagRow = Pick<FlagRow, 'id' | 'rule' | 'status' | 'excerpt' | 'nudged' | 'alerted'>;

/** An `outbox` row with its flag ids as a JSON array. */
export interface DeliveryRow {
  id: number;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  receipt: string | null;
  created_at: number;
  sent_at: number | null;
  flag_ids: string;
}

/** An `audit_log` row. */
export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string | null;
}

/** A `reports` row. */
export interface ReportRow {
  flag_id: number;
  reporter: string;
  at: number;
  reason: string | null;
}

/** One rule's flags in one window of a trend (`back` windows before the latest). */
export interface RuleTrendRow {
  rule: string;
  back: number;
  n: number;
}

/** Where an alert was posted, read from its receipt. */
export interface AlertMessageRow {
  deliveryId: number;
  channel: string;
  ts: string;
}

/** A `rule_versions` row (migration 3): the overlay as JSON. */
export interface RuleVersionRow {
  id: number;
  created_at: number;
  author: string;
  comment: string;
  source: string;
  overlay: string;
  diff: string;
  restores: number | null;
}

/** One rule's aggregated counts. */
export interface RuleStatsRow {
  rule: string;
  flags: number;
  open: number;
  confirmed: number;
  dismissed: number;
  escalated: number;
  resolved: number;
  reports: number;
}

/** The model's flag. */
export function toFlag(row: FlagRow): Flag {
  const flag: Flag = {
    id: row.id,
    rule: row.rule,
    category: row.category as Category,
    severity: row.severity as Severity,
    action: row.action as Action,
    article: row.article,
    channel: row.channel,
    author: row.author,
    messageTs: row.message_ts,
    excerpt: row.excerpt,
    status: row.status as FlagStatus,
    nudged: row.nudged === 1,
    alerted: row.alerted === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reports: row.reports,
  };
  if (row.channel_name !== null) flag.channelName = row.channel_name;
  if (row.thread_ts !== null) flag.threadTs = row.thread_ts;
  if (row.permalink !== null) flag.permalink = row.permalink;
  if (row.alert_reason !== null) flag.alertReason = row.alert_reason as AlertReason;
  if (row.reported_by !== null) flag.reportedBy = row.reported_by;
  if (row.report_reason !== null) flag.reportReason = row.report_reason;
  if (row.handled_by !== null) flag.handledBy = row.handled_by;
  if (row.handled_at !== null) flag.handledAt = row.handled_at;
  if (row.note !== null) flag.note = row.note;
  return flag;
}

/** What the core sees of a flag already recorded for a message. */
export function toExistingFlag(row: ExistingFlagRow): ExistingFlag {
  return {
    id: row.id,
    rule: row.rule,
    status: row.status as FlagStatus,
    excerpt: row.excerpt,
    nudged: row.nudged === 1,
    alerted: row.alerted === 1,
  };
}

/** The model's delivery. */
export function toDelivery(row: DeliveryRow): Delivery {
  const flagIds = (JSON.parse(row.flag_ids) as number[]).sort((a, b) => a - b);
  const delivery: Delivery = {
    id: row.id,
    kind: row.kind as DeliveryKind,
    flagIds,
    payload: JSON.parse(row.payload) as DeliveryPayload,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
  if (row.last_error !== null) delivery.lastError = row.last_error;
  if (row.receipt !== null) delivery.receipt = JSON.parse(row.receipt) as DeliveryReceipt;
  if (row.sent_at !== null) delivery.sentAt = row.sent_at;
  return delivery;
}

/** The model's audit entry. */
export function toAuditEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    target: row.target,
  };
  if (row.detail !== null) entry.detail = JSON.parse(row.detail) as Record<string, unknown>;
  return entry;
}

/** The port's report. */
export function toReport(row: ReportRow): FalsePositiveReport {
  const report: FalsePositiveReport = { flagId: row.flag_id, reporter: row.reporter, at: row.at };
  if (row.reason !== null) report.reason = row.reason;
  return report;
}

/**
 * The port's trends from per-window counts: one array of `weeks` counts per rule, oldest window
 * first, rules by total descending then by id.
 */
export function toRuleTrends(rows: readonly RuleTrendRow[], weeks: number): RuleTrend[] {
  const byRule = new Map<string, number[]>();
  for (const row of rows) {
    const index = weeks - 1 - row.back;
    if (index < 0 || index >= weeks) continue;
    let weekly = byRule.get(row.rule);
    if (weekly === undefined) {
      weekly = new Array<number>(weeks).fill(0);
      byRule.set(row.rule, weekly);
    }
    weekly[index] = (weekly[index] ?? 0) + row.n;
  }
  const total = (weekly: readonly number[]): number => weekly.reduce((sum, n) => sum + n, 0);
  return [...byRule]
    .map(([rule, weekly]) => ({ rule, weekly, total: total(weekly) }))
    .filter((trend) => trend.total > 0)
    .sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    .map(({ rule, weekly }) => ({ rule, weekly }));
}

/** The port's rule statistics, with the false-positive rate once a decision was taken. */
export function toRuleStats(row: RuleStatsRow): RuleStats {
  const stats: RuleStats = { ...row };
  const decided = row.confirmed + row.dismissed;
  if (decided > 0) stats.falsePositiveRate = row.dismissed / decided;
  return stats;
}

/** The model's rule version, its overlay parsed (not validated: the core validates overlays). */
export function toRuleVersion(row: RuleVersionRow): RuleVersion {
  const version: RuleVersion = {
    id: row.id,
    createdAt: row.created_at,
    author: row.author,
    comment: row.comment,
    source: row.source as RuleVersionSource,
    overlay: JSON.parse(row.overlay) as RuleOverlay,
    diff: row.diff,
  };
  if (row.restores !== null) version.restores = row.restores;
  return version;
}
