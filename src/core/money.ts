import { formatDecimal, minimalScale, parseDecimal, rescaleDecimal } from "./decimal.js";

/**
 * An amount of money in integer minor units (a `bigint`, so budgets of 10^13 minor units
 * and sums of thousands of them never overflow or round). How many decimal digits a minor
 * unit has is the `scale` of the instance the amount belongs to: with scale 2,
 * `282809461n` is 2 828 094.61.
 *
 * @category Money
 * @example
 * ```ts
 * const budget: Money = 2_828_094_61n; // 2 828 094.61 at scale 2
 * ```
 */
export type Money = bigint;

/**
 * Reads an amount written in major units (`"2828094.61"`, `"12,50"`, `"500000"`) as minor
 * units at `scale`. Returns `undefined` if the text is not a plain decimal or has more
 * fraction digits than `scale` allows.
 *
 * @category Money
 * @example
 * ```ts
 * parseMoney("2828094.61", 2); //=> 282809461n
 * parseMoney("500000", 2);     //=> 50000000n
 * parseMoney("0.001", 2);      //=> undefined
 * ```
 */
export function parseMoney(text: string, scale: number): Money | undefined {
  const decimal = parseDecimal(text);
  return decimal === undefined ? undefined : rescaleDecimal(decimal, scale);
}

/**
 * Writes minor units at `scale` as a decimal string in major units, without trailing
 * zeros: the form used in JSON output, so no precision is ever lost.
 *
 * @category Money
 * @example
 * ```ts
 * formatMoney(282809461n, 2); //=> "2828094.61"
 * formatMoney(50000000n, 2);  //=> "500000"
 * ```
 */
export function formatMoney(amount: Money, scale: number): string {
  return formatDecimal(amount, scale);
}

/**
 * The smallest scale (number of fraction digits) at which every given amount is exact;
 * `undefined` if one of them is not a plain decimal.
 *
 * @category Money
 * @example
 * ```ts
 * moneyScaleOf(["500000", "2828094.61", "12.5"]); //=> 2
 * ```
 */
export function moneyScaleOf(texts: Iterable<string>): number | undefined {
  let scale = 0;
  for (const text of texts) {
    const decimal = parseDecimal(text);
    if (decimal === undefined) return undefined;
    scale = Math.max(scale, minimalScale(decimal));
  }
  return scale;
}
