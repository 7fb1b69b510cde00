import type { RankedProfile } from "./rankedProfile.js";

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
  const support = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const position = new Array<number>(n);
  for (const ballot of profile.ballots) {
    position.fill(Number.POSITIVE_INFINITY);
    ballot.ranking.forEach((tier, t) => {
      for (const candidate of tier) {
        const k = index.get(candidate);
        if (k !== undefined) position[k] = t;
      }
    });
    for (let i = 0; i < n; i++) {
      const row = support[i] as number[];
      for (let j = 0; j < n; j++) {
        if ((position[i] as number) < (position[j] as number))
          row[j] = (row[j] as number) + ballot.weight;
      }
    }
  }
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
