/**
 * `npm run bench` (last part): every single-winner method on 1,000 candidates and 10,000
 * ballots, in a process of its own so that no earlier benchmark's data is on the heap
 * (every full garbage collection walks the profile's ten million ranked places). Goal
 * (issue 13): each within 2 s, or a clear issue. Two profiles from seeded random rankings:
 * each ballot ranks 10 candidates (as real large elections' ballots rank few), or all
 * 1,000 (where a head-to-head count of 10^10 pairs is refused with the issue
 * pairwise-work-limit). Median of 3 runs per method.
 */
import { cpus, totalmem } from "node:os";
import { seededRandom } from "../src/core/index.js";
import { type RankedProfile, tallyMethods } from "../src/tally/index.js";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const RUNS = 3;
console.log("\ncivitas single-winner benchmark");
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}`,
);
const bigRandom = seededRandom("1000x10000");
const bigCandidates = Array.from({ length: 1000 }, (_, k) => `c${k}`);
const bigProfile = (length: number): RankedProfile => ({
  candidates: bigCandidates,
  names: {},
  ballots: Array.from({ length: 10_000 }, () => {
    const order = bigCandidates.map((_, k) => k);
    for (let k = 0; k < length; k++) {
      const j = k + Math.floor(bigRandom() * (order.length - k));
      [order[k], order[j]] = [order[j] as number, order[k] as number];
    }
    return { ranking: order.slice(0, length).map((k) => [bigCandidates[k] as string]), weight: 1 };
  }),
});
for (const length of [10, 1000]) {
  const big = bigProfile(length);
  console.log(
    `\nsingle-winner methods on 1,000 candidates and 10,000 ballots ranking ${length} each (goal ≤ 2 s or a clear issue):`,
  );
  let missed = 0;
  for (const method of tallyMethods.filter((candidate) => !candidate.multiWinner)) {
    const times: number[] = [];
    let outcome = method.run(big, { seats: 1 });
    for (let run = 0; run < RUNS; run++) {
      gc();
      const began = performance.now();
      outcome = method.run(big, { seats: 1 });
      times.push(performance.now() - began);
    }
    const took = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
    const within = took <= 2000;
    if (!within) missed++;
    console.log(
      `  ${method.id.padEnd(16)} ${`${took.toFixed(0)} ms`.padStart(9)}  ${outcome.ok ? `winner ${outcome.value.winners.slice(0, 3).join(", ")}${outcome.value.winners.length > 3 ? ", …" : ""}` : `issue ${outcome.issues[0]?.code}`}${within ? "" : "  MISSED"}`,
    );
  }
  console.log(`  goal: ${missed === 0 ? "met by every method" : `MISSED by ${missed}`}`);
}
