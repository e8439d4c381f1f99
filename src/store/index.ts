/**
 * The moderation store adapters. Only this folder imports better-sqlite3; the rest of the code
 * sees the `ModerationStore` port (src/moderation/ports.ts) and the `RuleVersionStore` port
 * (src/rules-admin/ports.ts), both implemented by `SqliteModerationStore`.
 */
export { openDatabase, openDatabaseWithMigrations, DatabaseOpenError, DEFAULT_BUSY_TIMEOUT_MS } from './sqlite/open-database';
export type { OpenDatabaseOptions, OpenedDatabase } from './sqlite/open-database';
export { migrate, migrations, latestSchemaVersion, schemaVersion, SchemaTooNewError } from './sqlite/migrations';
export type { Migration, AppliedMigration } from './sqlite/migrations';
export { SqliteModerationStore } from './sqlite/sqlite-moderation-store';
export type { SqliteStoreOptions } from './sqlite/sqlite-moderation-store';
export { changedRules } from './sqlite/rule-changes';
