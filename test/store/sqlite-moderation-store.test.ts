import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import {
  DatabaseOpenError,
  latestSchemaVersion,
  migrate,
  migrations,
  openDatabase,
  schemaVersion,
  SchemaTooNewError,
  SqliteModerationStore,
} from '../../src/store';
import type { NewRuleVersion, RuleVersion } from '../../src/rules-admin/model';
import { openDatabaseWithMigrations } from '../../src/store/sqlite/open-database';
import { LATEST_RULE_VERSION_ID } from '../../src/store/sqlite/statements';
import { describeModerationStoreContract } from './contract';
import { describeRuleVersionStoreContract } from './rule-versions.contract';

const T0 = 1_732_790_400_000;
const DAY = 24 * 3_600_000;

/** Temporary directories made by this file, removed after each test. */
const directories: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-store-'));
  directories.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of directories.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeModerationStoreContract('SQLite (temporary file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-contract-'));
  const store = SqliteModerationStore.open(path.join(dir, 'charter.db'));
  return {
    store,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeRuleVersionStoreContract('SQLite (temporary file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-contract-'));
  const store = SqliteModerationStore.open(path.join(dir, 'charter.db'));
  return {
    store,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('openDatabase', () => {
  it('creates the parent directories and sets WAL, synchronous NORMAL, foreign keys and the busy timeout', () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'charter.db');
    const db = openDatabase(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('takes another busy timeout', () => {
    const db = openDatabase(path.join(tempDir(), 'charter.db'), { busyTimeoutMs: 250 });
    try {
      expect(db.pragma('busy_timeout', { simple: true })).toBe(250);
    } finally {
      db.close();
    }
  });

  it('opens an in-memory database', () => {
    const db = openDatabase(':memory:');
    try {
      expect(db.memory).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      db.close();
    }
  });

  it('names the path when it is a directory', () => {
    const dir = tempDir();
    const open = (): unknown => openDatabase(dir);
    expect(open).toThrow(DatabaseOpenError);
    expect(open).toThrow(dir);
    try {
      open();
    } catch (error) {
      expect((error as DatabaseOpenError).path).toBe(dir);
      expect((error as DatabaseOpenError).name).toBe('DatabaseOpenError');
    }
  });

  it('names the path when its directory cannot be created', () => {
    const blocker = path.join(tempDir(), 'not-a-directory');
    fs.writeFileSync(blocker, 'plain file');
    const file = path.join(blocker, 'charter.db');
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(`Cannot open the database ${file}`);
  });

  it('names the path when the file is not a database', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'This is not an SQLite database, just some text that is long enough. '.repeat(20));
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(file);
  });

  it('refuses a bad busy timeout', () => {
    expect(() => openDatabase(':memory:', { busyTimeoutMs: -1 })).toThrow(RangeError);
  });
});

describe('migrations', () => {
  it('records each migration with its name and time, and sets user_version', () => {
    const file = path.join(tempDir(), 'charter.db');
    const { db, applied } = openDatabaseWithMigrations(file);
    try {
      expect(applied).toEqual([
        { version: 1, name: 'initial schema' },
        { version: 2, name: 'member reports' },
        { version: 3, name: 'rule versions' },
        { version: 4, name: 'audit log closed to REPLACE' },
      ]);
      expect(latestSchemaVersion).toBe(4);
      const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as Array<{
        version: number;
        name: string;
        applied_at: number;
      }>;
      expect(rows.map((row) => [row.version, row.name])).toEqual([
        [1, 'initial schema'],
        [2, 'member reports'],
        [3, 'rule versions'],
        [4, 'audit log closed to REPLACE'],
      ]);
      expect(rows[0]!.applied_at).toBeGreaterThan(T0);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('applies nothing the second time', () => {
    const file = path.join(tempDir(), 'charter.db');
    openDatabase(file).close();
    const { db, applied } = openDatabaseWithMigrations(file);
    try {
      expect(applied).toEqual([]);
      expect(migrate(db)).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: latestSchemaVersion });
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer charter-bot, leaving it untouched', () => {
    const file = path.join(tempDir(), 'charter.db');
    const db = openDatabase(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      latestSchemaVersion + 1,
      'from the future',
      T0,
    );
    db.close();

    const open = (): unknown => openDatabase(file);
    expect(open).toThrow(SchemaTooNewError);
    expect(open).toThrow(
      `Database ${file} has schema version ${latestSchemaVersion + 1}, but this charter-bot only knows versions up to ${latestSchemaVersion}`,
    );
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: latestSchemaVersion + 1 });
    } finally {
      raw.close();
    }
  });
});

