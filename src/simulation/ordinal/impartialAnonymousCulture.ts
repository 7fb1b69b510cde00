import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import {
  checkSizes,
  type OrdinalOptions,
  RankingCounter,
  rankingOfCode,
} from "./ordinalProfile.js";

/**
 * Impartial anonymous culture: every anonymous profile (how many voters cast each of the m!
 * rankings) equally likely. Drawn exactly by stars and bars: n + m! − 1 places, m! − 1 of
 * them bars chosen uniformly (Floyd's sampling). (Kuga and Nagatani 1974; Gehrlein and
 * Fishburn 1976.) Up to 10 candidates (3,628,800 rankings).
 *
 * @category Generators
 * @example
 * ```ts
 * impartialAnonymousCulture({ candidates: 3, voters: 5, seed: 1 }); // each of the 252 profiles: 1/252
 * ```
 */
export function impartialAnonymousCulture(options: OrdinalOptions): RankedProfile {
  checkSizes(options);
  const { candidates: m, voters: n } = options;
  if (m > 10) throw new RangeError("impartial anonymous culture: at most 10 candidates");
  let types = 1;
  for (let i = 2; i <= m; i++) types *= i;
  const random = seededRandom(options.seed);
  // Floyd: a uniform (types − 1)-subset of the n + types − 1 places: the bars.
  const places = n + types - 1;
  const bars = new Set<number>();
  for (let j = places - (types - 1); j < places; j++) {
    const t = Math.floor(random() * (j + 1));
    bars.add(bars.has(t) ? j : t);
  }
  const sorted = [...bars].sort((a, b) => a - b);
  const counter = new RankingCounter(options.candidates);
  let previous = -1;
  [...sorted, places].forEach((bar, type) => {
    const count = bar - previous - 1;
    previous = bar;
    if (count === 0) return;
    const ranking = rankingOfCode(m, type);
    for (let c = 0; c < count; c++) counter.add(ranking);
  });
  return counter.profile(m, options.ids);
}
