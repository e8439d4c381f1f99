/**
 * Another process holding the bot's SQLite file locked: `node -e` with better-sqlite3 opens the
 * file, takes `BEGIN EXCLUSIVE`, sleeps, then commits (as a backup tool or a second bot would).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..');

const SCRIPT = `
const [file, ms] = process.argv.slice(-2);
const db = new (require('better-sqlite3'))(file);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
db.exec('COMMIT');
process.stdout.write('released\\n');
db.close();
`;

/** A lock held by a child process. */
export interface DatabaseLock {
  /** `Date.now()` once the child held the lock. */
  lockedAt: number;
  /** Resolves with `Date.now()` once the child committed and exited. */
  released: Promise<number>;
}

/** Locks `file` from a child process for `ms`; resolves once the lock is held. */
export function lockDatabase(file: string, ms: number): Promise<DatabaseLock> {
  const child = spawn(process.execPath, ['-e', SCRIPT, '--', file, String(ms)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let releasedAt: number | undefined;
  const released = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 && releasedAt !== undefined ? resolve(releasedAt) : reject(new Error(`locker exited with ${code}: ${stderr.join('')}`))));
  });
  released.catch(() => undefined);
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'locked') resolve({ lockedAt: Date.now(), released });
      if (line === 'released') releasedAt = Date.now();
    });
    released.catch(reject);
  });
}
