/**
 * Issue 14's speed check: the house plan (method families, one catalogue, typed issues,
 * shared engines) must not slow the main count. Equal shares with the add1 completion on
 * Warsaw 2026, in the same process, alternating the code of the commit before issue 14
 * (66a2a4a, checked out into a temporary git worktree) and the code of this tree; prints
 * both medians and whether this tree is within 5% of the old one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const BASELINE = "66a2a4a";
const RUNS = 11;
const root = join(import.meta.dirname, "..");
const file = join(root, "..", "shared", "data", "pabulib", "approval", "Poland_Warszawa_2026.pb");

interface Tree {
  readonly name: string;
  readonly parse: (text: string) => {
    ok: boolean;
    value?: { instance: unknown; profile: unknown };
  };
  readonly count: (instance: unknown, profile: unknown, options: object) => { ok: boolean };
}

async function load(name: string, dir: string): Promise<Tree> {
  const io = await import(pathToFileURL(join(dir, "src", "io", "index.ts")).href);
  const budgeting = await import(pathToFileURL(join(dir, "src", "budgeting", "index.ts")).href);
  return { name, parse: io.parsePabulib, count: budgeting.methodOfEqualShares };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

console.log(
  `\ncivitas house-plan A/B (issue 14) — ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`,
);
let worktree: string | undefined;
try {
  if (!existsSync(file)) throw new Error(`${file} is absent`);
  execFileSync("git", ["cat-file", "-e", `${BASELINE}^{commit}`], { cwd: root, stdio: "ignore" });
  worktree = join(mkdtempSync(join(tmpdir(), "civitas-baseline-")), "tree");
  execFileSync("git", ["worktree", "add", "--detach", worktree, BASELINE], {
    cwd: root,
    stdio: "ignore",
  });
  symlinkSync(join(root, "node_modules"), join(worktree, "node_modules"));
  const trees = [await load(`before (${BASELINE})`, worktree), await load("this tree", root)];
  const text = readFileSync(file, "utf8");
  const elections = trees.map((tree) => {
    const parsed = tree.parse(text);
    if (!parsed.ok || parsed.value === undefined) throw new Error(`${tree.name}: parse failed`);
    return parsed.value;
  });
  const times: number[][] = trees.map(() => []);
  for (let run = 0; run < RUNS + 1; run++) {
    trees.forEach((tree, k) => {
      const { instance, profile } = elections[k] as { instance: unknown; profile: unknown };
      const start = performance.now();
      const outcome = tree.count(instance, profile, { completion: "add1" });
      const ms = performance.now() - start;
      if (!outcome.ok) throw new Error(`${tree.name}: the count failed`);
      // The first run of each is its cold start; the medians are over the warm runs.
      if (run > 0) (times[k] as number[]).push(ms);
    });
  }
  const [before, after] = times.map(median) as [number, number];
  console.log(
    `  Warsaw 2026, equal shares with add1, median of ${RUNS} alternating runs: before ${before.toFixed(0)} ms, this tree ${after.toFixed(0)} ms (${((after / before - 1) * 100).toFixed(1)}%)`,
  );
  console.log(
    `  goal within 5% of the code before issue 14: ${after <= before * 1.05 ? "met" : "MISSED"}`,
  );
} catch (error) {
  console.log(`  skipped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (worktree !== undefined)
    execFileSync("git", ["worktree", "remove", "--force", worktree], {
      cwd: root,
      stdio: "ignore",
    });
}
