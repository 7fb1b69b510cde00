/**
 * Issue 19's statistics figure: participation statistics of a synthetic Angers-sized
 * process (155,000 residents, 10% voting, proposals, supports and comments: 59,500
 * actions), each person counted once, by kind, scope and day in Europe/Paris, with shares
 * of the population; and the open-data export of the same process (44,000 proposal events,
 * a vote of 15,500 ballots) as a ZIP of CSV files. Goal ≤ 1 s each. Median of 5 warm runs
 * and the first (cold) run. Prints the figures and the machine; asserts nothing.
 */
import { cpus } from "node:os";
import { participationStatistics } from "../src/accountability/index.js";
import { greedy } from "../src/budgeting/index.js";
import { openDataArchive } from "../src/io/openData.js";
import type { ProposalEvent } from "../src/proposals/index.js";
import { angersActions, angersOpenData } from "../tests/helpers/angersProcess.js";

console.log(
  `\ncivitas accountability benchmark — ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores; Node ${process.version}`,
);
const actions = angersActions(1);
const times: number[] = [];
let stats: ReturnType<typeof participationStatistics> | undefined;
for (let run = 0; run < 6; run++) {
  const start = performance.now();
  stats = participationStatistics(actions, { timeZone: "Europe/Paris", census: 155_000 });
  times.push((performance.now() - start) / 1000);
}
const [cold, ...warm] = times as [number, ...number[]];
const median = [...warm].sort((a, b) => a - b)[2] as number;
const voted = stats?.population?.byKind.find((k) => k.kind === "budget-vote")?.percent;
console.log(
  `  participation statistics, ${actions.length.toLocaleString("en")} actions: ${median.toFixed(3)} s (cold ${cold.toFixed(3)} s); goal ≤ 1 s: ${Math.max(median, cold) <= 1 ? "met" : "missed"}`,
);
console.log(
  `  ${stats?.participants.toLocaleString("en")} participants (${stats?.population?.percent}% of 155,000 residents); ${voted}% voted in the budget; ${stats?.perDay.length} days`,
);

const { events, election } = angersOpenData(1);
const funded = greedy(election.instance, election.profile);
if (!funded.ok) throw new Error(funded.issues[0]?.message);
const exportTimes: number[] = [];
let size = 0;
for (let run = 0; run < 6; run++) {
  const start = performance.now();
  const archive = openDataArchive(
    {
      slug: "angers-bp-2026",
      title: "Budget participatif 2026 (synthetic)",
      proposals: events as unknown as ProposalEvent[],
      budget: { election, selected: funded.value.selected },
    },
    { key: "bench key", generatedAt: "2026-12-01T00:00:00Z" },
  );
  exportTimes.push((performance.now() - start) / 1000);
  if (!archive.ok) throw new Error(archive.issues[0]?.message);
  size = archive.value.zip.length;
}
const [exportCold, ...exportWarm] = exportTimes as [number, ...number[]];
const exportMedian = [...exportWarm].sort((a, b) => a - b)[2] as number;
console.log(
  `  open-data ZIP (${events.length.toLocaleString("en")} proposal events, ${election.profile.ballots.length.toLocaleString("en")} ballots, ${(size / 1024).toFixed(0)} KiB): ${exportMedian.toFixed(3)} s (cold ${exportCold.toFixed(3)} s); goal ≤ 1 s: ${Math.max(exportMedian, exportCold) <= 1 ? "met" : "missed"}`,
);
