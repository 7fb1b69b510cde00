import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/data.js";

/** The house plan of docs/architecture.md: which module may import which. */
const allowed: Record<string, readonly string[]> = {
  core: [],
  budgeting: ["core"],
  tally: ["core", "budgeting"],
  io: ["core", "budgeting", "tally", "proposals", "accountability", "consultations"],
  calendar: ["core"],
  proposals: ["core", "calendar", "budgeting"],
  simulation: ["core", "tally", "budgeting"],
  sortition: ["core"],
  initiatives: ["core", "calendar"],
  accountability: ["core", "budgeting", "proposals", "initiatives"],
  consultations: ["core", "calendar", "tally", "proposals", "accountability"],
  storage: ["core"],
  testing: ["core", "storage"],
  cli: [
    "core",
    "io",
    "budgeting",
    "tally",
    "calendar",
    "proposals",
    "simulation",
    "sortition",
    "initiatives",
    "accountability",
    "consultations",
  ],
};

const src = join(repoRoot, "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function folders(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? [path, ...folders(path)] : [];
  });
}

describe("the house plan", () => {
  it("every import goes down the layers of docs/architecture.md", () => {
    const wrong: string[] = [];
    let crossing = 0;
    for (const file of sourceFiles(src)) {
      const module = relative(src, file).split("/")[0] as string;
      if (!(module in allowed)) continue;
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/from "(\.[^"]+)"/g)) {
        const target = relative(src, join(file, "..", match[1] as string)).split("/")[0] as string;
        if (target !== module) crossing++;
        if (target !== module && !allowed[module]?.includes(target))
          wrong.push(`${relative(src, file)} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(crossing).toBeGreaterThan(100);
  });

  it("docs/architecture.md names every folder of budgeting and tally", () => {
    const plan = readFileSync(join(repoRoot, "docs", "architecture.md"), "utf8");
    const missing = ["budgeting", "tally"].flatMap((module) =>
      folders(join(src, module))
        .map((path) => relative(join(src, module), path))
        .filter((folder) => !plan.includes(`${folder}/`)),
    );
    expect(missing).toEqual([]);
  });
});
