/**
 * The greatest common divisor of two bigints (always ≥ 0; `gcd(0, 0)` is 0).
 *
 * @category Numbers
 * @example
 * ```ts
 * greatestCommonDivisor(12n, -18n); //=> 6n
 * ```
 */
export function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}
