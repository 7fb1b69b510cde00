import { describe, expect, it } from "vitest";
import {
  euclidean,
  groupSeparable,
  impartialAnonymousCulture,
  impartialCulture,
  mallows,
  phiFromNormalized,
  singleCrossing,
  singlePeakedConitzer,
  singlePeakedWalsh,
  urn,
} from "../../src/simulation/index.js";
import { singleCrossingDomain } from "../../src/simulation/ordinal/singleCrossing.js";
import type { RankedProfile } from "../../src/tally/index.js";
import { chiSquare } from "../helpers/chiSquare.js";

/*
 * Each generator against its model's exact distribution: a chi-square goodness-of-fit test
 * at a fixed seed, rejected below a significance of 0.001 (so a right generator fails one
 * seed in a thousand, and the seeds are fixed: these pass or fail the same way every run).
 */
const SIGNIFICANCE = 0.001;

/** Every ranking of m candidates `c1 … cm`, as keys "c2>c1>c3". */
function allRankings(m: number): string[][] {
  if (m === 0) return [[]];
  const out: string[][] = [];
  for (const rest of allRankings(m - 1))
    for (let at = 0; at <= rest.length; at++)
      out.push([...rest.slice(0, at), `c${m}`, ...rest.slice(at)]);
  return out;
}
const key = (ranking: readonly string[]) => ranking.join(">");

/** How many voters cast each ranking. */
function counts(profile: RankedProfile): Map<string, number> {
  const found = new Map<string, number>();
  for (const ballot of profile.ballots) {
    const ranking = ballot.ranking.map((group) => group[0] as string);
    found.set(key(ranking), (found.get(key(ranking)) ?? 0) + ballot.weight);
  }
  return found;
}

function fits(
  profile: RankedProfile,
  probability: (ranking: readonly string[]) => number,
  m: number,
) {
  const rankings = allRankings(m);
  const found = counts(profile);
  const expected = rankings.map(probability);
  // Every ranking drawn has a positive probability.
  for (const drawn of found.keys()) expect(rankings.some((r) => key(r) === drawn)).toBe(true);
  const kept = expected
    .map((p, k) => [p, found.get(key(rankings[k] as string[])) ?? 0] as const)
    .filter(([p]) => p > 0);
  const test = chiSquare(
    kept.map(([, c]) => c),
    kept.map(([p]) => p),
  );
  expect(test.p, `χ² = ${test.statistic.toFixed(1)} on ${test.degrees} degrees`).toBeGreaterThan(
    SIGNIFICANCE,
  );
  expect(kept.reduce((a, [p]) => a + p, 0)).toBeCloseTo(1, 12);
}

/** Swaps between a ranking and c1 > c2 > … (Kendall tau). */
function swaps(ranking: readonly string[]): number {
  const position = ranking.map((id) => Number(id.slice(1)));
  let count = 0;
  for (let i = 0; i < position.length; i++)
    for (let j = i + 1; j < position.length; j++)
      if ((position[i] as number) > (position[j] as number)) count++;
  return count;
}

/** Whether a ranking of c1 … cm is single-peaked on the axis c1, c2, …, cm. */
function singlePeaked(ranking: readonly string[]): boolean {
  const axis = ranking.map((id) => Number(id.slice(1)));
  let low = axis[0] as number;
  let high = low;
  for (const c of axis.slice(1)) {
    if (c === low - 1) low = c;
    else if (c === high + 1) high = c;
    else return false;
  }
  return true;
}

describe("the chi-square test", () => {
  it("gives the textbook p-values and rejects a wrong model", () => {
    // χ² = 3.841 on 1 degree: p = 0.05; χ² = 18.307 on 10 degrees: p = 0.05.
    expect(chiSquare([1, 1], [0.5, 0.5]).p).toBe(1);
    const oneDegree = chiSquare([60, 40], [0.5, 0.5]); // χ² = 4
    expect(oneDegree.p).toBeCloseTo(0.0455, 4);
    // Mallows(φ = 0.6) is not impartial culture.
    const drawn = counts(mallows({ candidates: 4, voters: 24_000, seed: 2, phi: 0.6 }));
    const rankings = allRankings(4);
    const wrong = chiSquare(
      rankings.map((r) => drawn.get(key(r)) ?? 0),
      rankings.map(() => 1 / 24),
    );
    expect(wrong.p).toBeLessThan(1e-12);
  });
});

