/**
 * `npm run bench` (second part): Scottish STV over every BLT file of the workplace's
 * shared data in one process, and STV and Schulze on 1,000,000 synthetic ranked ballots
 * over 15 candidates. Prints figures and the machine; asserts nothing.
 *
 * Goals (issue 4): STV ≤ 2 s and Schulze ≤ 1 s on the million ballots.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { seededRandom } from "../src/core/index.js";
import { parseBlt } from "../src/io/index.js";
import { type RankedProfile, schulze, scottishStv } from "../src/tally/index.js";
import { printStvRsComparison } from "./stvRsComparison.js";

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

console.log("\ncivitas tally benchmark");
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${mib(totalmem())} RAM`,
);
console.log(`runtime: Node ${process.version} (${process.platform}/${process.arch})`);

const stvData = join(import.meta.dirname, "..", "..", "shared", "data", "stv");
if (existsSync(stvData)) {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".blt")) files.push(path);
    }
  };
  walk(stvData);
  let counted = 0;
  let refused = 0;
  let ballots = 0;
  const start = performance.now();
  for (const file of files) {
    const parsed = parseBlt(readFileSync(file, "utf8"));
    if (!parsed.ok) {
      refused++;
      continue;
    }
    const outcome = scottishStv(parsed.value);
    if (outcome.ok) {
      counted++;
      ballots += parsed.value.ballots.length;
    } else refused++;
  }
  console.log(
    `Scottish STV over every BLT in ../shared/data/stv: ${files.length} files, ${counted} counted (${ballots} ballot lines), ${refused} refused with an issue (equal ranks, bad files), ${ms(performance.now() - start)} in one process`,
  );
} else {
  console.log("skipped the BLT files: ../shared/data/stv is absent");
}

/**
 * Meek STV on stv-rs's larger files: time, and every round against stv-rs's transcripts
 * (rand_mixed_5k's exact "approx" transcripts take minutes in exact fractions: they are in
 * `npm run bench:exact-stv`).
 */
const stvRs = join(stvData, "stv-rs");
if (existsSync(stvRs)) {
  for (const [name, mode] of [
    ["random/rand_hypergeometric", "fixed9"],
    ["random/rand_mixed_5k", "fixed9"],
    ["skewed", "fixed9"],
    ["random/rand_mixed_5k", "equalize.fixed9"],
    ["random/rand_hypergeometric", "equalize.fixed9"],
    ["skewed", "equalize.fixed9"],
    ["random/rand_hypergeometric", "approx"],
    ["random/rand_hypergeometric", "equalize.approx"],
    ["random/rand_5x4", "approx"],
    ["random/rand_5x4", "equalize.approx"],
  ] as const) {
    printStvRsComparison(stvRs, name, mode);
  }
}

const random = seededRandom(15);
const candidates = Array.from({ length: 15 }, (_, k) => `c${k}`);
// Popularity falls off with the candidate's number; rankings of 1 to 15 candidates.
const weights = candidates.map((_, k) => 1 / (k + 2));
const ballots = Array.from({ length: 1_000_000 }, () => {
  const left = candidates.map((_, k) => k);
  const size = 1 + Math.floor(random() * 15);
  const ranking: string[][] = [];
  for (let r = 0; r < size; r++) {
    const total = left.reduce((sum, k) => sum + (weights[k] as number), 0);
    let target = random() * total;
    let at = 0;
    for (;;) {
      target -= weights[left[at] as number] as number;
      if (at >= left.length - 1 || target <= 0) break;
      at++;
    }
    ranking.push([candidates[left[at] as number] as string]);
    left.splice(at, 1);
  }
  return { ranking, weight: 1 };
});
const profile: RankedProfile = { candidates, names: {}, ballots, seats: 5 };
gc();
const heapBefore = process.memoryUsage().heapUsed;
let start = performance.now();
const stv = scottishStv(profile);
const stvMs = performance.now() - start;
const stvHeap = process.memoryUsage().heapUsed - heapBefore;
start = performance.now();
const beatPath = schulze(profile);
const schulzeMs = performance.now() - start;
console.log(
  `1,000,000 synthetic ranked ballots over 15 candidates (seed 15): Scottish STV for 5 seats ${ms(stvMs)} (goal ≤ 2000 ms: ${stvMs <= 2000 ? "met" : "MISSED"}; ${stv.ok ? stv.value.rounds.length : 0} stages), heap growth ${mib(stvHeap)}; Schulze ${ms(schulzeMs)} (goal ≤ 1000 ms: ${schulzeMs <= 1000 ? "met" : "MISSED"}; winner ${beatPath.ok ? beatPath.value.winners.join(", ") : "-"})`,
);
console.log(`peak resident memory of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);
