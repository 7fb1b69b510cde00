/**
 * `npm run corpora`: reads every file of the three public corpora civitas's peers read,
 * when they are present, and prints the files read and the warnings by kind. Not part of
 * the test run (the corpora are hundreds of megabytes and stay out of the repository).
 *
 * Get them once, beside the clone (or point CIVITAS_CORPORA at another folder):
 *
 *   git clone https://github.com/pabulib/pabulib_files ../corpora/pabulib
 *   git clone https://github.com/mggg/scot-elex ../corpora/scot-elex
 *   git clone https://github.com/martinlackner/abcvoting ../corpora/abcvoting
 *
 * Pabulib: every `.pb` under `pb_files/`; for files with a `selected` column and an
 * official rule civitas knows, also whether `officialRule` selects exactly those projects;
 * where not, what only one side selects, with the votes counted from the file's ballots.
 * (At pabulib_files 88cfaba, the five that differ are Warsaw districts of 2018 and 2020
 * whose marked selection passes over a project that the file's own rule and votes fund.)
 * Scottish: every `.blt` of scot-elex, counted with Scottish STV. abcvoting: the 480
 * instances of `tests/test_instances/`, and every rule civitas has compared with the
 * winning committees they record.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { officialRule, officialRuleIds, projectSupport } from "../src/budgeting/index.js";
import type { Issue } from "../src/core/index.js";
import { parseAbcvoting, parseBlt, parsePabulib } from "../src/io/index.js";
import { committeeMethods, scottishStv } from "../src/tally/index.js";

const root = process.env.CIVITAS_CORPORA ?? join(import.meta.dirname, "..", "..", "corpora");
const corpora = {
  pabulib: findCorpus(["pabulib", "pabulib_files", "pabulib+pabulib_files"], "pb_files"),
  scottish: findCorpus(["scot-elex", "mggg+scot-elex"], ""),
  abcvoting: findCorpus(["abcvoting", "martinlackner+abcvoting"], join("tests", "test_instances")),
};

function findCorpus(names: readonly string[], inside: string): string | undefined {
  for (const name of names) {
    const dir = join(root, name, inside);
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

function filesUnder(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffix));
    else if (entry.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

const name = (path: string) => path.split("/").pop() ?? path;

/** Counts issues by code, keeping the first few examples of each. */
class Tally {
  readonly counts = new Map<string, { files: Set<string>; count: number; example: string }>();
  add(file: string, issues: readonly Issue[]): void {
    for (const issue of issues) {
      const entry = this.counts.get(issue.code) ?? {
        files: new Set<string>(),
        count: 0,
        example: `${name(file)}: ${issue.message}`,
      };
      entry.files.add(file);
      entry.count++;
      this.counts.set(issue.code, entry);
    }
  }
  print(label: string): void {
    if (this.counts.size === 0) {
      console.log(`  ${label}: none`);
      return;
    }
    console.log(`  ${label} by kind:`);
    for (const [code, { files, count, example }] of [...this.counts].sort(
      (a, b) => b[1].files.size - a[1].files.size,
    ))
      console.log(`    ${code}: ${count} in ${files.size} files (e.g. ${example.slice(0, 150)})`);
  }
}

function pabulib(dir: string): void {
  const files = filesUnder(dir, ".pb");
  const warnings = new Tally();
  const errors = new Tally();
  let read = 0;
  let compared = 0;
  const mismatches: string[] = [];
  const start = performance.now();
  for (const file of files) {
    const parsed = parsePabulib(readFileSync(file, "utf8"));
    if (!parsed.ok) {
      errors.add(file, parsed.issues.slice(0, 1));
      continue;
    }
    read++;
    warnings.add(file, parsed.warnings);
    const { instance, profile } = parsed.value;
    const rule = instance.meta.rule?.trim() ?? "";
    const selectedColumn = instance.projectColumns.includes("selected");
    if (!selectedColumn || !(officialRuleIds as readonly string[]).includes(rule)) continue;
    const official = instance.projects
      .filter((project) => project.fields.selected?.trim() === "1")
      .map((project) => project.id)
      .sort();
    const outcome = officialRule(instance, profile);
    compared++;
    const ours = outcome.ok ? [...outcome.value.selected].sort() : undefined;
    if (ours === undefined) mismatches.push(`${name(file)} (${rule}): not counted`);
    else if (ours.join(",") !== official.join(",")) {
      // Say how they differ, with the file's own figures: which projects only one side
      // selects (votes counted from the ballots, cost), and what the file's selection leaves.
      const support = projectSupport(instance, profile);
      const described = (ids: readonly string[]) =>
        ids
          .map((id) => {
            const project = instance.projects.find((candidate) => candidate.id === id);
            return `${id} (${support.get(id)?.votes ?? 0} votes, cost ${project?.cost ?? "?"})`;
          })
          .join(", ") || "nothing";
      const officialSet = new Set(official);
      const oursSet = new Set(ours);
      let spent = 0n;
      for (const project of instance.projects)
        if (officialSet.has(project.id)) spent += project.cost;
      mismatches.push(
        `${name(file)} (${rule}): civitas alone selects ${described(ours.filter((id) => !officialSet.has(id)))}; the file alone ${described(official.filter((id) => !oursSet.has(id)))}; the file's selection leaves ${instance.budget - spent} of ${instance.budget}`,
      );
    }
  }
  console.log(`Pabulib (${dir}): ${read}/${files.length} files read in ${seconds(start)}`);
  warnings.print("warnings");
  errors.print("refused");
  console.log(
    `  official selections reproduced: ${compared - mismatches.length}/${compared} files with a selected column and a rule civitas knows`,
  );
  for (const mismatch of mismatches.slice(0, 40)) console.log(`    differs: ${mismatch}`);
}

