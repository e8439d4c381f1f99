/**
 * The store's fixed statements, prepared once per connection. Listings whose WHERE clause depends
 * on the filter are built in `queries.ts` and cached by shape.
 */
import type { Database, Statement } from 'better-sqlite3';
import type {
  AlertMessageRow,
  DeliveryRow,
  ExistingFlagRow,
  FlagRow,
  ReportRow,
  RuleStatsRow,
  RuleTrendRow,
  RuleVersionRow,
} from './rows';

/** A flag with its report count, as every flag read selects it. */
export const FLAG_SELECT = `
SELECT f.*, (SELECT COUNT(*) FROM reports r WHERE r.flag_id = f.id) AS reports
FROM flags f`;

/** A delivery with its flag ids, as every delivery read selects it. */
export const DELIVERY_SELECT = `
SELECT o.id, o.kind, o.payload, o.status, o.attempts, o.next_attempt_at, o.last_error, o.receipt,
       o.created_at, o.sent_at,
       (SELECT json_group_array(l.flag_id) FROM outbox_flags l WHERE l.delivery_id = o.id) AS flag_ids
FROM outbox o`;

/** Flags removed by retention: raised before `@before`. */
const PURGED_FLAGS = 'SELECT id FROM flags WHERE created_at < @before';
/** Flags removed by erasure: written by `@user`. */
const ERASED_FLAGS = 'SELECT id FROM flags WHERE author = @user';
/** Member reports `@user` made on others' messages: kept, without the reporter's id and words. */
const REPORTED_BY_USER = 'SELECT id FROM flags WHERE reported_by = @user AND author <> @user';

/**
 * The latest rule version's id, polled by every process: `MAX` of the rowid is read from the end
 * of the table's b-tree, without a scan (exported for the test that checks the plan).
 */
export const LATEST_RULE_VERSION_ID = 'SELECT MAX(id) AS id FROM rule_versions';

/** Columns of a new rule version, bound by name. */
export interface RuleVersionInsert {
  at: number;
  author: string;
  comment: string;
  source: string;
  overlay: string;
  diff: string;
  restores: number | null;
}

/** Columns of a new flag, bound by name. */
export interface FlagInsert {
  rule: string;
  category: string;
  severity: string;
  action: string;
  article: string;
  channel: string;
  channelName: string | null;
  author: string;
  messageTs: string;
  threadTs: string | null;
  permalink: string | null;
  excerpt: string;
  nudged: number;
  alerted: number;
  alertReason: string | null;
  reportedBy: string | null;
  reportReason: string | null;
  at: number;
}

type Count = { n: number };

/** Every fixed statement of the store. */
export interface Statements {
  eventSeen: Statement<[string], Count>;
  markEvent: Statement<[{ eventId: string; at: number }]>;
  existingFlags: Statement<[{ channel: string; ts: string }], ExistingFlagRow>;
  recentlyNudged: Statement<[{ author: string; since: number; rules: string }], { rule: string }>;
  ladderCount: Statement<[{ author: string; since: number; categories: string }], Count>;
  recentFlags: Statement<[{ author: string; since: number }], Count>;
  upsertFlag: Statement<[FlagInsert], { id: number }>;
  updateExcerpt: Statement<[{ id: number; channel: string; ts: string; excerpt: string; at: number }]>;
  resolveFlag: Statement<[{ id: number; channel: string; ts: string; at: number }]>;
  insertDelivery: Statement<[{ kind: string; subject: string; payload: string; at: number }]>;
  linkDelivery: Statement<[{ deliveryId: number; flagId: number }]>;

  dueDeliveries: Statement<[{ now: number; limit: number }], DeliveryRow>;
  lease: Statement<[{ id: number; until: number }]>;
  complete: Statement<[{ id: number; receipt: string; at: number }]>;
  retry: Statement<[{ id: number; error: string; next: number }]>;
  fail: Statement<[{ id: number; error: string; at: number }]>;
  nextDue: Statement<[], { due: number | null }>;

