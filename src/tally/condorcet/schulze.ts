import type { Result } from "../../core/result.js";
import { topCycle, widestPaths } from "../ballots/majorityGraph.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Schulze (beat path on margins): a path's strength is its weakest margin; a beats b
 * indirectly when a's strongest path to b is stronger than b's to a. Every candidate not
 * beaten that way wins.
 *
 * @category Condorcet
 * @example
 * ```ts
 * schulze(debian2002); // winners: ["3"] (Bdale Garbee)
 * ```
 */
export function schulze(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  // The winners are in the top cycle, and beat paths between its members stay in it.
  const members = topCycle(m);
  const s = members.length;
  const strength = widestPaths(m, members);
  const winners = members
    .filter((_, i) => {
      for (let j = 0; j < s; j++)
        if (i !== j && (strength[i * s + j] as number) < (strength[j * s + i] as number))
          return false;
      return true;
    })
    .map((c) => matrix.candidates[c] as string);
  return marginOutcome(
    "schulze",
    matrix,
    winners,
    "no candidate has a stronger beat path against the winners",
  );
}
