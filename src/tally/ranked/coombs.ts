import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import { idRecordFrom } from "../../core/idRecord.js";
import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
} from "../../core/rational.js";
import { ok, type Result } from "../../core/result.js";
import { type CompactBallots, compactBallots, standingIn } from "../ballots/compactBallots.js";
import { displayName } from "../ballots/displayName.js";
import { placeTracker } from "../ballots/placeTracker.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
import { shareUnit } from "./plurality.js";

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
  // Long by design: the per-ballot bookkeeping of first and last places is kept incrementally
  // across rounds in typed arrays the whole count shares.
  const ballots = compactBallots(profile);
  const { candidates, members, tierStart, ballotStart, weights } = ballots;
  const n = candidates.length;
  const B = weights.length;
  const alive = new Uint8Array(n).fill(1);
  let count = n;
  // How many continuing candidates each ballot ranks, and the incomplete ballots that rank
  // each candidate (ballotsOf[c] is ballotsOfStart[c] to ballotsOfStart[c + 1] − 1 in
  // ballotList). A ballot that ranks every candidate is complete and stays so (below), so
  // it is left out: on complete rankings the lists are empty.
  const rankedAlive = new Int32Array(B);
  const ballotsOfStart = new Int32Array(n + 1);
  let longest = 0;
  for (let b = 0; b < B; b++) {
    const from = tierStart[ballotStart[b] as number] as number;
    const to = tierStart[ballotStart[b + 1] as number] as number;
    rankedAlive[b] = to - from;
    longest = Math.max(longest, to - from);
    if (to - from === n) continue;
    for (let i = from; i < to; i++) {
      const c = members[i] as number;
      ballotsOfStart[c + 1] = (ballotsOfStart[c + 1] as number) + 1;
    }
  }
  for (let c = 0; c < n; c++)
    ballotsOfStart[c + 1] = (ballotsOfStart[c + 1] as number) + (ballotsOfStart[c] as number);
  const ballotList = new Int32Array(ballotsOfStart[n] as number);
  const filled = ballotsOfStart.slice(0, n);
  for (let b = 0; b < B; b++) {
    const from = tierStart[ballotStart[b] as number] as number;
    const to = tierStart[ballotStart[b + 1] as number] as number;
    if (to - from === n) continue;
    for (let i = from; i < to; i++) {
      const c = members[i] as number;
      ballotList[filled[c] as number] = b;
      filled[c] = (filled[c] as number) + 1;
    }
  }
  // A ballot that leaves out k continuing candidates gives each weight / k of a last
  // place. weightRanking[r]: the weight of ballots ranking r continuing candidates;
  // rankedWeight[c][r]: the part of it ranking c. Then the left-out shares of c are
  // Σ_r (weightRanking[r] − rankedWeight[c][r]) / (count − r) over r < count. A ballot
  // that ranks every continuing candidate (r = count) is complete and stays so; its
  // entries, at r ≥ count from then on, are never read again, so they are no longer
  // moved (on complete rankings this is every ballot, and elimination costs O(ballots)).
  const width = longest + 1;
  const weightRanking = new Float64Array(width);
  const rankedWeight = new Float64Array(n * width);
  const incompleteAt = new Int32Array(width);
  const complete = new Uint8Array(B);
  for (let b = 0; b < B; b++) {
    const r = rankedAlive[b] as number;
    const w = weights[b] as number;
    if (r === count) {
      complete[b] = 1;
      continue;
    }
    incompleteAt[r] = (incompleteAt[r] as number) + 1;
    weightRanking[r] = (weightRanking[r] as number) + w;
    const from = tierStart[ballotStart[b] as number] as number;
    const to = tierStart[ballotStart[b + 1] as number] as number;
    for (let i = from; i < to; i++) {
      const cell = (members[i] as number) * width + r;
      rankedWeight[cell] = (rankedWeight[cell] as number) + w;
    }
  }
  const firstTier = ballotStart.slice(0, B);
  const lastTier = Int32Array.from({ length: B }, (_, b) => (ballotStart[b + 1] as number) - 1);
  const named = (values: Float64Array, unit: number) =>
    idRecordFrom(
      candidates.flatMap((name, c) =>
        alive[c] === 1 ? [[name, (values[c] as number) / unit] as const] : [],
      ),
    );
  // First places of every ballot, last places of the complete ones (see placeTracker).
  const firstPlaces = placeTracker(ballots, alive, firstTier, 1);
  for (let b = 0; b < B; b++) firstPlaces.add(b);
  const lastPlaces = placeTracker(ballots, alive, lastTier, -1);
  for (let b = 0; b < B; b++) if (complete[b] === 1) lastPlaces.add(b);
  let totalWeight = 0;
  for (let b = 0; b < B; b++) totalWeight += weights[b] as number;
  const rounds: TallyRound[] = [];
  for (;;) {
    const unit = shareUnit(count);
    // First preferences among the continuing candidates.
    const firsts = new Float64Array(n);
    firstPlaces.tally(unit, firsts);
    const active = totalWeight * unit - firstPlaces.exhausted() * unit;
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
    // Last places: the left-out shares, then the lowest tiers of complete ballots.
    const levels: number[] = [];
    for (let r = 0; r < width && r < count; r++)
      if ((incompleteAt[r] as number) > 0) levels.push(r);
    const last = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      if (alive[c] === 0) continue;
      let sum = 0;
      for (const r of levels) {
        const w = (weightRanking[r] as number) - (rankedWeight[c * width + r] as number);
        if (w !== 0) sum += (w * unit) / (count - r);
      }
      last[c] = sum;
    }
    lastPlaces.tally(unit, last);
    const out = mostLast(last, alive, count, unit, {
      ballots,
      rankedAlive,
      complete,
      lastTier,
      weightRanking,
      rankedWeight,
      levels,
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
    // Ballots whose first or (complete) last candidate went out move on.
    lastPlaces.remove(out);
    firstPlaces.remove(out);
    // Incomplete ballots that ranked them now rank one continuing candidate fewer (a
    // complete ballot's count is not read again).
    for (const gone of out) {
      for (let j = ballotsOfStart[gone] as number; j < (ballotsOfStart[gone + 1] as number); j++) {
        const b = ballotList[j] as number;
        const r = rankedAlive[b] as number;
        rankedAlive[b] = r - 1;
        if (complete[b] === 1) continue;
        const w = weights[b] as number;
        incompleteAt[r] = (incompleteAt[r] as number) - 1;
        incompleteAt[r - 1] = (incompleteAt[r - 1] as number) + 1;
        weightRanking[r] = (weightRanking[r] as number) - w;
        weightRanking[r - 1] = (weightRanking[r - 1] as number) + w;
        const from = tierStart[ballotStart[b] as number] as number;
        const to = tierStart[ballotStart[b + 1] as number] as number;
        for (let i = from; i < to; i++) {
          const c = members[i] as number;
          if (alive[c] === 0 && c !== gone) continue;
          rankedWeight[c * width + r] = (rankedWeight[c * width + r] as number) - w;
          rankedWeight[c * width + r - 1] = (rankedWeight[c * width + r - 1] as number) + w;
        }
      }
    }
    // Ballots whose left-out candidates are all gone are complete from now on.
    for (let b = 0; b < B; b++)
      if (complete[b] === 0 && rankedAlive[b] === count) {
        complete[b] = 1;
        incompleteAt[count] = (incompleteAt[count] as number) - 1;
        lastPlaces.add(b);
      }
  }
}

