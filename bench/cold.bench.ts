/**
 * `npm run bench` (first part): whole processes, as users run them — one `civitas`
 * process per file, a serverless function importing a subpath cold. Each command is
 * spawned 11 times, interleaved with bare `node -e 1` so both see the same machine, and the
 * median is printed. Reads the built `dist` (npm run build first).
 *
 * Goals (issue 13): the CLI on an empty file ≤ 2× bare node; importing any subpath
 * ≤ 50 ms above bare node; Warsaw 2026 with equal shares and the official add1 completion
 * ≤ 0.6 s; Wrocław 2015 parsed and counted by its official rule ≤ 0.35 s.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist", "cli", "main.js");
const shared = join(root, "..", "shared", "data", "pabulib");
const RUNS = 11;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
};

console.log("civitas cold-start benchmark (whole processes)");
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}`,
);
if (!existsSync(cli)) {
  console.log("skipped: dist/cli/main.js is absent (npm run build first)");
  process.exit(0);
}
const empty = join(mkdtempSync(join(tmpdir(), "civitas-bench-")), "empty.pb");
writeFileSync(empty, "");

/** `goal` gets the case's median and the median of its baseline (bare node unless named). */
type Case = {
  name: string;
  args: string[];
  baseline?: string;
  goal?: (median: number, baseline: number) => string;
};
const overBare = (what: string) => (m: number, base: number) =>
  `+${(m - base).toFixed(0)} ms over ${what}; goal ≤ 50 ms: ${m - base <= 50 ? "met" : "MISSED"}`;
const cases: Case[] = [
  { name: "bare node -e 1", args: ["-e", "1"] },
  {
    name: "civitas pb run on an empty file",
    args: [cli, "pb", "run", empty, "--rule", "official"],
    goal: (m, bare) =>
      `${(m / bare).toFixed(2)}× bare node; goal ≤ 2×: ${m <= 2 * bare ? "met" : "MISSED"}`,
  },
  // civitas/testing plugs into vitest, which a program importing it has loaded already:
  // its own cost is what it adds to importing vitest.
  { name: "import vitest", args: ["-e", 'import("vitest")'] },
  // Every subpath the package exports, as a serverless function would import it.
  ...Object.keys(manifest.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => `civitas${key.slice(1)}`)
    .map((specifier): Case => {
      const testing = specifier === "civitas/testing";
      return {
        name: `import ${specifier}`,
        args: [
          "-e",
          testing
            ? `import("vitest").then(() => import("${specifier}"))`
            : `import("${specifier}")`,
        ],
        ...(testing ? { baseline: "import vitest" } : {}),
        goal: overBare(testing ? "importing vitest" : "bare node"),
      };
    }),
];
const warsaw = join(shared, "approval", "Poland_Warszawa_2026.pb");
const wroclaw = join(shared, "choose1", "Poland_Wroclaw_2015_150_-_500.pb");
if (existsSync(warsaw))
  cases.push({
    name: "Warsaw 2026, equal shares with add1 (CLI)",
    args: [cli, "pb", "run", warsaw, "--rule", "mes", "--completion", "add1"],
    goal: (m) => `goal ≤ 600 ms: ${m <= 600 ? "met" : "MISSED"}`,
  });
if (existsSync(wroclaw))
  cases.push({
    name: "Wrocław 2015, official count (CLI)",
    args: [cli, "pb", "run", wroclaw, "--rule", "official"],
    goal: (m) => `goal ≤ 350 ms: ${m <= 350 ? "met" : "MISSED"}`,
  });
cases.push({
  name: "README example: Warsaw 2026 Stare Bielany (CLI)",
  args: [
    cli,
    "pb",
    "run",
    join(root, "examples", "data", "Poland_Warszawa_2026_Stare_Bielany.pb"),
    "--rule",
    "official",
  ],
});

const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let run = 0; run < RUNS; run++)
  for (const { name, args } of cases) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    } catch {
      // The empty file exits 1 with its issue: the time is what counts.
    }
    times.get(name)?.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const bare = median(times.get("bare node -e 1") ?? []);
console.log(`median of ${RUNS} spawned runs each:`);
for (const { name, baseline, goal } of cases) {
  const m = median(times.get(name) ?? []);
  const base = baseline === undefined ? bare : median(times.get(baseline) ?? []);
  console.log(`  ${name.padEnd(50)} ${`${m.toFixed(0)} ms`.padStart(8)}  ${goal?.(m, base) ?? ""}`);
}

// Where Warsaw 2026's time goes in a fresh process (the CLI's steps, timed from inside one
// spawned process per run): what the next speed-up should aim at.
if (existsSync(warsaw)) {
  const script = `
    const start = performance.now();
    const { readFileSync } = await import("node:fs");
    const io = await import("civitas/io");
    const budgeting = await import("civitas/budgeting");
    const imported = performance.now();
    const text = readFileSync(${JSON.stringify(warsaw)}, "utf8");
    const read = performance.now();
    const election = io.readPbElectionChecked(text, { grouped: true });
    const parsed = performance.now();
    budgeting.methodOfEqualShares(election.value.instance, election.value.profile, { completion: "add1" });
    const counted = performance.now();
    console.log(JSON.stringify([start, imported - start, read - imported, parsed - read, counted - parsed]));
  `;
  const phases: number[][] = [];
  for (let run = 0; run < RUNS; run++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
    });
    phases.push(JSON.parse(out) as number[]);
  }
  const names = ["node start", "imports", "read", "parse and check", "equal shares with add1"];
  const parts = names.map(
    (phase, k) => `${phase} ${median(phases.map((p) => p[k] ?? 0)).toFixed(0)} ms`,
  );
  console.log(`  Warsaw 2026 by phase (medians): ${parts.join(", ")}`);
}
