/**
 * A reproducible stream of random numbers in [0, 1) from a seed (the mulberry32
 * generator: 32-bit state, period 2^32), for tie-breaking lotteries and simulations that
 * anyone can re-run. A string seed is hashed (FNV-1a) to the state. Not for secrets.
 *
 * @category Random
 * @example
 * ```ts
 * const next = seededRandom("2026-budget-draw");
 * next(); // the same number on every machine, every time
 * ```
 */
export function seededRandom(seed: number | string): () => number {
  let state = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a seed. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < seed.length; k++) {
    hash ^= seed.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The items in a random order drawn from `seed` (Fisher–Yates with {@link seededRandom}):
 * the same seed always gives the same order. The input is not changed.
 *
 * @category Random
 * @example
 * ```ts
 * seededShuffle(["ana", "ben", "chloé"], 42); // one fixed order of the three
 * ```
 */
export function seededShuffle<T>(items: readonly T[], seed: number | string): T[] {
  const next = seededRandom(seed);
  const order = [...items];
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [order[k], order[j]] = [order[j] as T, order[k] as T];
  }
  return order;
}
