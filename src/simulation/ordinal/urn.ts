import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import {
  checkSizes,
  type OrdinalOptions,
  RankingCounter,
  randomPermutation,
} from "./ordinalProfile.js";

/**
 * The Pólya–Eggenberger urn: the urn starts with each of the m! rankings once; each voter
 * draws a ranking, votes it, and puts it back with α·m! more copies. So voter k+1 (k
 * before) draws a fresh uniform ranking with probability 1 / (1 + kα) and otherwise copies
 * a uniformly random earlier voter. α = 0 is impartial culture; α = 1/m! the impartial
 * anonymous culture's distribution. (Berg 1985; McCabe-Dansted and Slinko 2006.)
 *
 * @category Generators
 * @example
 * ```ts
 * urn({ candidates: 5, voters: 1000, seed: 1, alpha: 0.1 });
 * ```
 */
export function urn(options: OrdinalOptions & { readonly alpha: number }): RankedProfile {
  checkSizes(options);
  if (!(options.alpha >= 0 && Number.isFinite(options.alpha)))
    throw new RangeError("α is a finite number from 0");
  const random = seededRandom(options.seed);
  const votes: number[][] = [];
  const counter = new RankingCounter(options.candidates);
  for (let k = 0; k < options.voters; k++) {
    const fresh = random() * (1 + k * options.alpha) < 1;
    const ranking = fresh
      ? randomPermutation(options.candidates, random)
      : (votes[Math.floor(random() * k)] as number[]);
    votes.push(ranking);
    counter.add(ranking);
  }
  return counter.profile(options.candidates, options.ids);
}
