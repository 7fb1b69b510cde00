/**
 * Lazy evaluation's next project: the one still in play, not yet evaluated this round,
 * with the lowest lower bound (the first such in index order on a tie), or -1 if none.
 * Shared by the rules that keep lower bounds from round to round (equal shares,
 * sequential Phragmén).
 *
 * @internal
 * @example
 * ```ts
 * lowestBoundProject(Uint8Array.of(1, 1), Uint8Array.of(0, 0), Float64Array.of(2, 1)); //=> 1
 * ```
 */
export function lowestBoundProject(
  alive: Uint8Array,
  fresh: Uint8Array,
  lower: Float64Array,
): number {
  let next = -1;
  for (let p = 0; p < alive.length; p++) {
    if (
      alive[p] === 1 &&
      fresh[p] === 0 &&
      (next < 0 || (lower[p] as number) < (lower[next] as number))
    )
      next = p;
  }
  return next;
}
