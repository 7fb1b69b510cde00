import type { PbProfile } from "./profile.js";

/**
 * Identical ballots merged into groups, stored flat: group g holds the projects
 * `flatProject[flatStart[g] .. flatStart[g + 1])`, in index order, with their values when
 * there are values, and stands for `groupMultiplicity[g]` voters.
 *
 * @internal
 */
export interface BallotGroups {
  readonly flatProject: Int32Array;
  readonly flatValue: Float64Array | undefined;
  readonly flatLength: number;
  readonly flatStart: Int32Array;
  readonly groupMultiplicity: Float64Array;
  readonly groupCount: number;
  readonly groupBallot: readonly PbProfile["ballots"][number][];
  readonly groupOfBallot: Int32Array;
}

/**
 * Merges identical ballots (the same projects with the same values) into groups: what
 * equal shares, sequential Phragmén and maximin support count instead of ballots. Ids
 * missing from `index`, values at or below 0 and ballots of multiplicity 0 are left out;
 * a project repeated on a ballot counts once. Without `valuesOf` every value is 1
 * (approvals). With `merge` false every ballot is its own group (a satisfaction that
 * reads the whole ballot), and `groupBallot` gives each group's ballot.
 *
 * @internal
 * @example
 * ```ts
 * const index = new Map([["a", 0], ["b", 1]]);
 * const groups = groupBallots(
 *   { voteType: "approval", ballots: [
 *     { projects: ["b", "a"], multiplicity: 1 },
 *     { projects: ["a", "b"], multiplicity: 2 },
 *   ], voteColumns: [] },
 *   index, undefined, true,
 * );
 * groups.groupCount; //=> 1
 * groups.groupMultiplicity[0]; //=> 3
 * ```
 */
export function groupBallots(
  profile: PbProfile,
  index: ReadonlyMap<string, number>,
  valuesOf: ((ballot: PbProfile["ballots"][number]) => readonly number[]) | undefined,
  merge: boolean,
): BallotGroups {
  // Long by design: groups ballots by hashing their contents into typed arrays in one pass.
  // Merge identical ballots (same projects with the same values) into groups, stored
  // flat: group g holds entries flatStart[g] .. flatStart[g + 1]. A numeric hash finds
  // candidates, compared entry by entry. With a general additive satisfaction a ballot's
  // satisfaction may depend on the whole ballot, so ballots are not merged.
  // Every array is sized once from a count of the ballots' entries: large typed arrays
  // are allocated outside the heap, and each one allocated counts towards the next full
  // garbage collection, which on a million ballots costs more than the grouping itself.
  // Approval ballots have no values (every value is 1).
  const ballots = profile.ballots;
  let capacity = 0;
  let longest = 0;
  for (const ballot of ballots) {
    if (ballot.multiplicity <= 0) continue;
    const length = ballot.projects.length;
    capacity += length;
    if (length > longest) longest = length;
  }
  const flatProject = new Int32Array(capacity);
  const flatValue = valuesOf === undefined ? undefined : new Float64Array(capacity);
  let flatLength = 0;
  const flatStart = new Int32Array(ballots.length + 1);
  const groupMultiplicity = new Float64Array(ballots.length);
  let groupCount = 0;
  const groupBallot: (typeof profile.ballots)[number][] = [];
  const groupOfBallot = new Int32Array(ballots.length).fill(-1);
  // Open addressing, at most half full, each slot two numbers side by side (one cache
  // line): group + 1 (0: empty) and the group's hash.
  let tableSize = 16;
  while (merge && tableSize < 2 * ballots.length) tableSize *= 2;
  const slots = new Int32Array(merge ? 2 * tableSize : 0);
  const mask = tableSize - 1;
  const scratchProject = new Int32Array(longest);
  const scratchValue = new Float64Array(longest);
  const sameAs = (g: number, size: number) => {
    const start = flatStart[g] as number;
    if ((flatStart[g + 1] as number) - start !== size) return false;
    for (let k = 0; k < size; k++) {
      if (flatProject[start + k] !== scratchProject[k]) return false;
      if (flatValue !== undefined && flatValue[start + k] !== scratchValue[k]) return false;
    }
    return true;
  };
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as (typeof ballots)[number];
    if (ballot.multiplicity <= 0) continue;
    const values = valuesOf?.(ballot);
    const named = ballot.projects;
    let size = 0;
    for (let k = 0; k < named.length; k++) {
      const at = index.get(named[k] as string);
      const value = values === undefined ? 1 : (values[k] as number);
      if (at === undefined || !(value > 0)) continue;
      // Insertion in project order (ballots are short); a repeated project counts once.
      let position = size;
      while (position > 0 && (scratchProject[position - 1] as number) > at) position--;
      if (position > 0 && scratchProject[position - 1] === at) continue;
      for (let move = size; move > position; move--) {
        scratchProject[move] = scratchProject[move - 1] as number;
        scratchValue[move] = scratchValue[move - 1] as number;
      }
      scratchProject[position] = at;
      scratchValue[position] = value;
      size++;
    }
    let hash = size;
    for (let k = 0; k < size; k++) {
      hash = Math.imul(hash ^ (scratchProject[k] as number), 0x01000193);
      hash = Math.imul(hash ^ ((scratchValue[k] as number) * 1009), 0x01000193);
    }
    // Mix the high bits into the low ones the mask keeps (MurmurHash3's finaliser).
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    let known: number | undefined;
    let free = -1;
    if (merge) {
      let at = hash & mask;
      for (; slots[2 * at] !== 0; at = (at + 1) & mask) {
        if (slots[2 * at + 1] === hash && sameAs((slots[2 * at] as number) - 1, size)) {
          known = (slots[2 * at] as number) - 1;
          break;
        }
      }
      free = at;
    }
    if (known !== undefined) {
      groupMultiplicity[known] = (groupMultiplicity[known] as number) + ballot.multiplicity;
      groupOfBallot[b] = known;
      continue;
    }
    const g = groupCount;
    groupOfBallot[b] = g;
    if (merge) {
      slots[2 * free] = g + 1;
      slots[2 * free + 1] = hash;
    }
    for (let k = 0; k < size; k++) {
      flatProject[flatLength] = scratchProject[k] as number;
      if (flatValue !== undefined) flatValue[flatLength] = scratchValue[k] as number;
      flatLength++;
    }
    groupMultiplicity[g] = ballot.multiplicity;
    groupCount++;
    flatStart[groupCount] = flatLength;
    if (!merge) groupBallot.push(ballot);
  }
  return {
    flatProject,
    flatValue,
    flatLength,
    flatStart,
    groupMultiplicity,
    groupCount,
    groupBallot,
    groupOfBallot,
  };
}
