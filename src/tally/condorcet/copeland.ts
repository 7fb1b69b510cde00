import { idRecord } from "../../core/idRecord.js";
import type { Result } from "../../core/result.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Copeland: one point per head-to-head win, minus one per loss (ties score 0); the most
 * points win. With `llull`, a tie scores like a win (1) instead.
 *
 * @category Condorcet
 * @example
 * ```ts
 * copeland(profile).ok; // winners: all with the best score
 * ```
 */
export function copeland(
  profile: RankedProfile,
  options: { readonly llull?: boolean } = {},
): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const scores = idRecord<number>();
  matrix.candidates.forEach((a, i) => {
    let score = 0;
    matrix.candidates.forEach((_, j) => {
      if (i === j) return;
      const value = (m[i] as number[])[j] as number;
      score +=
        value > 0
          ? 1
          : value < 0
            ? options.llull === true
              ? 0
              : -1
            : options.llull === true
              ? 1
              : 0;
    });
    scores[a] = score;
  });
  const best = Math.max(...Object.values(scores));
  const winners = matrix.candidates.filter((a) => scores[a] === best);
  return marginOutcome(
    options.llull === true ? "llull" : "copeland",
    matrix,
    winners,
    `the highest score is ${best}`,
    scores,
  );
}
