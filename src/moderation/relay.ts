/**
 * The outbox relay: delivers queued reminders and alerts through the Notifier.
 *
 * At-least-once with de-duplication: a delivery is marked sent only after the Notifier reports
 * success, so a crash between the two repeats at most that one delivery; everything else is
 * delivered exactly once as far as the bot can know. Transient failures (rate limits, 5xx,
 * timeouts, unknown errors) are retried with exponential back-off and jitter, honouring
 * `Retry-After`; permanent ones (e.g. `channel_not_found`) and deliveries that exhaust their
 * attempts are recorded as `failed`, where moderators see them. Deliveries survive a restart: they
 * live in the store, and a delivery leased by a process that died is taken again once its lease
 * expires.
 */
import type { Delivery } from './model';
import type { Logger } from './logger';
import { DeliveryError } from './ports';
import type { Clock, ModerationStore, Notifier } from './ports';
import { SYSTEM_CLOCK } from './ports';

/** Delivery errors that mean the bot's credentials no longer work. */
const AUTH_ERRORS: ReadonlySet<string> = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

/** Retry settings. */
export interface RetryPolicy {
  /** First retry delay (ms); doubles each attempt. */
  baseDelayMs: number;
  /** Longest delay between attempts (ms). */
  maxDelayMs: number;
  /** Attempts before giving up. */
  maxAttempts: number;
  /** A Notifier call taking longer than this counts as a transient `timeout` (ms). */
  timeoutMs: number;
}

/** One second, doubling up to five minutes, eight attempts (about 12 minutes in all), ten-second timeout. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
};

/** What the relay needs. */
export interface RelayDeps {
  store: ModerationStore;
  notifier: Notifier;
  clock?: Clock;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  /** Deliveries claimed per round. */
  batchSize?: number;
  /** How long a claimed delivery is reserved for this process (ms); must exceed the timeout. */
  leaseMs?: number;
  /** The longest sleep between rounds when nothing is due (ms). */
  idleMs?: number;
  /** Random source for jitter, in [0, 1). */
  random?: () => number;
}

/** How one round went. */
export interface RoundResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers the outbox, in rounds, on demand or in the background. */
export class OutboxRelay {
  private readonly clock: Clock;
  private readonly retry: RetryPolicy;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private round: Promise<RoundResult> | undefined;
  private wakeRequested = false;

  constructor(private readonly deps: RelayDeps) {
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
    this.batchSize = deps.batchSize ?? 20;
    this.leaseMs = deps.leaseMs ?? this.retry.timeoutMs * 3;
    this.idleMs = deps.idleMs ?? 5_000;
    this.random = deps.random ?? Math.random;
  }

  /**
   * Delivers what is due now, once (one batch). Deliveries of a batch go out concurrently.
   * Never throws: a store error is logged and the round counts nothing.
   */
  async runOnce(): Promise<RoundResult> {
    const result: RoundResult = { sent: 0, retried: 0, failed: 0 };
    let due: Delivery[];
    try {
      due = await this.deps.store.claimDueDeliveries(this.clock.now(), this.batchSize, this.leaseMs);
    } catch (error) {
      this.deps.logger?.error({ err: errorCode(error) }, 'outbox: could not claim deliveries');
      return result;
    }
    await Promise.all(due.map((delivery) => this.deliverOne(delivery, result)));
    return result;
  }

  /** Delivers until nothing is due now; returns the totals. For tests, the CLI and shutdown. */
  async drain(): Promise<RoundResult> {
    const total: RoundResult = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const round = await this.runOnce();
      total.sent += round.sent;
      total.retried += round.retried;
      total.failed += round.failed;
      if (round.sent + round.retried + round.failed === 0) return total;
    }
  }

  /** Starts delivering in the background: at once, then whenever something is due or {@link wake} is called. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Asks for a round soon (after new deliveries were queued). */
  wake(): void {
    if (!this.running) return;
    if (this.round !== undefined) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops the background loop and waits for the round in flight. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.round !== undefined) await this.round;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), Math.max(0, delayMs));
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    this.timer = undefined;
    if (!this.running || this.round !== undefined) return;
    this.wakeRequested = false;
    this.round = this.runOnce();
    const round = await this.round;
    this.round = undefined;
    if (!this.running) return;
    const busy = round.sent + round.retried + round.failed > 0;
    if (busy || this.wakeRequested) {
      this.schedule(0);
      return;
    }
    this.schedule(await this.untilNextDue());
  }

  private async untilNextDue(): Promise<number> {
    try {
      const due = await this.deps.store.nextDeliveryDue();
      if (due === undefined) return this.idleMs;
      return Math.min(this.idleMs, Math.max(0, due - this.clock.now()));
    } catch (error) {
      this.deps.logger?.error({ err: errorCode(error) }, 'outbox: could not read the next due time');
      return this.idleMs;
    }
  }

  private async deliverOne(delivery: Delivery, result: RoundResult): Promise<void> {
    const { store, notifier, logger } = this.deps;
    const fields = { delivery: delivery.id, kind: delivery.kind, attempt: delivery.attempts + 1 };
    try {
      const receipt = await withTimeout(notifier.deliver(delivery), this.retry.timeoutMs);
      await store.completeDelivery(delivery.id, receipt, this.clock.now());
      result.sent++;
      logger?.info({ ...fields, via: receipt.via }, 'outbox: delivered');
      return;
    } catch (error) {
      const failure = classify(error);
      try {
        const attempts = delivery.attempts + 1;
        if (failure.kind === 'permanent' || attempts >= this.retry.maxAttempts) {
          const code = failure.kind === 'permanent' ? failure.code : `gave_up:${failure.code}`;
          await store.failDelivery(delivery.id, code, this.clock.now());
          result.failed++;
          // A refused token stops every delivery: an error, for whoever watches the logs.
          const log = AUTH_ERRORS.has(code) ? logger?.error : logger?.warn;
          log?.call(logger, { ...fields, error: code }, 'outbox: delivery failed for good');
        } else {
          const delay = this.delayBefore(attempts, failure.retryAfterMs);
          await store.retryDelivery(delivery.id, failure.code, this.clock.now() + delay);
          result.retried++;
          logger?.info({ ...fields, error: failure.code, retryInMs: delay }, 'outbox: will retry');
        }
      } catch (storeError) {
        // The lease expires and the delivery is taken again: nothing is lost.
        logger?.error({ ...fields, err: errorCode(storeError) }, 'outbox: could not record the outcome');
      }
    }
  }

  /** Exponential back-off with jitter (50–100 % of the step), never shorter than Retry-After. */
  private delayBefore(attempts: number, retryAfterMs: number | undefined): number {
    const step = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempts - 1));
    const jittered = Math.round(step * (0.5 + this.random() / 2));
    return Math.max(jittered, retryAfterMs ?? 0);
  }
}

/** Reads any error as a delivery failure; what the Notifier did not classify is transient. */
function classify(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(errorCode(error), 'transient');
}

/** A short code for an error, safe to store and log (never its message, which may quote text). */
function errorCode(error: unknown): string {
  if (error instanceof DeliveryError) return error.code;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error.name;
  }
  return 'unknown';
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError('timeout', 'transient')), timeoutMs);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
