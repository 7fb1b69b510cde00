import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { checkSizes, type OrdinalOptions, RankingCounter } from "./ordinalProfile.js";

/**
 * A maximal single-crossing domain over m candidates: from 0 < 1 < … < m−1, each next
 * ranking swaps one adjacent pair still in increasing order, chosen uniformly, until the
 * order is reversed: m(m−1)/2 + 1 rankings, every pair crossing once.
 *
 * @internal
 */
export function singleCrossingDomain(m: number, seed: number | string): number[][] {
  const random = seededRandom(`${seed}/domain`);
  const domain = [Array.from({ length: m }, (_, k) => k)];
  for (let step = 0; step < (m * (m - 1)) / 2; step++) {
    const last = domain.at(-1) as number[];
    const possible: number[] = [];
    for (let k = 0; k < m - 1; k++)
      if ((last[k] as number) < (last[k + 1] as number)) possible.push(k);
    const at = possible[Math.floor(random() * possible.length)] as number;
    const next = [...last];
    [next[at], next[at + 1]] = [next[at + 1] as number, next[at] as number];
    domain.push(next);
  }
  return domain;
}

/**
 * Single-crossing rankings: a random maximal single-crossing domain (each step swaps an
 * adjacent pair never swapped before, chosen uniformly), and each voter one of its
 * m(m−1)/2 + 1 rankings uniformly. (Mirrlees 1971; Roberts 1977; the sampler of Szufa et
 * al. 2020 and prefsampling.)
 *
 * @category Generators
 * @example
 * ```ts
 * singleCrossing({ candidates: 6, voters: 1000, seed: 1 });
 * ```
 */
export function singleCrossing(options: OrdinalOptions): RankedProfile {
  checkSizes(options);
  const domain = singleCrossingDomain(options.candidates, options.seed);
  const random = seededRandom(options.seed);
  const counter = new RankingCounter(options.candidates);
  for (let v = 0; v < options.voters; v++)
    counter.add(domain[Math.floor(random() * domain.length)] as number[]);
  return counter.profile(options.candidates, options.ids);
}
