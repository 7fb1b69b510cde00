import { idRecord } from "../../core/idRecord.js";
import type { Result } from "../../core/result.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Minimax: the candidate whose worst head-to-head defeat (largest margin against) is
 * smallest wins.
 *
 * @category Condorcet
 * @example
 * ```ts
 * minimax(profile).ok;
 * ```
 */
export function minimax(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const worst = idRecord<number>();
  matrix.candidates.forEach((a, i) => {
    let value = 0;
    matrix.candidates.forEach((_, j) => {
      if (i !== j) value = Math.max(value, (m[j] as number[])[i] as number);
    });
    worst[a] = value;
  });
  const best = Math.min(...Object.values(worst));
  const winners = matrix.candidates.filter((a) => worst[a] === best);
  return marginOutcome("minimax", matrix, winners, `the smallest worst defeat is ${best}`, worst);
}
