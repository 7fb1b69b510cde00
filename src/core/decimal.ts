/**
 * An exact decimal number: `units × 10^-scale`, e.g. `12.50` is `{ units: 1250n, scale: 2 }`.
 *
 * @category Numbers
 * @example
 * ```ts
 * const price: Decimal = { units: 1250n, scale: 2 }; // 12.50
 * ```
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * Reads a plain decimal number exactly: optional sign, digits, and an optional fraction
 * after `.` or `,` (decimal commas are common in European exports). No exponent, no
 * thousands separators, no surrounding spaces. Returns `undefined` for anything else.
 *
 * @category Numbers
 * @example
 * ```ts
 * parseDecimal("2828094.61"); //=> { units: 282809461n, scale: 2 }
 * parseDecimal("12,5");       //=> { units: 125n, scale: 1 }
 * parseDecimal("1e3");        //=> undefined
 * ```
 */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = "", fraction = ""] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

/**
 * Writes `units × 10^-scale` in plain decimal notation with `.` and no trailing zeros
 * after the point.
 *
 * @category Numbers
 * @example
 * ```ts
 * formatDecimal(282809461n, 2); //=> "2828094.61"
 * formatDecimal(1250n, 2);      //=> "12.5"
 * formatDecimal(-5n, 0);        //=> "-5"
 * ```
 */
export function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * Re-expresses a decimal with `scale` fraction digits, or `undefined` when that would lose
 * digits (e.g. `1.25` at scale 1).
 *
 * @category Numbers
 * @example
 * ```ts
 * rescaleDecimal({ units: 125n, scale: 1 }, 2); //=> 1250n
 * rescaleDecimal({ units: 125n, scale: 2 }, 1); //=> undefined
 * ```
 */
export function rescaleDecimal(value: Decimal, scale: number): bigint | undefined {
  if (scale >= value.scale) return value.units * 10n ** BigInt(scale - value.scale);
  const factor = 10n ** BigInt(value.scale - scale);
  return value.units % factor === 0n ? value.units / factor : undefined;
}

/**
 * The fewest fraction digits that still write `value` exactly (`12.50` needs 1).
 *
 * @category Numbers
 * @example
 * ```ts
 * minimalScale({ units: 1250n, scale: 2 }); //=> 1
 * minimalScale({ units: 500000n, scale: 0 }); //=> 0
 * ```
 */
export function minimalScale(value: Decimal): number {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return scale;
}
