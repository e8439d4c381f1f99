/**
 * The bot SIGKILLed under load and restarted on the same database. The bot runs in a child
 * process (test/helpers/bot-process.js: dist/, configured from the environment like
 * `node dist/main.js`, HTTP mode on a free port), the Slack simulator in the test process.
 * Slack's side is played faithfully: every event that did not get a 200 is delivered again with
 * the same event_id, and some that did are delivered again too (duplicates).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { messageEvent, SlackSimulator, type SlackDelivery } from '../../src/simulator';
import { SqliteModerationStore } from '../../src/store';
import { ALICE, BOB, GENERAL, MODERATION, PROJET, SIGNING_SECRET } from '../helpers/bot-harness';
import { alertsShown, allDeliveries, counts, FAULT_ENV, fillWorkspace, flagRulesByMessage, remindersShown } from '../helpers/fault-harness';
import { expectedFlags, messageStream, type StreamMessage } from '../helpers/fault-stream';

const BOT_PROCESS = path.join(__dirname, '..', 'helpers', 'bot-process.js');

interface BotChild {
  child: ChildProcess;
  port: number;
  slack: SlackDelivery;
  stderr: string[];
  exited: Promise<number | null>;
}

let sim: SlackSimulator;
let dir: string;
let database: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  sim = await SlackSimulator.start();
  fillWorkspace(sim);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-kill-'));
  database = path.join(dir, 'charter.db');
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await sim.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the bot process on `database`; resolves once it serves. */
function startBotProcess(): Promise<BotChild> {
  const child = spawn(process.execPath, [BOT_PROCESS], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: sim.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: sim.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: database,
      MODERATION_CHANNEL: MODERATION,
      ONBOARDING: 'false',
      ALERT_DIGEST_AFTER: '1000',
      LOG_LEVEL: 'warn',
      ...FAULT_ENV,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot process did not start: ${stderr.join('')}`)), 10_000);
    void exited.then((code) => reject(new Error(`the bot process exited with ${code}: ${stderr.join('')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^ready (\d+)$/.exec(line);
      if (match === null) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({ child, port, stderr, exited, slack: sim.connect({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET }) });
    });
  });
}

async function kill(bot: BotChild, signal: NodeJS.Signals): Promise<void> {
  bot.child.kill(signal);
  await bot.exited;
}

/** Waits until nothing is pending in the store and the simulator has seen no call for a while. */
async function settle(store: SqliteModerationStore, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  let seen = -1;
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pending = await store.nextDeliveryDue();
    if (pending === undefined && sim.calls.length === seen) return;
    seen = sim.calls.length;
  }
  throw new Error('the bot did not settle');
}

/** Reads the database from the test process (WAL: alongside the bot). */
function openStore(): SqliteModerationStore {
  return SqliteModerationStore.open(database);
}

