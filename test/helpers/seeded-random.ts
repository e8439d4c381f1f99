import { mulberry32 } from '../../bench/random';

/** A small deterministic PRNG (mulberry32), so randomised tests replay identically. */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
}

/** Shuffles in place with the given random source (Fisher–Yates). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
