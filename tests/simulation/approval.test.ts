import { describe, expect, it } from "vitest";
import {
  approvalImpartialCulture,
  approvalNoise,
  disjointResampling,
  euclideanApproval,
  resampling,
} from "../../src/simulation/index.js";
import type { ApprovalProfile } from "../../src/tally/index.js";
import { chiSquare } from "../helpers/chiSquare.js";

/* Each generator against its model's exact distribution over the 16 ballots of 4 candidates,
 * by chi-square at a fixed seed (significance 0.001, as tests/simulation/ordinal.test.ts). */
const SIGNIFICANCE = 0.001;
const M = 4;
const sets = Array.from({ length: 2 ** M }, (_, mask) =>
  Array.from({ length: M }, (_, c) => c).filter((c) => (mask >> c) & 1),
);
const maskOf = (approved: readonly string[]) =>
  approved.reduce((mask, id) => mask | (1 << (Number(id.slice(1)) - 1)), 0);

/** The probability of a set when each candidate c is in it with probability q(c), independently. */
const product = (q: (c: number) => number) => (set: readonly number[]) =>
  Array.from({ length: M }, (_, c) => (set.includes(c) ? q(c) : 1 - q(c))).reduce(
    (a, b) => a * b,
    1,
  );

function fits(profile: ApprovalProfile, probability: (set: readonly number[]) => number) {
  const observed = new Array<number>(2 ** M).fill(0);
  for (const ballot of profile.ballots) {
    const mask = maskOf(ballot.approved);
    observed[mask] = (observed[mask] as number) + ballot.weight;
  }
  const expected = sets.map(probability);
  expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  const kept = expected.map((p, k) => [p, observed[k] as number] as const).filter(([p]) => p > 0);
  expect(kept.reduce((sum, [, count]) => sum + count, 0)).toBe(
    profile.ballots.reduce((s, b) => s + b.weight, 0),
  );
  const test = chiSquare(
    kept.map(([, c]) => c),
    kept.map(([p]) => p),
  );
  expect(test.p, `χ² = ${test.statistic.toFixed(1)} on ${test.degrees} degrees`).toBeGreaterThan(
    SIGNIFICANCE,
  );
}

describe("approval generators match their models' exact distributions", () => {
  it("p-impartial culture: each candidate approved with probability p, independently", () => {
    fits(
      approvalImpartialCulture({ candidates: M, voters: 20_000, seed: 1, p: 0.3 }),
      product(() => 0.3),
    );
  });

  it("resampling: a central candidate approved with probability 1 − φ + φp, another with φp", () => {
    const [p, phi, central] = [0.5, 0.4, [0, 2]];
    fits(
      resampling({ candidates: M, voters: 20_000, seed: 2, p, phi, central }),
      product((c) => (central.includes(c) ? 1 - phi + phi * p : phi * p)),
    );
  });

  it("noise (Hamming): probability ∝ φ^distance to the central ballot", () => {
    const [phi, central] = [0.5, [1, 3]];
    const distance = (set: readonly number[]) =>
      [0, 1, 2, 3].filter((c) => set.includes(c) !== central.includes(c)).length;
    const z = sets.reduce((sum, set) => sum + phi ** distance(set), 0);
    fits(
      approvalNoise({ candidates: M, voters: 20_000, seed: 3, p: 0.5, phi, central }),
      (set) => phi ** distance(set) / z,
    );
  });

  it("disjoint resampling: a uniform group, then resampling from its central ballot", () => {
    const [p, phi, centrals] = [
      0.5,
      0.3,
      [
        [0, 1],
        [2, 3],
      ],
    ];
    const resampled = (central: number[]) =>
      product((c) => (central.includes(c) ? 1 - phi + phi * p : phi * p));
    fits(
      disjointResampling({ candidates: M, voters: 20_000, seed: 4, p, phi, groups: 2, centrals }),
      (set) =>
        (resampled(centrals[0] as number[])(set) + resampled(centrals[1] as number[])(set)) / 2,
    );
  });

  it("Euclidean: a radius of 0 approves no one, the cube's diagonal everyone; a threshold of 1 the nearest", () => {
    const options = { candidates: 6, voters: 500, seed: 5, dimensions: 2 };
    const none = euclideanApproval({ ...options, radius: 0 });
    expect(none.ballots).toEqual([{ approved: [], weight: 500 }]);
    const all = euclideanApproval({ ...options, radius: Math.SQRT2 });
    expect(all.ballots).toEqual([{ approved: all.candidates, weight: 500 }]);
    const nearest = euclideanApproval({ ...options, threshold: 1 });
    expect(nearest.ballots.every((ballot) => ballot.approved.length === 1)).toBe(true);
    expect(euclideanApproval({ ...options, threshold: 1 })).toEqual(nearest);
  });
});
