/**
 * `npm run bench`: parse and count times and memory on the largest real participatory
 * budgets, plus the malformed-input catalogue's worst cases. Prints figures and the
 * machine; asserts nothing (speed goals live here, not in timed tests).
 *
 * Goal (issue 2): parse + greedy ≤ 300 ms per file on the project's machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { compressProfile, officialRule, utilitarianWelfare } from "../src/budgeting/index.js";
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
