import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeOutcome,
  cardinalitySatisfaction,
  checkExtendedJustifiedRepresentation,
  checkPriceability,
  costSatisfaction,
  equalSharesCertificate,
  greedy,
  methodOfEqualShares,
  type PbElection,
  votersPreferring,
} from "../../../src/budgeting/index.js";
import { rational } from "../../../src/core/index.js";
import { parsePabulib } from "../../../src/io/index.js";
import { arbitraryElection } from "../../helpers/arbitraries.js";
import { readFixture } from "../../helpers/data.js";
import { approvalElection as election } from "../../helpers/elections.js";

// 6 voters want a and b, 4 want c; a and b cost 5, c 4; budget 10.
const split = election(
  10n,
  { a: 5n, b: 5n, c: 4n },
  [...Array.from({ length: 6 }, () => ["a", "b"]), ...Array.from({ length: 4 }, () => ["c"])],
  { a: ["sport"], b: ["sport"], c: ["culture"] },
);

const approvalElections = arbitraryElection({ voteTypes: ["approval"], maxProjects: 8 });

describe("checkExtendedJustifiedRepresentation", () => {
  it("finds the cohesive minority greedy leaves out", () => {
    const byVotes = greedy(split.instance, split.profile);
    if (!byVotes.ok) throw new Error("greedy failed");
    expect(byVotes.value.selected).toEqual(["a", "b"]);
    const report = checkExtendedJustifiedRepresentation(
      split.instance,
      split.profile,
      byVotes.value.selected,
      {
        upToOne: false,
      },
    );
    expect(report.ok && report.value).toEqual({
      satisfied: false,
      violation: { projects: ["c"], voters: 4 },
    });
  });

  for (const sat of [costSatisfaction, cardinalitySatisfaction]) {
    it(`holds (up to one project) for equal shares, with and without add1 (${sat.id} satisfaction)`, () => {
      fc.assert(
        fc.property(
          approvalElections,
          fc.constantFrom("none", "add1") as fc.Arbitrary<"none" | "add1">,
          (e, completion) => {
            const outcome = methodOfEqualShares(e.instance, e.profile, { sat, completion });
            if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
            const report = checkExtendedJustifiedRepresentation(
              e.instance,
              e.profile,
              outcome.value.selected,
              { sat },
            );
            expect(report.ok && report.value).toEqual({ satisfied: true });
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it("holds exactly (not only up to one) for equal shares with unit costs and cardinality satisfaction", () => {
    fc.assert(
      fc.property(approvalElections, (e) => {
        const unit: PbElection = {
          ...e,
          instance: {
            ...e.instance,
            projects: e.instance.projects.map((project) => ({ ...project, cost: 1n })),
          },
        };
        const outcome = methodOfEqualShares(unit.instance, unit.profile, {
          sat: cardinalitySatisfaction,
        });
        if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
        const report = checkExtendedJustifiedRepresentation(
          unit.instance,
          unit.profile,
          outcome.value.selected,
          {
            sat: cardinalitySatisfaction,
            upToOne: false,
          },
        );
        expect(report.ok && report.value.satisfied).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("says when an instance is beyond its exact limit", () => {
    const many = election(
      10n,
      Object.fromEntries(Array.from({ length: 21 }, (_, k) => [`p${k}`, 1n])),
      [["p0"]],
    );
    const report = checkExtendedJustifiedRepresentation(many.instance, many.profile, []);
    expect(!report.ok && report.issues[0]?.code).toBe("ejr-check-too-large");
  });
});

describe("equal shares priceability certificate", () => {
  it("holds for equal shares on random elections and fails when tampered with", () => {
    fc.assert(
      fc.property(
        arbitraryElection({ voteTypes: ["approval", "cumulative", "scoring"] }),
        fc.constantFrom("none", "add1") as fc.Arbitrary<"none" | "add1">,
        (e, completion) => {
          const certificate = equalSharesCertificate(e.instance, e.profile, { completion });
          if (!certificate.ok) throw new Error(certificate.issues[0]?.message);
          expect(checkPriceability(e.instance, e.profile, certificate.value)).toEqual({
            priceable: true,
            violations: [],
          });
          const payer = certificate.value.payments.findIndex((paid) => paid.length > 0);
          if (payer < 0) return;
          const tampered = {
            ...certificate.value,
            payments: certificate.value.payments.map((paid, b) =>
              b === payer
                ? paid.map((p, k) =>
                    k === 0 ? { ...p, amount: rational(p.amount.num + 1n, p.amount.den) } : p,
                  )
                : paid,
            ),
          };
          expect(checkPriceability(e.instance, e.profile, tampered).priceable).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("holds for Wieliczka's official count", () => {
    const parsed = parsePabulib(readFixture("Poland_Wieliczka_2023_Green_Budget.pb"));
    if (!parsed.ok) throw new Error("unreadable fixture");
    const { instance, profile } = parsed.value;
    const certificate = equalSharesCertificate(instance, profile, { completion: "add1" });
    if (!certificate.ok) throw new Error(certificate.issues[0]?.message);
    expect(certificate.value.perVoterBudget).toEqual(rational(315));
    expect(checkPriceability(instance, profile, certificate.value)).toEqual({
      priceable: true,
      violations: [],
    });
  });

  it("is refused for completions that add projects without prices", () => {
    // Equal shares funds a (the 4 voters of c, cost 5, cannot pay); greedy then adds b.
    const e = election(10n, { a: 5n, b: 5n, c: 5n }, [
      ...Array.from({ length: 6 }, () => ["a", "b"]),
      ...Array.from({ length: 4 }, () => ["c"]),
    ]);
    const certificate = equalSharesCertificate(e.instance, e.profile, { completion: "greedy" });
    expect(!certificate.ok && certificate.issues[0]?.code).toBe("not-priceable");
  });
});

describe("analyzeOutcome", () => {
  it("reads the numbers of a small outcome", () => {
    const analysis = analyzeOutcome(split.instance, split.profile, ["a", "c"]);
    expect(analysis.voters).toBe(10);
    expect(analysis.shareWithFunded).toBe("1");
    // Cost satisfaction: 4 voters get 4 (c), 6 get 5 (a). Σx = 46, Σ i·x = 40 + 225:
    // Gini = 2·265/(10·46) − 11/10 = 0.052174.
    expect(analysis.satisfaction.gini).toBe("0.052174");
    expect(analysis.satisfaction.quantiles).toMatchObject({ min: "4", median: "5", max: "5" });
    expect(analysis.costPerSupporter).toEqual([
      { project: "a", supporters: 6, perSupporter: "0.833333" },
      { project: "c", supporters: 4, perSupporter: "1" },
    ]);
    // Support: sport 12 of 16 approvals, culture 4; cost: sport 5, culture 4 of 9.
    expect(analysis.proportionality.categories).toEqual({
      groups: [
        { name: "culture", supportShare: "0.25", costShare: "0.444444" },
        { name: "sport", supportShare: "0.75", costShare: "0.555556" },
      ],
      distance: "0.194444",
    });
    // Greedy's a and b: the 4 culture voters get nothing.
    const greedyAnalysis = analyzeOutcome(split.instance, split.profile, ["a", "b"]);
    expect(greedyAnalysis.shareWithFunded).toBe("0.6");
    // Satisfactions 0 ×4 and 10 ×6: Gini = 2·(Σ i·x)/(n·Σx) − (n+1)/n = 2·450/600 − 1.1 = 0.4.
    expect(greedyAnalysis.satisfaction.gini).toBe("0.4");
    // Fair share: budget/n = 1; a voter of a and b could get 5/6 + 5/6 = 5/3, so 1; greedy gives them 5/3 ≥ 1.
    expect(greedyAnalysis.fairShare.reached).toBe("0.6");
  });

  it("gives the real count's figures", () => {
    const parsed = parsePabulib(
      readFileSync(new URL("../../fixtures/Poland_Swiecie_2023.pb", import.meta.url), "utf8"),
    );
    if (!parsed.ok) throw new Error("unreadable fixture");
    const { instance, profile } = parsed.value;
    const outcome = methodOfEqualShares(instance, profile, { completion: "add1" });
    if (!outcome.ok) throw new Error("rule failed");
    const analysis = analyzeOutcome(instance, profile, outcome.value.selected);
    expect(analysis.voters).toBe(2553);
    expect(Number(analysis.shareWithFunded)).toBeGreaterThan(0.5);
    expect(Number(analysis.satisfaction.gini)).toBeGreaterThan(0);
    expect(Number(analysis.satisfaction.gini)).toBeLessThan(1);
  });
});

describe("votersPreferring", () => {
  it("counts each voter for the outcome that funds more of their projects", () => {
    // {a, b} funds two of the 6's projects, {a, c} one; {a, c} funds the 4's c.
    expect(votersPreferring(split.profile, ["a", "b"], ["a", "c"])).toEqual({
      preferFirst: 6,
      preferSecond: 4,
      indifferent: 0,
    });
    expect(votersPreferring(split.profile, ["a"], ["b"])).toEqual({
      preferFirst: 0,
      preferSecond: 0,
      indifferent: 10,
    });
  });

  it("is antisymmetric and counts every voter once", () => {
    fc.assert(
      fc.property(approvalElections, fc.integer({ min: 0, max: 2 ** 16 }), (e, mask) => {
        const ids = e.instance.projects.map((project) => project.id);
        const first = ids.filter((_, k) => (mask >> k) & 1);
        const second = ids.filter((_, k) => (mask >> (k + 8)) & 1);
        const forward = votersPreferring(e.profile, first, second);
        const backward = votersPreferring(e.profile, second, first);
        expect(backward).toEqual({
          preferFirst: forward.preferSecond,
          preferSecond: forward.preferFirst,
          indifferent: forward.indifferent,
        });
        const voters = e.profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
        expect(forward.preferFirst + forward.preferSecond + forward.indifferent).toBe(voters);
      }),
    );
  });
});
