import type { Result } from "../../core/result.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { dominanceComponents } from "./smithSet.js";

/**
 * The Schwartz set: the union of the smallest groups no outsider beats head to head
 * (a subset of the Smith set).
 *
 * @category Condorcet
 * @example
 * ```ts
 * schwartzSet(profile).ok;
 * ```
 */
export function schwartzSet(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const n = matrix.candidates.length;
  const beats = (a: number, b: number) => ((m[a] as number[])[b] as number) > 0;
  const components = dominanceComponents(n, beats);
  const componentOf = new Array<number>(n).fill(0);
  components.forEach((component, k) => {
    for (const c of component) componentOf[c] = k;
  });
  // A component is undominated when no candidate outside it beats one inside it.
  const winners = components
    .filter((component, k) =>
      component.every((c) =>
        Array.from({ length: n }, (_, o) => o).every((o) => componentOf[o] === k || !beats(o, c)),
      ),
    )
    .flat()
    .sort((a, b) => a - b)
    .map((c) => matrix.candidates[c] as string);
  return marginOutcome(
    "schwartz",
    matrix,
    winners,
    "no candidate outside the set beats a candidate in it",
  );
}
