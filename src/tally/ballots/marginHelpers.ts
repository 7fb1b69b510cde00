import { ok, type Result } from "../../core/result.js";
import type { TallyOutcome } from "../outcome.js";
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
  const n = matrix.candidates.length;
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const row = matrix.support[i] as readonly number[];
    for (let j = 0; j < n; j++) {
      const value = (row[j] as number) - ((matrix.support[j] as readonly number[])[i] as number);
      if (value > 0) pairs.push([i, j, value]);
    }
  }
  if (pairs.length === 0) return "no candidate beats another";
  // In candidate order when there are few; the strongest first when there are many.
  if (pairs.length > MARGINS_SHOWN) pairs.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const shown = pairs
    .slice(0, MARGINS_SHOWN)
    .map(([i, j, value]) => `${matrix.candidates[i]} beats ${matrix.candidates[j]} by ${value}`);
  const more = pairs.length - MARGINS_SHOWN;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more pairs with smaller margins` : ""}`;
}

/** Margins written out in a round's note; the strongest first beyond this. */
const MARGINS_SHOWN = 45;

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
