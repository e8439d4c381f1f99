/**
 * A SQLite moderation store in a fresh temporary directory, removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteModerationStore } from '../../src/store';

/** A store and where its file is. */
export interface TempStore {
  store: SqliteModerationStore;
  dir: string;
  file: string;
  cleanup(): Promise<void>;
}

/** Opens a new store in a temporary directory. */
export function openTempStore(): TempStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-'));
  const file = path.join(dir, 'data', 'charter.db');
  const store = SqliteModerationStore.open(file);
  return {
    store,
    dir,
    file,
    async cleanup() {
      await store.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
