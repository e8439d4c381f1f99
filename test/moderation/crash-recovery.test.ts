/**
 * A bot process killed with SIGKILL in the middle of a stream, then restarted on the same
 * database, loses no flag and no queued delivery.
 *
 * Runs the built bot code (dist/, built by `pretest`) in child processes.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { generateCleanChat } from '../../bench/chat-corpus';
import { evaluate } from '../../src/engine/evaluate';
import type { IncomingMessage } from '../../src/moderation/handle-message';
import { SqliteModerationStore } from '../../src/store';
import { BREAKING_TEXTS } from '../helpers/breaking-messages';
import { defaultRuleSet } from '../helpers/default-rules';
import { seededRandom } from '../helpers/seeded-random';

const WORKER = path.join(__dirname, '..', 'helpers', 'moderation-worker.js');

interface Worker {
  child: ChildProcessWithoutNullStreams;
  acked: Set<string>;
  lines: string[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
}

function startWorker(database: string, log: string): Worker {
  const child = spawn(process.execPath, [WORKER, database, log]);
  const worker: Worker = {
    child,
    acked: new Set(),
    lines: [],
    async waitFor(predicate, timeoutMs = 20_000) {
      const started = Date.now();
      while (!predicate()) {
        if (Date.now() - started > timeoutMs) throw new Error(`worker timed out; stderr lines so far: ${stderr.join('').slice(0, 500)}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    worker.lines.push(line);
    if (line.startsWith('ack ')) worker.acked.add(line.slice(4));
  });
  return worker;
}

function events(count: number): IncomingMessage[] {
  const random = seededRandom(99);
  return generateCleanChat(count, 11).map((chat, i) => ({
    eventId: `Ev${i}`,
    channel: { id: `C${i % 5}`, name: 'projet-atlas' },
    author: `U${i % 41}`,
    ts: `1732790400.${String(i).padStart(6, '0')}`,
    text: random() < 0.3 ? (BREAKING_TEXTS[Math.floor(random() * BREAKING_TEXTS.length)] as string) : chat.text,
    locale: 'fr',
  }));
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-crash-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a bot killed with SIGKILL mid-stream and restarted loses no flag and no queued delivery', async () => {
  const database = path.join(dir, 'charter.db');
  const log = path.join(dir, 'delivered.log');
  const stream = events(400);

  const first = startWorker(database, log);
  for (const event of stream) first.child.stdin.write(`${JSON.stringify(event)}\n`);
  await first.waitFor(() => first.acked.size >= 150);
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  const ackedBeforeCrash = first.acked.size;
  expect(ackedBeforeCrash).toBeLessThan(stream.length);

  // Slack delivers again every event that was not acknowledged; we also replay the acknowledged ones.
  const second = startWorker(database, log);
  for (const event of stream) second.child.stdin.write(`${JSON.stringify(event)}\n`);
  second.child.stdin.write('drain\n');
  await second.waitFor(() => second.lines.includes('drained'), 60_000);
  second.child.kill();

  const expected = new Map<string, number>();
  for (const event of stream) {
    const rules = new Set(evaluate({ text: event.text, channel: event.channel, lang: 'fr' }, defaultRuleSet()).findings.map((f) => f.rule));
    if (rules.size > 0) expected.set(event.ts, rules.size);
  }

  const store = SqliteModerationStore.open(database);
  try {
    const found = new Map<string, number>();
    let after: number | undefined;
    do {
      const page = await store.listFlags({ includeShadow: true }, { limit: 200, ...(after !== undefined ? { after } : {}) });
      for (const flag of page.items) found.set(flag.messageTs, (found.get(flag.messageTs) ?? 0) + 1);
      after = page.next;
    } while (after !== undefined);
    expect(found).toEqual(expected);

    const sent = (await store.listDeliveries({ status: 'sent' }, { limit: 5_000 })).items;
    expect((await store.listDeliveries({ status: 'pending' }, { limit: 10 })).items).toEqual([]);
    expect((await store.listDeliveries({ status: 'failed' }, { limit: 10 })).items).toEqual([]);
    const delivered = fs.readFileSync(log, 'utf8').trim().split('\n').map(Number);
    const deliveredIds = new Set(delivered);
    for (const delivery of sent) expect(deliveredIds.has(delivery.id)).toBe(true);
    // Only deliveries in flight at the moment of the kill (at most one batch) can be made twice.
    expect(delivered.length - deliveredIds.size).toBeLessThanOrEqual(20);
  } finally {
    await store.close();
  }
}, 90_000);