describe("ordinal generators match their models' exact distributions", () => {
  it("impartial culture: each of the 24 rankings of 4 candidates 1/24", () => {
    fits(impartialCulture({ candidates: 4, voters: 24_000, seed: 1 }), () => 1 / 24, 4);
  });

  it("Mallows: a ranking at swap distance d from the centre has probability φ^d / Z (4 candidates, φ = 0.6)", () => {
    const phi = 0.6;
    const z = allRankings(4).reduce((sum, r) => sum + phi ** swaps(r), 0);
    fits(mallows({ candidates: 4, voters: 50_000, seed: 2, phi }), (r) => phi ** swaps(r) / z, 4);
    // φ = 0: everyone votes the centre; φ = 1: impartial culture.
    expect(mallows({ candidates: 5, voters: 100, seed: 3, phi: 0 }).ballots).toHaveLength(1);
    fits(mallows({ candidates: 4, voters: 24_000, seed: 4, phi: 1 }), () => 1 / 24, 4);
  });

  it("Mallows' normalized φ gives the expected swap distance it names (Boehmer et al.)", () => {
    for (const normalized of [0.1, 0.5, 0.9]) {
      const profile = mallows({
        candidates: 6,
        voters: 40_000,
        seed: 5,
        normalizedPhi: normalized,
      });
      let total = 0;
      for (const ballot of profile.ballots)
        total += swaps(ballot.ranking.map((g) => g[0] as string)) * ballot.weight;
      expect(total / 40_000 / ((6 * 5) / 4)).toBeCloseTo(normalized, 1);
    }
    expect(phiFromNormalized(10, 1)).toBeCloseTo(1, 6);
  });

  it("single-peaked (Walsh): each of the 2^(m−1) single-peaked rankings equally likely", () => {
    const m = 5;
    fits(
      singlePeakedWalsh({ candidates: m, voters: 16_000, seed: 6 }),
      (r) => (singlePeaked(r) ? 1 / 2 ** (m - 1) : 0),
      m,
    );
  });

  it("single-peaked (Conitzer): a uniform peak, then left or right with probability 1/2", () => {
    const m = 5;
    /** The walk's probability: 1/m for the peak, 1/2 per step while both sides remain. */
    const probability = (r: readonly string[]) => {
      if (!singlePeaked(r)) return 0;
      const axis = r.map((id) => Number(id.slice(1)));
      let low = axis[0] as number;
      let high = low;
      let p = 1 / m;
      for (const c of axis.slice(1)) {
        if (low > 1 && high < m) p /= 2;
        if (c === low - 1) low = c;
        else high = c;
      }
      return p;
    };
    fits(singlePeakedConitzer({ candidates: m, voters: 20_000, seed: 7 }), probability, m);
  });

  it("the urn: two voters' rankings with probability (1/m!)·(1/(1+α)·1/m! + α/(1+α)·[same])", () => {
    const alpha = 0.5;
    const rankings = allRankings(3).map(key);
    const observed = new Map<string, number>();
    for (let seed = 0; seed < 6_000; seed++) {
      const profile = urn({ candidates: 3, voters: 2, seed, alpha });
      const drawn = profile.ballots.flatMap((b) =>
        Array.from({ length: b.weight }, () => key(b.ranking.map((g) => g[0] as string))),
      );
      const pair = drawn.length === 2 ? drawn.sort().join("|") : "";
      observed.set(pair, (observed.get(pair) ?? 0) + 1);
    }
    // Unordered pairs: same ranking, or two different ones (either order).
    const cells: [string, number][] = [];
    for (const [i, a] of rankings.entries())
      for (const b of rankings.slice(i)) {
        const same = a === b;
        const p = same
          ? (1 / 6) * (1 / (1 + alpha) / 6 + alpha / (1 + alpha))
          : 2 * (1 / 6) * (1 / (1 + alpha) / 6);
        cells.push([[a, b].sort().join("|"), p]);
      }
    const test = chiSquare(
      cells.map(([k]) => observed.get(k) ?? 0),
      cells.map(([, p]) => p),
    );
    expect(test.p).toBeGreaterThan(SIGNIFICANCE);
  });

  it("impartial anonymous culture: each anonymous profile equally likely (3 candidates, 3 voters: 56 profiles)", () => {
    const observed = new Map<string, number>();
    for (let seed = 0; seed < 11_200; seed++) {
      const profile = impartialAnonymousCulture({ candidates: 3, voters: 3, seed });
      const anonymous = [...counts(profile).entries()]
        .map(([r, c]) => `${r}*${c}`)
        .sort()
        .join(" ");
      observed.set(anonymous, (observed.get(anonymous) ?? 0) + 1);
    }
    expect(observed.size).toBe(56);
    const test = chiSquare(
      [...observed.values()],
      [...observed.values()].map(() => 1 / 56),
    );
    expect(test.p).toBeGreaterThan(SIGNIFICANCE);
  });

  it("single-crossing: each ranking of the seed's maximal single-crossing domain equally likely", () => {
    const domain = singleCrossingDomain(5, 12);
    expect(domain).toHaveLength(11);
    // Every pair of candidates crosses once along the domain.
    for (let a = 0; a < 5; a++)
      for (let b = a + 1; b < 5; b++) {
        const prefers = domain.map((ranking) => ranking.indexOf(a) < ranking.indexOf(b));
        expect(prefers.filter((x, k) => k > 0 && x !== prefers[k - 1])).toHaveLength(1);
      }
    const keys = new Set(domain.map((ranking) => key(ranking.map((c) => `c${c + 1}`))));
    fits(
      singleCrossing({ candidates: 5, voters: 22_000, seed: 12 }),
      (r) => (keys.has(key(r)) ? 1 / 11 : 0),
      5,
    );
  });

  it("group-separable: each of the 2^(m−1) rankings the tree allows equally likely", () => {
    // The balanced tree over c1 … c4 is ((c1, c2), (c3, c4)): those pairs stay together.
    const together = (r: readonly string[]) =>
      Math.abs(r.indexOf("c1") - r.indexOf("c2")) === 1 &&
      Math.abs(r.indexOf("c3") - r.indexOf("c4")) === 1;
    fits(
      groupSeparable({ candidates: 4, voters: 16_000, seed: 13, tree: "balanced" }),
      (r) => (together(r) ? 1 / 8 : 0),
      4,
    );
    // The caterpillar (c1, (c2, (c3, c4))): c1 first or last, then c2 at an end of the rest.
    const caterpillar = (r: readonly string[]) => {
      const ends = (list: readonly string[], id: string) => list[0] === id || list.at(-1) === id;
      if (!ends(r, "c1")) return false;
      const rest = r.filter((id) => id !== "c1");
      return ends(rest, "c2");
    };
    fits(
      groupSeparable({ candidates: 4, voters: 16_000, seed: 14, tree: "caterpillar" }),
      (r) => (caterpillar(r) ? 1 / 8 : 0),
      4,
    );
  });

  it("Euclidean: each voter ranks the candidates by distance; the same seed draws the same profile", () => {
    const a = euclidean({ candidates: 6, voters: 500, seed: 8, dimensions: 2, space: "gaussian" });
    const b = euclidean({ candidates: 6, voters: 500, seed: 8, dimensions: 2, space: "gaussian" });
    expect(a).toEqual(b);
    // In one dimension every ranking is single-peaked on the candidates' order on the line.
    const line = euclidean({
      candidates: 5,
      voters: 2_000,
      seed: 9,
      dimensions: 1,
      space: "uniform",
    });
    expect(line.ballots.reduce((sum, ballot) => sum + ballot.weight, 0)).toBe(2_000);
  });

  it("every generator is reproducible by its seed and counts every voter", () => {
    const options = { candidates: 5, voters: 1_000, seed: "civitas" };
    for (const generate of [
      () => impartialCulture(options),
      () => impartialAnonymousCulture(options),
      () => mallows({ ...options, phi: 0.3 }),
      () => urn({ ...options, alpha: 0.2 }),
      () => singlePeakedWalsh(options),
      () => singlePeakedConitzer(options),
    ]) {
      const profile = generate();
      expect(generate()).toEqual(profile);
      expect(profile.ballots.reduce((sum, ballot) => sum + ballot.weight, 0)).toBe(1_000);
    }
  });

  it("past ten candidates (rankings counted by text, not by code) the draws are the same model", () => {
    const big = mallows({ candidates: 12, voters: 2_000, seed: 10, phi: 0 });
    expect(big.ballots).toEqual([{ ranking: big.candidates.map((id) => [id]), weight: 2_000 }]);
    const spread = impartialCulture({ candidates: 12, voters: 2_000, seed: 11 });
    expect(spread.ballots.reduce((sum, ballot) => sum + ballot.weight, 0)).toBe(2_000);
    expect(spread.ballots.every((b) => new Set(b.ranking.flat()).size === 12)).toBe(true);
  });
});
