import { ok, type Result } from "../core/result.js";
import type { TallyOutcome } from "./outcome.js";
import type { PairwiseMatrix } from "./pairwiseMatrix.js";

/**
 * The margins as a square array in candidate order.
 *
 * @internal
 */
export function margins(matrix: PairwiseMatrix): number[][] {
  const n = matrix.candidates.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: n },
      (_, j) =>
        ((matrix.support[i] as number[])[j] as number) -
        ((matrix.support[j] as number[])[i] as number),
    ),
  );
}

/**
 * Every positive head-to-head margin in words.
 *
 * @internal
 */
export function describeMargins(matrix: PairwiseMatrix): string {
  const m = margins(matrix);
  const parts: string[] = [];
  matrix.candidates.forEach((a, i) => {
    matrix.candidates.forEach((b, j) => {
      const value = (m[i] as number[])[j] as number;
      if (value > 0) parts.push(`${a} beats ${b} by ${value}`);
    });
  });
  return parts.length === 0 ? "no candidate beats another" : parts.join("; ");
}

/**
 * A one-round outcome of a pairwise rule.
 *
 * @internal
 */
export function marginOutcome(
  method: string,
  matrix: PairwiseMatrix,
  winners: readonly string[],
  note: string,
  scores?: Record<string, number>,
): Result<TallyOutcome> {
  return ok({
    method,
    winners,
    rounds: [
      { ...(scores === undefined ? {} : { tallies: scores }), note: describeMargins(matrix) },
    ],
    notes: [note],
  });
}