/** A database as charter-bot left it before migration 2 (version 1), with rows in every flag-related table. */
function versionOneDatabase(file: string): { flag: number; shadow: number; delivery: number } {
  const db = openDatabase(file, { migrate: false });
  try {
    expect(migrate(db, () => T0, 1)).toEqual([{ version: 1, name: 'initial schema' }]);
    expect(schemaVersion(db)).toBe(1);
    const columns = db.prepare("SELECT name FROM pragma_table_info('flags')").pluck().all();
    expect(columns).not.toContain('reported_by');
    const insertFlag = db.prepare(
      `INSERT INTO flags (rule, category, severity, action, article, channel, channel_name, author, message_ts,
                          thread_ts, permalink, excerpt, status, nudged, alerted, alert_reason, created_at, updated_at,
                          handled_by, handled_at, note)
       VALUES (@rule, @category, 'high', @action, 'courtesy-language', 'C0123ABCD', 'projet-atlas', 'U0456EFGH', @ts,
               NULL, NULL, '« i••• »', @status, @nudged, @alerted, @reason, @at, @at, @by, @handled, @note)`,
    );
    const flag = Number(
      insertFlag.run({
        rule: 'insult', category: 'insult', action: 'nudge+flag', ts: '1732790400.000100', status: 'confirmed',
        nudged: 1, alerted: 1, reason: 'ladder', at: T0, by: 'U0MOD4242', handled: T0 + 1, note: 'vu',
      }).lastInsertRowid,
    );
    const shadow = Number(
      insertFlag.run({
        rule: 'profanity-mild', category: 'profanity', action: 'shadow', ts: '1732790401.000100', status: 'open',
        nudged: 0, alerted: 0, reason: null, at: T0 + 2, by: null, handled: null, note: null,
      }).lastInsertRowid,
    );
    const delivery = Number(
      db.prepare(
        `INSERT INTO outbox (kind, subject, payload, status, attempts, next_attempt_at, receipt, created_at, sent_at)
         VALUES ('alert', 'U0456EFGH', json('{"user":"U0456EFGH","channel":"C0123ABCD","messageTs":"1732790400.000100","lang":"fr","findings":[]}'),
                 'sent', 1, ?, json('{"channel":"C0MODS001","ts":"1732790401.000200","via":"channel"}'), ?, ?)`,
      ).run(T0, T0, T0 + 3).lastInsertRowid,
    );
    db.prepare('INSERT INTO outbox_flags (delivery_id, flag_id) VALUES (?, ?)').run(delivery, flag);
    db.prepare('INSERT INTO reports (flag_id, reporter, at, reason) VALUES (?, ?, ?, ?)').run(flag, 'U0789IJKL', T0 + 4, 'citation');
    db.prepare('INSERT INTO processed_events (event_id, processed_at) VALUES (?, ?)').run('Ev0OLD00001', T0);
    expect(() =>
      db.prepare("UPDATE flags SET alert_reason = 'report' WHERE id = ?").run(flag),
    ).toThrow(/CHECK constraint/);
    return { flag, shadow, delivery };
  } finally {
    db.close();
  }
}

function indexesOf(db: Database, table: string): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name").pluck().all(table) as string[]
  );
}

