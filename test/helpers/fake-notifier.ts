/**
 * A Notifier for tests: records what it delivers and fails on demand, the way Slack does
 * (429 with Retry-After, 5xx, timeouts, permanent errors).
 */
import type { Delivery, DeliveryReceipt } from '../../src/moderation/model';
import { DeliveryError, Notifier } from '../../src/moderation/ports';

/** What the fake does with one call: deliver, or fail in one of Slack's ways. */
export type FakeOutcome =
  | 'ok'
  | { transient: string; retryAfterMs?: number }
  | { permanent: string }
  | 'hang'
  | 'throw';

/** A scripted Notifier. */
export class FakeNotifier implements Notifier {
  /** Every successful delivery, in order. */
  readonly delivered: Delivery[] = [];
  /** Every call, successful or not. */
  calls = 0;
  private script: FakeOutcome[] = [];
  private nextTs = 1;

  /**
   * @param decide chooses the outcome of each call not covered by a scripted outcome
   *   (default: always deliver)
   */
  constructor(private decide: (delivery: Delivery) => FakeOutcome = () => 'ok') {}

  /** Queues outcomes for the next calls, in order. */
  then(...outcomes: FakeOutcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  /** Changes the default behaviour. */
  behave(decide: (delivery: Delivery) => FakeOutcome): this {
    this.decide = decide;
    return this;
  }

  async deliver(delivery: Delivery): Promise<DeliveryReceipt> {
    this.calls++;
    const outcome = this.script.shift() ?? this.decide(delivery);
    if (outcome === 'hang') return new Promise<DeliveryReceipt>(() => undefined);
    if (outcome === 'throw') throw new Error('socket hang up');
    if (outcome !== 'ok') {
      if ('permanent' in outcome) throw new DeliveryError(outcome.permanent, 'permanent');
      throw new DeliveryError(outcome.transient, 'transient', outcome.retryAfterMs);
    }
    this.delivered.push(delivery);
    return { channel: delivery.payload.channel, ts: `1732790400.${String(this.nextTs++).padStart(6, '0')}`, via: 'ephemeral' };
  }

  /** How many times each delivery id was delivered. */
  deliveryCounts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const d of this.delivered) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
    return counts;
  }
}

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public time = Date.UTC(2026, 10, 28, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}
