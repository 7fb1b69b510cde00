/**
 * The largest batch of sure losers, as droop's Meek and the PR Foundation's WIGM rules
 * find it: hopefuls are grouped from the lowest up (a candidate within `surplus` of a
 * group's first — of zero for the first group — joins that group, so ties are never split), and the batch is the most
 * groups whose votes plus the surplus stay below the next group's first vote, leaving at
 * least `seatsLeft` hopefuls. Returns the candidates' indices, lowest first.
 *
 * @internal
 */
export function sureLosers<W>(
  hopefuls: readonly number[],
  votes: readonly W[],
  surplus: W,
  seatsLeft: number,
  arithmetic: {
    readonly zero: W;
    readonly add: (a: W, b: W) => W;
    readonly compare: (a: W, b: W) => number;
  },
  tieRank: (c: number) => number,
): number[] {
  const { add, compare } = arithmetic;
  const sorted = [...hopefuls].sort(
    (a, b) => compare(votes[a] as W, votes[b] as W) || tieRank(a) - tieRank(b),
  );
  const groups: number[][] = [];
  // Each group is anchored at its first candidate's vote, the first group at zero.
  let anchor = arithmetic.zero;
  for (const c of sorted) {
    const group = groups[groups.length - 1];
    if (compare(add(anchor, surplus), votes[c] as W) >= 0) {
      if (group) group.push(c);
      else groups.push([c]);
    } else {
      groups.push([c]);
      anchor = votes[c] as W;
    }
  }
  const room = hopefuls.length - seatsLeft;
  let sum = arithmetic.zero;
  let taken = 0;
  let batch = 0;
  for (let g = 0; g < groups.length - 1; g++) {
    const group = groups[g] as number[];
    taken += group.length;
    if (taken > room) break;
    for (const c of group) sum = add(sum, votes[c] as W);
    const next = (groups[g + 1] as number[])[0] as number;
    if (compare(add(sum, surplus), votes[next] as W) < 0) batch = g + 1;
  }
  return groups.slice(0, batch).flat();
}