describe('migration 2 (member reports)', () => {
  it('upgrades a version 1 database: existing rows survive with NULL reporter, links and reports kept', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const { flag, shadow, delivery } = versionOneDatabase(file);

    const { db, applied } = openDatabaseWithMigrations(file);
    try {
      expect(applied).toEqual([
        { version: 2, name: 'member reports' },
        { version: 3, name: 'rule versions' },
        { version: 4, name: 'audit log closed to REPLACE' },
      ]);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT reported_by, report_reason FROM flags ORDER BY id').all()).toEqual([
        { reported_by: null, report_reason: null },
        { reported_by: null, report_reason: null },
      ]);
      // Migration 1's indexes are back, with the new one (and UNIQUE's automatic index).
      expect(indexesOf(db, 'flags')).toEqual([
        'flags_author',
        'flags_cooldown',
        'flags_ladder',
        'flags_reported_by',
        'flags_rule',
        'sqlite_autoindex_flags_1',
      ]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'flags_v2'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }

    const store = SqliteModerationStore.open(file);
    try {
      const upgraded = await store.getFlag(flag);
      expect(upgraded).toEqual({
        id: flag,
        rule: 'insult',
        category: 'insult',
        severity: 'high',
        action: 'nudge+flag',
        article: 'courtesy-language',
        channel: 'C0123ABCD',
        channelName: 'projet-atlas',
        author: 'U0456EFGH',
        messageTs: '1732790400.000100',
        excerpt: '« i••• »',
        status: 'confirmed',
        nudged: true,
        alerted: true,
        alertReason: 'ladder',
        createdAt: T0,
        updatedAt: T0,
        handledBy: 'U0MOD4242',
        handledAt: T0 + 1,
        note: 'vu',
        reports: 1,
      });
      expect((await store.flagsByIds([shadow, flag])).map((f) => f.id)).toEqual([flag, shadow]);
      expect(await store.listReports(flag)).toEqual([{ flagId: flag, reporter: 'U0789IJKL', at: T0 + 4, reason: 'citation' }]);
      expect((await store.listDeliveries({ flagId: flag }, { limit: 10 })).items.map((d) => d.id)).toEqual([delivery]);
      expect(await store.alertMessageOf(flag)).toEqual({ deliveryId: delivery, channel: 'C0MODS001', ts: '1732790401.000200' });
      expect((await store.listFlags({ reportedOnly: true }, { limit: 10 })).items.map((f) => f.id)).toEqual([flag]);

      // The new columns and the new alert reason are usable; the CHECK still refuses nonsense.
      const report = await store.recordMessage(
        { eventId: 'Ev0NEW00001', message: { channel: 'C0123ABCD', ts: '1732790402.000100', author: 'U0789IJKL' }, rules: [], cooldownSince: T0 },
        T0 + 5,
        () => ({
          create: [
            {
              rule: 'member-report', category: 'insult', severity: 'medium', action: 'flag', article: 'courtesy-language',
              excerpt: '« … »', nudged: false, alerted: true, alertReason: 'report', reportedBy: 'U0456EFGH', reportReason: 'blessant',
            },
          ],
          update: [],
          resolve: [],
          deliveries: [],
        }),
      );
      expect(await store.getFlag(report.created[0]!)).toMatchObject({ alertReason: 'report', reportedBy: 'U0456EFGH', reportReason: 'blessant' });
      // Ids go on after the old ones (ids of removed flags are not reused by this table either way).
      expect(report.created[0]).toBeGreaterThan(shadow);
      // Erasing the author of the old flag still cascades through the rebuilt table.
      expect(await store.eraseUser('U0456EFGH', 'U0ADMIN001', T0 + 6)).toEqual({
        flags: 2, deliveries: 1, reports: 1, acknowledgements: 0, reportsAsReporter: 1,
      });
      expect(await store.getFlag(report.created[0]!)).not.toHaveProperty('reportedBy');
    } finally {
      await store.close();
    }

    const raw = openDatabase(file);
    try {
      expect(() => raw.prepare("UPDATE flags SET alert_reason = 'whim'").run()).toThrow(/CHECK constraint/);
      expect(raw.prepare('SELECT COUNT(*) AS n FROM outbox_flags').get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });

  it('erasure finds member reports by reporter through the partial index', () => {
    const db = openDatabase(':memory:');
    try {
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM flags WHERE reported_by = 'U0456EFGH' AND author <> 'U0456EFGH'")
        .all() as Array<{ detail: string }>;
      expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX flags_reported_by/);
    } finally {
      db.close();
    }
  });

  it('refuses to rebuild tables inside an open transaction, where foreign keys cannot be turned off', () => {
    const file = path.join(tempDir(), 'charter.db');
    const { flag } = versionOneDatabase(file);
    const db = openDatabase(file, { migrate: false });
    try {
      db.exec('BEGIN');
      expect(() => migrate(db)).toThrow(/outside any transaction/);
      db.exec('ROLLBACK');
      expect(schemaVersion(db)).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare('SELECT COUNT(*) AS n FROM reports WHERE flag_id = ?').get(flag)).toEqual({ n: 1 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM outbox_flags WHERE flag_id = ?').get(flag)).toEqual({ n: 1 });
      expect(migrate(db, () => T0, 2)).toEqual([{ version: 2, name: 'member reports' }]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM reports WHERE flag_id = ?').get(flag)).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('migrates with foreign keys already off, and leaves them off', () => {
    const file = path.join(tempDir(), 'charter.db');
    versionOneDatabase(file);
    const db = openDatabase(file, { migrate: false });
    try {
      db.pragma('foreign_keys = OFF');
      expect(migrate(db, () => T0, 2)).toEqual([{ version: 2, name: 'member reports' }]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(0);
      expect(db.prepare('SELECT COUNT(*) AS n FROM reports').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('marks itself as rebuilding tables', () => {
    expect(migrations.map((m) => [m.version, m.name, m.rebuildsTables === true])).toEqual([
      [1, 'initial schema', false],
      [2, 'member reports', true],
      [3, 'rule versions', false],
      [4, 'audit log closed to REPLACE', false],
    ]);
  });
});

describe('SqliteModerationStore', () => {
  function openStore(file: string): SqliteModerationStore {
    return SqliteModerationStore.open(file);
  }

  async function raiseOne(store: SqliteModerationStore, eventId: string): Promise<number> {
    const message = { channel: 'C0123ABCD', ts: '1732790400.000100', author: 'U0456EFGH' };
    const result = await store.recordMessage({ eventId, message, rules: ['profanity'], cooldownSince: T0 - DAY }, T0, () => ({
      create: [
        {
          rule: 'profanity',
          category: 'profanity',
          severity: 'medium',
          action: 'nudge',
          article: 'courtesy-language',
          excerpt: '« p•••n »',
          nudged: true,
          alerted: false,
        },
      ],
      update: [],
      resolve: [],
      deliveries: [
        {
          kind: 'nudge',
          rules: ['profanity'],
          payload: { user: 'U0456EFGH', channel: 'C0123ABCD', messageTs: '1732790400.000100', lang: 'fr', findings: [] },
        },
      ],
    }));
    return result.created[0]!;
  }

  it('keeps its data across close and reopen', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const first = openStore(file);
    const id = await raiseOne(first, 'Ev0PERSIST1');
    await first.decideFlag({ flagId: id, decision: 'confirm', actor: 'U0MOD4242', at: T0 + 1 });
    await first.acknowledgeCharter('U0456EFGH', 'sha256:1a2b', T0);
    await first.close();

    const second = openStore(file);
    try {
      expect(await second.getFlag(id)).toMatchObject({ rule: 'profanity', status: 'confirmed', handledBy: 'U0MOD4242' });
      expect(await second.acknowledgedAt('U0456EFGH', 'sha256:1a2b')).toBe(T0);
      expect((await second.listAudit({ action: 'decide' }, { limit: 5 })).items).toHaveLength(1);
      expect(await second.nextDeliveryDue()).toBe(T0);
      const retry = await second.recordMessage(
        { eventId: 'Ev0PERSIST1', message: { channel: 'C0123ABCD', ts: '1.2', author: 'U0456EFGH' }, rules: [], cooldownSince: 0 },
        T0,
        () => {
          throw new Error('decide must not be called for a processed event');
        },
      );
      expect(retry.duplicateEvent).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('refuses raw UPDATE and DELETE on the audit log, and tampering with the purge guard', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const store = openStore(file);
    await store.appendAudit({ at: T0 - 400 * DAY, actor: 'U0MOD4242', action: 'view', target: 'flags' });
    await store.close();

    const db = openDatabase(file);
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'someone-else'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_retention').run()).toThrow(/one row/);
      expect(() => db.prepare('INSERT INTO audit_retention (id, purge_before) VALUES (2, 0)').run()).toThrow();
      expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: 'U0MOD4242' }]);
      expect(db.prepare('SELECT purge_before FROM audit_retention').all()).toEqual([{ purge_before: 0 }]);
    } finally {
      db.close();
    }
  });

  it('the retention purge removes only entries before its cut-off, and closes the guard again', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const store = openStore(file);
    await store.appendAudit({ at: T0 - 400 * DAY, actor: 'U0MOD4242', action: 'view', target: 'flags' });
    await store.appendAudit({ at: T0 - 10 * DAY, actor: 'U0MOD4242', action: 'view', target: 'flags' });
    expect((await store.purge(T0 - 90 * DAY, T0 - 365 * DAY, T0)).audit).toBe(1);
    await store.close();

    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT purge_before FROM audit_retention').get()).toEqual({ purge_before: 0 });
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });

  it('stores no message text: no column is named like one', () => {
    const db = openDatabase(':memory:');
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      const columns = tables.flatMap((table) =>
        (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `${table}.${c}`),
      );
      expect(columns).toContain('flags.excerpt');
      expect(columns.filter((c) => /\.(text|message|body|content|raw)$/.test(c))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('lets only one of two connections claim a delivery while it is leased', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const a = openStore(file);
    const b = openStore(file);
    try {
      await raiseOne(a, 'Ev0TWORELAY');
      expect(await a.claimDueDeliveries(T0, 10, 60_000)).toHaveLength(1);
      expect(await b.claimDueDeliveries(T0 + 1, 10, 60_000)).toEqual([]);
      expect(await b.claimDueDeliveries(T0 + 60_000, 10, 60_000)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses a page limit that is not a positive integer', async () => {
    const store = openStore(':memory:');
    try {
      await expect(store.listFlags({}, { limit: 0 })).rejects.toThrow(RangeError);
      await expect(store.listAudit({}, { limit: 1.5 })).rejects.toThrow(RangeError);
      await expect(store.claimDueDeliveries(T0, -1, 1000)).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it('close is idempotent, and a closed store rejects calls', async () => {
    const store = openStore(':memory:');
    await store.close();
    await store.close();
    await expect(store.getFlag(1)).rejects.toThrow();
  });
});

/** A version to save (see the contract for richer ones). */
function ruleVersion(basedOn: number | undefined, overrides: Partial<NewRuleVersion> = {}): NewRuleVersion {
  return {
    basedOn,
    author: 'U0ADM1N01',
    comment: 'insultes : critique',
    source: 'slack',
    overlay: { overrides: { insult: { severity: 'critical' } }, added: [] },
    diff: '-  severity: high\n+  severity: critical\n',
    at: T0,
    ...overrides,
  };
}

async function saveVersion(store: SqliteModerationStore, version: NewRuleVersion): Promise<RuleVersion> {
  const saved = await store.saveRuleVersion(version);
  if (saved === 'conflict') throw new Error('unexpected conflict');
  return saved;
}

/** A database as charter-bot left it before migration 3 (version 2), with flags and audit entries. */
function versionTwoDatabase(file: string): void {
  const db = openDatabase(file, { migrate: false });
  try {
    expect(migrate(db, () => T0, 2)).toEqual([
      { version: 1, name: 'initial schema' },
      { version: 2, name: 'member reports' },
    ]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'rule_versions'").get()).toEqual({ n: 0 });
    db.prepare(
      `INSERT INTO flags (rule, category, severity, action, article, channel, author, message_ts, excerpt, created_at, updated_at, reported_by)
       VALUES ('insult', 'insult', 'high', 'nudge+flag', 'courtesy-respect', 'C0123ABCD', 'U0456EFGH', '1732790400.000100', '« i••• »', ?, ?, NULL)`,
    ).run(T0, T0);
    const audit = db.prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)');
    audit.run(T0, 'U0MOD4242', 'decide', 'flag:1', '{"decision":"confirm","from":"open"}');
    audit.run(T0 + 1, 'cli:alice', 'export', 'flags', null);
  } finally {
    db.close();
  }
}

describe('migration 3 (rule versions)', () => {
  it('upgrades a version 2 database: flags and audit entries kept, rule versions and the new audit actions usable', async () => {
    const file = path.join(tempDir(), 'charter.db');
    versionTwoDatabase(file);

    const { db, applied } = openDatabaseWithMigrations(file);
    try {
      expect(applied).toEqual([
        { version: 3, name: 'rule versions' },
        { version: 4, name: 'audit log closed to REPLACE' },
      ]);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT name FROM pragma_table_info('rule_versions') ORDER BY cid").pluck().all()).toEqual([
        'id', 'created_at', 'author', 'comment', 'source', 'overlay', 'diff', 'restores',
      ]);
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'rule_versions' ORDER BY name").pluck().all(),
      ).toEqual(['rule_versions_no_delete', 'rule_versions_no_replace', 'rule_versions_no_update']);
      // audit_log.action has no CHECK (migration 1): the new actions need no rebuild of the log.
      const auditSql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log'").pluck().get() as string;
      expect(auditSql).not.toMatch(/CHECK\s*\(\s*action/i);
      expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }

    const store = SqliteModerationStore.open(file);
    try {
      expect(await store.getFlag(1)).toMatchObject({ rule: 'insult', author: 'U0456EFGH' });
      expect(await store.latestRuleVersionId()).toBeUndefined();
      const first = await saveVersion(store, ruleVersion(undefined, { at: T0 + 10 }));
      const rollback = await saveVersion(
        store,
        ruleVersion(first.id, { source: 'rollback', restores: first.id, overlay: { overrides: {}, added: [] }, at: T0 + 11 }),
      );
      await store.appendAudit({ at: T0 + 12, actor: 'cli:alice', action: 'rules-export', target: 'rules', detail: { format: 'yaml' } });
      const entries = (await store.listAudit({}, { limit: 10 })).items;
      expect(entries.map((e) => [e.action, e.target])).toEqual([
        ['rules-export', 'rules'],
        ['rules-rollback', `rules:v${rollback.id}`],
        ['rules-change', `rules:v${first.id}`],
        ['export', 'flags'],
        ['decide', 'flag:1'],
      ]);
      expect((await store.listAudit({ action: 'rules-rollback' }, { limit: 10 })).items[0]?.detail).toEqual({
        version: rollback.id,
        rules: ['insult'],
        restores: first.id,
      });
    } finally {
      await store.close();
    }
  });

  it('is not applied when migrating up to version 2, and applied on its own afterwards', () => {
    const db = openDatabase(':memory:', { migrate: false });
    try {
      expect(migrate(db, () => T0, 2).map((m) => m.version)).toEqual([1, 2]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'rule_versions'").get()).toEqual({ n: 0 });
      expect(migrate(db, () => T0 + 1)).toEqual([
        { version: 3, name: 'rule versions' },
        { version: 4, name: 'audit log closed to REPLACE' },
      ]);
      expect(db.prepare('SELECT applied_at FROM schema_migrations WHERE version = 3').pluck().get()).toBe(T0 + 1);
      expect(migrate(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('SqliteModerationStore: rule versions', () => {
  it('refuses raw UPDATE and DELETE on rule versions (the history is a record)', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const store = SqliteModerationStore.open(file);
    const first = await saveVersion(store, ruleVersion(undefined));
    await saveVersion(store, ruleVersion(first.id, { at: T0 + 1 }));
    await store.close();

    const db = openDatabase(file);
    try {
      expect(() => db.prepare("UPDATE rule_versions SET comment = 'rewritten' WHERE id = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE rule_versions SET overlay = '{}'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM rule_versions WHERE id = 2').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM rule_versions').run()).toThrow(/append-only/);
      // REPLACE deletes the conflicting row without firing DELETE triggers: refused by the INSERT one.
      const replace = (verb: string): unknown =>
        db.prepare(`${verb} INTO rule_versions (id, created_at, author, comment, source, overlay, diff)
                    VALUES (1, 0, 'x', 'rewritten', 'cli', '{}', '')`).run();
      expect(() => replace('REPLACE')).toThrow(/append-only/);
      expect(() => replace('INSERT OR REPLACE')).toThrow(/append-only/);
      expect(() =>
        db.prepare(`INSERT INTO rule_versions (id, created_at, author, comment, source, overlay, diff)
                    VALUES (2, 0, 'x', '', 'cli', '{}', '') ON CONFLICT (id) DO UPDATE SET comment = 'rewritten'`).run(),
      ).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE OR REPLACE rule_versions SET id = 1 WHERE id = 2").run()).toThrow(/append-only/);
      expect(db.prepare('SELECT id, comment FROM rule_versions ORDER BY id').all()).toEqual([
        { id: 1, comment: 'insultes : critique' },
        { id: 2, comment: 'insultes : critique' },
      ]);
    } finally {
      db.close();
    }
  });

  it('checks source, overlay JSON and restored version in the schema too', () => {
    const db = openDatabase(':memory:');
    try {
      const insert = db.prepare(
        'INSERT INTO rule_versions (created_at, author, comment, source, overlay, diff, restores) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      expect(() => insert.run(T0, 'U0ADM1N01', '', 'web', '{"overrides":{},"added":[]}', '', null)).toThrow(/CHECK constraint/);
      expect(() => insert.run(T0, 'U0ADM1N01', '', 'slack', '{not json', '', null)).toThrow(/CHECK constraint/);
      expect(() => insert.run(T0, 'U0ADM1N01', '', 'rollback', '{"overrides":{},"added":[]}', '', 42)).toThrow(/FOREIGN KEY/);
      expect(db.prepare('SELECT COUNT(*) AS n FROM rule_versions').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('keeps versions across close and reopen; retention and erasure leave them alone', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const first = SqliteModerationStore.open(file);
    const v1 = await saveVersion(first, ruleVersion(undefined, { author: 'U0ADM1N01' }));
    const v2 = await saveVersion(first, ruleVersion(v1.id, { at: T0 + 1, source: 'rollback', restores: v1.id }));
    await first.close();

    const second = SqliteModerationStore.open(file);
    try {
      expect(await second.latestRuleVersionId()).toBe(v2.id);
      expect(await second.getRuleVersion(v1.id)).toEqual(v1);
      expect(await second.latestRuleVersion()).toEqual(v2);
      expect(await second.saveRuleVersion(ruleVersion(v1.id))).toBe('conflict');
      await second.purge(T0 + 400 * DAY, T0 + 400 * DAY, T0 + 400 * DAY);
      await second.eraseUser('U0ADM1N01', 'U0ADM1N02', T0 + 400 * DAY);
      expect((await second.listRuleVersions({ limit: 10 })).items).toEqual([v2, v1]);
      // The audit entries of the saves are older than the purge's cut-off: retention removed them.
      expect((await second.listAudit({ action: 'rules-change' }, { limit: 10 })).items).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('reads the latest id without scanning the table', () => {
    const db = openDatabase(':memory:');
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${LATEST_RULE_VERSION_ID}`).all() as Array<{ detail: string }>;
      const details = plan.map((row) => row.detail).join('\n');
      expect(details).not.toMatch(/SCAN/);
      expect(details).toMatch(/SEARCH rule_versions/);
    } finally {
      db.close();
    }
  });

  it('refuses a page limit that is not a positive integer', async () => {
    const store = SqliteModerationStore.open(':memory:');
    try {
      await expect(store.listRuleVersions({ limit: 0 })).rejects.toThrow(RangeError);
      await expect(store.listRuleVersions({ limit: 2.5 })).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it('of two connections saving on the same version, exactly one wins and the other gets a conflict', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const a = SqliteModerationStore.open(file);
    const b = SqliteModerationStore.open(file);
    try {
      const base = await saveVersion(a, ruleVersion(undefined));
      // Both admins opened the editor on the same version.
      const seenByA = await a.latestRuleVersionId();
      const seenByB = await b.latestRuleVersionId();
      expect([seenByA, seenByB]).toEqual([base.id, base.id]);
      const [fromA, fromB] = await Promise.all([
        a.saveRuleVersion(ruleVersion(seenByA, { author: 'U0ADM1N01', comment: 'a', at: T0 + 1 })),
        b.saveRuleVersion(ruleVersion(seenByB, { author: 'U0ADM1N02', comment: 'b', at: T0 + 1 })),
      ]);
      expect(fromA).toMatchObject({ id: base.id + 1, comment: 'a' });
      expect(fromB).toBe('conflict');
      expect((await b.listRuleVersions({ limit: 10 })).items.map((v) => v.comment)).toEqual(['a', 'insultes : critique']);
      expect((await b.listAudit({ action: 'rules-change' }, { limit: 10 })).items.map((e) => e.actor)).toEqual([
        'U0ADM1N01',
        'U0ADM1N01',
      ]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('of processes saving on the same version at the same instant, exactly one wins', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const setup = SqliteModerationStore.open(file);
    const base = await saveVersion(setup, ruleVersion(undefined));
    await setup.close();

    const contenders = 4;
    const barrier = new Int32Array(new SharedArrayBuffer(8)); // [go, ready]
    const workers = Array.from({ length: contenders }, (_, i) =>
      runInWorker(file, barrier, ruleVersion(base.id, { author: `U0ADM1N0${i}`, comment: `edit ${i}`, at: T0 + 1 })),
    );
    // A worker failing before the barrier fails the test at once, not after the barrier's timeout.
    const [outcomes] = await Promise.all([Promise.all(workers), releaseWhenReady(barrier, contenders)]);
    const winners = outcomes.filter((r) => r !== 'conflict');
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((r) => r === 'conflict')).toHaveLength(contenders - 1);

    const store = SqliteModerationStore.open(file);
    try {
      const versions = (await store.listRuleVersions({ limit: 10 })).items;
      expect(versions.map((v) => v.id)).toEqual([base.id + 1, base.id]);
      expect(versions[0]!.comment).toBe(`edit ${String(winners[0])}`);
      const audit = (await store.listAudit({ action: 'rules-change' }, { limit: 10 })).items;
      expect(audit.map((e) => e.target)).toEqual([`rules:v${base.id + 1}`, `rules:v${base.id}`]);
      expect(audit[0]!.actor).toBe(`U0ADM1N0${String(winners[0])}`);
    } finally {
      await store.close();
    }
  }, 60_000);
});

/**
 * A worker thread that loads the store from its TypeScript source (transpiled on require), waits
 * at the barrier, saves `version`, and answers the index of its comment (`edit <i>`) when it won,
 * or 'conflict'.
 */
const SAVE_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const ts = require(workerData.typescript);
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  module._compile(output, filename);
};
const { SqliteModerationStore } = require(workerData.storeModule);
const store = SqliteModerationStore.open(workerData.file);
const barrier = new Int32Array(workerData.barrier);
Atomics.add(barrier, 1, 1);
Atomics.wait(barrier, 0, 0);
store.saveRuleVersion(workerData.version).then(
  (result) => {
    store.close();
    parentPort.postMessage(result === 'conflict' ? 'conflict' : Number(result.comment.replace('edit ', '')));
  },
  (error) => {
    store.close();
    parentPort.postMessage({ error: String(error && error.stack || error) });
  },
);
`;

function runInWorker(file: string, barrier: Int32Array, version: NewRuleVersion): Promise<number | 'conflict'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SAVE_WORKER, {
      eval: true,
      workerData: {
        file,
        barrier: barrier.buffer,
        version,
        typescript: require.resolve('typescript'),
        storeModule: path.resolve(__dirname, '../../src/store/sqlite/sqlite-moderation-store.ts'),
      },
    });
    worker.once('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'error' in message) {
        reject(new Error(String((message as { error: unknown }).error)));
      } else {
        resolve(message as number | 'conflict');
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with code ${code}`));
    });
  });
}

/** Waits until `count` workers wait at the barrier, then lets them all go at once. */
async function releaseWhenReady(barrier: Int32Array, count: number): Promise<void> {
  const started = Date.now();
  while (Atomics.load(barrier, 1) < count) {
    if (Date.now() - started > 50_000) throw new Error('workers did not reach the barrier');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  Atomics.store(barrier, 0, 1);
  Atomics.notify(barrier, 0);
}

describe('migration 4 (audit log closed to REPLACE)', () => {
  it('refuses to overwrite an audit entry or the retention cut-off with REPLACE', async () => {
    const file = path.join(tempDir(), 'charter.db');
    const store = SqliteModerationStore.open(file);
    await store.appendAudit({ actor: 'U0MOD', action: 'view', target: 'flags', at: T0 });
    await store.close();
    const { db } = openDatabaseWithMigrations(file);
    try {
      const [entry] = db.prepare('SELECT id FROM audit_log').all() as Array<{ id: number }>;
      expect(() => db.prepare("REPLACE INTO audit_log (id, at, actor, action, target) VALUES (?, 1, 'x', 'view', 'forged')").run(entry!.id)).toThrow(/append-only/);
      expect(() => db.prepare('REPLACE INTO audit_retention (id, purge_before) VALUES (1, 99999999999999)').run()).toThrow(/one row/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect((db.prepare('SELECT target FROM audit_log').all() as Array<{ target: string }>).map((row) => row.target)).toEqual(['flags']);
    } finally {
      db.close();
    }
  });
});
