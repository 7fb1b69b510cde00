import { parseDecimal } from "./decimal.js";
import { greatestCommonDivisor } from "./greatestCommonDivisor.js";

/**
 * An exact fraction `num / den` on bigints, always in lowest terms with `den > 0`.
 * Used wherever a rule divides (prices, shares, welfare per cost) so that no decision
 * ever depends on floating-point rounding.
 *
 * @category Numbers
 * @example
 * ```ts
 * const third: Rational = rational(1, 3); //=> { num: 1n, den: 3n }
 * ```
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * Builds the fraction `num / den` in lowest terms. Throws on a zero denominator
 * (a programmer error, not bad input).
 *
 * @category Numbers
 * @example
 * ```ts
 * rational(6n, -4n); //=> { num: -3n, den: 2n }
 * rational(5);       //=> { num: 5n, den: 1n }
 * ```
 */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("rational: zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = greatestCommonDivisor(n, d);
  return g === 1n || g === 0n ? { num: n, den: d } : { num: n / g, den: d / g };
}

/**
 * Reads a plain decimal (`"0.125"`, `"3,5"`) exactly; `undefined` if it is not one.
 *
 * @category Numbers
 * @example
 * ```ts
 * rationalFromDecimal("0.125"); //=> { num: 1n, den: 8n }
 * ```
 */
export function rationalFromDecimal(text: string): Rational | undefined {
  const decimal = parseDecimal(text);
  return decimal === undefined ? undefined : rational(decimal.units, 10n ** BigInt(decimal.scale));
}

/**
 * `a + b`, exactly.
 *
 * @category Numbers
 * @example
 * ```ts
 * addRational(rational(1, 3), rational(1, 6)); //=> { num: 1n, den: 2n }
 * ```
 */
export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/**
 * `a − b`, exactly.
 *
 * @category Numbers
 * @example
 * ```ts
 * subtractRational(rational(1, 2), rational(1, 3)); //=> { num: 1n, den: 6n }
 * ```
 */
export function subtractRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/**
 * `a × b`, exactly.
 *
 * @category Numbers
 * @example
 * ```ts
 * multiplyRational(rational(2, 3), rational(3, 4)); //=> { num: 1n, den: 2n }
 * ```
 */
export function multiplyRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/**
 * `a ÷ b`, exactly. Throws if `b` is zero (a programmer error).
 *
 * @category Numbers
 * @example
 * ```ts
 * divideRational(rational(1, 2), rational(1, 4)); //=> { num: 2n, den: 1n }
 * ```
 */
export function divideRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

/**
 * Compares exactly: negative if `a < b`, zero if equal, positive if `a > b`.
 *
 * @category Numbers
 * @example
 * ```ts
 * compareRational(rational(1, 3), rational(2, 6)); //=> 0
 * compareRational(rational(1, 3), rational(1, 2)); //=> -1
 * ```
 */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Writes a fraction as `"num/den"`, or as `"num"` when it is whole.
 *
 * @category Numbers
 * @example
 * ```ts
 * formatRational(rational(3, 4)); //=> "3/4"
 * formatRational(rational(8, 2)); //=> "4"
 * ```
 */
export function formatRational(value: Rational): string {
  return value.den === 1n ? value.num.toString() : `${value.num}/${value.den}`;
}

/**
 * The decimal a JavaScript number stands for, as an exact fraction: `0.1` is `1/10`
 * (its shortest round-trip spelling), not the binary double nearest to it. Throws on
 * `NaN` and infinities (a programmer error).
 *
 * @category Numbers
 * @example
 * ```ts
 * rationalFromNumber(0.1);  //=> { num: 1n, den: 10n }
 * rationalFromNumber(1e-7); //=> { num: 1n, den: 10000000n }
 * rationalFromNumber(3);    //=> { num: 3n, den: 1n }
 * ```
 */
export function rationalFromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`rationalFromNumber: ${value} is not finite`);
  if (Number.isSafeInteger(value)) return { num: BigInt(value), den: 1n };
  const [mantissa = "", exponentText = "0"] = String(value).split("e");
  const base = rationalFromDecimal(mantissa);
  if (base === undefined) throw new RangeError(`rationalFromNumber: cannot read ${value}`);
  const exponent = Number(exponentText);
  const power = 10n ** BigInt(Math.abs(exponent));
  return exponent >= 0
    ? multiplyRational(base, { num: power, den: 1n })
    : divideRational(base, { num: power, den: 1n });
}

const SAFE = 2n ** 53n;

/** Bits of a positive bigint, within 4 (hex digits × 4). */
function bitLength(value: bigint): number {
  return value.toString(16).length * 4;
}

/**
 * The nearest double to a fraction, within two units in the last place, for any size of
 * numerator and denominator (plain `Number(num) / Number(den)` overflows past 2^1024).
 * For display and for fast estimates that are re-decided exactly, never for decisions.
 *
 * @category Numbers
 * @example
 * ```ts
 * rationalToNumber(rational(1, 3)); //=> 0.3333333333333333
 * rationalToNumber({ num: 10n ** 400n, den: 3n * 10n ** 399n }); //=> 3.3333333333333335
 * ```
 */
export function rationalToNumber(value: Rational): number {
  const { num, den } = value;
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  if (magnitude < SAFE && den < SAFE) return Number(num) / Number(den);
  if (magnitude === 0n) return 0;
  // Each conversion rounds once (half an ulp), the division once more: within 2 ulps.
  const top = Number(magnitude);
  const bottom = Number(den);
  if (top < Number.MAX_VALUE && bottom < Number.MAX_VALUE) {
    const quotient = top / bottom;
    if (quotient > 1e-290 && quotient < 1e290) return negative ? -quotient : quotient;
  }
  const shift = bitLength(den) - bitLength(magnitude) + 64;
  const quotient =
    shift >= 0 ? (magnitude << BigInt(shift)) / den : magnitude / (den << BigInt(-shift));
  // Scale by 2^-shift in two steps so neither factor overflows or underflows early.
  const half = Math.trunc(shift / 2);
  const result = Number(quotient) * 2 ** -half * 2 ** -(shift - half);
  return negative ? -result : result;
}

/**
 * Writes a fraction as a decimal rounded half away from zero to at most `digits`
 * places, trailing zeros dropped: for explanations people read. Decisions never use it.
 *
 * @category Numbers
 * @example
 * ```ts
 * formatRationalAsDecimal(rational(2, 3), 4); //=> "0.6667"
 * formatRationalAsDecimal(rational(5, 2), 4); //=> "2.5"
 * ```
 */
export function formatRationalAsDecimal(value: Rational, digits: number): string {
  const negative = value.num < 0n !== value.den < 0n && value.num !== 0n;
  const num = value.num < 0n ? -value.num : value.num;
  const den = value.den < 0n ? -value.den : value.den;
  const factor = 10n ** BigInt(digits);
  const scaled = (num * factor * 2n + den) / (den * 2n);
  const whole = scaled / factor;
  const fraction = (scaled % factor).toString().padStart(digits, "0").replace(/0+$/, "");
  const text = fraction === "" ? whole.toString() : `${whole}.${fraction}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}
