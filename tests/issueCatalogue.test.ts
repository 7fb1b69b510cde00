import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { BudgetingIssueCode, BudgetingIssueParams } from "../src/budgeting/index.js";
import type { CalendarIssueCode, CalendarIssueParams } from "../src/calendar/index.js";
import { issueCatalogue } from "../src/index.js";
import {
  abcvotingDocumentSchema,
  type IoIssueCode,
  type IoIssueParams,
  type Located,
} from "../src/io/index.js";
import type { TallyIssueCode, TallyIssueParams } from "../src/tally/index.js";
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
    "(?:makeIssue|makeWarning|report|issue|ballotIssue|locatedIssue|locatedAt|at|schemaIssues|proposalIssue|accessIssue|votingIssue|orderIssue|refuse|ioIssue|ioWarning|budgetingIssue|budgetingWarning|tallyIssue|calendarIssue|simulationIssue|sortitionIssue|initiativeIssue|consultationIssue)";
  const call = new RegExp(
    `\\b${makers}\\(\\s*(?:[^()"\`]|\\([^()]*\\))*?"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"`,
    "g",
  );
  // A one-word code ("gap") only as the first argument, where a path's words never are.
  const oneWord = new RegExp(`\\b${makers}\\(\\s*"([a-z][a-z0-9]*)"`, "g");
  return [...code.matchAll(call), ...code.matchAll(oneWord)].map((match) => match[1] as string);
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

describe("typed params", () => {
  it("gives every code of io, budgeting, tally and calendar its params, and no other code", () => {
    expectTypeOf<keyof IoIssueParams>().toEqualTypeOf<IoIssueCode>();
    expectTypeOf<keyof BudgetingIssueParams>().toEqualTypeOf<BudgetingIssueCode>();
    expectTypeOf<keyof TallyIssueParams>().toEqualTypeOf<TallyIssueCode>();
    expectTypeOf<keyof CalendarIssueParams>().toEqualTypeOf<CalendarIssueCode>();
    expectTypeOf<IoIssueParams["unknown-project"]>().toEqualTypeOf<
      Located & { readonly project: string }
    >();
  });
});
