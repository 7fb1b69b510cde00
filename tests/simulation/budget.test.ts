import { describe, expect, it } from "vitest";
import { checkPbElection, greedy } from "../../src/budgeting/index.js";
import { budgetElection } from "../../src/simulation/index.js";
import { chiSquare } from "../helpers/chiSquare.js";

/** Every order of 0 … n−1. */
const orders = (n: number): number[][] =>
  n === 0
    ? [[]]
    : orders(n - 1).flatMap((o) =>
        Array.from({ length: n }, (_, at) => [...o.slice(0, at), n - 1, ...o.slice(at)]),
      );

describe("budget elections", () => {
  it("ballots follow the model exactly: a random order, each project approved with probability q while it fits", () => {
    const costs = [50n, 40n, 30n];
    const [q, limit, maxLength] = [0.7, 80n, 2];
    // Exact: every order (1/6) and every approve-or-not of the projects considered.
    const exact = new Map<string, number>();
    for (const order of orders(3)) {
      const walk = (k: number, chosen: number[], spent: bigint, p: number) => {
        if (k === 3 || chosen.length >= maxLength) {
          const key = [...chosen]
            .sort()
            .map((c) => `p${c + 1}`)
            .join(",");
          exact.set(key, (exact.get(key) ?? 0) + p);
          return;
        }
        const project = order[k] as number;
        const cost = costs[project] as bigint;
        if (spent + cost > limit) return walk(k + 1, chosen, spent, p);
        walk(k + 1, [...chosen, project], spent + cost, p * q);
        walk(k + 1, chosen, spent, p * (1 - q));
      };
      walk(0, [], 0n, 1 / 6);
    }
    const drawn = budgetElection({
      projects: 3,
      voters: 30_000,
      seed: 1,
      budget: 100n,
      costs: { given: costs },
      approve: q,
      ballotShare: 0.8,
      maxLength,
    });
    const observed = new Map(
      drawn.profile.ballots.map((b) => [b.projects.join(","), b.multiplicity]),
    );
    for (const key of observed.keys()) expect(exact.has(key), key).toBe(true);
    const cells = [...exact.entries()];
    const test = chiSquare(
      cells.map(([key]) => observed.get(key) ?? 0),
      cells.map(([, p]) => p),
    );
    expect(test.p, `χ² = ${test.statistic.toFixed(1)}`).toBeGreaterThan(0.001);
  });

  it("is a valid election every rule counts, reproducible by its seed, costs within their range", () => {
    const options = {
      projects: 30,
      voters: 2_000,
      seed: "warsaw-like",
      budget: 1_000_000n,
      costs: { uniform: [20_000n, 300_000n] as const },
      approve: 0.4,
    };
    const election = budgetElection(options);
    expect(budgetElection(options)).toEqual(election);
    expect(checkPbElection(election, { ballots: true })).toEqual([]);
    expect(election.instance.projects.every((p) => p.cost >= 20_000n && p.cost <= 300_000n)).toBe(
      true,
    );
    expect(election.profile.ballots.reduce((sum, b) => sum + b.multiplicity, 0)).toBe(2_000);
    expect(greedy(election.instance, election.profile).ok).toBe(true);
    const resampled = budgetElection({ ...options, costs: { resample: [10n, 20n] } });
    expect(resampled.instance.projects.every((p) => p.cost === 10n || p.cost === 20n)).toBe(true);
  });
});
