import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  additiveSatisfaction,
  cardinalitySatisfaction,
  compressProfile,
  costSatisfaction,
  type EqualSharesCompletion,
  equalSharesCompletions,
  expandProfile,
  greedy,
  type PbElection,
  pbRules,
  projectSupport,
  projectWelfare,
  type SatisfactionFunction,
  utilitarianWelfare,
} from "../../src/budgeting/index.js";
import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
} from "../../src/core/index.js";
import { arbitraryElection } from "../helpers/arbitraries.js";
import { approvalElection } from "../helpers/elections.js";

const runs = { numRuns: 300 };

/** Every registered rule, and equal shares with each of its completions (`mes/add1`…). */
const ruleIds = [
  ...pbRules.map((rule) => rule.metadata.id),
  ...equalSharesCompletions
    .filter((completion) => completion !== "none")
    .map((completion) => `mes/${completion}`),
];

function runRule(ruleId: string, election: PbElection) {
  const [id, completion] = ruleId.split("/") as [string, EqualSharesCompletion | undefined];
  const rule = pbRules.find((candidate) => candidate.metadata.id === id);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule.run(election.instance, election.profile, { completion });
}

function selectedBy(ruleId: string, election: PbElection): readonly string[] | undefined {
  const outcome = runRule(ruleId, election);
  return outcome.ok ? outcome.value.selected : undefined;
}

function welfareOf(
  election: PbElection,
  sat: SatisfactionFunction,
  selected: readonly string[],
): Rational {
  const welfare = projectWelfare(
    election.instance,
    election.profile,
    sat,
    projectSupport(election.instance, election.profile),
  );
  return selected.reduce(
    (sum, id) => addRational(sum, welfare.get(id) ?? rational(0)),
    rational(0),
  );
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, k) => ({ item, key: keys[k % Math.max(keys.length, 1)] ?? 0, k }))
    .sort((a, b) => a.key - b.key || a.k - b.k)
    .map(({ item }) => item);
}

/** Renames every project id (p3 → q3): keeps string order, so id tie-breaks agree. */
function renamed(election: PbElection): PbElection {
  const to = (id: string) => `q${id.slice(1)}`;
  return {
    instance: {
      ...election.instance,
      projects: election.instance.projects.map((project) => ({ ...project, id: to(project.id) })),
    },
    profile: {
      ...election.profile,
      ballots: election.profile.ballots.map((ballot) => ({
        ...ballot,
        projects: ballot.projects.map(to),
      })),
    },
  };
}

describe.each(ruleIds)("rule %s", (ruleId) => {
  it("never spends more than the budget", () => {
    fc.assert(
      fc.property(arbitraryElection(), (election) => {
        const outcome = runRule(ruleId, election);
        if (!outcome.ok) return;
        const costs = new Map(election.instance.projects.map((p) => [p.id, p.cost]));
        const total = outcome.value.selected.reduce((sum, id) => sum + (costs.get(id) ?? 0n), 0n);
        expect(total).toBe(outcome.value.cost);
        expect(total <= election.instance.budget).toBe(true);
        expect(new Set(outcome.value.selected).size).toBe(outcome.value.selected.length);
      }),
      runs,
    );
  });

  it("gives the same outcome on the compressed and the expanded profile", () => {
    fc.assert(
      fc.property(arbitraryElection(), (election) => {
        const compressed = { ...election, profile: compressProfile(election.profile) };
        const reExpanded = { ...election, profile: expandProfile(compressed.profile) };
        expect(selectedBy(ruleId, compressed)).toEqual(selectedBy(ruleId, election));
        expect(selectedBy(ruleId, reExpanded)).toEqual(selectedBy(ruleId, election));
      }),
      runs,
    );
  });

  it("does not depend on the order of the ballots", () => {
    fc.assert(
      fc.property(arbitraryElection(), fc.array(fc.nat()), (election, keys) => {
        const reordered = {
          ...election,
          profile: { ...election.profile, ballots: shuffled(election.profile.ballots, keys) },
        };
        expect(selectedBy(ruleId, reordered)).toEqual(selectedBy(ruleId, election));
      }),
      runs,
    );
  });

  it("follows a consistent renaming of the projects", () => {
    fc.assert(
      fc.property(arbitraryElection(), (election) => {
        const before = selectedBy(ruleId, election);
        const after = selectedBy(ruleId, renamed(election));
        expect(after).toEqual(before?.map((id) => `q${id.slice(1)}`));
      }),
      runs,
    );
  });
});

