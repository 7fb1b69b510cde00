// After the vote, an Angers-sized process tells everyone who took part and follows what
// was funded: participation statistics (each resident once), charts as SVG, and the
// open-data ZIP. The process is synthetic, seeded: 155,000 residents, 10% voting, 1,000
// ideas, 40,000 supports, 3,000 comments. Writes out/*.svg and out/open-data.zip.
import { mkdirSync, writeFileSync } from "node:fs";
import {
  participationFromProposals,
  participationStatistics,
  projectVotesChart,
  type ResultStatus,
  resultProgress,
  resultsFromProjects,
  resultsProgressChart,
  turnoutChart,
} from "civitas/accountability";
import { greedy, methodOfEqualShares, type PbElection } from "civitas/budgeting";
import { seededRandom } from "civitas/core";
import { openDataArchive } from "civitas/open-data";
import type { ProposalEvent } from "civitas/proposals";

const RESIDENTS = 155_000;

/** The process's logs: the ideas' events and the budget vote, seeded. */
export function angers(seed: string) {
  const random = seededRandom(seed);
  const start = Date.parse("2026-09-01T07:00:00Z");
  const day = 86_400_000;
  const events: unknown[] = [];
  for (let k = 0; k < 1_000; k++) {
    const at = start + Math.floor(random() * 30 * day);
    events.push({
      type: "created",
      proposal: `idea-${k}`,
      author: `resident-${Math.floor(random() * 800)}`,
      title: `Idée ${k}`,
      body: "…",
      at,
    });
    events.push({ type: "published", proposal: `idea-${k}`, at: at + 60_000 });
  }
  for (let k = 0; k < 40_000; k++)
    events.push({
      type: "supported",
      proposal: `idea-${Math.floor(random() * 1_000)}`,
      participant: `resident-${Math.floor(random() * 6_000)}`,
      at: start + Math.floor((30 + random() * 20) * day),
    });
  for (let k = 0; k < 3_000; k++)
    events.push({
      type: "commented",
      proposal: `idea-${Math.floor(random() * 1_000)}`,
      participant: `resident-${Math.floor(random() * 2_000)}`,
      comment: `c${k}`,
      alignment: "favour",
      at: start + Math.floor((30 + random() * 20) * day),
    });
  const projects = Array.from({ length: 40 }, (_, k) => ({
    id: `P${k + 1}`,
    cost: BigInt(20_000 + Math.floor(random() * 180_000)),
    name: `Projet ${k + 1}`,
    categories: [],
    targets: [],
    fields: {},
  }));
  const voters = new Set<number>();
  while (voters.size < RESIDENTS / 10) voters.add(Math.floor(random() * RESIDENTS));
  const votedAt = new Map<string, number>();
  const ballots = [...voters].map((who) => {
    const voterId = `resident-${who}`;
    votedAt.set(voterId, start + Math.floor((60 + random() * 28) * day));
    const popular = (k: number) => random() < 0.04 + 0.12 * Math.exp(-k / 8);
    return {
      projects: projects.filter((_, k) => popular(k)).map((p) => p.id),
      multiplicity: 1,
      voterId,
    };
  });
  const election: PbElection = {
    instance: {
      budget: 1_500_000n,
      scale: 0,
      projects,
      meta: { vote_type: "approval" },
      projectColumns: ["project_id", "cost", "name"],
    },
    profile: { voteType: "approval", ballots, voteColumns: ["voter_id", "vote"] },
  };
  return { events: events as ProposalEvent[], election, votedAt };
}

export function report(seed = "angers 2026") {
  const { events, election, votedAt } = angers(seed);
  const byVotes = greedy(election.instance, election.profile);
  const shares = methodOfEqualShares(election.instance, election.profile, { completion: "add1" });
  if (!byVotes.ok || !shares.ok) throw new Error("the vote could not be counted");
  const actions = [
    ...participationFromProposals(events),
    ...[...votedAt].map(([person, at]) => ({ person, kind: "budget-vote" as const, at })),
  ];
  const statistics = participationStatistics(actions, {
    timeZone: "Europe/Paris",
    census: RESIDENTS,
  });
  const statuses: ResultStatus[] = [
    { id: "planned", key: "planned", name: { fr: "Prévu" }, progress: 0 },
    { id: "works", key: "works", name: { fr: "En travaux" }, progress: 50 },
  ];
  const funded = election.instance.projects.filter((p) => byVotes.value.selected.includes(p.id));
  const results = resultsFromProjects(funded, statuses, {
    idOf: (p) => `suivi-${p.id}`,
    locale: "fr",
  }).map((result, k) => (k % 3 === 0 ? { ...result, statusId: "works", progress: 50 } : result));
  const progress = resultProgress(results);
  const support = new Map<string, number>();
  for (const ballot of election.profile.ballots)
    for (const id of ballot.projects) support.set(id, (support.get(id) ?? 0) + 1);
  const charts = {
    turnout: turnoutChart(statistics.perDay, {
      title: "Participants, jour après jour",
      lang: "fr",
    }),
    votes: projectVotesChart(
      election.instance.projects.map((p) => ({
        id: p.id,
        label: p.name,
        votes: support.get(p.id) ?? 0,
        cost: p.cost,
      })),
      {
        budget: election.instance.budget,
        rules: [
          { name: "votes", funded: byVotes.value.selected },
          { name: "MES", funded: shares.value.selected },
        ],
      },
      { title: "Votes par projet", lang: "fr" },
    ),
    progress: resultsProgressChart(
      results.map((r) => ({ label: r.title.fr ?? r.id, progress: progress.get(r.id) })),
      { title: "Avancement des projets", lang: "fr" },
    ),
  };
  const archive = openDataArchive(
    {
      slug: "angers-bp-2026",
      title: "Budget participatif 2026 (synthétique)",
      proposals: events,
      results,
      statuses,
      budget: { election, selected: byVotes.value.selected },
    },
    { key: "la clé secrète de la ville", generatedAt: "2026-12-01T00:00:00Z" },
  );
  if (!archive.ok) throw new Error(archive.issues[0]?.message);
  return { statistics, charts, archive: archive.value, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { statistics, charts, archive } = report();
  mkdirSync("out", { recursive: true });
  for (const [name, svg] of Object.entries(charts)) writeFileSync(`out/${name}.svg`, svg);
  writeFileSync("out/open-data.zip", archive.zip);
  const voted = statistics.population?.byKind.find((k) => k.kind === "budget-vote")?.percent;
  console.log(
    `${statistics.participants} participants, ${statistics.population?.percent}% of ${RESIDENTS} residents; ${voted}% voted`,
  );
  console.log(`out/open-data.zip: ${archive.files.join(", ")}`);
}
