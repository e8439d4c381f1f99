/**
 * A small cache whose entries expire after a time-to-live, with a size bound (oldest first out)
 * and one lookup in flight per key (concurrent misses share it).
 */

/** A cache of values computed asynchronously per key. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  private readonly pending = new Map<K, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or the result of `load` (cached unless it throws). */
  async get(key: K, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expires > this.now()) return entry.value;
    const inFlight = this.pending.get(key);
    if (inFlight !== undefined) return inFlight;
    const loading = load()
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, loading);
    return loading;
  }

  /** Stores a value now (e.g. from an event that told us). */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /** Forgets a key (e.g. after a `channel_rename`). */
  delete(key: K): void {
    this.entries.delete(key);
  }
}