/** What the exact comparison of last places reads. */
interface LastPlaces {
  readonly ballots: CompactBallots;
  readonly rankedAlive: Int32Array;
  readonly complete: Uint8Array;
  readonly lastTier: Int32Array;
  readonly weightRanking: Float64Array;
  readonly rankedWeight: Float64Array;
  /** The values r < count at which incomplete ballots rank r continuing candidates. */
  readonly levels: readonly number[];
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
  const { weightRanking, rankedWeight, width, levels } = data;
  const { members, tierStart, ballotStart, weights } = data.ballots;
  const whole =
    count > data.longest &&
    Number.isSafeInteger(unit) &&
    weights.every((weight) => Number.isSafeInteger(weight));
  if (whole) {
    let denominator = 1n;
    for (const r of levels) {
      const k = BigInt(count - r);
      denominator = (denominator / greatestCommonDivisor(denominator, k)) * k;
    }
    const tally = (c: number) => {
      let sum = 0n;
      for (const r of levels) {
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
  const { rankedAlive, complete, lastTier } = data;
  const exact = new Map<number, Rational>(near.map((c) => [c, rational(0)]));
  const add = (c: number, weight: number, k: number) => {
    const value = exact.get(c);
    if (value !== undefined)
      exact.set(
        c,
        addRational(value, multiplyRational(rationalFromNumber(weight * unit), rational(1, k))),
      );
  };
  const ranked = new Uint8Array(last.length);
  for (let b = 0; b < weights.length; b++) {
    const from = tierStart[ballotStart[b] as number] as number;
    const to = tierStart[ballotStart[b + 1] as number] as number;
    if (complete[b] === 0) {
      const leftOut = count - (rankedAlive[b] as number);
      for (let i = from; i < to; i++) ranked[members[i] as number] = 1;
      for (const c of near) if (ranked[c] === 0) add(c, weights[b] as number, leftOut);
      for (let i = from; i < to; i++) ranked[members[i] as number] = 0;
      continue;
    }
    const t = lastTier[b] as number;
    if (t < (ballotStart[b] as number)) continue;
    const k = standingIn(data.ballots, t, alive);
    for (let i = tierStart[t] as number; i < (tierStart[t + 1] as number); i++) {
      const c = members[i] as number;
      if (alive[c] === 1) add(c, weights[b] as number, k);
    }
  }
  let best: Rational | undefined;
  for (const value of exact.values())
    if (best === undefined || compareRational(value, best) > 0) best = value;
  return near.filter((c) => compareRational(exact.get(c) as Rational, best as Rational) === 0);
}
