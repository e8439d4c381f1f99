/**
 * Deterministic randomness for generated test data (chat corpus, Slack exports, randomised
 * tests): the same seed gives the same data on every machine.
 */

/** A source of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data; state is one uint32. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a non-empty list, uniformly. */
export function pick<T>(rng: Rng, xs: readonly T[]): T {
  const x = xs[Math.floor(rng() * xs.length)];
  if (x === undefined) throw new Error('pick() from an empty list');
  return x;
}
