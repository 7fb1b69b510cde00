import type { Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { countStv, type StvArithmetic, type StvRules } from "./stvEngine.js";

/** Votes are fixed-point numbers with 5 decimals, as the statute counts them. */
const SCALE = 100_000n;

/** A whole number of 1/100,000 votes with its 5 decimals (`"1234.50000"`). */
function fiveDecimals(units: bigint): string {
  const sign = units < 0n ? "-" : "";
  const magnitude = units < 0n ? -units : units;
  return `${sign}${magnitude / SCALE}.${(magnitude % SCALE).toString().padStart(5, "0")}`;
}

const fixedFive: StvArithmetic<bigint> = {
  zero: 0n,
  one: SCALE,
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  times: (value, count) => value * BigInt(count),
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  toNumber: (value) => Number(value) / Number(SCALE),
  format: (value) => String(Number(value) / Number(SCALE)),
  formatExactly: fiveDecimals,
};

/**
 * The same arithmetic in doubles holding whole numbers of 1/100,000 votes: exact while
 * every total stays below 2^53 (about 90 billion votes); each transfer value is computed
 * in bigints and truncated like the statute's.
 */
const fixedFiveSmall: StvArithmetic<number> = {
  zero: 0,
  one: Number(SCALE),
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  times: (value, count) => value * count,
  compare: (a, b) => a - b,
  toNumber: (value) => value / Number(SCALE),
  format: (value) => String(value / Number(SCALE)),
  formatExactly: (value) => fiveDecimals(BigInt(value)),
};

const scottishRulesSmall: StvRules<number> = {
  id: "scottish-stv",
  name: "Scottish STV",
  arithmetic: fixedFiveSmall,
  // Computed in bigints and truncated to 5 decimals, as the statute says.
  transferValue: (value, surplus, votes) =>
    Number((BigInt(value) * BigInt(surplus)) / BigInt(votes)),
  quota: (valid, seats) => Number((valid / BigInt(seats + 1) + 1n) * SCALE),
  reaches: (votes, quota) => votes >= quota,
  lookBack: true,
  describe: (quota, valid, seats) =>
    `quota ${fixedFiveSmall.format(quota)} (Droop: ⌊${valid} / ${seats + 1}⌋ + 1); values to 5 decimals, truncated`,
};

const scottishRules: StvRules<bigint> = {
  id: "scottish-stv",
  name: "Scottish STV",
  arithmetic: fixedFive,
  // Truncated to 5 decimals, as the statute says.
  transferValue: (value, surplus, votes) => (value * surplus) / votes,
  quota: (valid, seats) => (valid / BigInt(seats + 1) + 1n) * SCALE,
  reaches: (votes, quota) => votes >= quota,
  lookBack: true,
  describe: (quota, valid, seats) =>
    `quota ${fixedFive.format(quota)} (Droop: ⌊${valid} / ${seats + 1}⌋ + 1); values to 5 decimals, truncated`,
};

/**
 * Options of {@link scottishStv}.
 *
 * @category STV
 * @example
 * ```ts
 * scottishStv(profile, { seats: 4 });
 * ```
 */
export interface ScottishStvOptions {
  /** Seats to fill; default the profile's (BLT header). */
  readonly seats?: number;
}

/**
 * Single transferable vote as the Scottish Local Government Elections Order 2007 counts
 * it: Droop quota ⌊valid votes / (seats + 1)⌋ + 1; candidates reaching it are elected; the
 * largest surplus is transferred first, from all of the elected candidate's ballot papers,
 * each at a transfer value of value × surplus / votes truncated to 5 decimals; when no
 * surplus is waiting, the candidate with fewest votes is excluded and their papers pass on
 * at their current value. Ties between candidates are decided by their votes at the most
 * recent stage at which they differed, then by their order in the file (standing in for
 * the statute's drawing of lots). Equal rankings are not allowed on Scottish ballots.
 *
 * Every stage is a round: the votes after it, who was elected or excluded, and why.
 *
 * @category STV
 * @example
 * ```ts
 * const outcome = scottishStv(calton); // 3 seats, quota 1300
 * if (outcome.ok) outcome.value.winners; //=> ["8", "10", "9"]
 * ```
 */
export function scottishStv(
  profile: RankedProfile,
  options: ScottishStvOptions = {},
): Result<TallyOutcome> {
  const seats = options.seats ?? profile.seats;
  const voters = profile.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
  // Doubles are exact below 2^53 units of 1/100,000 vote; beyond, bigints.
  return voters * Number(SCALE) < 2 ** 52
    ? countStv(profile, seats, scottishRulesSmall)
    : countStv(profile, seats, scottishRules);
}
