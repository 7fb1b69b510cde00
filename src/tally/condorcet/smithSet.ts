import type { Result } from "../../core/result.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Strongly connected components of a digraph, in an order where every edge between two
 * components points from an earlier to a later one (Tarjan, then reversed).
 *
 * @internal
 */
export function dominanceComponents(
  n: number,
  edge: (a: number, b: number) => boolean,
): number[][] {
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    stack.push(v);
    onStack[v] = true;
    for (let w = 0; w < n; w++) {
      if (w === v || !edge(v, w)) continue;
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v] as number, low[w] as number);
      } else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
    }
    if (low[v] === index[v]) {
      const component: number[] = [];
      for (;;) {
        const w = stack.pop() as number;
        onStack[w] = false;
        component.push(w);
        if (w === v) break;
      }
      components.push(component.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if (index[v] === -1) visit(v);
  return components.reverse();
}

/**
 * The Smith set: the smallest set of candidates who each beat or tie every candidate
 * outside it head to head. With a Condorcet winner it is just that candidate.
 *
 * @category Condorcet
 * @example
 * ```ts
 * smithSet(profile); // winners: the top cycle
 * ```
 */
export function smithSet(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const components = dominanceComponents(
    matrix.candidates.length,
    (a, b) => ((m[a] as number[])[b] as number) >= 0,
  );
  const top = components[0] ?? [];
  return marginOutcome(
    "smith",
    matrix,
    top.map((c) => matrix.candidates[c] as string),
    "every candidate in the set beats or ties every candidate outside it",
  );
}
