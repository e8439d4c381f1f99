/**
 * `npm run bench:e2e`: the real bot in HTTP mode against the Slack simulator, driven at
 * increasing rates from another process, beside a bare Bolt app whose `message` listener does
 * nothing, in one run. Three processes: this one (the simulator's Web API, and the bookkeeping),
 * the server under test (server.ts) and the load driver (driver.ts). With `taskset` and at least
 * two cores, the server gets the last core to itself and the other two share core 0.
 *
 * Per server and target rate: achieved events/s, ack latency p50/p99, errors, RSS of the server;
 * for the bot also the delivery latency from the event sent to its reminder's
 * `chat.postEphemeral` reaching the simulator. Then the highest sustainable rate of each (achieved
 * ≥ 95 % of the target and p99 < 50 ms), their ratio, and what the bot's database holds: one flag
 * set per breaking message, one reminder each. Figures are printed, never asserted.
 *
 * E2E_BREAK_EVERY=n sends one rule-breaking message every n events (default 200; 20 is the
 * stress mix, 0 ordinary chat only); E2E_RATES=1000,3000 runs only those target rates.
 * E2E_CPU_PROF=1 writes a V8 CPU profile of each server into ./e2e-profiles/ (delete it after);
 * E2E_BARE_LISTENERS=36 gives the bare app as many listeners as the bot has (diagnosis).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SlackSimulator, type RecordedCall } from '../../src/simulator';
import type { StepCommand, StepResult } from './driver';
import { BREAK_EVERY, MODERATION_CHANNEL, RATES, STEP_SECONDS, workload } from './workload';

type ServerKind = 'bare' | 'bot';

interface StepFigures {
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  errors: number;
  errorKinds: Record<string, number>;
  lagP99: number;
  rssMb: number;
  /** Server CPU time (user + system) per event over the step and the pause after it (µs). */
  cpuPerEvent: number;
  /** Bot only: delivery latency to the reminder (ms). */
  deliveryP50?: number;
  deliveryP99?: number;
  delivered?: number;
  breakingSent?: number;
  breaking: StepResult['breaking'];
}

interface ServerFigures {
  kind: ServerKind;
  steps: StepFigures[];
  idleRssMb: number;
  integrity?: string[];
}

const HERE = __dirname;
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const CPUS = os.cpus().length;
const PIN = hasTaskset && CPUS >= 2;
const SERVER_CORE = CPUS - 1;

