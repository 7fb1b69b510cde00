import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { issueCatalogue } from "../src/index.js";
import { abcvotingDocumentSchema } from "../src/io/index.js";
import { repoRoot } from "./helpers/data.js";

const src = join(repoRoot, "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * The codes a source file can report: the first string literal of every call that makes
 * an issue (makeIssue, makeWarning, the parsers' report and at, locatedIssue,
 * schemaIssues, proposalIssue, accessIssue, refuse…), comments left out.
 */
function reportedCodes(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const makers =
    "(?:makeIssue|makeWarning|report|issue|ballotIssue|locatedIssue|at|schemaIssues|proposalIssue|accessIssue|votingIssue|orderIssue|refuse)";
  const call = new RegExp(
    `\\b${makers}\\(\\s*(?:[^()"\`]|\\([^()]*\\))*?"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"`,
    "g",
  );
  return [...code.matchAll(call)].map((match) => match[1] as string);
}

describe("the issue catalogue", () => {
  it("has a message for every code the source can report", () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of sourceFiles(src)) {
      for (const code of reportedCodes(readFileSync(file, "utf8"))) {
        found++;
        if (!(code in issueCatalogue)) missing.push(`${relative(src, file)}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(150);
  });

  it("has the codes abcvoting documents get by key (missing-<key>, invalid-<key>)", () => {
    const keys = Object.keys(
      (abcvotingDocumentSchema as unknown as { def: { shape: object } }).def.shape,
    );
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys)
      for (const prefix of ["missing", "invalid"])
        expect(issueCatalogue).toHaveProperty(`${prefix}-${key.replace(/_/g, "-")}`);
  });

  it("gives each code one line of English", () => {
    for (const [code, message] of Object.entries(issueCatalogue)) {
      const text = typeof message === "string" ? message : code;
      expect(text.length, code).toBeGreaterThan(3);
      expect(text, code).not.toMatch(/\n/);
    }
  });
});
