import { seededRandom } from "../../core/seededRandom.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { checkSizes, type OrdinalOptions, RankingCounter } from "./ordinalProfile.js";

/**
 * Options of {@link mallows}: the dispersion φ in [0, 1] (0: everyone votes the central
 * ranking; 1: impartial culture), or `normalizedPhi` (Boehmer et al.'s norm-φ: the expected
 * swap distance to the centre as a share of its maximum, m(m−1)/4), and the central ranking
 * (default the candidates in order).
 *
 * @category Generators
 * @example
 * ```ts
 * const options: MallowsOptions = { candidates: 10, voters: 1000, seed: 1, phi: 0.5 };
 * ```
 */
export type MallowsOptions = OrdinalOptions & {
  readonly center?: readonly number[] | undefined;
} & ({ readonly phi: number } | { readonly normalizedPhi: number });

/** The expected swap distance of Mallows(φ) over m candidates. */
function expectedSwaps(m: number, phi: number): number {
  // E = Σ_{j=1}^{m} E[inversions added by inserting the j-th item] = Σ_j Σ_i i φ^i / Σ_i φ^i.
  let total = 0;
  for (let j = 1; j <= m; j++) {
    let weighted = 0;
    let sum = 0;
    for (let i = 0; i < j; i++) {
      weighted += i * phi ** i;
      sum += phi ** i;
    }
    total += weighted / sum;
  }
  return total;
}

/**
 * φ whose expected swap distance is `normalized` × m(m−1)/4 (Boehmer, Faliszewski,
 * Niedermeier, Szufa, Wąs 2021: "Putting a compass on the map of elections"), by bisection
 * (the expected distance grows with φ).
 *
 * @category Generators
 * @example
 * ```ts
 * phiFromNormalized(10, 0.5); // about 0.83
 * ```
 */
export function phiFromNormalized(candidates: number, normalized: number): number {
  if (!(normalized >= 0 && normalized <= 1)) throw new RangeError("normalized φ lies in [0, 1]");
  const target = (normalized * candidates * (candidates - 1)) / 4;
  let low = 0;
  let high = 1;
  for (let k = 0; k < 60; k++) {
    const middle = (low + high) / 2;
    if (expectedSwaps(candidates, middle) < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * The Mallows model: a ranking at swap (Kendall tau) distance d from the centre has
 * probability φ^d / Z. Drawn by the repeated insertion model: the centre's i-th candidate
 * goes in at position j of the i already placed with probability φ^(i−j) / (1 + φ + … + φ^i)
 * (Mallows 1957; Doignon, Pekeč and Regenwetter 2004).
 *
 * @category Generators
 * @example
 * ```ts
 * mallows({ candidates: 10, voters: 1_000_000, seed: 1, phi: 0.5 });
 * ```
 */
export function mallows(options: MallowsOptions): RankedProfile {
  checkSizes(options);
  const m = options.candidates;
  const phi = "phi" in options ? options.phi : phiFromNormalized(m, options.normalizedPhi);
  if (!(phi >= 0 && phi <= 1)) throw new RangeError("φ lies in [0, 1]");
  const center = options.center ?? Array.from({ length: m }, (_, k) => k);
  // Cumulative insertion probabilities for each i: position i (last) first, as φ^0.
  const tables = Array.from({ length: m }, (_, i) => {
    const weights = Array.from({ length: i + 1 }, (_, j) => phi ** (i - j));
    const total = weights.reduce((a, b) => a + b, 0);
    let running = 0;
    return Float64Array.from(weights, (w) => {
      running += w / total;
      return running;
    });
  });
  const random = seededRandom(options.seed);
  // A ranking is its insertion positions v_0 … v_(m−1), v_i ≤ i: counted by the code
  // Σ v_i · i! (one per ranking), rebuilt only for the rankings drawn.
  const insert = (code: number): number[] => {
    const ranking: number[] = [];
    let rest = code;
    const positions: number[] = [];
    for (let i = 0; i < m; i++) {
      positions.push(rest % (i + 1));
      rest = Math.floor(rest / (i + 1));
    }
    for (let i = 0; i < m; i++) ranking.splice(positions[i] as number, 0, center[i] as number);
    return ranking;
  };
  const counter = new RankingCounter(m, insert);
  const ranking: number[] = [];
  for (let v = 0; v < options.voters; v++) {
    let code = 0;
    let radix = 1;
    if (!counter.byCode) ranking.length = 0;
    for (let i = 0; i < m; i++) {
      const table = tables[i] as Float64Array;
      const u = random();
      let j = 0;
      while (j < i && u >= (table[j] as number)) j++;
      if (counter.byCode) {
        code += j * radix;
        radix *= i + 1;
      } else ranking.splice(j, 0, center[i] as number);
    }
    if (counter.byCode) counter.addCode(code);
    else counter.add(ranking);
  }
  return counter.profile(m, options.ids);
}
