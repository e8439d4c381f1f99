/**
 * Opens the moderation store for CLI commands: `--database`, else `DATABASE_PATH`, else
 * ./data/charter.db. The actor recorded in the audit log is `cli:<os user>` unless `--as` says.
 */
import os from 'node:os';
import { readCoreConfig } from '../config';
import { SqliteModerationStore } from '../store';

/** Options every store command accepts. */
export interface StoreOptions {
  database?: string;
  as?: string;
}

/** The database path a command uses. */
export function databasePath(options: StoreOptions, env: NodeJS.ProcessEnv): string {
  return options.database ?? readCoreConfig(env).databasePath;
}

/** Opens the store (creating and migrating the file if needed). */
export function openStore(options: StoreOptions, env: NodeJS.ProcessEnv): SqliteModerationStore {
  return SqliteModerationStore.open(databasePath(options, env));
}

/** Who the audit log records as doing what this command does. */
export function actorOf(options: StoreOptions): string {
  if (options.as !== undefined && options.as.trim() !== '') return options.as.trim();
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // no user database entry (some containers): keep "unknown"
  }
  return `cli:${name}`;
}
