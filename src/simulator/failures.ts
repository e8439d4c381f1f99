/**
 * Failures injected on the next calls of a method: a Slack error, a rate limit, an HTTP error,
 * or no answer at all.
 */

/** One injected failure. */
export type Failure =
  /** HTTP 200 `{ ok: false, error }`. */
  | { error: string }
  /** HTTP 429 with `Retry-After: <seconds>` and `{ ok: false, error: 'ratelimited' }`. */
  | { rateLimited: number }
  /** That HTTP status with `{ ok: false, error: 'fatal_error' }`. */
  | { status: number }
  /** Never answered until the simulator stops. */
  | { hang: true };

/** Per-method queues of pending failures; `'*'` matches any method. */
export class FailurePlan {
  private readonly queues = new Map<string, Failure[]>();

  /** Makes the next `times` calls of `method` (or of any method for `'*'`) fail. */
  add(method: string, failure: Failure, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`failNext: times must be a positive integer, got ${times}`);
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.queues.set(method, queue);
  }

  /** Takes the failure for this call of `method`, if one is pending. */
  take(method: string): Failure | undefined {
    return this.queues.get(method)?.shift() ?? this.queues.get('*')?.shift();
  }

  /** Drops every pending failure. */
  clear(): void {
    this.queues.clear();
  }
}
