import type { PbElection } from "../../src/budgeting/index.js";

/**
 * A small approval election written inline: project costs by id, one approval ballot per
 * voter, optional categories by project.
 */
export function approvalElection(
  budget: bigint,
  costs: Record<string, bigint>,
  ballots: readonly (readonly string[])[],
  categories: Record<string, string[]> = {},
): PbElection {
  return {
    instance: {
      budget,
      scale: 0,
      projects: Object.entries(costs).map(([id, cost]) => ({
        id,
        cost,
        name: id,
        categories: categories[id] ?? [],
        targets: [],
        fields: {},
      })),
      meta: {},
      projectColumns: ["project_id", "cost"],
    },
    profile: {
      voteType: "approval",
      ballots: ballots.map((projects) => ({ projects, multiplicity: 1 })),
      voteColumns: ["voter_id", "vote"],
    },
  };
}
