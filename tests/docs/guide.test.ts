import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/data.js";

/** The guide's `ts` blocks, in order, as one module importing civitas from the sources. */
function guideModule(): string {
  const text = readFileSync(join(repoRoot, "docs", "guide.md"), "utf8");
  const blocks = [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
  const code = blocks.join("\n");
  // Imports stay at the top of a module: hoist them, the rest runs as written.
  const imports = code.match(/^import[\s\S]*?;$/gm) ?? [];
  let body = code;
  for (const statement of imports) body = body.replace(statement, "");
  const fromSource = (statement: string) =>
    statement.replace(/"civitas\/([a-z/]+)"/, (_, subpath: string) =>
      JSON.stringify(join(repoRoot, "src", subpath, "index.js")),
    );
  return `${imports.map(fromSource).join("\n")}\n${body}`;
}

describe("docs/guide.md", () => {
  it("runs from the process to the published result, printing what it says it prints", () => {
    const dir = mkdtempSync(join(repoRoot, ".guide-"));
    const file = join(dir, "guide.ts");
    writeFileSync(file, guideModule());
    // Typechecked with the repository's settings first: the guide is TypeScript that compiles.
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../tsconfig.json",
        compilerOptions: { declaration: false },
        include: ["guide.ts"],
      }),
    );
    let output: string;
    try {
      execFileSync(
        process.execPath,
        [
          join(repoRoot, "node_modules", "typescript", "bin", "tsc"),
          "-p",
          join(dir, "tsconfig.json"),
        ],
        { cwd: repoRoot, encoding: "utf8" },
      );
      output = execFileSync(process.execPath, ["--import", "tsx", file], {
        cwd: repoRoot,
        encoding: "utf8",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const lines = output.trim().split("\n");
    expect(lines.slice(0, 2)).toEqual(["Dépôt des idées", "false"]);
    expect(output).toContain(
      `'the phase "Analyse technique des projets" does not permit proposals.support'`,
    );
    expect(lines).toContain("adding i4 goes 13000 EUR over the budget of 60000 EUR");
    expect(lines.slice(-5)).toEqual([
      "avancement : 50 %",
      "6 residents proposed or supported ideas",
      "hidden-question-answered",
      "{ online: 2, paper: 2, total: 4 }",
      "# Budget participatif d'Angers : bilan",
    ]);
    expect(lines.slice(-13, -5)).toEqual([
      "already-cast",
      "true",
      "i4: selected (fits), votes 114, 35000 € left",
      "i2: selected (fits), votes 86, 28500 € left",
      "i1: selected (fits), votes 58, 10500 € left",
      "i3: skipped (over-budget), votes 57, 10500 € left",
      "i5: skipped (over-budget), votes 57, 10500 € left",
      "funded: i4, i2, i1",
    ]);
  }, 60_000);
});
