// Count an existing service's CSV export of ballots with civitas: the projects and the
// ballots go in as JSON, civitas checks them (zod) and counts them by the rule you choose.
import { readFileSync } from "node:fs";
import { greedy, methodOfEqualShares, pbElectionFromJson } from "civitas/budgeting";

const rows = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

export function count(budgetEur: string) {
  const election = pbElectionFromJson({
    instance: {
      budget: budgetEur,
      scale: 0,
      projects: rows("data/projects.csv").map(([id, title, cost]) => ({
        id,
        name: title,
        cost,
        categories: [],
        targets: [],
        fields: {},
      })),
      meta: {},
      projectColumns: ["project_id", "cost", "name"],
    },
    profile: {
      voteType: "approval",
      voteColumns: ["voter_id", "vote"],
      ballots: rows("data/ballots.csv").map(([ballotId, , projects]) => ({
        voterId: ballotId,
        projects: (projects ?? "").split(" "),
        multiplicity: 1,
      })),
    },
  });
  if (!election.ok) return { issues: election.issues.map((issue) => issue.message) };
  const { instance, profile } = election.value;
  const byVotes = greedy(instance, profile);
  const equalShares = methodOfEqualShares(instance, profile, { completion: "add1" });
  return {
    greedy: byVotes.ok ? byVotes.value.selected : byVotes.issues,
    equalShares: equalShares.ok ? equalShares.value.selected : equalShares.issues,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(count("60000"));
