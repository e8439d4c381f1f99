/**
 * The SQLite schema as explicit, numbered migrations. A migration is never edited once released:
 * a change is a new migration. Applied migrations are recorded in `schema_migrations`
 * (version, name, applied_at), and `PRAGMA user_version` mirrors the latest version so that
 * `sqlite3 db 'pragma user_version'` tells an operator where a file stands.
 */
import type { Database } from 'better-sqlite3';

/** One step of the schema. */
export interface Migration {
  /** 1, 2, 3…: applied in this order, each exactly once. */
  readonly version: number;
  /** A short name, recorded with the version. */
  readonly name: string;
  /** The statements, run in one transaction with the version's record. */
  readonly sql: string;
  /**
   * The migration rebuilds a table other tables reference (SQLite cannot change a CHECK
   * constraint in place). Foreign keys are then turned off around its transaction, as SQLite's
   * procedure for such changes requires (dropping the old table would otherwise cascade to the
   * rows referencing it, and the pragma has no effect inside a transaction), checked with
   * `PRAGMA foreign_key_check` before commit, and turned back on.
   */
  readonly rebuildsTables?: boolean;
}

/** A migration applied by {@link migrate}. */
export interface AppliedMigration {
  version: number;
  name: string;
}

/** The database was written by a newer charter-bot: this code does not know its schema. */
export class SchemaTooNewError extends Error {
  constructor(
    /** The database file (`:memory:` for an in-memory database). */
    readonly path: string,
    /** The schema version found in the file. */
    readonly found: number,
    /** The latest version this code knows. */
    readonly supported: number,
  ) {
    super(
      `Database ${path} has schema version ${found}, but this charter-bot only knows versions up to ` +
        `${supported}: upgrade charter-bot, or point it at another database file.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Migration 1: flags, outbox, processed events, reports, acknowledgements, audit log.
 *
 * Times are INTEGER milliseconds since the epoch; booleans are INTEGER 0/1. No column holds
 * message text: flags keep the engine's masked excerpt, the outbox the masked payload.
 *
 * The audit log is append-only, enforced by triggers:
 * - UPDATE on `audit_log` always aborts;
 * - DELETE aborts unless the row's `at` is before `audit_retention.purge_before`. That one-row
 *   table holds 0 (so every DELETE aborts); the retention purge raises it to its cut-off, deletes,
 *   and sets it back to 0, all in one transaction, so no other statement ever sees it raised.
 *   `audit_retention` itself cannot lose or gain its row.
 * This stops accidental or ad-hoc edits (a stray `DELETE FROM audit_log`, a buggy query); it is
 * not a defence against someone with write access to the file, who can drop the triggers.
 */
const initialSchema = `
CREATE TABLE flags (
  id            INTEGER PRIMARY KEY,
  rule          TEXT    NOT NULL,
  category      TEXT    NOT NULL,
  severity      TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  article       TEXT    NOT NULL,
  channel       TEXT    NOT NULL,
  channel_name  TEXT,
  author        TEXT    NOT NULL,
  message_ts    TEXT    NOT NULL,
  thread_ts     TEXT,
  permalink     TEXT,
  excerpt       TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'dismissed', 'confirmed', 'escalated', 'resolved')),
  nudged        INTEGER NOT NULL DEFAULT 0 CHECK (nudged IN (0, 1)),
  alerted       INTEGER NOT NULL DEFAULT 0 CHECK (alerted IN (0, 1)),
  alert_reason  TEXT    CHECK (alert_reason IN ('rule', 'ladder')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  handled_by    TEXT,
  handled_at    INTEGER,
  note          TEXT,
  UNIQUE (channel, message_ts, rule)
);
-- Few indexes on purpose: each one is another page written by every flagged message (measured:
-- 16 pages per message with one index per filter, 10 without the status, category, created_at,
-- outbox subject/created and processed_at ones, and worst-case throughput from ~5,000 to ~9,000
-- messages/s). Moderators' listings scan newest first by id and stop at the page size; rare
-- operations (erase, purge) scan.
CREATE INDEX flags_rule       ON flags (rule);
-- Channel filters use the UNIQUE (channel, message_ts, rule) index: a separate index on channel
-- alone made the planner scan a whole channel's flags to find one message's.
CREATE INDEX flags_author     ON flags (author, created_at);
-- Cooldown (author, rule, since) and ladder (author, category, since): only reminded flags count.
CREATE INDEX flags_cooldown ON flags (author, rule, created_at) WHERE nudged = 1;
CREATE INDEX flags_ladder   ON flags (author, category, created_at) WHERE nudged = 1;

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL CHECK (kind IN ('nudge', 'alert')),
  -- The person the delivery is about (payload.user), so erasing a user finds every delivery.
  subject         TEXT    NOT NULL,
  payload         TEXT    NOT NULL CHECK (json_valid(payload)),
  status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,
  last_error      TEXT,
  receipt         TEXT    CHECK (receipt IS NULL OR json_valid(receipt)),
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  failed_at       INTEGER
);
CREATE INDEX outbox_due     ON outbox (next_attempt_at) WHERE status = 'pending';

-- Which flags a delivery is about.
CREATE TABLE outbox_flags (
  delivery_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  flag_id     INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
  PRIMARY KEY (delivery_id, flag_id)
) WITHOUT ROWID;
CREATE INDEX outbox_flags_flag ON outbox_flags (flag_id);

CREATE TABLE processed_events (
  event_id     TEXT    PRIMARY KEY,
  processed_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE reports (
  flag_id  INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
  reporter TEXT    NOT NULL,
  at       INTEGER NOT NULL,
  reason   TEXT,
  PRIMARY KEY (flag_id, reporter)
) WITHOUT ROWID;
CREATE INDEX reports_reporter ON reports (reporter);

CREATE TABLE acknowledgements (
  user            TEXT    NOT NULL,
  charter_version TEXT    NOT NULL,
  at              INTEGER NOT NULL,
  PRIMARY KEY (user, charter_version)
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  actor  TEXT    NOT NULL,
  action TEXT    NOT NULL,
  target TEXT    NOT NULL,
  detail TEXT    CHECK (detail IS NULL OR json_valid(detail))
);
CREATE INDEX audit_log_at     ON audit_log (at);
CREATE INDEX audit_log_actor  ON audit_log (actor);
CREATE INDEX audit_log_action ON audit_log (action);

CREATE TABLE audit_retention (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  purge_before INTEGER NOT NULL
);
INSERT INTO audit_retention (id, purge_before) VALUES (1, 0);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN old.at >= (SELECT purge_before FROM audit_retention WHERE id = 1)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: only the retention purge removes old entries');
END;
CREATE TRIGGER audit_retention_no_delete BEFORE DELETE ON audit_retention
BEGIN
  SELECT RAISE(ABORT, 'audit_retention keeps its one row');
END;
`;

/**
 * Migration 2: member reports ("report to moderators"). A flag can now be raised by a member
 * (rule `member-report`): it keeps the reporter's id and words (`reported_by`, `report_reason`),
 * and `alert_reason` accepts `report`.
 *
 * SQLite cannot change the CHECK on `alert_reason`, so `flags` is rebuilt by the documented
 * procedure (new table, copy, drop, rename, indexes again), with foreign keys off around the
 * transaction so that dropping the old table does not cascade to `reports` and `outbox_flags`
 * (see {@link Migration.rebuildsTables}); ids are kept, so those rows still point at their flags.
 * Existing flags get NULL in the new columns. The indexes are migration 1's, plus a partial
 * index on `reported_by` for erasure: it only holds member reports, so other flags cost no
 * extra page write.
 */
const memberReports = `
CREATE TABLE flags_v2 (
  id            INTEGER PRIMARY KEY,
  rule          TEXT    NOT NULL,
  category      TEXT    NOT NULL,
  severity      TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  article       TEXT    NOT NULL,
  channel       TEXT    NOT NULL,
  channel_name  TEXT,
  author        TEXT    NOT NULL,
  message_ts    TEXT    NOT NULL,
  thread_ts     TEXT,
  permalink     TEXT,
  excerpt       TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'dismissed', 'confirmed', 'escalated', 'resolved')),
  nudged        INTEGER NOT NULL DEFAULT 0 CHECK (nudged IN (0, 1)),
  alerted       INTEGER NOT NULL DEFAULT 0 CHECK (alerted IN (0, 1)),
  alert_reason  TEXT    CHECK (alert_reason IN ('rule', 'ladder', 'report')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  handled_by    TEXT,
  handled_at    INTEGER,
  note          TEXT,
  -- Member reports: who reported (a Slack user id) and their words (at most 500 characters).
  reported_by   TEXT,
  report_reason TEXT,
  UNIQUE (channel, message_ts, rule)
);
INSERT INTO flags_v2 (id, rule, category, severity, action, article, channel, channel_name, author,
                      message_ts, thread_ts, permalink, excerpt, status, nudged, alerted,
                      alert_reason, created_at, updated_at, handled_by, handled_at, note)
SELECT id, rule, category, severity, action, article, channel, channel_name, author,
       message_ts, thread_ts, permalink, excerpt, status, nudged, alerted,
       alert_reason, created_at, updated_at, handled_by, handled_at, note
FROM flags;
DROP TABLE flags;
ALTER TABLE flags_v2 RENAME TO flags;
CREATE INDEX flags_rule     ON flags (rule);
CREATE INDEX flags_author   ON flags (author, created_at);
CREATE INDEX flags_cooldown ON flags (author, rule, created_at) WHERE nudged = 1;
CREATE INDEX flags_ladder   ON flags (author, category, created_at) WHERE nudged = 1;
CREATE INDEX flags_reported_by ON flags (reported_by) WHERE reported_by IS NOT NULL;
`;

/**
 * Migration 3: rule versions, the admins' edits to the rules (see `src/rules-admin/model.ts`).
 * Each row is one version of the overlay applied on top of the rule files: who made it, when,
 * from where (`source`), their comment, the overlay as JSON, the diff of the effective rules
 * shown in history views, and for a rollback the version whose overlay it restores.
 *
 * Rule history is a record, so `rule_versions` is append-only, enforced by triggers like the
 * audit log's: UPDATE and DELETE always abort, and so does an INSERT reusing an existing id
 * (`REPLACE INTO` would otherwise swap a version, since the row it replaces is deleted without
 * firing the DELETE trigger). Unlike the audit log there is no retention
 * purge (the latest version IS the rules in force, and a rollback may name any older one), and
 * erasing a person does not touch it (an admin's edits are kept, as their audit entries are).
 * As for the audit log, this stops accidental or ad-hoc edits, not someone who can drop the
 * triggers.
 *
 * Ids are INTEGER PRIMARY KEY (the rowid): never reused, since no row is ever deleted, and the
 * latest id (`MAX(id)`, polled by every process) is read from the end of the table's b-tree.
 *
 * The audit log needs no change for the new actions (`rules-change`, `rules-rollback`,
 * `rules-export`): migration 1 put no CHECK on `audit_log.action`.
 */
const ruleVersions = `
CREATE TABLE rule_versions (
  id         INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  -- A Slack user id, or cli:<os user>.
  author     TEXT    NOT NULL,
  comment    TEXT    NOT NULL,
  source     TEXT    NOT NULL CHECK (source IN ('slack', 'cli', 'rollback')),
  overlay    TEXT    NOT NULL CHECK (json_valid(overlay)),
  diff       TEXT    NOT NULL,
  restores   INTEGER REFERENCES rule_versions (id)
);

CREATE TRIGGER rule_versions_no_update BEFORE UPDATE ON rule_versions
BEGIN
  SELECT RAISE(ABORT, 'rule_versions is append-only: versions cannot be changed');
END;
CREATE TRIGGER rule_versions_no_delete BEFORE DELETE ON rule_versions
BEGIN
  SELECT RAISE(ABORT, 'rule_versions is append-only: versions cannot be removed');
END;
-- REPLACE (INSERT OR REPLACE) deletes the row it conflicts with WITHOUT firing delete triggers
-- (unless recursive_triggers is on): an insert reusing an id is refused before it gets there.
CREATE TRIGGER rule_versions_no_replace BEFORE INSERT ON rule_versions
WHEN EXISTS (SELECT 1 FROM rule_versions WHERE id = new.id)
BEGIN
  SELECT RAISE(ABORT, 'rule_versions is append-only: a version id cannot be reused');
END;
`;

/**
 * Migration 4: `REPLACE INTO` (and `INSERT OR REPLACE`) deletes the row it conflicts with
 * without firing DELETE triggers, so it could overwrite an audit entry, or raise the purge
 * cut-off of `audit_retention` for good and let any DELETE through. Inserts that reuse an
 * audit entry's id are refused, and `audit_retention` takes no insert at all after its first
 * row (the purge changes it with UPDATE, inside its own transaction).
 */
const auditNoReplace = `
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = new.id)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: an entry id cannot be reused');
END;
CREATE TRIGGER audit_retention_no_insert BEFORE INSERT ON audit_retention
BEGIN
  SELECT RAISE(ABORT, 'audit_retention keeps its one row');
