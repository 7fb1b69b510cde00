import { greatestCommonDivisor } from "../core/greatestCommonDivisor.js";
import { idRecordFrom } from "../core/idRecord.js";
import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
} from "../core/rational.js";
import { ok, type Result } from "../core/result.js";
import { displayName } from "./displayName.js";
import type { TallyOutcome, TallyRound } from "./outcome.js";
import { shareUnit } from "./plurality.js";
import type { RankedProfile } from "./rankedProfile.js";

/**
 * Coombs: if a candidate has a majority of first preferences among the continuing ones
 * they win; otherwise the candidate(s) ranked last by the most voters go out (a ballot's
 * last place is its lowest-ranked continuing candidate, or shared by the continuing
 * candidates it leaves out).
 *
 * @category Single winner
 * @example
 * ```ts
 * coombs(profile).ok;
 * ```
 */
export function coombs(profile: RankedProfile): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const n = candidates.length;
  const index = new Map(candidates.map((candidate, c) => [candidate, c]));
  // Ballots as tiers of candidate numbers (withdrawn candidates left out).
  const tiers: Int32Array[][] = profile.ballots.map((ballot) =>
    ballot.ranking
      .map((tier) => Int32Array.from(tier.flatMap((candidate) => index.get(candidate) ?? [])))
      .filter((tier) => tier.length > 0),
  );
  const weights = profile.ballots.map((ballot) => ballot.weight);
  const B = tiers.length;
  const alive = new Uint8Array(n).fill(1);
  let count = n;
  // The ballots that rank each candidate, and how many continuing candidates each ranks.
  const ballotsOf: number[][] = Array.from({ length: n }, () => []);
  const rankedAlive = new Int32Array(B);
  let longest = 0;
  for (let b = 0; b < B; b++) {
    for (const tier of tiers[b] as Int32Array[])
      for (const c of tier) {
        (ballotsOf[c] as number[]).push(b);
        rankedAlive[b] = (rankedAlive[b] as number) + 1;
      }
    longest = Math.max(longest, rankedAlive[b] as number);
  }
  // A ballot that leaves out k continuing candidates gives each weight / k of a last
  // place. weightRanking[r]: the weight of ballots ranking r continuing candidates;
  // rankedWeight[c][r]: the part of it ranking c. Then the left-out shares of c are
  // Σ_r (weightRanking[r] − rankedWeight[c][r]) / (count − r), counted in O(longest).
  const width = longest + 1;
  const weightRanking = new Float64Array(width);
  const rankedWeight = new Float64Array(n * width);
  for (let b = 0; b < B; b++) {
    const r = rankedAlive[b] as number;
    const w = weights[b] as number;
    weightRanking[r] = (weightRanking[r] as number) + w;
    for (const tier of tiers[b] as Int32Array[])
      for (const c of tier)
        rankedWeight[c * width + r] = (rankedWeight[c * width + r] as number) + w;
  }
  const firstTier = new Int32Array(B);
  const lastTier = Int32Array.from(tiers, (ballot) => ballot.length - 1);
  const aliveIn = (tier: Int32Array) => {
    let k = 0;
    for (const c of tier) k += alive[c] as number;
    return k;
  };
  const named = (values: Float64Array, unit: number) =>
    idRecordFrom(
      candidates.flatMap((name, c) =>
        alive[c] === 1 ? [[name, (values[c] as number) / unit] as const] : [],
      ),
    );
  const rounds: TallyRound[] = [];
  for (;;) {
    const unit = shareUnit(count);
    // First preferences among the continuing candidates.
    const firsts = new Float64Array(n);
    let active = 0;
    for (let b = 0; b < B; b++) {
      const ballot = tiers[b] as Int32Array[];
      while (
        (firstTier[b] as number) < ballot.length &&
        aliveIn(ballot[firstTier[b] as number] as Int32Array) === 0
      )
        firstTier[b] = (firstTier[b] as number) + 1;
      const tier = ballot[firstTier[b] as number];
      if (tier === undefined) continue;
      const share = ((weights[b] as number) * unit) / aliveIn(tier);
      for (const c of tier) if (alive[c] === 1) firsts[c] = (firsts[c] as number) + share;
      active += (weights[b] as number) * unit;
    }
    let best = -1;
    for (let c = 0; c < n; c++)
      if (alive[c] === 1 && (firsts[c] as number) > best) best = firsts[c] as number;
    const leaders = candidates.filter((_, c) => alive[c] === 1 && firsts[c] === best);
    if ((best * 2 > active && leaders.length === 1) || count === 1) {
      rounds.push({
        tallies: named(firsts, unit),
        elected: leaders,
        note: `${displayName(profile, leaders[0] as string)} has a majority of first preferences`,
      });
      return ok({ method: "coombs", winners: leaders, rounds, notes: [] });
    }
    // Last places: the left-out shares, then the lowest tiers of ballots that rank every
    // continuing candidate (there are such ballots only once few candidates remain).
    const last = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      if (alive[c] === 0) continue;
      let sum = 0;
      for (let r = 0; r < width && r < count; r++) {
        const w = (weightRanking[r] as number) - (rankedWeight[c * width + r] as number);
        if (w !== 0) sum += (w * unit) / (count - r);
      }
      last[c] = sum;
    }
    if (count <= longest) {
      for (let b = 0; b < B; b++) {
        if ((rankedAlive[b] as number) < count) continue;
        const ballot = tiers[b] as Int32Array[];
        while (
          (lastTier[b] as number) >= 0 &&
          aliveIn(ballot[lastTier[b] as number] as Int32Array) === 0
        )
          lastTier[b] = (lastTier[b] as number) - 1;
        const tier = ballot[lastTier[b] as number];
        if (tier === undefined) continue;
        const share = ((weights[b] as number) * unit) / aliveIn(tier);
        for (const c of tier) if (alive[c] === 1) last[c] = (last[c] as number) + share;
      }
    }
    const out = mostLast(last, alive, count, unit, {
      tiers,
      weights,
      rankedAlive,
      lastTier,
      weightRanking,
      rankedWeight,
      width,
      longest,
    });
    if (out.length === count) {
      rounds.push({
        tallies: named(firsts, unit),
        elected: out.map((c) => candidates[c] as string),
        note: "every continuing candidate is last as often: a tie",
      });
      return ok({
        method: "coombs",
        winners: out.map((c) => candidates[c] as string),
        rounds,
        notes: ["tied winners"],
      });
    }
    const most = last[out[0] as number] as number;
    rounds.push({
      tallies: named(last, unit),
      eliminated: out.map((c) => candidates[c] as string),
      note: `ranked last by the most voters (${most / unit})`,
    });
    for (const c of out) {
      alive[c] = 0;
      count--;
    }
    // Ballots that ranked them now rank one continuing candidate fewer.
    for (const gone of out) {
      for (const b of ballotsOf[gone] as number[]) {
        const r = rankedAlive[b] as number;
        const w = weights[b] as number;
        weightRanking[r] = (weightRanking[r] as number) - w;
        weightRanking[r - 1] = (weightRanking[r - 1] as number) + w;
        for (const tier of tiers[b] as Int32Array[])
          for (const c of tier) {
            if (alive[c] === 0 && c !== gone) continue;
            rankedWeight[c * width + r] = (rankedWeight[c * width + r] as number) - w;
            rankedWeight[c * width + r - 1] = (rankedWeight[c * width + r - 1] as number) + w;
          }
        rankedAlive[b] = r - 1;
      }
    }
  }
}

