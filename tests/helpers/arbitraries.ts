import fc from "fast-check";
import type { PbBallot, PbElection, PbProject, VoteType } from "../../src/budgeting/index.js";

/**
 * Random small elections of every ballot type, with the awkward cases rules must
 * survive: equal costs, zero-support projects, budgets smaller than every cost, one
 * voter, repeated ballots.
 */
export function arbitraryElection(
  options: { voteTypes?: readonly VoteType[]; maxProjects?: number; maxVoters?: number } = {},
): fc.Arbitrary<PbElection> {
  const voteTypes = options.voteTypes ?? [
    "approval",
    "choose-1",
    "cumulative",
    "scoring",
    "ordinal",
  ];
  const maxProjects = options.maxProjects ?? 8;
  const maxVoters = options.maxVoters ?? 12;
  return fc
    .record({
      voteType: fc.constantFrom(...voteTypes),
      costs: fc.array(fc.oneof(fc.constantFrom(10n, 20n, 30n), fc.bigInt({ min: 0n, max: 120n })), {
        minLength: 1,
        maxLength: maxProjects,
      }),
      budget: fc.bigInt({ min: 0n, max: 300n }),
      rule: fc.constantFrom("greedy", "greedy-no-skip", "greedy-threshold"),
      threshold: fc.integer({ min: 0, max: 4 }),
      seeds: fc.array(
        fc.record({
          picks: fc.array(fc.nat(), { maxLength: maxProjects }),
          points: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: maxProjects }),
        }),
        { minLength: 1, maxLength: maxVoters },
      ),
    })
    .map(({ voteType, costs, budget, rule, threshold, seeds }) => {
      const projects: PbProject[] = costs.map((cost, k) => ({
        id: `p${k}`,
        cost,
        name: `Project ${k}`,
        categories: [],
        targets: [],
        fields: {},
      }));
      const ballots: PbBallot[] = seeds.map((seed, voter) => {
        const chosen = [...new Set(seed.picks.map((pick) => `p${pick % costs.length}`))];
        const picked = voteType === "choose-1" ? chosen.slice(0, 1) : chosen;
        const base = { projects: picked, multiplicity: 1, voterId: `v${voter}` };
        return voteType === "cumulative" || voteType === "scoring"
          ? { ...base, points: picked.map((_, k) => seed.points[k] ?? 1) }
          : base;
      });
      return {
        instance: {
          budget,
          scale: 0,
          projects,
          meta: {
            budget: budget.toString(),
            vote_type: voteType,
            rule,
            min_project_score_threshold: String(threshold),
          },
          projectColumns: ["project_id", "cost", "name"],
        },
        profile: {
          voteType,
          ballots,
          voteColumns:
            voteType === "cumulative" || voteType === "scoring"
              ? ["voter_id", "vote", "points"]
              : ["voter_id", "vote"],
        },
      };
    });
}
