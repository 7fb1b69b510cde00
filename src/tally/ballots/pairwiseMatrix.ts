import { fail, ok, type Result } from "../../core/result.js";
import { tallyIssue } from "../tallyIssues.js";
import type { RankedProfile } from "./rankedProfile.js";

/**
 * The most work a head-to-head count may take: the sum over ballots of the square of the
 * number of candidates each ranks (every ranked pair is visited), about two seconds.
 * Pairwise methods return the issue `pairwise-work-limit` beyond it.
 *
 * @category Pairwise
 * @example
 * ```ts
 * PAIRWISE_WORK_LIMIT; //=> 2_000_000_000
 * ```
 */
export const PAIRWISE_WORK_LIMIT = 2_000_000_000;

/** The most candidates a head-to-head table is made for (two n × n tables of doubles). */
const PAIRWISE_CANDIDATE_LIMIT = 10_000;

/**
 * {@link pairwiseMatrix} within bounded work: the issue `pairwise-work-limit` instead of a
 * count that would take minutes (10,000 complete rankings of 1,000 candidates are 10^10
 * pairs) or a table that would not fit in memory.
 *
 * @internal
 */
export function boundedPairwiseMatrix(profile: RankedProfile): Result<PairwiseMatrix> {
  const n = profile.candidates.length;
  let work = n * n;
  for (const ballot of profile.ballots) {
    let ranked = 0;
    for (const tier of ballot.ranking) ranked += tier.length;
    work += ranked * ranked;
  }
  if (n > PAIRWISE_CANDIDATE_LIMIT || work > PAIRWISE_WORK_LIMIT) {
    return fail([
      tallyIssue(
        "pairwise-work-limit",
        ["ballots"],
        `a head-to-head count of these ballots visits ${work.toExponential(1)} pairs of candidates, more than the limit of ${PAIRWISE_WORK_LIMIT.toExponential(0)} (${n} candidates): use a method that does not compare every pair, such as instant runoff or plurality`,
        { work, limit: PAIRWISE_WORK_LIMIT, candidates: n },
      ),
    ]);
  }
  return ok(pairwiseMatrix(profile));
}

/**
 * Head-to-head counts: `support[i][j]` is the weight of ballots that rank candidate i
 * above candidate j (a ranked candidate is above every unranked one; equal ranks give no
 * preference). `margin(i, j) = support[i][j] − support[j][i]`. Exact for whole weights.
 *
 * @category Pairwise
 * @example
 * ```ts
 * const matrix = pairwiseMatrix(profile);
 * matrix.margin("montroll", "kiss"); // > 0: more voters prefer Montroll to Kiss
 * ```
 */
export interface PairwiseMatrix {
  readonly candidates: readonly string[];
  readonly support: readonly (readonly number[])[];
  readonly margin: (a: string, b: string) => number;
}

/**
 * Counts every head-to-head contest of a ranked profile (withdrawn candidates left out).
 *
 * @category Pairwise
 * @example
 * ```ts
 * pairwiseMatrix(profile).support[0]?.[1]; // voters preferring the first candidate to the second
 * ```
 */
export function pairwiseMatrix(profile: RankedProfile): PairwiseMatrix {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const n = candidates.length;
  const index = new Map(candidates.map((candidate, k) => [candidate, k]));
  const counts = Array.from({ length: n }, () => new Float64Array(n));
  const position = new Float64Array(n);
  const rankedWeight = new Float64Array(n);
  const both = Array.from({ length: n }, () => new Float64Array(n));
  const seenAt = new Int32Array(n).fill(-1);
  const ranked: number[] = [];
  const ballots = profile.ballots;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as (typeof ballots)[number];
    ranked.length = 0;
    const tiers = ballot.ranking;
    for (let t = 0; t < tiers.length; t++) {
      for (const candidate of tiers[t] as readonly string[]) {
        const k = index.get(candidate);
        if (k !== undefined && seenAt[k] !== b) {
          seenAt[k] = b;
          position[k] = t;
          ranked.push(k);
        }
      }
    }
    // A ranked i is preferred to every later-ranked j and to every unranked j:
    // support[i][j] = before[i][j] + ranked[i] − both[i][j], counted over ranked pairs only.
    const weight = ballot.weight;
    for (let x = 0; x < ranked.length; x++) {
      const i = ranked[x] as number;
      rankedWeight[i] = (rankedWeight[i] as number) + weight;
      const row = counts[i] as Float64Array;
      const bothRow = both[i] as Float64Array;
      const mine = position[i] as number;
      for (let y = 0; y < ranked.length; y++) {
        const j = ranked[y] as number;
        if (j === i) continue;
        bothRow[j] = (bothRow[j] as number) + weight;
        if (mine < (position[j] as number)) row[j] = (row[j] as number) + weight;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const row = counts[i] as Float64Array;
    const bothRow = both[i] as Float64Array;
    for (let j = 0; j < n; j++) {
      if (j !== i)
        row[j] = (row[j] as number) + (rankedWeight[i] as number) - (bothRow[j] as number);
    }
  }
  const support = counts.map((row) => Array.from(row));
  const at = (candidate: string) => {
    const k = index.get(candidate);
    if (k === undefined) throw new RangeError(`pairwiseMatrix: unknown candidate ${candidate}`);
    return k;
  };
  return {
    candidates,
    support,
    margin: (a, b) => {
      const i = at(a);
      const j = at(b);
      return ((support[i] as number[])[j] as number) - ((support[j] as number[])[i] as number);
    },
  };
}

/**
 * The head-to-head margin of `a` over `b` straight from the ballots (the weight ranking a
 * above b minus the weight ranking b above a; an unranked candidate is below every ranked
 * one): one pass, for methods that compare one pair.
 *
 * @internal
 */
export function headToHead(profile: RankedProfile, a: string, b: string): number {
  let margin = 0;
  for (const ballot of profile.ballots) {
    for (const tier of ballot.ranking) {
      const hasA = tier.includes(a);
      const hasB = tier.includes(b);
      if (hasA && hasB) break;
      if (hasA) {
        margin += ballot.weight;
        break;
      }
      if (hasB) {
        margin -= ballot.weight;
        break;
      }
    }
  }
  return margin;
}