  getFlag: Statement<[number], FlagRow>;
  flagsByIds: Statement<[{ ids: string }], FlagRow>;
  alertMessageOf: Statement<[number], AlertMessageRow>;
  decide: Statement<[{ id: number; status: string; actor: string; note: string | null; at: number }]>;
  note: Statement<[{ id: number; note: string; at: number }]>;
  ruleStats: Statement<[{ since: number | null }], RuleStatsRow>;
  ruleTrend: Statement<[{ now: number; week: number; from: number }], RuleTrendRow>;

  flagExists: Statement<[number], Count>;
  insertReport: Statement<[{ flagId: number; reporter: string; at: number; reason: string | null }]>;
  listReports: Statement<[number], ReportRow>;
  acknowledge: Statement<[{ user: string; version: string; at: number }]>;
  acknowledgedAt: Statement<[{ user: string; version: string }], { at: number }>;

  appendAudit: Statement<[{ at: number; actor: string; action: string; target: string; detail: string | null }]>;

  purgeReports: Statement<[{ before: number }]>;
  purgeDeliveries: Statement<[{ before: number }]>;
  purgeFlags: Statement<[{ before: number }]>;
  purgeEvents: Statement<[{ before: number }]>;
  openAuditPurge: Statement<[{ before: number }]>;
  purgeAudit: Statement<[{ before: number }]>;
  closeAuditPurge: Statement<[]>;

  eraseReports: Statement<[{ user: string }]>;
  eraseDeliveries: Statement<[{ user: string }]>;
  eraseReporterFromPayloads: Statement<[{ user: string }]>;
  eraseReporter: Statement<[{ user: string }]>;
  eraseFlags: Statement<[{ user: string }]>;
  eraseAcknowledgements: Statement<[{ user: string }]>;

  latestRuleVersionId: Statement<[], { id: number | null }>;
  latestRuleVersion: Statement<[], RuleVersionRow>;
  getRuleVersion: Statement<[number], RuleVersionRow>;
  insertRuleVersion: Statement<[RuleVersionInsert], RuleVersionRow>;
}

/** Prepares every fixed statement on `db`. */
export function prepareStatements(db: Database): Statements {
  return {
    ...recordStatements(db),
    ...outboxStatements(db),
    ...reviewStatements(db),
    ...peopleStatements(db),
    ...retentionStatements(db),
    ...ruleVersionStatements(db),
  };
}

type Part<K extends keyof Statements> = Pick<Statements, K>;

function recordStatements(
  db: Database,
): Part<
  | 'eventSeen'
  | 'markEvent'
  | 'existingFlags'
  | 'recentlyNudged'
  | 'ladderCount'
  | 'recentFlags'
  | 'upsertFlag'
  | 'updateExcerpt'
  | 'resolveFlag'
  | 'insertDelivery'
  | 'linkDelivery'
