/** The previous Schulze, on every candidate (no top-cycle restriction), kept to check the fast one. */
import type { Result } from "../../../src/core/result.js";
import { marginOutcome, margins } from "../../../src/tally/ballots/marginHelpers.js";
import { pairwiseMatrix } from "../../../src/tally/ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome } from "../../../src/tally/outcome.js";

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
export function referenceSchulze(profile: RankedProfile): Result<TallyOutcome> {
  const matrix = pairwiseMatrix(profile);
  const m = margins(matrix);
  const n = matrix.candidates.length;
  const strength = m.map((row) => row.map((value) => Math.max(value, 0)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = Math.min(
          (strength[i] as number[])[k] as number,
          (strength[k] as number[])[j] as number,
        );
        if (via > ((strength[i] as number[])[j] as number)) (strength[i] as number[])[j] = via;
      }
    }
  }
  const winners = matrix.candidates.filter((_, i) =>
    matrix.candidates.every(
      (_, j) =>
        i === j ||
        ((strength[i] as number[])[j] as number) >= ((strength[j] as number[])[i] as number),
    ),
  );
  return marginOutcome(
    "schulze",
    matrix,
    winners,
    "no candidate has a stronger beat path against the winners",
  );
}
