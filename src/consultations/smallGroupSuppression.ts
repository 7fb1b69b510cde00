/**
 * Which groups of a breakdown to hide so that no one can be singled out, as statistical
 * offices do for a table with a published total:
 * - primary suppression: every group smaller than `threshold` is hidden;
 * - complementary suppression: a total minus the groups shown gives the hidden groups'
 *   sum, so while fewer than two groups are hidden, or the hidden ones add up to less
 *   than `threshold`, the smallest shown group is hidden too (ties by the order given).
 *   Then what subtraction reveals is the sum of at least two groups, itself no small group.
 * When even hiding every group leaves one alone or a sum below the threshold, the whole
 * breakdown is `withheld` (publish none of it: its groups' names would give them away).
 *
 * @category Results
 * @example
 * ```ts
 * smallGroupSuppression(new Map([["A", 40], ["B", 3], ["C", 25]]), 10);
 * //=> { hidden: Set { "B", "C" }, withheld: false }
 * ```
 */
export function smallGroupSuppression<K>(
  sizes: ReadonlyMap<K, number>,
  threshold: number,
): { readonly hidden: ReadonlySet<K>; readonly withheld: boolean } {
  const hidden = new Set<K>();
  let sum = 0;
  for (const [group, size] of sizes)
    if (size < threshold) {
      hidden.add(group);
      sum += size;
    }
  if (hidden.size === 0) return { hidden, withheld: false };
  const shown = [...sizes].filter(([group]) => !hidden.has(group));
  // Stable: equal sizes keep the order given.
  shown.sort((a, b) => a[1] - b[1]);
  for (const [group, size] of shown) {
    if (hidden.size >= 2 && sum >= threshold) break;
    hidden.add(group);
    sum += size;
  }
  const withheld = hidden.size < 2 || sum < threshold;
  return { hidden: withheld ? new Set(sizes.keys()) : hidden, withheld };
}
