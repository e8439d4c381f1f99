/**
 * The log of Web API calls the simulator received, and waiting for calls to arrive.
 */

/** One Web API call as the simulator received and answered it. */
export interface RecordedCall {
  /** e.g. `'chat.postEphemeral'`. */
  method: string;
  /** Parsed arguments (form-encoded JSON fields decoded; the token left out). */
  args: Record<string, unknown>;
  /** `Date.now()` on receipt. */
  at: number;
  /** The JSON body answered; `undefined` for a call left hanging. */
  response: unknown;
  /** HTTP status answered: 200 (also for `ok:false`), 429, 5xx…; 0 for a call left hanging. */
  status: number;
}

interface Waiter {
  method: string;
  count: number;
  resolve: (calls: RecordedCall[]) => void;
}

/** Records calls and resolves waiters as calls arrive. */
export class CallRecorder {
  /** Every call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  private waiters: Waiter[] = [];

  /** Appends a call and wakes the waiters it satisfies. */
  record(call: RecordedCall): void {
    this.calls.push(call);
    this.waiters = this.waiters.filter((waiter) => {
      const matching = this.callsTo(waiter.method);
      if (matching.length < waiter.count) return true;
      waiter.resolve(matching);
      return false;
    });
  }

  /** The calls to one method, in arrival order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /**
   * Resolves with the calls to `method` once at least `count` arrived; rejects after
   * `timeoutMs` with a message listing what did arrive.
   */
  waitFor(method: string, count: number, timeoutMs: number): Promise<RecordedCall[]> {
    const already = this.callsTo(method);
    if (already.length >= count) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        count,
        resolve: (calls) => {
          clearTimeout(timer);
          resolve(calls);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`SlackSimulator: waited ${timeoutMs} ms for ${count} call(s) to ${method}, got ${this.callsTo(method).length}. ${this.summary()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** `Calls received: auth.test ×1, users.info ×2 (1 failed: user_not_found).` */
  summary(): string {
    if (this.calls.length === 0) return 'No call received.';
    const counts = new Map<string, { total: number; errors: string[] }>();
    for (const call of this.calls) {
      const entry = counts.get(call.method) ?? { total: 0, errors: [] };
      entry.total += 1;
      const error = errorOf(call);
      if (error !== undefined) entry.errors.push(error);
      counts.set(call.method, entry);
    }
    const parts = [...counts].map(([method, { total, errors }]) =>
      errors.length === 0 ? `${method} ×${total}` : `${method} ×${total} (${errors.length} failed: ${[...new Set(errors)].join(', ')})`,
    );
    return `Calls received: ${parts.join(', ')}.`;
  }

  /** Forgets the log (waiters keep waiting). */
  clear(): void {
    this.calls.length = 0;
  }
}

function errorOf(call: RecordedCall): string | undefined {
  if (call.status === 0) return 'hang';
  if (call.status !== 200) return `HTTP ${call.status}`;
  const response = call.response;
  if (typeof response === 'object' && response !== null && 'error' in response) return String(response.error);
  return undefined;
}
