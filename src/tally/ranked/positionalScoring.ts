import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import { type Rational, rational, rationalFromNumber } from "../../core/rational.js";
import { fail, type Result } from "../../core/result.js";
import { type CompactBallots, compactBallots, wholeWeights } from "../ballots/compactBallots.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import { totalsOutcome } from "../ballots/totalsOutcome.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";

/**
 * A positional scoring rule with any scoring vector: the candidate ranked k-th (from 0) on
 * a ballot gets `vector[k]` points (0 past the vector's end and for unranked candidates);
 * candidates ranked equal share the points of the positions they span equally, exactly.
 * Weights count, totals are exact fractions, every tied winner is returned and the
 * ranking orders all candidates (withdrawn ones are passed over: the places below them
 * move up). `[1]` is plurality, `[n-1, …, 1, 0]` Borda, `[1, 1/2,
 * 1/3, …]` Dowdall (Nauru), `[1, …, 1, 0]` anti-plurality on complete rankings.
 *
 * @category Single winner
 * @example
 * ```ts
 * positionalScoring(profile, { vector: [3, 2, 1] }).ok;
 * positionalScoring(profile, { vector: [rational(1), rational(1, 2), rational(1, 3)] }).ok;
 * ```
 */
export function positionalScoring(
  profile: RankedProfile,
  options: { readonly vector: readonly (number | Rational)[]; readonly method?: string },
): Result<TallyOutcome> {
  const bad = options.vector.findIndex(
    (value) => typeof value === "number" && !Number.isFinite(value),
  );
  if (bad >= 0)
    return fail([
      tallyIssue(
        "invalid-scoring-vector",
        ["vector", bad],
        `score ${options.vector[bad]} is not a number`,
      ),
    ]);
  const vector = options.vector.map((value) =>
    typeof value === "number" ? rationalFromNumber(value) : value,
  );
  const ballots = compactBallots(profile);
  const totals = exactScores(ballots, vector);
  return totalsOutcome(
    options.method ?? "positional-scoring",
    ballots.candidates,
    totals,
    `points by position: ${vector.map((value) => (value.den === 1n ? `${value.num}` : `${value.num}/${value.den}`)).join(", ")}${vector.length > 0 ? ", then 0" : ""}`,
  );
}

/** Cells of the dense table of weight by candidate and position, at most. */
const DENSE_CELLS = 2 ** 24;

/**
 * Every candidate's total, exactly, without a fraction per ballot. Over a common
 * denominator: the vector's points are whole numbers `a[p] / D`, weights whole numbers
 * `w / M` (M: the common denominator of the weights as written), and a place shared by
 * a tier of k is `(a[p] + … + a[p+k-1]) / k`, brought to whole numbers by K, the common
 * multiple of the tiers' sizes. Places held alone add their weight to a table by
 * candidate and position, in doubles while the whole weights sum below 2^53 (so every
 * cell is exact), and the table is multiplied out once; the rest is added in bigints.
 */
function exactScores(ballots: CompactBallots, vector: readonly Rational[]): Rational[] {
  const { candidates, members, tierStart, ballotStart, weights } = ballots;
  const n = candidates.length;
  const places = Math.min(vector.length, n);
  const gcd = greatestCommonDivisor;
  const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;
  let D = 1n;
  for (let p = 0; p < places; p++) D = lcm(D, (vector[p] as Rational).den);
  const points = vector.slice(0, places).map((value) => value.num * (D / value.den));
  const prefix = [0n];
  for (let p = 0; p < places; p++) prefix.push((prefix[p] as bigint) + (points[p] as bigint));
  let K = 1n;
  for (let t = 0; t + 1 < tierStart.length; t++) {
    const k = (tierStart[t + 1] as number) - (tierStart[t] as number);
    if (k > 1) K = lcm(K, BigInt(k));
  }
  const { scale: M, whole, total } = wholeWeights(weights);
  let most = 0n;
  for (const value of points) if (value > most) most = value;
  // Whole points and weights whose largest possible score stays within 2^53: every partial
  // sum is a whole double, so doubles add them exactly, straight into the scores.
  if (total * most * K <= BigInt(Number.MAX_SAFE_INTEGER) && points.every((value) => value >= 0n))
    return Array.from(smallScores(ballots, points, prefix, K, whole), (score) =>
      rational(BigInt(score), D * K * M),
    );
  const dense = total <= BigInt(Number.MAX_SAFE_INTEGER) && n * places <= DENSE_CELLS;
  // Counts per candidate and place; 32-bit when the whole weight fits, half the memory
  // that the random writes below go through.
  const cells = dense ? n * places : 0;
  const table = total <= 0x7fffffffn ? new Int32Array(cells) : new Float64Array(cells);
  const numerators: bigint[] = candidates.map(() => 0n);
  for (let b = 0; b < weights.length; b++) {
    const big = whole(weights[b] as number);
    const small = Number(big);
    let p = 0;
    for (let t = ballotStart[b] as number; t < (ballotStart[b + 1] as number) && p < places; t++) {
      const begin = tierStart[t] as number;
      const k = (tierStart[t + 1] as number) - begin;
      if (k === 1 && dense) {
        const cell = (members[begin] as number) * places + p;
        table[cell] = (table[cell] as number) + small;
      } else {
        const share =
          big *
          ((prefix[Math.min(p + k, places)] as bigint) - (prefix[p] as bigint)) *
          (K / BigInt(k));
        for (let i = begin; i < begin + k; i++) {
          const c = members[i] as number;
          numerators[c] = (numerators[c] as bigint) + share;
        }
      }
      p += k;
    }
  }
  if (dense)
    for (let c = 0; c < n; c++) {
      let alone = 0n;
      for (let p = 0; p < places; p++) {
        const count = table[c * places + p] as number;
        if (count !== 0) alone += BigInt(count) * (points[p] as bigint);
      }
      numerators[c] = (numerators[c] as bigint) + alone * K;
    }
  return numerators.map((numerator) => rational(numerator, D * K * M));
}

/** {@link exactScores}' sums when every one fits a double exactly. */
function smallScores(
  ballots: CompactBallots,
  points: readonly bigint[],
  prefix: readonly bigint[],
  K: bigint,
  whole: (weight: number) => bigint,
): Float64Array {
  const { candidates, members, tierStart, ballotStart, weights } = ballots;
  const places = points.length;
  const K1 = Number(K);
  const single = points.map((value) => Number(value) * K1);
  const scores = new Float64Array(candidates.length);
  for (let b = 0; b < weights.length; b++) {
    const w = Number(whole(weights[b] as number));
    let p = 0;
    for (let t = ballotStart[b] as number; t < (ballotStart[b + 1] as number) && p < places; t++) {
      const begin = tierStart[t] as number;
      const k = (tierStart[t + 1] as number) - begin;
      if (k === 1) {
        const c = members[begin] as number;
        scores[c] = (scores[c] as number) + w * (single[p] as number);
      } else {
        const share =
          w *
          Number((prefix[Math.min(p + k, places)] as bigint) - (prefix[p] as bigint)) *
          (K1 / k);
        for (let i = begin; i < begin + k; i++) {
          const c = members[i] as number;
          scores[c] = (scores[c] as number) + share;
        }
      }
      p += k;
    }
  }
  return scores;
}
