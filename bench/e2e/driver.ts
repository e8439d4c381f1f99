/**
 * The load driver of `npm run bench:e2e`, a child process (forked by run.ts, IPC channel). On
 * `{ type: 'step', url, rate, seconds, first }` it builds the step's events (events `first` …
 * `first + rate × seconds − 1` of the workload), each an `event_callback` envelope signed like
 * Slack, then sends them open-loop: event i is due at start + i / rate whatever happened to the
 * ones before, over keep-alive connections. The ack latency of an event runs from the time it
 * was due (not when it could be sent) to the end of the HTTP response, so a server that falls
 * behind shows it in its latency instead of slowing the driver down. Answers `{ type: 'result' }`.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { eventCallback, messageEvent, signRequest } from '../../src/simulator';
import { SIGNING_SECRET, workload } from './workload';

const TIMEOUT_MS = 3_000; // Slack gives up on an ack after 3 s.

export interface StepCommand {
  type: 'step';
  url: string;
  rate: number;
  seconds: number;
  first: number;
}

export interface StepResult {
  type: 'result';
  sent: number;
  ok: number;
  errors: number;
  errorKinds: Record<string, number>;
  /** Ack latencies (ms) of the events answered 200. */
  latencies: number[];
  /** How late the driver itself sent events (ms), p99: its own share of the latency. */
  lagP99: number;
  /** From the first due time to the last answer (s). */
  wallSeconds: number;
  /** Breaking events: author and when they were sent (epoch ms), and whether they were acked. */
  breaking: Array<{ user: string; sentAt: number; ok: boolean }>;
}

const plan = workload();
let agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Prepared {
  body: string;
  headers: Record<string, string>;
  user: string;
  breaking: boolean;
}

function prepare(first: number, count: number): Prepared[] {
  const out: Prepared[] = [];
  for (let i = first; i < first + count; i++) {
    const planned = plan.event(i);
    const body = JSON.stringify(eventCallback(messageEvent({ channel: planned.channel, user: planned.user, text: planned.text }), { eventId: `Ev${String(i).padStart(9, '0')}` }));
    out.push({
      body,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...signRequest(SIGNING_SECRET, body) },
      user: planned.user,
      breaking: planned.breaking,
    });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function step(command: StepCommand): Promise<StepResult> {
  const count = Math.round(command.rate * command.seconds);
  const events = prepare(command.first, count);
  // Collect the garbage of preparing now rather than during the step (--expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const url = new URL(command.url);
  const latencies: number[] = [];
  const lags: number[] = [];
  const errorKinds: Record<string, number> = {};
  const breaking: StepResult['breaking'] = [];
  let ok = 0;
  let errors = 0;
  let done = 0;
  let lastAnswer = 0;
  const fail = (kind: string): void => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };

  return new Promise((resolve) => {
    const start = performance.now() + 20;
    const interval = 1000 / command.rate;
    let next = 0;
    const finish = (): void => {
      done += 1;
      lastAnswer = performance.now();
      if (done < count) return;
      lags.sort((a, b) => a - b);
      resolve({ type: 'result', sent: count, ok, errors, errorKinds, latencies, lagP99: percentile(lags, 99), wallSeconds: (lastAnswer - start) / 1000, breaking });
    };
    const send = (index: number, due: number): void => {
      const event = events[index] as Prepared;
      const sentAt = performance.now();
      lags.push(sentAt - due);
      const record = event.breaking ? { user: event.user, sentAt: performance.timeOrigin + sentAt, ok: false } : undefined;
      if (record !== undefined) breaking.push(record);
      let settled = false;
      const settle = (kind: string | undefined): void => {
        if (settled) return;
        settled = true;
        if (kind === undefined) {
          ok += 1;
          latencies.push(performance.now() - due);
          if (record !== undefined) record.ok = true;
        } else {
          fail(kind);
        }
        finish();
      };
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: event.headers, timeout: TIMEOUT_MS },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => settle(res.statusCode === 200 ? undefined : `HTTP ${String(res.statusCode)}`));
          res.on('error', (error) => settle(error.message));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout (3 s)')));
      req.on('error', (error) => settle(error.message.startsWith('timeout') ? 'timeout' : (error as NodeJS.ErrnoException).code ?? 'error'));
      req.end(event.body);
    };
    const tick = (): void => {
      const now = performance.now();
      while (next < count && start + next * interval <= now) {
        send(next, start + next * interval);
        next += 1;
      }
      if (next < count) setTimeout(tick, Math.max(0, Math.min(1, start + next * interval - performance.now())));
    };
    setTimeout(tick, 20);
  });
}

process.on('message', (message: StepCommand | { type: 'exit' }) => {
  if (message.type === 'exit') {
    agent.destroy();
    process.disconnect?.();
    return;
  }
  void step(message).then((result) => {
    // Close the keep-alive connections: the next step may target another server.
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    process.send?.(result);
  });
});
process.send?.({ type: 'ready' });
