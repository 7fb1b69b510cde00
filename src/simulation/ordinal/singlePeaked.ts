import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { checkSizes, type OrdinalOptions, RankingCounter } from "./ordinalProfile.js";

/**
 * A ranking single-peaked on the axis 0, 1, …, m−1 from its peak, growing to the left or
 * the right: `goLeft()` says which side the next candidate comes from while both have some.
 */
function fromPeak(m: number, peak: number, goLeft: () => boolean): number[] {
  const ranking = [peak];
  let left = peak - 1;
  let right = peak + 1;
  while (left >= 0 || right < m) {
    if (right >= m || (left >= 0 && goLeft())) ranking.push(left--);
    else ranking.push(right++);
  }
  return ranking;
}

/**
 * Single-peaked rankings drawn uniformly among the 2^(m−1) single-peaked on the axis
 * (the candidates in order): the worst candidate is always an end of the axis, so the
 * ranking is built from the bottom, each place taking the left or right end with
 * probability 1/2. (Walsh 2015, "Generating single peaked votes".)
 *
 * @category Generators
 * @example
 * ```ts
 * singlePeakedWalsh({ candidates: 6, voters: 1000, seed: 1 });
 * ```
 */
export function singlePeakedWalsh(options: OrdinalOptions): RankedProfile {
  checkSizes(options);
  const m = options.candidates;
  const random = seededRandom(options.seed);
  const counter = new RankingCounter(options.candidates);
  for (let v = 0; v < options.voters; v++) {
    const bottomUp: number[] = [];
    let left = 0;
    let right = m - 1;
    while (left < right) bottomUp.push(random() < 0.5 ? left++ : right--);
    bottomUp.push(left);
    counter.add(bottomUp.reverse());
  }
  return counter.profile(m, options.ids);
}

/**
 * Single-peaked rankings by Conitzer's random walk: a uniformly random peak on the axis,
 * then each next candidate the left or the right neighbour of those ranked, with
 * probability 1/2 while both sides remain. (Conitzer 2009, "Eliciting single-peaked
 * preferences using comparison queries".)
 *
 * @category Generators
 * @example
 * ```ts
 * singlePeakedConitzer({ candidates: 6, voters: 1000, seed: 1 });
 * ```
 */
export function singlePeakedConitzer(options: OrdinalOptions): RankedProfile {
  checkSizes(options);
  const m = options.candidates;
  const random = seededRandom(options.seed);
  const counter = new RankingCounter(options.candidates);
  for (let v = 0; v < options.voters; v++)
    counter.add(fromPeak(m, Math.floor(random() * m), () => random() < 0.5));
  return counter.profile(m, options.ids);
}
