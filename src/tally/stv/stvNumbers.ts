import {
  addRational,
  compareRational,
  formatRational,
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
  rationalToNumber,
  subtractRational,
} from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { tallyIssue } from "../tallyIssues.js";
import type { StvArithmetic } from "./stvEngine.js";

/**
 * The arithmetic an STV count is done in, as the counting rules name it:
 * - `rational`: exact fractions;
 * - `fixed`: decimals with `precision` places, every product and quotient truncated (or
 *   rounded up where the rule says so), as the PR Foundation's reference rules and the
 *   Scottish order count;
 * - `guarded`: fixed point with `precision + guard` places, where two values closer than
 *   half a unit of the last guard digit (10^-precision / 2) count as equal (droop's
 *   default for Meek: it gives the outcome of exact arithmetic at fixed-point speed).
 *
 * `displayDigits` only changes how values are shown (default: `precision`, or 12 for
 * rational).
 *
 * @category STV
 * @example
 * ```ts
 * const prf: StvArithmeticSpec = { kind: "fixed", precision: 9 };
 * const droopDefault: StvArithmeticSpec = { kind: "guarded", precision: 18, guard: 9 };
 * ```
 */
export type StvArithmeticSpec =
  | { readonly kind: "rational"; readonly displayDigits?: number }
  | { readonly kind: "fixed"; readonly precision: number; readonly displayDigits?: number }
  | {
      readonly kind: "guarded";
      readonly precision: number;
      /** Default: half the precision, as droop's Meek rule sets it. */
      readonly guard?: number;
      readonly displayDigits?: number;
    };

/**
 * A {@link StvArithmeticSpec} from its written form, as the CLI's `--arithmetic` takes it:
 * `rational`, `fixed:PLACES` or `guarded:PLACES[:GUARD]`; anything else is the issue
 * `invalid-arithmetic`.
 *
 * @category STV
 * @example
 * ```ts
 * parseStvArithmetic("guarded:18:9"); //=> ok({ kind: "guarded", precision: 18, guard: 9 })
 * parseStvArithmetic("fixed:9"); //=> ok({ kind: "fixed", precision: 9 })
 * ```
 */
export function parseStvArithmetic(text: string): Result<StvArithmeticSpec> {
  if (text === "rational") return ok({ kind: "rational" });
  const match = /^(fixed|guarded):(\d{1,3})(?::(\d{1,3}))?$/.exec(text);
  if (match === null || (match[1] === "fixed" && match[3] !== undefined))
    return fail([
      tallyIssue(
        "invalid-arithmetic",
        [],
        `the arithmetic is rational, fixed:PLACES or guarded:PLACES[:GUARD], not "${text}"`,
        { value: text },
      ),
    ]);
  const precision = Number(match[2]);
  return ok(
    match[1] === "fixed"
      ? { kind: "fixed", precision }
      : {
          kind: "guarded",
          precision,
          ...(match[3] === undefined ? {} : { guard: Number(match[3]) }),
        },
  );
}

/**
 * Values of one {@link StvArithmeticSpec}, with the operations an iterative count needs.
 *
 * @internal
 */
export interface StvNumbers<T> extends StvArithmetic<T> {
  readonly description: string;
  /** True for rational and guarded arithmetic: quota votes/(seats+1), elected above it. */
  readonly exact: boolean;
  /** The smallest positive value (zero when exact). */
  readonly epsilon: T;
  readonly fromInteger: (value: bigint) => T;
  readonly timesInteger: (a: T, k: bigint) => T;
  /** a / k, truncated in fixed and guarded arithmetic. */
  readonly divideInteger: (a: T, k: bigint) => T;
  readonly multiply: (a: T, b: T, round: "down" | "up") => T;
  readonly divide: (a: T, b: T, round: "down" | "up") => T;
  /** Order, with guarded arithmetic's tolerance. */
  readonly compare: (a: T, b: T) => number;
  /** Order of the stored values, without tolerance. */
  readonly compareExactly: (a: T, b: T) => number;
  readonly isZero: (a: T) => boolean;
  /** For people: rounded to the display digits. */
  readonly format: (a: T) => string;
  /** Every digit: a fraction (`"1501/2"`) or all the decimal places kept. */
  readonly formatExactly: (a: T) => string;
  /** The smallest value with at most `digits` decimals that is at least `a`. */
  readonly roundUpToDecimals: (a: T, digits: number) => T;
  /** Bits of the denominator: how far an exact value has grown (0 in fixed point). */
  readonly denominatorBits: (a: T) => number;
}

/** Floor division of bigints by a positive divisor (BigInt division truncates towards zero). */
function floorDivide(a: bigint, b: bigint): bigint {
  if (a >= 0n) return a / b;
  const q = a / b;
  return q * b === a ? q : q - 1n;
}

function digitsOf(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 1000)
    throw new RangeError(`${name} must be a whole number of digits, got ${value}`);
  return value;
}

