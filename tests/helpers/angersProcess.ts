import type { ParticipationAction } from "../../src/accountability/index.js";
import { seededRandom } from "../../src/core/index.js";

/**
 * A synthetic process the size of Angers' participatory budget, seeded: 155,000 residents
 * in 10 districts; 1,000 proposals by 800 people; 40,000 supports by 6,000; 3,000
 * comments; and 15,500 residents (10%) voting in the budget vote, over the process's
 * three months (September to November 2026).
 */
export function angersActions(seed: number | string): ParticipationAction[] {
  const random = seededRandom(seed);
  const residents = 155_000;
  const person = (k: number) => `resident-${k}`;
  const district = (k: number) => `district-${k % 10}`;
  const start = Date.parse("2026-09-01T06:00:00Z");
  const when = (fromDay: number, days: number) =>
    start + Math.floor((fromDay + random() * days) * 86_400_000);
  const someone = (pool: number) => Math.floor(random() * pool);
  const actions: ParticipationAction[] = [];
  for (let k = 0; k < 1_000; k++) {
    const who = someone(800);
    actions.push({ person: person(who), kind: "proposal", at: when(0, 30), scope: district(who) });
  }
  for (let k = 0; k < 40_000; k++) {
    const who = someone(6_000);
    actions.push({ person: person(who), kind: "support", at: when(20, 30), scope: district(who) });
  }
  for (let k = 0; k < 3_000; k++) {
    const who = someone(2_000);
    actions.push({ person: person(who), kind: "comment", at: when(10, 50), scope: district(who) });
  }
  // Voters drawn without repeats: a random 10% of the residents.
  const voters = new Set<number>();
  while (voters.size < residents / 10) voters.add(someone(residents));
  for (const who of voters)
    actions.push({
      person: person(who),
      kind: "budget-vote",
      at: when(60, 28),
      scope: district(who),
    });
  return actions;
}

/**
 * The same process as logs and a vote, for the open-data export: the proposals' event log
 * (1,000 proposals created and published, 40,000 supports, 3,000 comments) and a budget
 * vote of 15,500 voters over 60 projects with the projects greedy-by-votes funds.
 */
export function angersOpenData(seed: number | string) {
  const random = seededRandom(`${seed}/open-data`);
  const events: Record<string, unknown>[] = [];
  const start = Date.parse("2026-09-01T06:00:00Z");
  for (let k = 0; k < 1_000; k++) {
    const proposal = `idea-${k}`;
    events.push({
      type: "created",
      proposal,
      author: `resident-${k}`,
      title: `Idée ${k}`,
      body: "…",
      at: start + k * 60_000,
    });
    events.push({ type: "published", proposal, at: start + k * 60_000 + 1_000 });
  }
  for (let k = 0; k < 40_000; k++)
    events.push({
      type: "supported",
      proposal: `idea-${Math.floor(random() * 1_000)}`,
      participant: `resident-${Math.floor(random() * 6_000)}`,
      at: start + 2_000_000_000 + k,
    });
  for (let k = 0; k < 3_000; k++)
    events.push({
      type: "commented",
      proposal: `idea-${Math.floor(random() * 1_000)}`,
      participant: `resident-${Math.floor(random() * 2_000)}`,
      comment: `c${k}`,
      alignment: "favour",
      at: start + 3_000_000_000 + k,
    });
  const projects = Array.from({ length: 60 }, (_, k) => ({
    id: `P${k + 1}`,
    cost: BigInt(20_000 + Math.floor(random() * 200_000)),
    name: `Projet ${k + 1}`,
    categories: [],
    targets: [],
    fields: {},
  }));
  const ballots = Array.from({ length: 15_500 }, (_, k) => ({
    projects: projects.filter(() => random() < 0.08).map((p) => p.id),
    multiplicity: 1,
    voterId: `resident-${k * 10}`,
  }));
  const election = {
    instance: {
      budget: 1_000_000n,
      scale: 0,
      projects,
      meta: { description: "Angers-sized synthetic vote", vote_type: "approval" },
      projectColumns: ["project_id", "cost", "name"],
    },
    profile: { voteType: "approval" as const, ballots, voteColumns: ["voter_id", "vote"] },
  };
  return { events, election };
}
