import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import { type Rational, rationalFromNumber } from "../../core/rational.js";
import type { RankedBallot, RankedProfile } from "./rankedProfile.js";

/**
 * Ranked ballots as flat typed arrays, for counts that walk every ballot many times
 * (instant runoff, Coombs, Bucklin, positional scores): candidates are numbers, withdrawn
 * ones are left out (and tiers they leave empty dropped), and no object is allocated per
 * ballot or tier. Ballot `b` has the tiers `ballotStart[b]` to `ballotStart[b + 1] - 1`;
 * tier `t` has the candidates `members[tierStart[t]]` to `members[tierStart[t + 1] - 1]`.
 *
 * @internal
 */
export interface CompactBallots {
  /** The candidates still standing (not withdrawn), in the profile's order. */
  readonly candidates: readonly string[];
  readonly weights: Float64Array;
  /** Candidate numbers (16 bits when there are at most 65,535 candidates). */
  readonly members: Int32Array | Uint16Array;
  readonly tierStart: Int32Array;
  readonly ballotStart: Int32Array;
}

/**
 * A profile's ballots as {@link CompactBallots}, in one pass over the rankings.
 *
 * @internal
 */
export function compactBallots(profile: RankedProfile): CompactBallots {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const index = new Map(candidates.map((candidate, c) => [candidate, c]));
  const B = profile.ballots.length;
  // Sizes first, so that each array is allocated once at its final size: on a profile of
  // ten million ranked places, every extra large allocation costs a full garbage collection
  // over the profile's own objects, which is most of the time.
  let places = 0;
  let tiers = 0;
  for (let b = 0; b < B; b++) {
    const ranking = (profile.ballots[b] as RankedBallot).ranking;
    tiers += ranking.length;
    for (let r = 0; r < ranking.length; r++) places += (ranking[r] as readonly string[]).length;
  }
  const members: Int32Array | Uint16Array =
    candidates.length <= 0xffff ? new Uint16Array(places) : new Int32Array(places);
  const tierStart = new Int32Array(tiers + 1);
  const ballotStart = new Int32Array(B + 1);
  const weights = new Float64Array(B);
  let m = 0;
  let t = 0;
  for (let b = 0; b < B; b++) {
    const ballot = profile.ballots[b] as RankedBallot;
    const ranking = ballot.ranking;
    ballotStart[b] = t;
    weights[b] = ballot.weight;
    for (let r = 0; r < ranking.length; r++) {
      const tier = ranking[r] as readonly string[];
      const begin = m;
      for (let k = 0; k < tier.length; k++) {
        const c = index.get(tier[k] as string);
        if (c !== undefined) members[m++] = c;
      }
      if (m > begin) tierStart[t++] = begin;
    }
  }
  ballotStart[B] = t;
  tierStart[t] = m;
  // Withdrawn candidates leave the ends unused; views, not copies.
  return {
    candidates,
    weights,
    members: members.subarray(0, m),
    tierStart: tierStart.subarray(0, t + 1),
    ballotStart,
  };
}

/**
 * How many of tier `t`'s candidates are still in the count.
 *
 * @internal
 */
export function standingIn(ballots: CompactBallots, t: number, alive: Uint8Array): number {
  let k = 0;
  for (let i = ballots.tierStart[t] as number; i < (ballots.tierStart[t + 1] as number); i++)
    k += alive[ballots.members[i] as number] as number;
  return k;
}

/**
 * Ballot weights as whole numbers: each weight read as written (0.1 is 1/10, as
 * {@link rationalFromNumber} reads it) times `scale`, the common denominator of them all;
 * `total` is their sum. Sums of whole weights below 2^53 are exact in doubles.
 *
 * @internal
 */
export function wholeWeights(weights: Float64Array): {
  readonly scale: bigint;
  readonly whole: (weight: number) => bigint;
  readonly total: bigint;
} {
  const asWritten = new Map<number, Rational>();
  for (const weight of weights)
    if (!asWritten.has(weight)) asWritten.set(weight, rationalFromNumber(weight));
  let scale = 1n;
  for (const value of asWritten.values())
    scale = (scale / greatestCommonDivisor(scale, value.den)) * value.den;
  const whole = (weight: number) => {
    const value = asWritten.get(weight) as Rational;
    return value.num * (scale / value.den);
  };
  let total = 0n;
  for (const weight of weights) total += whole(weight);
  return { scale, whole, total };
}