describe("utilitarianWelfare", () => {
  /** Every subset within budget: the plain reference the fast search must match. */
  function bruteForceBest(election: PbElection, sat: SatisfactionFunction): Rational {
    const projects = election.instance.projects;
    let best = rational(0);
    for (let mask = 0; mask < 1 << projects.length; mask++) {
      const chosen = projects.filter((_, k) => (mask >> k) & 1);
      const cost = chosen.reduce((sum, p) => sum + p.cost, 0n);
      if (cost > election.instance.budget) continue;
      const value = welfareOf(
        election,
        sat,
        chosen.map((p) => p.id),
      );
      if (compareRational(value, best) > 0) best = value;
    }
    return best;
  }

  for (const sat of [costSatisfaction, cardinalitySatisfaction]) {
    it(`reaches the brute-force optimum (${sat.id} satisfaction)`, () => {
      fc.assert(
        fc.property(arbitraryElection({ maxProjects: 9 }), (election) => {
          const outcome = utilitarianWelfare(election.instance, election.profile, { sat });
          if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
          const reached = welfareOf(election, sat, outcome.value.selected);
          expect(compareRational(reached, bruteForceBest(election, sat))).toBe(0);
        }),
        runs,
      );
    });

    it(`has welfare at least that of greedy (${sat.id} satisfaction)`, () => {
      fc.assert(
        fc.property(arbitraryElection(), (election) => {
          const best = utilitarianWelfare(election.instance, election.profile, { sat });
          const greedyOutcome = greedy(election.instance, election.profile, { sat });
          if (!best.ok || !greedyOutcome.ok) throw new Error("rule failed");
          const optimal = welfareOf(election, sat, best.value.selected);
          const greedyWelfare = welfareOf(election, sat, greedyOutcome.value.selected);
          expect(compareRational(optimal, greedyWelfare)).toBeGreaterThanOrEqual(0);
        }),
        runs,
      );
    });
  }

  it("accepts any additive satisfaction: one equal to cost satisfaction gives the same sets", () => {
    const sameAsCost = additiveSatisfaction("cost-again", (project, value) =>
      multiplyRational(value, rational(project.cost)),
    );
    fc.assert(
      fc.property(arbitraryElection(), (election) => {
        const custom = utilitarianWelfare(election.instance, election.profile, { sat: sameAsCost });
        const builtIn = utilitarianWelfare(election.instance, election.profile, {
          sat: costSatisfaction,
        });
        expect(custom.ok && custom.value.selected).toEqual(builtIn.ok && builtIn.value.selected);
        const greedyCustom = greedy(election.instance, election.profile, { sat: sameAsCost });
        const greedyBuiltIn = greedy(election.instance, election.profile);
        expect(greedyCustom.ok && greedyCustom.value.selected).toEqual(
          greedyBuiltIn.ok && greedyBuiltIn.value.selected,
        );
      }),
      runs,
    );
  });

  it("breaks ties between equally good sets by the policy", () => {
    // a and b each give 10 × 1 voter with cost 10; only one fits.
    const election = approvalElection(10n, { a: 10n, b: 10n }, [["a"], ["b"]]);
    const byId = utilitarianWelfare(election.instance, election.profile);
    const reversed = utilitarianWelfare(election.instance, election.profile, {
      tieBreaking: [{ by: "id", prefer: "higher" }],
    });
    expect(byId.ok && byId.value.selected).toEqual(["a"]);
    expect(reversed.ok && reversed.value.selected).toEqual(["b"]);
  });

  it("returns a clear issue instead of an unproven answer past the node limit", () => {
    fc.assert(
      fc.property(arbitraryElection({ maxProjects: 8 }), (election) => {
        const outcome = utilitarianWelfare(election.instance, election.profile, { nodeLimit: 1 });
        if (!outcome.ok) expect(outcome.issues[0]?.code).toBe("utilitarian-search-limit");
      }),
      { numRuns: 50 },
    );
    const outcome = utilitarianWelfare(
      {
        budget: 50n,
        scale: 0,
        projects: Array.from({ length: 12 }, (_, k) => ({
          id: `p${k}`,
          cost: BigInt(10 + k),
          name: "",
          categories: [],
          targets: [],
          fields: {},
        })),
        meta: {},
        projectColumns: [],
      },
      {
        voteType: "approval",
        voteColumns: [],
        ballots: [{ projects: Array.from({ length: 12 }, (_, k) => `p${k}`), multiplicity: 1 }],
      },
      { nodeLimit: 3 },
    );
    expect(!outcome.ok && outcome.issues[0]?.code).toBe("utilitarian-search-limit");
  });
});