it('SIGKILL mid-stream, restart on the same database, Slack redelivers: every flag exactly once, every reminder shown, none pending', async () => {
  const stream = messageStream(240, { seed: 21, breakingShare: 0.4, tag: 'K' });
  const first = await startBotProcess();

  // A stream of events, 8 in flight at a time; SIGKILL once 100 were acknowledged.
  const acked = new Set<string>();
  const attempted = new Set<string>();
  let killed = false;
  let next = 0;
  const killing = (async () => {
    while (acked.size < 100) await new Promise((resolve) => setTimeout(resolve, 2));
    killed = true;
    first.child.kill('SIGKILL');
  })();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (!killed && next < stream.length) {
        const m = stream[next++] as StreamMessage;
        attempted.add(m.eventId);
        try {
          const { status } = await first.slack.sendEvent(m.event, { eventId: m.eventId });
          if (status === 200) acked.add(m.eventId);
        } catch {
          // Connection reset by the kill: Slack will retry it.
        }
      }
    }),
  );
  await killing;
  await first.exited;
  const ackedAtKill = new Set(acked);
  const shownAtKill = sim.callsTo('chat.postEphemeral').length + sim.callsTo('chat.postMessage').length;
  expect(ackedAtKill.size).toBeGreaterThanOrEqual(100);
  expect(ackedAtKill.size).toBeLessThan(stream.length);

  // What the killed process left: flags for what it committed, deliveries pending or leased.
  const store = openStore();
  try {
    const unsent = await allDeliveries(store, 'pending');
    const pendingAtKill = unsent.length;
    const unsentAtKill = new Set(unsent.map((d) => d.payload.messageTs));

    // Restart on the same database; Slack redelivers what got no 200 (same event_id), and we
    // also redeliver every third acknowledged event (a duplicate).
    const second = await startBotProcess();
    const redeliver = stream.filter((m, i) => !ackedAtKill.has(m.eventId) || i % 3 === 0);
    let resent = 0;
    for (let i = 0; i < redeliver.length; i += 8) {
      const batch = redeliver.slice(i, i + 8);
      const answers = await Promise.all(
        batch.map((m) => second.slack.sendEvent(m.event, { eventId: m.eventId, ...(attempted.has(m.eventId) ? { retryNum: 1, retryReason: 'http_error' } : {}) })),
      );
      expect(answers.map((a) => a.status)).toEqual(batch.map(() => 200));
      resent += batch.length;
    }
    expect(resent).toBe(redeliver.length);
    await settle(store);
    // A later message is handled by the restarted bot.
    const later = messageEvent({ channel: PROJET, user: BOB, text: 'what a shitty deploy' });
    expect((await second.slack.sendEvent(later)).status).toBe(200);
    await settle(store);
    await kill(second, 'SIGTERM');
    expect(second.stderr.join('')).not.toMatch(/"level":(50|60)/);

    // Every breaking message has exactly its flags: an event is answered 200 only once it is
    // recorded (processBeforeResponse), so what was not recorded at the kill was not answered,
    // and was sent again above, as Slack does.
    const flags = await flagRulesByMessage(store);
    const expected = expectedFlags(stream);
    expected.set(String(later.ts), ['profanity']);
    const lost = stream.filter((m) => expected.has(m.ts) && !flags.has(m.ts));
    expect(lost).toEqual([]);
    expect(flags).toEqual(expected);

    // Nothing left pending or failed.
    expect(await allDeliveries(store, 'pending')).toEqual([]);
    expect(await allDeliveries(store, 'failed')).toEqual([]);

    // Every reminder and alert shown at least once; a second copy only for a delivery in flight
    // at the kill (sent to Slack, not yet marked sent), at most one relay batch of them.
    const reminders = counts(remindersShown(sim, [PROJET, GENERAL], [ALICE, BOB]));
    const alerts = counts(alertsShown(sim));
    const wantReminders = stream.filter((m) => m.expected.reminder).map((m) => m.ts);
    const wantAlerts = stream.filter((m) => m.expected.alert).map((m) => m.ts);
    expect([...reminders.keys()].sort()).toEqual([...wantReminders, String(later.ts)].sort());
    expect([...alerts.keys()].sort()).toEqual([...wantAlerts].sort());
    const doubled = [...reminders, ...alerts].filter(([, n]) => n > 1);
    for (const [ts, n] of doubled) {
      expect(n).toBe(2);
      // Only a delivery the killed process had not marked sent can be shown twice.
      expect(unsentAtKill.has(ts)).toBe(true);
    }
    expect(doubled.length).toBeLessThanOrEqual(20);
    // Reported for the record (ideally zero): doubles, what was pending at the kill, what was shown before it.
    process.stdout.write(`sigkill: acked ${ackedAtKill.size}/${stream.length} before the kill, ${shownAtKill} shown, ${pendingAtKill} pending at the kill, ${doubled.length} shown twice\n`);
  } finally {
    await store.close();
  }
}, 40_000);

it('an event not yet recorded when the process dies was not answered, so Slack sends it again and it is recorded once', async () => {
  const first = await startBotProcess();
  // A new author: the bot looks their locale up before recording. Slack is slow to answer.
  sim.addUser({ id: 'U0DAVID004', name: 'david', realName: 'David Roux', locale: 'fr-FR' });
  sim.failNext('users.info', { hang: true });
  const event = messageEvent({ channel: PROJET, user: 'U0DAVID004', text: "t'es vraiment un con" });
  const answer = first.slack.sendEvent(event).then(
    (response) => response.status,
    () => 0,
  );
  await sim.waitForCalls('users.info', 1);
  // Killed while the listener waits: the event was not recorded, and Slack got no 200.
  await kill(first, 'SIGKILL');
  expect(await answer).not.toBe(200);

  const second = await startBotProcess();
  const store = openStore();
  try {
    expect((await flagRulesByMessage(store)).has(String(event.ts))).toBe(false);
    // Slack retries an event it got no 2xx for: same event id, retry headers.
    const retried = await second.slack.sendEvent(event, { eventId: (event as { event_id?: string }).event_id ?? undefined, retryNum: 1, retryReason: 'http_timeout' } as never);
    expect(retried.status).toBe(200);
    await settle(store);
    expect((await flagRulesByMessage(store)).get(String(event.ts))).toEqual(['insult', 'profanity']);
    expect(counts(remindersShown(sim, [PROJET], ['U0DAVID004']))).toEqual(new Map([[String(event.ts), 1]]));
  } finally {
    await kill(second, 'SIGTERM');
    await store.close();
  }
}, 20_000);