function pin(pid: number, core: number): void {
  if (!PIN) return;
  try {
    execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
  } catch {
    // Pinning is a nicety: the figures stand without it.
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMessage);
      reject(new Error(`child exited (${String(code)}) before sending ${type}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

function int(value: number): string {
  if (Number.isNaN(value)) return '—';
  return Math.round(value).toLocaleString('en-US');
}

function okCall(call: RecordedCall): boolean {
  return call.status === 200 && typeof call.response === 'object' && call.response !== null && (call.response as { ok?: unknown }).ok === true;
}

/** Fills the simulated workspace with the workload's people, channels and breakers. */
function fillWorkspace(sim: SlackSimulator, plan: ReturnType<typeof workload>): void {
  for (const person of plan.people) sim.addUser({ id: person.id, name: person.id.toLowerCase(), locale: person.lang === 'fr' ? 'fr-FR' : 'en-US' });
  const breakersIn = new Map<string, string[]>();
  for (const breaker of plan.breakers) {
    sim.addUser({ id: breaker.user, name: breaker.user.toLowerCase(), locale: breaker.lang === 'fr' ? 'fr-FR' : 'en-US' });
    const list = breakersIn.get(breaker.channel) ?? [];
    list.push(breaker.user);
    breakersIn.set(breaker.channel, list);
  }
  const everyone = plan.people.map((person) => person.id);
  for (const channel of plan.channels) {
    sim.addChannel({
      id: channel.id,
      name: channel.name,
      isPrivate: channel.private,
      isExtShared: channel.external,
      members: [...everyone, ...(breakersIn.get(channel.id) ?? []), sim.botUserId],
    });
  }
  sim.addChannel({ id: MODERATION_CHANNEL, name: 'moderation', members: [sim.botUserId] });
}

async function runServer(kind: ServerKind, sim: SlackSimulator, driver: ChildProcess, dir: string): Promise<ServerFigures> {
  const database = path.join(dir, `${kind}.db`);
  const profileDir = path.resolve('e2e-profiles');
  const execArgv = process.env['E2E_CPU_PROF'] === '1' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${kind}-${Date.now()}.cpuprofile`] : [];
  const server = fork(path.join(HERE, 'server.js'), [kind, sim.apiUrl, sim.botToken, database], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let rss = 0;
  let peak = 0;
  server.on('message', (message: { type?: string; rss?: number }) => {
    if (typeof message.rss === 'number') {
      rss = message.rss;
      peak = Math.max(peak, rss);
    }
  });
  const ready = await nextMessage<{ port: number }>(server, 'ready');
  pin(server.pid as number, SERVER_CORE);
  await sleep(300);
  const idleRssMb = rss / 1048576;
  const url = `http://127.0.0.1:${ready.port}/slack/events`;
  const callsBefore = sim.calls.length;
  const steps: StepFigures[] = [];
  const sample = async (): Promise<number> => {
    const answer = nextMessage<{ cpuMicros: number }>(server, 'sample');
    server.send({ type: 'sample' });
    return (await answer).cpuMicros;
  };
  let first = 0;
  for (const rate of RATES) {
    const previous = steps[steps.length - 1];
    // Far behind already: a higher rate would only pile up timeouts.
    if (previous !== undefined && (previous.achieved < 0.9 * previous.rate || previous.errors > 0.05 * previous.rate * STEP_SECONDS)) break;
    peak = rss;
    const cpuBefore = await sample();
    const command: StepCommand = { type: 'step', url, rate, seconds: STEP_SECONDS, first };
    const answer = nextMessage<StepResult>(driver, 'result');
    driver.send(command);
    const result = await answer;
    first += rate * STEP_SECONDS;
    // Let the step's trailing work (the bot's deliveries) finish before reading the CPU time.
    await sleep(500);
    const cpuPerEvent = (await sample()) - cpuBefore;
    const latencies = [...result.latencies].sort((a, b) => a - b);
    steps.push({
      rate,
      achieved: result.ok / Math.max(STEP_SECONDS, result.wallSeconds),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors: result.errors,
      errorKinds: result.errorKinds,
      lagP99: result.lagP99,
      rssMb: peak / 1048576,
      cpuPerEvent: cpuPerEvent / (rate * STEP_SECONDS),
      breaking: result.breaking,
    });
  }

  let integrity: string[] | undefined;
  if (kind === 'bot') {
    const breaking = steps.flatMap((s) => s.breaking);
    const expected = breaking.length;
    // Wait for the reminders (each breaker gets one), at most 20 s, or until nothing new for 3 s.
    const ephemerals = (): RecordedCall[] => sim.calls.slice(callsBefore).filter((call) => call.method === 'chat.postEphemeral');
    let seen = -1;
    let quietSince = Date.now();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const count = ephemerals().length;
      if (count >= expected) break;
      if (count !== seen) {
        seen = count;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > 3_000) break;
      await sleep(100);
    }
    await sleep(300);
    const firstReminder = new Map<string, number>();
    const reminders = new Map<string, number>();
    let failedReminders = 0;
    for (const call of ephemerals()) {
      if (!okCall(call)) {
        failedReminders += 1;
        continue;
      }
      const user = String(call.args['user']);
      reminders.set(user, (reminders.get(user) ?? 0) + 1);
      if (!firstReminder.has(user)) firstReminder.set(user, call.at);
    }
    for (const figures of steps) {
      const delays = figures.breaking.flatMap((b) => {
        const at = firstReminder.get(b.user);
        return at === undefined ? [] : [at - b.sentAt];
      });
      delays.sort((a, b) => a - b);
      figures.deliveryP50 = percentile(delays, 50);
      figures.deliveryP99 = percentile(delays, 99);
      figures.delivered = delays.length;
      figures.breakingSent = figures.breaking.length;
    }
    const once = breaking.filter((b) => reminders.get(b.user) === 1).length;
    const doubled = breaking.filter((b) => (reminders.get(b.user) ?? 0) > 1).length;
    const missing = breaking.filter((b) => !reminders.has(b.user)).length;
    const acked = breaking.filter((b) => b.ok).length;
    const alerts = sim.calls.slice(callsBefore).filter((call) => call.method === 'chat.postMessage' && call.args['channel'] === MODERATION_CHANNEL && okCall(call)).length;
    const byMethod = new Map<string, number>();
    for (const call of sim.calls.slice(callsBefore)) byMethod.set(call.method, (byMethod.get(call.method) ?? 0) + 1);

    const stopped = nextMessage(server, 'stopped');
    server.send({ type: 'stop' });
    await stopped;
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    const db = new Database(database, { readonly: true });
    try {
      const one = <T>(sql: string): T => db.prepare(sql).get() as T;
      const flaggedBreakers = one<{ n: number }>("SELECT COUNT(DISTINCT author) AS n FROM flags WHERE author LIKE 'U0BRK%'").n;
      const flags = one<{ n: number }>('SELECT COUNT(*) AS n FROM flags').n;
      const chatFlags = one<{ n: number }>("SELECT COUNT(DISTINCT message_ts) AS n FROM flags WHERE author NOT LIKE 'U0BRK%'").n;
      const events = one<{ n: number }>('SELECT COUNT(*) AS n FROM processed_events').n;
      const outbox = db.prepare('SELECT kind, status, COUNT(*) AS n FROM outbox GROUP BY kind, status ORDER BY kind, status').all() as Array<{ kind: string; status: string; n: number }>;
      integrity = [
        `breaking messages sent ${int(expected)} (acked 200: ${int(acked)}); with a flag in the database: ${int(flaggedBreakers)} (${int(flags)} flags in all, one per rule broken; ordinary-chat messages flagged: ${int(chatFlags)})`,
        `reminders (chat.postEphemeral ok): exactly once ${int(once)}, more than once ${int(doubled)}, none ${int(missing)}; failed calls ${int(failedReminders)}; moderator alert posts ${int(alerts)}`,
        `events recorded as processed: ${int(events)} (only messages with a finding are recorded); outbox: ${outbox.map((row) => `${row.kind} ${row.status} ${int(row.n)}`).join(', ') || 'empty'}`,
        `Web API calls made by the bot: ${[...byMethod].sort((x, y) => y[1] - x[1]).map(([method, n]) => `${method} ${int(n)}`).join(', ')}`,
      ];
    } finally {
      db.close();
    }
  } else {
    const stopped = nextMessage(server, 'stopped');
    server.send({ type: 'stop' });
    await stopped;
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  }
  return { kind, steps, idleRssMb, ...(integrity !== undefined ? { integrity } : {}) };
}

function sustainable(figures: ServerFigures): number {
  let best = 0;
  for (const step of figures.steps) {
    if (step.achieved >= 0.95 * step.rate && step.p99 < 50) best = Math.max(best, step.rate);
  }
  return best;
}

/** A rate a server was not driven at (it had fallen behind at a lower one). */
function skipped(rate: number): StepFigures {
  return { rate, achieved: NaN, p50: NaN, p99: NaN, errors: NaN, errorKinds: {}, lagP99: NaN, rssMb: NaN, cpuPerEvent: NaN, breaking: [] };
}

function printTable(bare: ServerFigures, bot: ServerFigures): void {
  const header = [
    'target/s'.padStart(8),
    '| bare: ev/s'.padStart(11),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'err'.padStart(5),
    'RSS MB'.padStart(7),
    'CPU µs/ev'.padStart(9),
    '| bot: ev/s'.padStart(11),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'err'.padStart(5),
    'RSS MB'.padStart(7),
    'CPU µs/ev'.padStart(9),
    '| reminder p50 ms'.padStart(17),
    'p99 ms'.padStart(7),
    'delivered'.padStart(11),
    '| driver lag p99 ms'.padStart(19),
  ];
  console.log(header.join(' '));
  for (let i = 0; i < RATES.length; i++) {
    const a = bare.steps[i] ?? skipped(RATES[i] as number);
    const b = bot.steps[i] ?? skipped(RATES[i] as number);
    if (bare.steps[i] === undefined && bot.steps[i] === undefined) continue;
    console.log(
      [
        int(a.rate).padStart(8),
        ('| ' + int(a.achieved)).padStart(11),
        ms(a.p50).padStart(7),
        ms(a.p99).padStart(7),
        int(a.errors).padStart(5),
        int(a.rssMb).padStart(7),
        int(a.cpuPerEvent).padStart(9),
        ('| ' + int(b.achieved)).padStart(11),
        ms(b.p50).padStart(7),
        ms(b.p99).padStart(7),
        int(b.errors).padStart(5),
        int(b.rssMb).padStart(7),
        int(b.cpuPerEvent).padStart(9),
        ('| ' + ms(b.deliveryP50)).padStart(17),
        ms(b.deliveryP99).padStart(7),
        (b.breakingSent === undefined ? '—' : `${String(b.delivered ?? 0)}/${String(b.breakingSent)}`).padStart(11),
        `| ${ms(a.lagP99)} / ${ms(b.lagP99)}`.padStart(19),
      ].join(' '),
    );
  }
  for (const figures of [bare, bot]) {
    const kinds = figures.steps.filter((s) => s.errors > 0).map((s) => `${int(s.rate)}/s: ${Object.entries(s.errorKinds).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    if (kinds.length > 0) console.log(`${figures.kind} errors — ${kinds.join('; ')}`);
  }
}

async function main(): Promise<void> {
  const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`end-to-end benchmark — ${CPUS} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), load average ${load}, Node ${process.version}`);
  console.log(
    PIN
      ? `pinned with taskset: server under test on core ${SERVER_CORE}, load driver + simulator on core 0`
      : `not pinned (${hasTaskset ? 'one core' : 'no taskset'}): the three processes share the cores`,
  );
  console.log(
    `${int(STEP_SECONDS)} s per rate, open-loop, keep-alive; ${BREAK_EVERY === 0 ? "ordinary chat only" : `1 event in ${BREAK_EVERY} breaks a rule (each from its own author), the rest ordinary chat`}; ` +
      `ack latency from the time an event was due to the end of the response; "sustainable": achieved >= 95 % of target and p99 < 50 ms\n`,
  );
  const plan = workload();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-e2e-'));
  const sim = await SlackSimulator.start();
  fillWorkspace(sim, plan);
  const driver = fork(path.join(HERE, 'driver.js'), [], { execArgv: ['--expose-gc', '--max-semi-space-size=32'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    await nextMessage(driver, 'ready');
    pin(driver.pid as number, 0);
    pin(process.pid, 0);
    const bare = await runServer('bare', sim, driver, dir);
    const bot = await runServer('bot', sim, driver, dir);
    if (process.env['E2E_CPU_PROF'] === '1') console.log(`CPU profiles written to ${path.resolve('e2e-profiles')}`);
    const extra = Number(process.env['E2E_BARE_LISTENERS'] ?? 0);
    if (extra > 0) console.log(`(diagnosis run: the bare app has ${extra} extra no-op action listeners)`);
    printTable(bare, bot);
    const sustainedBare = sustainable(bare);
    const sustainedBot = sustainable(bot);
    console.log(`\nidle RSS after start: bare ${bare.idleRssMb.toFixed(0)} MB, bot ${bot.idleRssMb.toFixed(0)} MB`);
    console.log(`max sustainable rate: bare Bolt ${int(sustainedBare)} events/s, bot ${int(sustainedBot)} events/s (bot/bare ${sustainedBare > 0 ? ((100 * sustainedBot) / sustainedBare).toFixed(0) : '—'} %)`);
    const peakBare = Math.max(...bare.steps.map((s) => s.achieved));
    const peakBot = Math.max(...bot.steps.map((s) => s.achieved));
    console.log(`highest achieved rate: bare ${int(peakBare)} events/s, bot ${int(peakBot)} events/s (bot/bare ${((100 * peakBot) / peakBare).toFixed(0)} %)`);
    // Fixed background work (timers, idle GC) weighs on the low rates: the highest rate kept up with tells the cost per event.
    const cpu = (figures: ServerFigures): number => {
      const kept = figures.steps.filter((s) => s.achieved >= 0.95 * s.rate);
      return kept[kept.length - 1]?.cpuPerEvent ?? NaN;
    };
    const cpuBare = cpu(bare);
    const cpuBot = cpu(bot);
    console.log(
      `server CPU per event (at the highest rate it kept up with): bare ${int(cpuBare)} µs, bot ${int(cpuBot)} µs → one core's worth: bare ~${int(1e6 / cpuBare)} events/s, bot ~${int(1e6 / cpuBot)} events/s (bot/bare ${((100 * cpuBare) / cpuBot).toFixed(0)} %)`,
    );
    console.log('bar: bot >= 1,000 events/s with p99 < 50 ms, and >= 70 % of bare Bolt\'s throughput');
    console.log('\nnothing lost (bot):');
    for (const line of bot.integrity ?? []) console.log(`  ${line}`);
    console.log(`\nload average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  } finally {
    driver.send({ type: 'exit' });
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
