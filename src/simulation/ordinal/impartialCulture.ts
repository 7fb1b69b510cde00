import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import {
  checkSizes,
  type OrdinalOptions,
  RankingCounter,
  randomPermutation,
} from "./ordinalProfile.js";

/**
 * Impartial culture: every voter's ranking drawn independently and uniformly from the m!
 * rankings. (Guilbaud 1952; Gehrlein and Fishburn 1976.)
 *
 * @category Generators
 * @example
 * ```ts
 * impartialCulture({ candidates: 4, voters: 100, seed: 1 }).ballots.length; // at most 24
 * ```
 */
export function impartialCulture(options: OrdinalOptions): RankedProfile {
  checkSizes(options);
  const random = seededRandom(options.seed);
  const counter = new RankingCounter(options.candidates);
  for (let v = 0; v < options.voters; v++)
    counter.add(randomPermutation(options.candidates, random));
  return counter.profile(options.candidates, options.ids);
}
