import type { MersenneTwister } from "./mersenneTwister.js";

/**
 * Ruby's `RAND_UPTO(max)`: a whole number in [0, max) from the generator, as Ruby's
 * `limited_rand` draws it — words masked to the smallest 2^k − 1 covering max − 1, drawn
 * again while above it. `max` 1 gives 0 without drawing.
 *
 * @category Random
 * @example
 * ```ts
 * rubyRandUpto(MersenneTwister.fromRubySeed(1n), 10); // as Random.new(1).rand(10)
 * ```
 */
export function rubyRandUpto(random: MersenneTwister, max: number): number {
  if (!Number.isSafeInteger(max) || max < 1 || max > 2 ** 32)
    throw new RangeError(`rubyRandUpto: ${max} is not a size from 1 to 2^32`);
  const limit = max - 1;
  if (limit === 0) return 0;
  let mask = limit;
  for (let shift = 1; shift < 32; shift *= 2) mask |= mask >>> shift;
  for (;;) {
    const value = (random.nextUint32() & mask) >>> 0;
    if (value <= limit) return value;
  }
}

/**
 * Ruby's `Array#sample(n, random:)` (array.c `ary_sample`, Ruby 3), draw for draw: n is
 * cut to the array's length; up to 10, n numbers `RAND_UPTO(len − i)` are drawn first and
 * each picks the r-th element not yet picked, in index order; beyond 10, a partial
 * Fisher–Yates shuffle (`j = i + RAND_UPTO(len − i)`, swap) and its first n. The picks
 * come in draw order.
 *
 * @category Random
 * @example
 * ```ts
 * rubySample([1, 2, 3, 4, 5], 2, MersenneTwister.fromRubySeed(42n)); // as [1, 2, 3, 4, 5].sample(2, random: Random.new(42))
 * ```
 */
export function rubySample<T>(items: readonly T[], n: number, random: MersenneTwister): T[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`rubySample: ${n} is not a count`);
  const len = items.length;
  const count = Math.min(n, len);
  if (count <= 10) {
    const draws = Array.from({ length: count }, (_, i) => rubyRandUpto(random, len - i));
    const sorted: number[] = [];
    return draws.map((draw) => {
      // The draw-th index not taken yet: step over every taken index at or below it.
      let index = draw;
      let at = 0;
      while (at < sorted.length && index >= (sorted[at] as number)) {
        index++;
        at++;
      }
      sorted.splice(at, 0, index);
      return items[index] as T;
    });
  }
  const shuffled = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + rubyRandUpto(random, len - i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled.slice(0, count);
}
