import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { checkSizes, type OrdinalOptions, RankingCounter } from "./ordinalProfile.js";

/** A binary tree over candidates: a leaf, or two subtrees. */
type Tree = number | readonly [Tree, Tree];

/** The tree's shape over candidates `from … to−1` (in order). */
function treeOver(
  from: number,
  to: number,
  shape: "balanced" | "caterpillar" | "random",
  random: () => number,
): Tree {
  if (to - from === 1) return from;
  const split =
    shape === "balanced"
      ? from + Math.floor((to - from) / 2)
      : shape === "caterpillar"
        ? from + 1
        : from + 1 + Math.floor(random() * (to - from - 1));
  return [treeOver(from, split, shape, random), treeOver(split, to, shape, random)];
}

/** A ranking consistent with the tree: at every node, either subtree first with probability 1/2. */
function walk(tree: Tree, random: () => number, into: number[]): void {
  if (typeof tree === "number") {
    into.push(tree);
    return;
  }
  const [left, right] = random() < 0.5 ? tree : [tree[1], tree[0]];
  walk(left, random, into);
  walk(right, random, into);
}

/**
 * Group-separable rankings: a binary tree whose leaves are the candidates in order
 * (balanced, a caterpillar, or split at random points), and each voter's ranking orders
 * each node's two subtrees at random, so every node's candidates stay together: each of
 * the 2^(m−1) rankings the tree allows is equally likely. (Inada 1964, "A note on the
 * simple majority decision rule"; the sampler of prefsampling and of the map of elections,
 * Szufa et al. 2020.)
 *
 * @category Generators
 * @example
 * ```ts
 * groupSeparable({ candidates: 8, voters: 1000, seed: 1, tree: "balanced" });
 * ```
 */
export function groupSeparable(
  options: OrdinalOptions & { readonly tree: "balanced" | "caterpillar" | "random" },
): RankedProfile {
  checkSizes(options);
  const tree = treeOver(0, options.candidates, options.tree, seededRandom(`${options.seed}/tree`));
  const random = seededRandom(options.seed);
  const counter = new RankingCounter(options.candidates);
  const ranking: number[] = [];
  for (let v = 0; v < options.voters; v++) {
    ranking.length = 0;
    walk(tree, random, ranking);
    counter.add(ranking);
  }
  return counter.profile(options.candidates, options.ids);
}