function scottish(dir: string): void {
  const files = filesUnder(dir, ".blt");
  const warnings = new Tally();
  const errors = new Tally();
  let read = 0;
  let counted = 0;
  const start = performance.now();
  for (const file of files) {
    const parsed = parseBlt(readFileSync(file, "utf8"));
    if (!parsed.ok) {
      errors.add(file, parsed.issues.slice(0, 1));
      continue;
    }
    read++;
    warnings.add(file, parsed.warnings);
    const outcome = scottishStv(parsed.value, {});
    if (outcome.ok && outcome.value.winners.length === parsed.value.seats) counted++;
    else if (!outcome.ok) errors.add(file, outcome.issues.slice(0, 1));
  }
  console.log(
    `Scottish councils (${dir}): ${read}/${files.length} files read in ${seconds(start)}`,
  );
  warnings.print("warnings");
  errors.print("refused");
  console.log(`  counted with Scottish STV, every seat filled: ${counted}/${read}`);
}

function abcvoting(dir: string): void {
  const files = filesUnder(dir, ".abc.yaml");
  const warnings = new Tally();
  const errors = new Tally();
  const agreement = new Map<string, { same: number; compared: number; first?: string }>();
  let read = 0;
  const start = performance.now();
  const normal = (committees: readonly (readonly string[])[]) =>
    [...new Set(committees.map((c) => [...c].sort((a, b) => Number(a) - Number(b)).join(",")))]
      .sort()
      .join(" | ");
  for (const file of files) {
    const parsed = parseAbcvoting(readFileSync(file, "utf8"));
    if (!parsed.ok) {
      errors.add(file, parsed.issues.slice(0, 1));
      continue;
    }
    read++;
    warnings.add(file, parsed.warnings);
    const { profile, expected } = parsed.value;
    for (const method of committeeMethods) {
      const irresolute = expected.find((entry) => entry.rule === method.id && !entry.resolute);
      const resolute = expected.find((entry) => entry.rule === method.id && entry.resolute);
      const reference = irresolute?.committees ? irresolute : resolute;
      if (reference?.committees == null || profile.seats === undefined) continue;
      const outcome = method.run(profile, profile.seats);
      const entry = agreement.get(method.id) ?? { same: 0, compared: 0 };
      entry.compared++;
      const ours = outcome.ok ? (outcome.value.committees ?? [outcome.value.winners]) : [];
      const same =
        reference === irresolute
          ? normal(ours) === normal(reference.committees)
          : ours.length > 0 &&
            normal(reference.committees)
              .split(" | ")
              .includes(normal([ours[0] ?? []]));
      if (same) entry.same++;
      else entry.first ??= name(file);
      agreement.set(method.id, entry);
    }
  }
  console.log(`abcvoting (${dir}): ${read}/${files.length} files read in ${seconds(start)}`);
  warnings.print("warnings");
  errors.print("refused");
  console.log(
    "  winning committees as abcvoting records them (every tied committee where it lists them all):",
  );
  for (const [id, { same, compared, first }] of agreement)
    console.log(
      `    ${id.padEnd(40)} ${same}/${compared}${first ? ` (first difference: ${first})` : ""}`,
    );
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

const only = process.argv.slice(2);
console.log(`corpora under ${root}\n`);
for (const [label, dir, run] of [
  ["Pabulib", corpora.pabulib, pabulib],
  ["Scottish councils", corpora.scottish, scottish],
  ["abcvoting", corpora.abcvoting, abcvoting],
] as const) {
  if (only.length > 0 && !only.some((word) => label.toLowerCase().startsWith(word))) continue;
  if (dir === undefined)
    console.log(`${label}: not found under ${root} (see the header of bench/corpora.ts)`);
  else run(dir);
  console.log("");
}
