import type { Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { countStv, type StvRules } from "./stvEngine.js";
import { type StvArithmeticSpec, type StvNumbers, withStvNumbers } from "./stvNumbers.js";

/**
 * Options of {@link wigmStv}: the seats, the arithmetic (droop's default, guarded fixed
 * point with 18 places and 9 guard digits; `{ kind: "rational" }` for exact fractions,
 * whose size grows only with the number of surplus transfers, at most one per seat;
 * `{ kind: "fixed", precision: 4 }` is the PR Foundation's reference WIGM), and whether
 * sure losers are excluded in a batch before each transfer.
 *
 * @category STV
 * @example
 * ```ts
 * wigmStv(profile, { seats: 2, arithmetic: { kind: "fixed", precision: 4 }, defeatSureLosers: true });
 * ```
 */
export interface WigmStvOptions {
  readonly seats?: number;
  readonly arithmetic?: StvArithmeticSpec;
  readonly defeatSureLosers?: boolean;
}

/** droop's default arithmetic for WIGM: guarded fixed point, 18 places and 9 guard digits. */
const DROOP_DEFAULT: StvArithmeticSpec = { kind: "guarded", precision: 18, guard: 9 };

function wigmRules<T>(N: StvNumbers<T>, defeatSureLosers: boolean, id = "wigm-stv"): StvRules<T> {
  return {
    id,
    name: "WIGM STV",
    arithmetic: N,
    transferValue: (value, surplus, votes) =>
      N.divide(N.multiply(value, surplus, "down"), votes, "down"),
    quota: (valid, seats) => {
      const share = N.divideInteger(N.fromInteger(valid), BigInt(seats + 1));
      return N.exact ? share : N.add(share, N.epsilon);
    },
    reaches: (votes, quota) => N.compare(votes, quota) >= (N.exact ? 1 : 0),
    lookBack: false,
    defeatSureLosers,
    describe: (quota, valid, seats) =>
      `quota ${N.format(quota)} (${valid} / ${seats + 1}${N.exact ? "; a candidate needs more than it" : ", truncated, plus one unit; a candidate needs at least it"}); ${N.description}${defeatSureLosers ? "; sure losers excluded in batches" : ""}`,
  };
}

/**
 * Single transferable vote by the weighted inclusive Gregory method (WIGM), as droop's
 * `wigm` and the PR Foundation's reference WIGM rules count it: quota = valid votes /
 * (seats + 1) — in fixed-point arithmetic truncated plus one unit and reached at
 * equality, otherwise to be exceeded; the largest surplus is transferred first from all
 * of the elected candidate's papers, each at value × surplus / votes (each step truncated
 * in fixed point); otherwise the candidate with fewest votes is excluded (ties by the
 * file's tie order, BLT `[tie …]`, else candidate order). With `defeatSureLosers`, the
 * lowest hopefuls who cannot overtake the next even with every pending surplus are
 * excluded together first.
 *
 * @category STV
 * @example
 * ```ts
 * wigmStv(profile, { seats: 2 }).ok;
 * wigmStv(profile, { seats: 2, arithmetic: { kind: "fixed", precision: 4 } }).ok;
 * ```
 */
export function wigmStv(
  profile: RankedProfile,
  options: WigmStvOptions = {},
): Result<TallyOutcome> {
  return withStvNumbers(options.arithmetic ?? DROOP_DEFAULT, (numbers) =>
    countStv(
      profile,
      options.seats ?? profile.seats,
      wigmRules(numbers, options.defeatSureLosers ?? false),
    ),
  );
}

/**
 * The Proportional Representation Foundation's WIGM reference rule: {@link wigmStv} in
 * fixed-point decimals with 4 places, every product and quotient truncated; quota =
 * valid ballots / (seats + 1), truncated, plus 0.0001, reached at equality. With
 * `defeatSureLosers`, its variant that excludes sure losers in batches.
 *
 * @category STV
 * @example
 * ```ts
 * prfWigmStv(profile, { seats: 2 }).ok;
 * ```
 */
export function prfWigmStv(
  profile: RankedProfile,
  options: { readonly seats?: number; readonly defeatSureLosers?: boolean } = {},
): Result<TallyOutcome> {
  return withStvNumbers({ kind: "fixed", precision: 4 }, (numbers) =>
    countStv(
      profile,
      options.seats ?? profile.seats,
      wigmRules(numbers, options.defeatSureLosers ?? false, "prf-wigm-stv"),
    ),
  );
}
