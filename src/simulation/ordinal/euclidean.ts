import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { checkSizes, type OrdinalOptions, RankingCounter } from "./ordinalProfile.js";

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * The Euclidean model: candidates and voters are points in d dimensions, uniform in the
 * unit cube or standard Gaussian, and each voter ranks the candidates by distance, nearest
 * first (equal distances by candidate order). (Enelow and Hinich 1984; the "map of
 * elections" of Szufa et al. 2020.)
 *
 * @category Generators
 * @example
 * ```ts
 * euclidean({ candidates: 8, voters: 1000, seed: 1, dimensions: 2, space: "uniform" });
 * ```
 */
export function euclidean(
  options: OrdinalOptions & { readonly dimensions: number; readonly space: "uniform" | "gaussian" },
): RankedProfile {
  checkSizes(options);
  const { candidates: m, dimensions: d } = options;
  if (!Number.isInteger(d) || d < 1) throw new RangeError("dimensions: a whole number from 1");
  const random = seededRandom(options.seed);
  const point = () =>
    Array.from({ length: d }, () => (options.space === "uniform" ? random() : gaussian(random)));
  const places = Array.from({ length: m }, point);
  const counter = new RankingCounter(options.candidates);
  const distance = new Float64Array(m);
  const order = Array.from({ length: m }, (_, k) => k);
  for (let v = 0; v < options.voters; v++) {
    const voter = point();
    for (let c = 0; c < m; c++) {
      let sum = 0;
      for (let k = 0; k < d; k++)
        sum += ((voter[k] as number) - ((places[c] as number[])[k] as number)) ** 2;
      distance[c] = sum;
    }
    order.sort((a, b) => (distance[a] as number) - (distance[b] as number) || a - b);
    counter.add(order);
  }
  return counter.profile(m, options.ids);
}
