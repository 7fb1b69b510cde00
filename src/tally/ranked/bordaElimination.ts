import { idRecordFrom } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import { margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";

/**
 * Baldwin (`nanson: false`) and Nanson (`nanson: true`): recompute (symmetric) Borda
 * scores among the continuing candidates each round and eliminate the lowest (Baldwin; all
 * tied lowest go together) or every candidate below the average score (Nanson); the last
 * remain win. Both always elect a Condorcet winner.
 *
 * A candidate's symmetric Borda score among the continuing candidates is the sum of its
 * head-to-head margins against them (restricting the ballots changes no margin between
 * the candidates that remain), so the scores are counted once from the head-to-head
 * table and each elimination subtracts the margins against those who went out: whole
 * numbers for whole weights, exact.
 *
 * @category Single winner
 * @example
 * ```ts
 * bordaElimination(profile, { nanson: true }); // Nanson
 * ```
 */
export function bordaElimination(
  profile: RankedProfile,
  options: { readonly nanson?: boolean } = {},
): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const n = matrix.candidates.length;
  const alive = new Uint8Array(n).fill(1);
  let count = n;
  const scores = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const row = m[a] as number[];
    let sum = 0;
    for (let b = 0; b < n; b++) sum += row[b] as number;
    scores[a] = sum;
  }
  const rounds: TallyRound[] = [];
  const method = options.nanson === true ? "nanson" : "baldwin";
  const named = () =>
    idRecordFrom(
      matrix.candidates.flatMap((candidate, c) =>
        alive[c] === 1 ? [[candidate, scores[c] as number] as const] : [],
      ),
    );
  for (;;) {
    let lowest = Number.POSITIVE_INFINITY;
    let total = 0;
    for (let c = 0; c < n; c++) {
      if (alive[c] === 0) continue;
      total += scores[c] as number;
      if ((scores[c] as number) < lowest) lowest = scores[c] as number;
    }
    // Below the average: score × count < total, in whole numbers.
    const out: number[] = [];
    for (let c = 0; c < n; c++) {
      if (alive[c] === 0) continue;
      const score = scores[c] as number;
      if (options.nanson === true ? score * count < total : score === lowest) out.push(c);
    }
    if (out.length === 0 || out.length === count) {
      const winners = matrix.candidates.filter((_, c) => alive[c] === 1);
      rounds.push({
        tallies: named(),
        elected: winners,
        note: winners.length === 1 ? `${winners[0]} remains` : "the remaining candidates are tied",
      });
      return ok({ method, winners, rounds, notes: [] });
    }
    rounds.push({
      tallies: named(),
      eliminated: out.map((c) => matrix.candidates[c] as string),
      note:
        options.nanson === true
          ? `below the average Borda score (${total / count})`
          : `the lowest Borda score (${lowest})`,
    });
    for (const c of out) {
      alive[c] = 0;
      count--;
    }
    for (let a = 0; a < n; a++) {
      if (alive[a] === 0) continue;
      const row = m[a] as number[];
      let gone = 0;
      for (const c of out) gone += row[c] as number;
      scores[a] = (scores[a] as number) - gone;
    }
  }
}
