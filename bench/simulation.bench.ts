/**
 * `npm run bench` (simulation): drawing profiles for research (issue 18). Goals: 1,000,000
 * Mallows ballots over 10 candidates ≤ 1 s; an experiment of 10,000 profiles × 20 methods
 * ≤ 60 s; Monroe on 300 voters × 15 candidates, 5 seats ≤ 5 s. Prints the figures and the machine; asserts nothing. Median of 5 in one
 * process.
 */
import { cpus } from "node:os";
import {
  approvalImpartialCulture,
  experimentFromJson,
  impartialCulture,
  mallows,
  runExperiment,
  runExperimentInParallel,
  singlePeakedConitzer,
  urn,
} from "../src/simulation/index.js";
import { monroe, tallyMethods } from "../src/tally/index.js";

console.log(
  `\ncivitas simulation benchmark — ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores; Node ${process.version}`,
);

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

const voters = 1_000_000;
const mallowsTime = median(() => mallows({ candidates: 10, voters, seed: 1, phi: 0.5 }));
console.log(
  `  Mallows (φ = 0.5), 1,000,000 ballots over 10 candidates: ${(mallowsTime / 1000).toFixed(2)} s; goal ≤ 1 s: ${mallowsTime <= 1000 ? "met" : "MISSED"}`,
);
for (const [name, run] of [
  ["impartial culture", () => impartialCulture({ candidates: 10, voters, seed: 1 })],
  ["urn (α = 0.1)", () => urn({ candidates: 10, voters, seed: 1, alpha: 0.1 })],
  ["single-peaked (Conitzer)", () => singlePeakedConitzer({ candidates: 10, voters, seed: 1 })],
] as const)
  console.log(
    `  ${name}, 1,000,000 ballots over 10 candidates: ${(median(run) / 1000).toFixed(2)} s`,
  );

const committee = approvalImpartialCulture({ candidates: 15, voters: 300, seed: 1, p: 0.3 });
const monroeTime = median(() => monroe(committee, 5));
console.log(
  `  Monroe, 300 voters × 15 candidates (p-impartial culture, p = 0.3), 5 seats: ${(monroeTime / 1000).toFixed(3)} s; goal ≤ 5 s: ${monroeTime <= 5000 ? "met" : "MISSED"}`,
);

// 10,000 profiles (two models × 5,000) of 6 candidates and 101 voters, by every
// single-winner method (20), in one thread.
const methods = tallyMethods.filter((method) => method.kind === "single-winner").map((m) => m.id);
const spec = experimentFromJson({
  seed: 1,
  repetitions: 5_000,
  generators: [{ model: "mallows", phi: 0.8 }, { model: "impartial-culture" }],
  sizes: [{ candidates: 6, voters: 101 }],
  methods,
});
if (!spec.ok) throw new Error(spec.issues[0]?.message);
let rows = 0;
const experimentStart = performance.now();
runExperiment(spec.value, { onRow: () => rows++ });
const experimentTime = (performance.now() - experimentStart) / 1000;
console.log(
  `  experiment: 10,000 profiles (6 candidates, 101 voters) × ${methods.length} methods = ${rows} rows in ${experimentTime.toFixed(1)} s, one thread; goal ≤ 60 s: ${experimentTime <= 60 ? "met" : "MISSED"}`,
);

// The same on two worker threads (each loads the built civitas/simulation).
let parallelRows = 0;
const parallelStart = performance.now();
await runExperimentInParallel(spec.value, { threads: 2, onRow: () => parallelRows++ });
const parallelTime = (performance.now() - parallelStart) / 1000;
console.log(
  `  the same on 2 worker threads: ${parallelRows} rows in ${parallelTime.toFixed(1)} s; goal ≤ 60 s: ${parallelTime <= 60 ? "met" : "MISSED"}`,
);
