/**
 * Opens the SQLite file the moderation core keeps its memory in, configured for one process
 * with concurrent readers (WAL), and brings its schema up to date.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrations';
import type { AppliedMigration } from './migrations';

/** How to open the database. */
export interface OpenDatabaseOptions {
  /** How long a statement waits for another connection's lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/** An open database and the migrations opening it applied. */
export interface OpenedDatabase {
  db: Database;
  applied: AppliedMigration[];
}

/** The database file could not be opened or configured. */
export class DatabaseOpenError extends Error {
  constructor(
    /** The path as given. */
    readonly path: string,
    /** What SQLite or the file system said. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot open the database ${path}: ${reason}`, options);
    this.name = 'DatabaseOpenError';
  }
}

/** The default `busy_timeout` (ms). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const IN_MEMORY = ':memory:';

/**
 * Opens (creating it and its directory if needed) the database at `file`, sets WAL journaling,
 * `synchronous = NORMAL`, the busy timeout and foreign keys, then applies pending migrations.
 *
 * @param file a file path, or `:memory:`.
 * @throws {@link DatabaseOpenError} naming the path when the file cannot be opened (a directory,
 *   no permission, not a database); {@link SchemaTooNewError} when the file's schema is newer.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  return openDatabaseWithMigrations(file, options).db;
}

/** Like {@link openDatabase}, and also tells which migrations were applied. */
export function openDatabaseWithMigrations(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const db = connect(file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  try {
    const applied = options.migrate === false ? [] : migrate(db);
    return { db, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(file: string, busyTimeoutMs: number): Database {
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  if (file !== IN_MEMORY) ensureParentDirectory(file);
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file);
    configure(db, busyTimeoutMs);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(file, describe(error), { cause: error });
  }
}

function ensureParentDirectory(file: string): void {
  const directory = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError(file, `cannot create its directory ${directory}: ${describe(error)}`, {
      cause: error,
    });
  }
}

/** Pragmas; the first statement also reads the file, so a file that is not a database fails here. */
function configure(db: Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
