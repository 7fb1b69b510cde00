import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/data.js";

const src = join(repoRoot, "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Functions and methods longer than `lines`, with whether their body starts by saying why. */
function longFunctions(lines: number): { where: string; explained: boolean }[] {
  const found: { where: string; explained: boolean }[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
        node.body !== undefined
      ) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > lines) {
          const opening = text.slice(node.body.getStart() + 1, node.body.getStart() + 200);
          found.push({
            where: `${relative(src, file)}:${start + 1} ${node.name?.getText(source)}`,
            explained: /^\s*\/\/ Long by design: /.test(opening),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("short units", () => {
  it("no source file is over 1,000 lines", () => {
    const long = sourceFiles(src)
      .map((file) => [relative(src, file), readFileSync(file, "utf8").split("\n").length] as const)
      .filter(([, count]) => count > 1000);
    expect(long).toEqual([]);
  });

  it("a function over 120 lines says at its top why it must be", () => {
    const long = longFunctions(120);
    expect(long.length).toBeGreaterThan(0);
    expect(long.filter((unit) => !unit.explained).map((unit) => unit.where)).toEqual([]);
  });
});
