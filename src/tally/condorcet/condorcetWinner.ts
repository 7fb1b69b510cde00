import type { Result } from "../../core/result.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * The Condorcet winner: the candidate who beats every other head to head. `winners` is
 * empty when there is none (a cycle or ties).
 *
 * @category Condorcet
 * @example
 * ```ts
 * condorcetWinner(burlington); // winners: ["montroll"]
 * ```
 */
export function condorcetWinner(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const winners = matrix.candidates.filter((_, i) =>
    matrix.candidates.every((_, j) => i === j || ((m[i] as number[])[j] as number) > 0),
  );
  return marginOutcome(
    "condorcet",
    matrix,
    winners,
    winners.length === 0
      ? "no candidate beats every other"
      : `${winners[0]} beats every other candidate`,
  );
}
