import {
  addRational,
  compareRational,
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
  rationalToNumber,
  subtractRational,
} from "../core/rational.js";
import type { Result } from "../core/result.js";
import type { TallyOutcome } from "./outcome.js";
import type { RankedProfile } from "./rankedProfile.js";
import { countStv, type StvArithmetic, type StvRules } from "./stvEngine.js";

const exact: StvArithmetic<Rational> = {
  zero: rational(0),
  one: rational(1),
  add: addRational,
  subtract: subtractRational,
  times: (value, count) => multiplyRational(value, rational(count)),
  scale: (value, surplus, votes) =>
    multiplyRational(value, rational(surplus.num * votes.den, surplus.den * votes.num)),
  compare: compareRational,
  toNumber: rationalToNumber,
  format: (value) => formatRationalAsDecimal(value, 12),
};

const wigmRules: StvRules<Rational> = {
  id: "wigm-stv",
  name: "WIGM STV",
  arithmetic: exact,
  quota: (valid, seats) => rational(valid, BigInt(seats + 1)),
  reaches: (votes, quota) => compareRational(votes, quota) > 0,
  lookBack: false,
  describe: (quota, valid, seats) =>
    `quota ${exact.format(quota)} (${valid} / ${seats + 1}; a candidate needs more than it); exact fractions throughout`,
};

/**
 * Single transferable vote by the weighted inclusive Gregory method (WIGM) in exact
 * fractions: quota = valid votes / (seats + 1), and a candidate is elected with more than
 * it; the largest surplus is transferred first from all of the elected candidate's papers,
 * each at value × surplus / votes exactly; otherwise the candidate with fewest votes is
 * excluded (ties by the file's tie order, BLT `[tie …]`, else candidate order).
 *
 * @category STV
 * @example
 * ```ts
 * wigmStv(profile, { seats: 2 }).ok;
 * ```
 */
export function wigmStv(
  profile: RankedProfile,
  options: { readonly seats?: number } = {},
): Result<TallyOutcome> {
  return countStv(profile, options.seats ?? profile.seats, wigmRules);
}
