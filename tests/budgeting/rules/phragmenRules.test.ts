import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cardinalitySatisfaction,
  defaultPbTieBreaking,
  maximinSupport,
  methodOfEqualShares,
  type PbElection,
  type PbProject,
  pbTieBreakingKeys,
  projectSupport,
  sequentialPhragmen,
} from "../../../src/budgeting/index.js";
import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
  tieBreakingComparator,
} from "../../../src/core/index.js";
import { arbitraryElection } from "../../helpers/arbitraries.js";

/** Plain references: one voter at a time, every subset enumerated. */
function voterSets(election: PbElection): Set<string>[] {
  return election.profile.ballots.flatMap((ballot) =>
    Array.from({ length: ballot.multiplicity }, () => new Set(ballot.projects)),
  );
}

function comparator(election: PbElection) {
  return tieBreakingComparator(
    defaultPbTieBreaking,
    pbTieBreakingKeys(
      election.instance.projects,
      projectSupport(election.instance, election.profile),
    ),
  );
}

function referencePhragmen(election: PbElection): string[] {
  const voters = voterSets(election);
  const loads = voters.map(() => rational(0));
  const compare = comparator(election);
  let remaining = election.instance.projects.filter(
    (project) =>
      project.cost <= election.instance.budget && voters.some((voter) => voter.has(project.id)),
  );
  let left = election.instance.budget;
  const selected: string[] = [];
  while (remaining.length > 0) {
    const scored = remaining.map((project) => {
      const supporters = voters.flatMap((voter, i) => (voter.has(project.id) ? [i] : []));
      const total = supporters.reduce(
        (sum, i) => addRational(sum, loads[i] as Rational),
        rational(project.cost),
      );
      return { project, load: multiplyRational(total, rational(1, supporters.length)), supporters };
    });
    const lowest = scored.reduce(
      (min, entry) => (compareRational(entry.load, min) < 0 ? entry.load : min),
      (scored[0] as { load: Rational }).load,
    );
    const tied = scored.filter((entry) => compareRational(entry.load, lowest) === 0);
    if (tied.some((entry) => entry.project.cost > left)) break;
    const chosen = tied.sort((a, b) => compare(a.project, b.project))[0] as (typeof tied)[number];
    for (const i of chosen.supporters) loads[i] = lowest;
    left -= chosen.project.cost;
    selected.push(chosen.project.id);
    remaining = remaining.filter((project) => project !== chosen.project);
  }
  return selected;
}

function bruteLoad(set: readonly PbProject[], voters: readonly Set<string>[]): Rational {
  let best = rational(0);
  for (let mask = 1; mask < 1 << set.length; mask++) {
    const chosen = set.filter((_, k) => (mask >> k) & 1);
    const cost = chosen.reduce((sum, project) => sum + project.cost, 0n);
    const supporters = voters.filter((voter) =>
      chosen.some((project) => voter.has(project.id)),
    ).length;
    const load = rational(cost, BigInt(supporters));
    if (compareRational(load, best) > 0) best = load;
  }
  return best;
}

function referenceMaximin(election: PbElection): string[] {
  const voters = voterSets(election);
  const compare = comparator(election);
  let available = election.instance.projects.filter((project) =>
    voters.some((voter) => voter.has(project.id)),
  );
  let left = election.instance.budget;
  const selected: PbProject[] = [];
  for (;;) {
    available = available.filter((project) => project.cost <= left);
    if (available.length === 0) break;
    const scored = available.map((project) => ({
      project,
      load: bruteLoad([...selected, project], voters),
    }));
    scored.sort((a, b) => compareRational(a.load, b.load) || compare(a.project, b.project));
    const chosen = (scored[0] as (typeof scored)[number]).project;
    selected.push(chosen);
    left -= chosen.cost;
    available = available.filter((project) => project !== chosen);
  }
  return selected.map((project) => project.id);
}

const approval = arbitraryElection({ voteTypes: ["approval", "choose-1"], maxProjects: 7 });

describe("sequentialPhragmen", () => {
  it("equals the plain reference on random elections", () => {
    fc.assert(
      fc.property(approval, (election) => {
        const outcome = sequentialPhragmen(election.instance, election.profile);
        if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
        expect(outcome.value.selected).toEqual(referencePhragmen(election));
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses ballots that are not approvals, with a clear issue", () => {
    fc.assert(
      fc.property(arbitraryElection({ voteTypes: ["cumulative", "ordinal"] }), (election) => {
        const outcome = sequentialPhragmen(election.instance, election.profile);
        expect(!outcome.ok && outcome.issues[0]?.code).toBe("unsupported-ballot-type");
      }),
      { numRuns: 20 },
    );
  });
});

describe("maximinSupport", () => {
  it("equals the brute-force reference (every subset's load) on random elections", () => {
    fc.assert(
      fc.property(approval, (election) => {
        const outcome = maximinSupport(election.instance, election.profile);
        if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
        expect(outcome.value.selected).toEqual(referenceMaximin(election));
      }),
      { numRuns: 500 },
    );
  });
});

describe("ties are reported in the steps", () => {
  // Two camps of two voters and one of one: a and b tie at every measure but the policy.
  const tied: PbElection = {
    instance: {
      budget: 1n,
      scale: 0,
      projects: ["a", "b", "c"].map((id) => ({
        id,
        cost: 1n,
        name: id,
        categories: [],
        targets: [],
        fields: {},
      })),
      meta: {},
      projectColumns: ["project_id", "cost"],
    },
    profile: {
      voteType: "approval",
      ballots: [
        { projects: ["a"], multiplicity: 2 },
        { projects: ["b"], multiplicity: 2 },
        { projects: ["c"], multiplicity: 1 },
      ],
      voteColumns: ["voter_id", "vote"],
    },
  };
  const firstStep = (outcome: ReturnType<typeof sequentialPhragmen>) =>
    outcome.ok ? outcome.value.explanation[0] : undefined;

  it("sequential Phragmén names the projects the policy decided against", () => {
    expect(firstStep(sequentialPhragmen(tied.instance, tied.profile))).toMatchObject({
      project: "a",
      tiedWith: ["b"],
    });
    const reversed = sequentialPhragmen(tied.instance, tied.profile, {
      tieBreaking: [{ by: "order", order: ["b", "a"] }],
    });
    expect(firstStep(reversed)).toMatchObject({ project: "b", tiedWith: ["a"] });
  });

  it("maximin support names them when asked (reportTies)", () => {
    expect(firstStep(maximinSupport(tied.instance, tied.profile))?.tiedWith).toBeUndefined();
    expect(
      firstStep(maximinSupport(tied.instance, tied.profile, { reportTies: true })),
    ).toMatchObject({ project: "a", tiedWith: ["b"] });
  });

  it("equal shares names them", () => {
    const outcome = methodOfEqualShares({ ...tied.instance, budget: 5n }, tied.profile, {
      sat: cardinalitySatisfaction,
    });
    expect(firstStep(outcome)).toMatchObject({ project: "a", tiedWith: ["b"] });
    expect(outcome.ok && outcome.value.explanation[1]?.tiedWith).toBeUndefined();
  });
});