END;
`;

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'member reports', sql: memberReports, rebuildsTables: true },
  { version: 3, name: 'rule versions', sql: ruleVersions },
  { version: 4, name: 'audit log closed to REPLACE', sql: auditNoReplace },
];

/** The schema version this code writes: the last migration's. */
export const latestSchemaVersion: number = migrations[migrations.length - 1]?.version ?? 0;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  applied_at INTEGER NOT NULL
)`;

/** The highest schema version recorded in the database (0 for a new one). */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return 0;
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

/**
 * Applies the pending migrations, each in its own (immediate) transaction with its record, and
 * returns those it applied (none when the database is up to date). Safe when two processes open
 * the same file at once: each migration is re-checked inside its transaction.
 *
 * @param now when to record as `applied_at` (ms since the epoch).
 * @param upTo the last version to apply (default: the latest). Tests use it to make a database
 *   as an older charter-bot left it.
 * @throws {@link SchemaTooNewError} when the database's schema is newer than this code's.
 * @throws Error when a migration that rebuilds tables is asked for inside an open transaction
 *   (foreign keys cannot be turned off there), or leaves a foreign key broken.
 */
export function migrate(db: Database, now: () => number = Date.now, upTo: number = latestSchemaVersion): AppliedMigration[] {
  const found = schemaVersion(db);
  if (found > latestSchemaVersion) {
    throw new SchemaTooNewError(db.name, found, latestSchemaVersion);
  }
  db.exec(CREATE_MIGRATIONS_TABLE);
  const isApplied = db.prepare<[number], { version: number }>('SELECT version FROM schema_migrations WHERE version = ?');
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const apply = db.transaction((migration: Migration): boolean => {
    if (isApplied.get(migration.version) !== undefined) return false;
    db.exec(migration.sql);
    if (migration.rebuildsTables === true) checkForeignKeys(db, migration);
    record.run(migration.version, migration.name, now());
    db.pragma(`user_version = ${migration.version}`);
    return true;
  });
  const applied: AppliedMigration[] = [];
  for (const migration of migrations) {
    if (migration.version <= found || migration.version > upTo) continue;
    const run = (): boolean => apply.immediate(migration);
    if (migration.rebuildsTables === true ? withoutForeignKeys(db, migration, run) : run()) {
      applied.push({ version: migration.version, name: migration.name });
    }
  }
  return applied;
}

/** Runs `fn` with foreign keys off (when they were on), and turns them back on after. */
function withoutForeignKeys<T>(db: Database, migration: Migration, fn: () => T): T {
  const wasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  if (!wasOn) return fn();
  db.pragma('foreign_keys = OFF');
  try {
    // The pragma is a no-op inside a transaction: rebuilding then would delete referencing rows.
    if (db.pragma('foreign_keys', { simple: true }) !== 0) {
      throw new Error(
        `migration ${migration.version} (${migration.name}) rebuilds tables and needs foreign keys off: ` +
          'run migrate outside any transaction',
      );
    }
    return fn();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Aborts the migration's transaction when it left a row pointing at nothing. */
function checkForeignKeys(db: Database, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) {
    throw new Error(
      `migration ${migration.version} (${migration.name}) would break ${broken.length} foreign key reference(s): not applied`,
    );
  }
}
