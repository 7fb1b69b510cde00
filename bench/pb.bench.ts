/**
 * `npm run bench`: parse and count times and memory on the largest real participatory
 * budgets, plus the malformed-input catalogue's worst cases. Prints figures and the
 * machine; asserts nothing (speed goals live here, not in timed tests).
 *
 * Goals: parse + greedy ≤ 300 ms per file (issue 2); full official equal shares (add1)
 * ≤ 500 ms on Warsaw 2026 and Łódź 2022, one equal-shares run on 1,000,000 synthetic
 * voters ≤ 2 s (issue 3).
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import {
  compressProfile,
  methodOfEqualShares,
  officialRule,
  sequentialPhragmen,
  utilitarianWelfare,
} from "../src/budgeting/index.js";
import { runCli } from "../src/cli/runCli.js";
import { parsePabulib } from "../src/io/index.js";

const shared = join(import.meta.dirname, "..", "..", "shared", "data", "pabulib");
const files = [
  "choose1/Poland_Wroclaw_2015_150_-_500.pb",
  "approval/Poland_Lodz_2022.pb",
  "approval/Poland_Warszawa_2026.pb",
  "ordinal/Poland_Krakow_2024.pb",
  "cumulative/Poland_Katowice_2021.pb",
];
const RUNS = 7;
const GOAL_MS = 300;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

console.log("civitas pb benchmark");
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${mib(totalmem())} RAM`,
);
console.log(`runtime: Node ${process.version} (${process.platform}/${process.arch})`);
console.log(
  `each figure: first run (cold) and median of ${RUNS} runs; memory: heap held by the parsed election\n`,
);

if (!existsSync(shared)) {
  console.log(
    `skipped: ${shared} is absent (the large Pabulib files live in the workplace's shared data)`,
  );
  process.exit(0);
}

const header = [
  "file",
  "ballots",
  "parse cold",
  "parse median",
  "official cold",
  "official median",
  "parse+official",
  "goal",
  "heap held",
  "utilitarian",
  "compressed ballots",
];
const rows: string[][] = [];
let allMet = true;
for (const file of files) {
  const text = readFileSync(join(shared, file), "utf8");
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const [first, parseCold] = time(() => parsePabulib(text));
  if (!first.ok) throw new Error(`${file}: ${first.issues[0]?.message}`);
  gc();
  const held = process.memoryUsage().heapUsed - heapBefore;
  const { instance, profile } = first.value;
  const [, officialCold] = time(() => officialRule(instance, profile));
  const parseTimes: number[] = [];
  const officialTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [parsed, parseMs] = time(() => parsePabulib(text));
    parseTimes.push(parseMs);
    if (parsed.ok)
      officialTimes.push(time(() => officialRule(parsed.value.instance, parsed.value.profile))[1]);
  }
  const [utilitarian, utilitarianMs] = time(() => utilitarianWelfare(instance, profile));
  const compressed = compressProfile(profile);
  const total = median(parseTimes) + median(officialTimes);
  const met = total <= GOAL_MS;
  allMet &&= met;
  rows.push([
    file.split("/").pop() ?? file,
    String(profile.ballots.length),
    ms(parseCold),
    ms(median(parseTimes)),
    ms(officialCold),
    ms(median(officialTimes)),
    ms(total),
    met ? `≤ ${GOAL_MS} ms: met` : `> ${GOAL_MS} ms: MISSED`,
    mib(held),
    utilitarian.ok ? ms(utilitarianMs) : "search limit",
    String(compressed.ballots.length),
  ]);
}
const widths = header.map((h, k) =>
  Math.max(h.length, ...rows.map((row) => (row[k] ?? "").length)),
);
for (const row of [header, ...rows])
  console.log(row.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join("  "));
console.log(
  `\npeak resident memory of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`,
);
console.log(
  `goal parse + greedy ≤ ${GOAL_MS} ms (median) on every file: ${allMet ? "met" : "MISSED"}`,
);

// Malformed input: each must fail fast with a clear issue, never crash.
console.log("\nmalformed input through the CLI (exit code, time, first line of stderr):");
const junk = "x;y;z\u00e9\u00ff\n".repeat(5_000_000).slice(0, 50_000_000);
const metaThenJunk = `META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n${"a;b;c\n".repeat(8_000_000)}`;
const garbage = new Uint8Array(50_000_000);
for (let k = 0; k < garbage.length; k++) garbage[k] = (k * 2654435761) >>> 24;
const cases: [string, Uint8Array][] = [
  ["50 MB of junk text", new TextEncoder().encode(junk)],
  ["META then 48 MB of bad rows", new TextEncoder().encode(metaThenJunk)],
  ["50 MB of binary garbage", garbage],
  ["empty file", new Uint8Array()],
];
for (const [name, bytes] of cases) {
  let stderr = "";
  const [code, took] = time(() =>
    runCli(["pb", "run", "input.pb", "--rule", "official"], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      readFile: () => bytes,
    }),
  );
  console.log(
    `  ${name.padEnd(28)} exit ${code}  ${ms(took).padStart(10)}  ${stderr.split("\n")[0]}`,
  );
}

// Proportional rules (issue 3): equal shares, its official add1 completion, sequential
// Phragmén. Goal: the full official add1 ≤ 500 ms on Warsaw 2026 and Łódź 2022; one
// equal-shares run on 1,000,000 synthetic voters ≤ 2 s.
const ADD1_GOAL_MS = 500;
const MILLION_GOAL_MS = 2000;
console.log(
  "\nproportional rules (median of 7 runs after a cold one, as for greedy above; times include preparing the ballots):",
);
const proportionalHeader = [
  "file",
  "voters",
  "mes",
  "mes/add1 cold",
  "mes/add1",
  "add1 goal",
  "phragmen",
  "heap peak",
];
const proportionalRows: string[][] = [];
let add1Met = true;
for (const file of ["approval/Poland_Warszawa_2026.pb", "approval/Poland_Lodz_2022.pb"]) {
  const parsed = parsePabulib(readFileSync(join(shared, file), "utf8"));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues[0]?.message}`);
  const { instance, profile } = parsed.value;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = 0;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
  };
  const [, add1Cold] = time(() => methodOfEqualShares(instance, profile, { completion: "add1" }));
  sample();
  const mesTimes: number[] = [];
  const add1Times: number[] = [];
  const phragmenTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    mesTimes.push(time(() => methodOfEqualShares(instance, profile))[1]);
    sample();
    const [outcome, add1Ms] = time(() =>
      methodOfEqualShares(instance, profile, { completion: "add1" }),
    );
    add1Times.push(add1Ms);
    sample();
    if (!outcome.ok) throw new Error(`${file}: ${outcome.issues[0]?.message}`);
    phragmenTimes.push(time(() => sequentialPhragmen(instance, profile))[1]);
    sample();
  }
  const met = median(add1Times) <= ADD1_GOAL_MS;
  add1Met &&= met;
  proportionalRows.push([
    file.split("/").pop() ?? file,
    String(profile.ballots.length),
    ms(median(mesTimes)),
    ms(add1Cold),
    ms(median(add1Times)),
    met ? `≤ ${ADD1_GOAL_MS} ms: met` : `> ${ADD1_GOAL_MS} ms: MISSED`,
    ms(median(phragmenTimes)),
    mib(heapPeak),
  ]);
}

/** A seeded linear congruential generator: the same synthetic election on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
{
  const random = seeded(2026);
  const projectCount = 120;
  const projects = Array.from({ length: projectCount }, (_, k) => ({
    id: `p${k}`,
    cost: BigInt(50_000 + Math.floor(random() * 950_000)),
    name: `Project ${k}`,
    categories: [],
    targets: [],
    fields: {},
  }));
  // Popularity falls off like 1/rank: a few projects draw most approvals, as in real votes.
  const weights = projects.map((_, k) => 1 / (k + 1));
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const pick = () => {
    let target = random() * totalWeight;
    for (let k = 0; k < projectCount; k++) {
      target -= weights[k] as number;
      if (target <= 0) return k;
    }
    return projectCount - 1;
  };
  const ballots = Array.from({ length: 1_000_000 }, () => {
    const size = 1 + Math.floor(random() * 8);
    const chosen = new Set<number>();
    while (chosen.size < size) chosen.add(pick());
    return { projects: [...chosen].map((k) => `p${k}`), multiplicity: 1 };
  });
  const instance = {
    budget: 25_000_000n,
    scale: 0,
    projects,
    meta: {},
    projectColumns: ["project_id", "cost"],
  };
  const profile = { voteType: "approval" as const, ballots, voteColumns: ["voter_id", "vote"] };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const [outcome, millionMs] = time(() => methodOfEqualShares(instance, profile));
  const heapAfter = process.memoryUsage().heapUsed - heapBefore;
  if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
  const met = millionMs <= MILLION_GOAL_MS;
  proportionalRows.push([
    "synthetic 1,000,000 voters (seed 2026)",
    String(ballots.length),
    ms(millionMs),
    "",
    "",
    met ? `mes ≤ ${MILLION_GOAL_MS} ms: met` : `mes > ${MILLION_GOAL_MS} ms: MISSED`,
    "",
    mib(heapAfter),
  ]);
}
const proportionalWidths = proportionalHeader.map((h, k) =>
  Math.max(h.length, ...proportionalRows.map((row) => (row[k] ?? "").length)),
);
for (const row of [proportionalHeader, ...proportionalRows])
  console.log(row.map((cell, k) => cell.padEnd(proportionalWidths[k] ?? 0)).join("  "));
console.log(
  `goal full official add1 ≤ ${ADD1_GOAL_MS} ms (median) on both cities: ${add1Met ? "met" : "MISSED"}`,
);
console.log(`peak resident memory of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);
