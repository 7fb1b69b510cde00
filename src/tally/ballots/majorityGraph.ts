import { dominanceComponents } from "../condorcet/smithSet.js";

/*
 * The majority graph's top cycle and widest paths, shared by the Condorcet methods that
 * compare every pair.
 *
 * Every candidate of the top cycle (the Smith set: the top strongly connected component of
 * "beats or ties") beats every candidate outside it, so no path of positive margins leads
 * from outside back into it. Schulze's beat paths, Split Cycle's cycles and Ranked Pairs'
 * locked cycles between its members therefore never leave it, and their winners are among
 * its members: each is computed on the top cycle alone (on 1,000 candidates with a top
 * cycle of 20, a cube of 20 instead of 1,000).
 */

/**
 * The top cycle of a margin table, as candidate indices in increasing order.
 *
 * @internal
 */
export function topCycle(m: readonly (readonly number[])[]): number[] {
  const components = dominanceComponents(
    m.length,
    (a, b) => ((m[a] as readonly number[])[b] as number) >= 0,
  );
  return components[0] ?? [];
}

/**
 * Widest paths among `members` (indices into `m`) over positive margins: `paths[i * s + j]`
 * is the largest w such that a path from members[i] to members[j] has every margin ≥ w
 * (0 when no path of positive margins exists). Floyd–Warshall on a flat table.
 *
 * @internal
 */
export function widestPaths(
  m: readonly (readonly number[])[],
  members: readonly number[],
): Float64Array {
  const s = members.length;
  const paths = new Float64Array(s * s);
  for (let i = 0; i < s; i++) {
    const row = m[members[i] as number] as readonly number[];
    for (let j = 0; j < s; j++) {
      const value = row[members[j] as number] as number;
      if (i !== j && value > 0) paths[i * s + j] = value;
    }
  }
  for (let k = 0; k < s; k++) {
    const kRow = k * s;
    for (let i = 0; i < s; i++) {
      if (i === k) continue;
      const ik = paths[i * s + k] as number;
      if (ik === 0) continue;
      const iRow = i * s;
      for (let j = 0; j < s; j++) {
        const kj = paths[kRow + j] as number;
        const via = Math.min(ik, kj);
        if (via > (paths[iRow + j] as number) && j !== i) paths[iRow + j] = via;
      }
    }
  }
  return paths;
}