> {
  return {
    eventSeen: db.prepare('SELECT COUNT(*) AS n FROM processed_events WHERE event_id = ?'),
    markEvent: db.prepare('INSERT INTO processed_events (event_id, processed_at) VALUES (@eventId, @at)'),
    existingFlags: db.prepare(
      `SELECT id, rule, status, excerpt, nudged, alerted FROM flags
       WHERE channel = @channel AND message_ts = @ts ORDER BY id`,
    ),
    recentlyNudged: db.prepare(
      `SELECT DISTINCT rule FROM flags
       WHERE author = @author AND nudged = 1 AND created_at >= @since
         AND rule IN (SELECT value FROM json_each(@rules))`,
    ),
    // Reminded flags, as the core counts them (one per rule, not one per message).
    ladderCount: db.prepare(
      `SELECT COUNT(*) AS n FROM flags
       WHERE author = @author AND nudged = 1 AND created_at >= @since
         AND category IN (SELECT value FROM json_each(@categories))`,
    ),
    recentFlags: db.prepare(
      `SELECT COUNT(*) AS n FROM flags
       WHERE author = @author AND created_at >= @since AND action <> 'shadow'`,
    ),
    // A rule already flagged for this message is updated, never duplicated: its excerpt and time
    // change, a reminder or alert is remembered, and a flag the author had fixed is open again.
    upsertFlag: db.prepare(
      `INSERT INTO flags (rule, category, severity, action, article, channel, channel_name, author,
                          message_ts, thread_ts, permalink, excerpt, status, nudged, alerted,
                          alert_reason, reported_by, report_reason, created_at, updated_at)
       VALUES (@rule, @category, @severity, @action, @article, @channel, @channelName, @author,
               @messageTs, @threadTs, @permalink, @excerpt, 'open', @nudged, @alerted,
               @alertReason, @reportedBy, @reportReason, @at, @at)
       ON CONFLICT (channel, message_ts, rule) DO UPDATE SET
         excerpt = excluded.excerpt,
         nudged = MAX(nudged, excluded.nudged),
         alerted = MAX(alerted, excluded.alerted),
         alert_reason = COALESCE(alert_reason, excluded.alert_reason),
         -- The first reporter stays, with their own words (a reason never changes hands).
         reported_by = COALESCE(reported_by, excluded.reported_by),
         report_reason = CASE WHEN reported_by IS NULL THEN excluded.report_reason ELSE report_reason END,
         status = CASE status WHEN 'resolved' THEN 'open' ELSE status END,
         updated_at = excluded.updated_at
       RETURNING id`,
    ),
    // An edit that breaks the rule again: a flag the author had fixed (resolved) is open again.
    updateExcerpt: db.prepare(
      `UPDATE flags SET excerpt = @excerpt, updated_at = @at,
                        status = CASE status WHEN 'resolved' THEN 'open' ELSE status END
       WHERE id = @id AND channel = @channel AND message_ts = @ts`,
    ),
    resolveFlag: db.prepare(
      `UPDATE flags SET status = 'resolved', updated_at = @at
       WHERE id = @id AND channel = @channel AND message_ts = @ts AND status = 'open'`,
    ),
    insertDelivery: db.prepare(
      `INSERT INTO outbox (kind, subject, payload, status, attempts, next_attempt_at, created_at)
       VALUES (@kind, @subject, @payload, 'pending', 0, @at, @at)`,
    ),
    linkDelivery: db.prepare(
      'INSERT OR IGNORE INTO outbox_flags (delivery_id, flag_id) VALUES (@deliveryId, @flagId)',
    ),
  };
}

