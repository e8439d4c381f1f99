/**
 * The application's logger (pino, with its redaction) writing into an array, so tests can read
 * every line the bot logged and check that no message text or secret is among them.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';

/** A debug-level logger and the JSON lines it wrote. */
export function capturingLogger(): { logger: ReturnType<typeof createLogger>; logs: string[] } {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), logs };
}