/** Shows `units / 10^scale` with `display` decimals, rounding half up as droop does. */
function formatScaled(units: bigint, scale: number, display: number): string {
  const drop = 10n ** BigInt(Math.max(0, scale - display));
  const shown =
    scale > display ? floorDivide(units + drop / 2n, drop) : units * 10n ** BigInt(display - scale);
  const unit = 10n ** BigInt(display);
  const whole = floorDivide(shown, unit);
  const fraction = (shown - whole * unit).toString().padStart(display, "0");
  return display === 0 ? whole.toString() : `${whole}.${fraction}`;
}

/**
 * Fixed-point or guarded arithmetic on bigints scaled by 10^(precision + guard).
 *
 * @internal
 */
function scaledNumbers(precision: number, guard: number, display: number): StvNumbers<bigint> {
  const places = precision + guard;
  const scale = 10n ** BigInt(places);
  const tolerance = guard === 0 ? 0n : 10n ** BigInt(guard) / 2n || 1n;
  const product = (a: bigint, b: bigint, divisor: bigint, round: "down" | "up") => {
    const whole = a * b;
    const q = floorDivide(whole, divisor);
    return guard === 0 && round === "up" && q * divisor !== whole ? q + 1n : q;
  };
  return {
    description:
      guard === 0
        ? `fixed-point decimals, ${precision} places`
        : `guarded fixed-point decimals, ${precision} places and ${guard} guard digits`,
    exact: guard > 0,
    zero: 0n,
    one: scale,
    epsilon: 1n,
    fromInteger: (value) => value * scale,
    add: (a, b) => a + b,
    subtract: (a, b) => a - b,
    timesInteger: (a, k) => a * k,
    times: (a, count) => a * BigInt(count),
    divideInteger: (a, k) => floorDivide(a, k),
    multiply: (a, b, round) => product(a, b, scale, round),
    divide: (a, b, round) => product(a, scale, b, round),
    compare: (a, b) => {
      const difference = a - b;
      if (difference === 0n || (difference < 0n ? -difference : difference) < tolerance) return 0;
      return difference > 0n ? 1 : -1;
    },
    compareExactly: (a, b) => (a === b ? 0 : a > b ? 1 : -1),
    isZero: (a) => a === 0n,
    format: (a) => formatScaled(a, places, Math.min(display, places)),
    formatExactly: (a) => formatScaled(a, places, places),
    toNumber: (a) => Number(a) / Number(scale),
    roundUpToDecimals: (a, digits) => {
      if (digits >= places) return a;
      const unit = 10n ** BigInt(places - digits);
      const q = floorDivide(a, unit);
      return (q * unit === a ? q : q + 1n) * unit;
    },
    denominatorBits: () => 0,
  };
}

/**
 * Exact fractions.
 *
 * @internal
 */
function rationalNumbers(display: number): StvNumbers<Rational> {
  const zero = rational(0);
  const format = (a: Rational) => {
    const [whole, decimals = ""] = formatRationalAsDecimal(a, display).split(".");
    return display === 0 ? (whole as string) : `${whole}.${decimals.padEnd(display, "0")}`;
  };
  return {
    description: "exact fractions",
    exact: true,
    zero,
    one: rational(1),
    epsilon: zero,
    fromInteger: (value) => rational(value),
    add: addRational,
    subtract: subtractRational,
    timesInteger: (a, k) => rational(a.num * k, a.den),
    times: (a, count) => rational(a.num * BigInt(count), a.den),
    divideInteger: (a, k) => rational(a.num, a.den * k),
    multiply: (a, b) => multiplyRational(a, b),
    divide: (a, b) => rational(a.num * b.den, a.den * b.num),
    compare: compareRational,
    compareExactly: compareRational,
    isZero: (a) => a.num === 0n,
    format,
    formatExactly: formatRational,
    toNumber: rationalToNumber,
    roundUpToDecimals: (a, digits) => {
      const unit = 10n ** BigInt(digits);
      const scaled = a.num * unit;
      const q = scaled / a.den;
      const ceiling = q * a.den === scaled || scaled < 0n ? q : q + 1n;
      return rational(ceiling, unit);
    },
    denominatorBits: (a) => a.den.toString(2).length,
  };
}

/**
 * Runs `count` with the numbers of `spec`: the count is written once, generically.
 *
 * @internal
 */
export function withStvNumbers<R>(
  spec: StvArithmeticSpec,
  count: <T>(numbers: StvNumbers<T>) => R,
): R {
  if (spec.kind === "rational")
    return count(rationalNumbers(digitsOf("displayDigits", spec.displayDigits ?? 12)));
  const precision = digitsOf("precision", spec.precision);
  const guard =
    spec.kind === "guarded" ? digitsOf("guard", spec.guard ?? Math.floor(precision / 2)) : 0;
  return count(
    scaledNumbers(precision, guard, digitsOf("displayDigits", spec.displayDigits ?? precision)),
  );
}