function outboxStatements(db: Database): Part<'dueDeliveries' | 'lease' | 'complete' | 'retry' | 'fail' | 'nextDue'> {
  return {
    dueDeliveries: db.prepare(
      `${DELIVERY_SELECT}
       WHERE o.status = 'pending' AND o.next_attempt_at <= @now
         AND (o.lease_until IS NULL OR o.lease_until <= @now)
       ORDER BY o.next_attempt_at, o.id LIMIT @limit`,
    ),
    lease: db.prepare('UPDATE outbox SET lease_until = @until WHERE id = @id'),
    complete: db.prepare(
      `UPDATE outbox SET status = 'sent', receipt = @receipt, sent_at = @at,
                         attempts = attempts + 1, lease_until = NULL
       WHERE id = @id AND status = 'pending'`,
    ),
    retry: db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next,
                         lease_until = NULL
       WHERE id = @id AND status = 'pending'`,
    ),
    fail: db.prepare(
      `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error,
                         failed_at = @at, lease_until = NULL
       WHERE id = @id AND status = 'pending'`,
    ),
    nextDue: db.prepare(
      `SELECT MIN(MAX(next_attempt_at, COALESCE(lease_until, next_attempt_at))) AS due
       FROM outbox WHERE status = 'pending'`,
    ),
  };
}

function reviewStatements(
  db: Database,
): Part<'getFlag' | 'flagsByIds' | 'alertMessageOf' | 'decide' | 'note' | 'ruleStats' | 'ruleTrend'> {
  return {
    getFlag: db.prepare(`${FLAG_SELECT} WHERE f.id = ?`),
    flagsByIds: db.prepare(`${FLAG_SELECT} WHERE f.id IN (SELECT value FROM json_each(@ids)) ORDER BY f.id`),
    // The card moderators see: a digest receipt (via 'digest') is shared by many alerts, not this one's.
    alertMessageOf: db.prepare(
      `SELECT o.id AS deliveryId, json_extract(o.receipt, '$.channel') AS channel,
              json_extract(o.receipt, '$.ts') AS ts
       FROM outbox_flags l JOIN outbox o ON o.id = l.delivery_id
       WHERE l.flag_id = ? AND o.kind = 'alert' AND o.status = 'sent'
         AND json_type(o.receipt, '$.channel') = 'text' AND json_extract(o.receipt, '$.channel') <> ''
         AND json_type(o.receipt, '$.ts') = 'text' AND json_extract(o.receipt, '$.ts') <> ''
         AND json_extract(o.receipt, '$.via') IS NOT 'digest'
       ORDER BY o.sent_at DESC, o.id DESC
       LIMIT 1`,
    ),
    decide: db.prepare(
      `UPDATE flags SET status = @status, handled_by = @actor, handled_at = @at,
                        note = COALESCE(@note, note), updated_at = @at
       WHERE id = @id`,
    ),
    note: db.prepare('UPDATE flags SET note = @note, updated_at = @at WHERE id = @id'),
    ruleStats: db.prepare(
      `SELECT f.rule AS rule, COUNT(*) AS flags,
              SUM(f.status = 'open') AS open, SUM(f.status = 'confirmed') AS confirmed,
              SUM(f.status = 'dismissed') AS dismissed, SUM(f.status = 'escalated') AS escalated,
              SUM(f.status = 'resolved') AS resolved,
              SUM((SELECT COUNT(*) FROM reports r WHERE r.flag_id = f.id)) AS reports
       FROM flags f
       WHERE @since IS NULL OR f.created_at >= @since
       GROUP BY f.rule
       ORDER BY flags DESC, rule ASC`,
    ),
    // `back`: whole weeks between the flag and @now (0 = the latest window). Exact: times are
    // integers below 2^53, and a multiple of the week divided by the week is exactly an integer.
    ruleTrend: db.prepare(
      `SELECT rule, CAST((@now - created_at) / @week AS INTEGER) AS back, COUNT(*) AS n
       FROM flags
       WHERE created_at <= @now AND created_at > @from
       GROUP BY rule, back`,
    ),
  };
}

function peopleStatements(
  db: Database,
): Part<
  'flagExists' | 'insertReport' | 'listReports' | 'acknowledge' | 'acknowledgedAt' | 'appendAudit'
> {
  return {
    flagExists: db.prepare('SELECT COUNT(*) AS n FROM flags WHERE id = ?'),
    insertReport: db.prepare(
      `INSERT INTO reports (flag_id, reporter, at, reason) VALUES (@flagId, @reporter, @at, @reason)
       ON CONFLICT (flag_id, reporter) DO NOTHING`,
    ),
    listReports: db.prepare('SELECT * FROM reports WHERE flag_id = ? ORDER BY at, reporter'),
    acknowledge: db.prepare(
      `INSERT INTO acknowledgements (user, charter_version, at) VALUES (@user, @version, @at)
       ON CONFLICT (user, charter_version) DO NOTHING`,
    ),
    acknowledgedAt: db.prepare('SELECT at FROM acknowledgements WHERE user = @user AND charter_version = @version'),
    appendAudit: db.prepare(
      'INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)',
    ),
  };
}

function retentionStatements(
  db: Database,
): Part<
  | 'purgeReports'
  | 'purgeDeliveries'
  | 'purgeFlags'
  | 'purgeEvents'
  | 'openAuditPurge'
  | 'purgeAudit'
  | 'closeAuditPurge'
  | 'eraseReports'
  | 'eraseDeliveries'
  | 'eraseReporterFromPayloads'
  | 'eraseReporter'
  | 'eraseFlags'
  | 'eraseAcknowledgements'
> {
  return {
    purgeReports: db.prepare(`DELETE FROM reports WHERE flag_id IN (${PURGED_FLAGS})`),
    // Deliveries about a removed flag (their payload quotes its excerpt), and old ones about none.
    purgeDeliveries: db.prepare(
      `DELETE FROM outbox
       WHERE id IN (SELECT delivery_id FROM outbox_flags WHERE flag_id IN (${PURGED_FLAGS}))
          OR (created_at < @before AND NOT EXISTS (SELECT 1 FROM outbox_flags l WHERE l.delivery_id = outbox.id))`,
    ),
    purgeFlags: db.prepare('DELETE FROM flags WHERE created_at < @before'),
    purgeEvents: db.prepare('DELETE FROM processed_events WHERE processed_at < @before'),
    // See migration 1: the audit log's DELETE trigger only lets through rows before this cut-off.
    openAuditPurge: db.prepare('UPDATE audit_retention SET purge_before = @before WHERE id = 1'),
    purgeAudit: db.prepare('DELETE FROM audit_log WHERE at < @before'),
    closeAuditPurge: db.prepare('UPDATE audit_retention SET purge_before = 0 WHERE id = 1'),
    eraseReports: db.prepare(`DELETE FROM reports WHERE reporter = @user OR flag_id IN (${ERASED_FLAGS})`),
    eraseDeliveries: db.prepare(
      `DELETE FROM outbox
       WHERE subject = @user
          OR id IN (SELECT delivery_id FROM outbox_flags WHERE flag_id IN (${ERASED_FLAGS}))`,
    ),
    // The reporter's words may be on the cards about their member reports: removed from the
    // payloads (queued or sent) that still carry them. Before eraseReporter, which forgets who it was.
    eraseReporterFromPayloads: db.prepare(
      `UPDATE outbox SET payload = json_remove(payload, '$.reportReason', '$.reportedBy')
       WHERE id IN (SELECT delivery_id FROM outbox_flags WHERE flag_id IN (${REPORTED_BY_USER}))
         AND (json_type(payload, '$.reportReason') IS NOT NULL OR json_type(payload, '$.reportedBy') IS NOT NULL)`,
    ),
    eraseReporter: db.prepare(
      `UPDATE flags SET reported_by = NULL, report_reason = NULL WHERE id IN (${REPORTED_BY_USER})`,
    ),
    eraseFlags: db.prepare('DELETE FROM flags WHERE author = @user'),
    eraseAcknowledgements: db.prepare('DELETE FROM acknowledgements WHERE user = @user'),
  };
}

function ruleVersionStatements(
  db: Database,
): Part<'latestRuleVersionId' | 'latestRuleVersion' | 'getRuleVersion' | 'insertRuleVersion'> {
  return {
    latestRuleVersionId: db.prepare(LATEST_RULE_VERSION_ID),
    latestRuleVersion: db.prepare('SELECT * FROM rule_versions ORDER BY id DESC LIMIT 1'),
    getRuleVersion: db.prepare('SELECT * FROM rule_versions WHERE id = ?'),
    insertRuleVersion: db.prepare(
      `INSERT INTO rule_versions (created_at, author, comment, source, overlay, diff, restores)
       VALUES (@at, @author, @comment, @source, @overlay, @diff, @restores)
       RETURNING *`,
    ),
  };
}