/** What the exact comparison of last places reads. */
interface LastPlaces {
  readonly tiers: readonly Int32Array[][];
  readonly weights: readonly number[];
  readonly rankedAlive: Int32Array;
  readonly lastTier: Int32Array;
  readonly weightRanking: Float64Array;
  readonly rankedWeight: Float64Array;
  readonly width: number;
  readonly longest: number;
}

/**
 * The candidates ranked last by the most voters. Shares of a vote split k ways are
 * doubles; the candidates within rounding of the most are compared again exactly: with
 * whole weights and no ballot ranking every continuing candidate, each tally is
 * Σ_r (whole weight) / (count − r) over at most `longest + 1` values of r, compared over
 * their common denominator in bigints; otherwise ballot by ballot in fractions.
 */
function mostLast(
  last: Float64Array,
  alive: Uint8Array,
  count: number,
  unit: number,
  data: LastPlaces,
): number[] {
  let most = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < last.length; c++)
    if (alive[c] === 1 && (last[c] as number) > most) most = last[c] as number;
  const tolerance = Math.abs(most) * 1e-9 + 1e-9;
  const near: number[] = [];
  for (let c = 0; c < last.length; c++)
    if (alive[c] === 1 && (last[c] as number) >= most - tolerance) near.push(c);
  if (near.length === 1) return near;
  const { weightRanking, rankedWeight, width } = data;
  const whole =
    count > data.longest &&
    Number.isSafeInteger(unit) &&
    data.weights.every((weight) => Number.isSafeInteger(weight));
  if (whole) {
    let denominator = 1n;
    for (let r = 0; r < width && r < count; r++) {
      const k = BigInt(count - r);
      denominator = (denominator / greatestCommonDivisor(denominator, k)) * k;
    }
    const tally = (c: number) => {
      let sum = 0n;
      for (let r = 0; r < width && r < count; r++) {
        const w = (weightRanking[r] as number) - (rankedWeight[c * width + r] as number);
        if (w !== 0) sum += BigInt(w) * (denominator / BigInt(count - r));
      }
      return sum;
    };
    const exact = near.map((c) => [c, tally(c)] as const);
    let best = exact[0]?.[1] ?? 0n;
    for (const [, value] of exact) if (value > best) best = value;
    return exact.filter(([, value]) => value === best).map(([c]) => c);
  }
  // Ballot by ballot in fractions.
  const { tiers, weights, rankedAlive, lastTier } = data;
  const exact = new Map<number, Rational>(near.map((c) => [c, rational(0)]));
  const add = (c: number, weight: number, k: number) => {
    const value = exact.get(c);
    if (value !== undefined)
      exact.set(
        c,
        addRational(value, multiplyRational(rationalFromNumber(weight * unit), rational(1, k))),
      );
  };
  for (let b = 0; b < tiers.length; b++) {
    const ballot = tiers[b] as Int32Array[];
    const leftOut = count - (rankedAlive[b] as number);
    if (leftOut > 0) {
      const ranked = new Set<number>();
      for (const tier of ballot) for (const c of tier) if (alive[c] === 1) ranked.add(c);
      for (const c of near) if (!ranked.has(c)) add(c, weights[b] as number, leftOut);
      continue;
    }
    const tier = ballot[lastTier[b] as number];
    if (tier === undefined) continue;
    let k = 0;
    for (const c of tier) k += alive[c] as number;
    for (const c of tier) if (alive[c] === 1) add(c, weights[b] as number, k);
  }
  let best: Rational | undefined;
  for (const value of exact.values())
    if (best === undefined || compareRational(value, best) > 0) best = value;
  return near.filter((c) => compareRational(exact.get(c) as Rational, best as Rational) === 0);
}
