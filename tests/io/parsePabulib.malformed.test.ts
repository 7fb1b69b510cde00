import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { parsePabulib } from "../../src/io/index.js";

const header = "META\nkey;value\nbudget;100\nvote_type;approval\n";
const projects = "PROJECTS\nproject_id;cost;name\na;60;Alpha\nb;50;Beta\n";
const votes = "VOTES\nvoter_id;vote\n1;a,b\n2;b\n";

/** Every malformed input the reader must turn into a clear issue with line and column. */
const catalogue: { name: string; text: string; code: string; line: number; column: number }[] = [
  { name: "empty file", text: "", code: "empty-file", line: 1, column: 1 },
  { name: "only blank lines", text: "\n\r\n  \n", code: "empty-file", line: 1, column: 1 },
  {
    name: "not Pabulib at all",
    text: "hello;world\n",
    code: "missing-section",
    line: 1,
    column: 1,
  },
  { name: "truncated after META", text: header, code: "missing-section", line: 5, column: 1 },
  {
    name: "truncated after PROJECTS",
    text: header + projects,
    code: "missing-section",
    line: 9,
    column: 1,
  },
  {
    name: "section without header",
    text: `${header}PROJECTS\n`,
    code: "missing-header",
    line: 5,
    column: 1,
  },
  {
    name: "sections out of order",
    text: `${header}VOTES\n`,
    code: "misplaced-section",
    line: 5,
    column: 1,
  },
  {
    name: "row cut short",
    text: `${header}PROJECTS\nproject_id;cost;name\na;60\n${votes}`,
    code: "wrong-field-count",
    line: 7,
    column: 1,
  },
  {
    name: "missing budget",
    text: `META\nkey;value\nvote_type;approval\n${projects}${votes}`,
    code: "missing-budget",
    line: 2,
    column: 1,
  },
  {
    name: "non-numeric budget",
    text: `META\nkey;value\nbudget;lots\nvote_type;approval\n${projects}${votes}`,
    code: "invalid-budget",
    line: 3,
    column: 8,
  },
  {
    name: "unknown vote type",
    text: `META\nkey;value\nbudget;100\nvote_type;quadratic\n${projects}${votes}`,
    code: "unknown-vote-type",
    line: 4,
    column: 11,
  },
  {
    name: "non-numeric cost",
    text: `${header}PROJECTS\nproject_id;cost\na;sixty\n${votes}`,
    code: "invalid-cost",
    line: 7,
    column: 3,
  },
  {
    name: "negative cost",
    text: `${header}PROJECTS\nproject_id;cost\na;-60\n${votes}`,
    code: "negative-cost",
    line: 7,
    column: 3,
  },
  {
    name: "cost with an exponent",
    text: `${header}PROJECTS\nproject_id;cost\na;6e1\n${votes}`,
    code: "invalid-cost",
    line: 7,
    column: 3,
  },
  {
    name: "duplicate project id",
    text: `${header}PROJECTS\nproject_id;cost\na;60\na;50\n${votes}`,
    code: "duplicate-project",
    line: 8,
    column: 1,
  },
  {
    name: "missing cost column",
    text: `${header}PROJECTS\nproject_id;price\na;60\n${votes}`,
    code: "missing-column",
    line: 6,
    column: 1,
  },
  {
    name: "vote for an unknown project",
    text: `${header}${projects}VOTES\nvoter_id;vote\n1;a,z\n`,
    code: "unknown-project",
    line: 11,
    column: 3,
  },
  {
    name: "project twice in one ranking",
    text: `META\nkey;value\nbudget;100\nvote_type;ordinal\n${projects}VOTES\nvoter_id;vote\n1;a,a\n`,
    code: "repeated-project-in-vote",
    line: 11,
    column: 3,
  },
  {
    name: "points not matching the vote",
    text: `META\nkey;value\nbudget;100\nvote_type;cumulative\n${projects}VOTES\nvoter_id;vote;points\n1;a,b;3\n`,
    code: "points-mismatch",
    line: 11,
    column: 7,
  },
  {
    name: "non-numeric points",
    text: `META\nkey;value\nbudget;100\nvote_type;cumulative\n${projects}VOTES\nvoter_id;vote;points\n1;a,b;3,x\n`,
    code: "invalid-points",
    line: 11,
    column: 7,
  },
  {
    name: "cumulative ballots without points",
    text: `META\nkey;value\nbudget;100\nvote_type;cumulative\n${projects}${votes}`,
    code: "missing-column",
    line: 10,
    column: 1,
  },
  {
    name: "choose-1 ballot naming two",
    text: `META\nkey;value\nbudget;100\nvote_type;choose-1\n${projects}${votes}`,
    code: "too-many-choices",
    line: 11,
    column: 3,
  },
  {
    name: "unterminated quote",
    text: `${header}PROJECTS\nproject_id;cost;name\na;60;"Alpha\n`,
    code: "unterminated-quote",
    line: 7,
    column: 6,
  },
  {
    name: "binary garbage",
    text: `META\nkey;value\nbud\u0000get;\u0001\u0002`,
    code: "binary-content",
    line: 3,
    column: 4,
  },
  {
    name: "duplicate META key",
    text: `${header}budget;200\n${projects}${votes}`,
    code: "duplicate-meta-key",
    line: 5,
    column: 1,
  },
];

describe("parsePabulib on malformed input", () => {
  for (const entry of catalogue) {
    it(`${entry.name}: ${entry.code} at ${entry.line}:${entry.column}`, () => {
      const result = parsePabulib(entry.text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const issue = result.issues[0];
      expect(issue?.code).toBe(entry.code);
      expect(issue?.params).toMatchObject({ line: entry.line, column: entry.column });
      expect(issue?.message).toMatch(
        new RegExp(`^line ${entry.line}, column ${entry.column}: \\S`),
      );
      expect(issue?.message).not.toContain("\n");
    });
  }

  it("stops early on 50 MB of junk with one clear issue", () => {
    const junk = "x;y;z\u00e9\u00ff\n".repeat(5_000_000).slice(0, 50_000_000);
    const result = parsePabulib(junk);
    expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(["missing-section"]);
  });

  it("caps the issue list on a long file full of bad rows", () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => `${k};??`).join("\n");
    const result = parsePabulib(`${header}PROJECTS\nproject_id;cost\n${rows}\n${votes}`);
    expect(!result.ok && result.issues.length).toBe(51);
    expect(!result.ok && result.issues.at(-1)?.code).toBe("too-many-issues");
  });
});

describe("civitas pb run on the same catalogue", () => {
  for (const entry of catalogue) {
    it(`${entry.name}: exit 1, one line with file, line and column`, () => {
      let stdout = "";
      let stderr = "";
      const code = runCli(["pb", "run", "bad.pb", "--rule", "official", "--json"], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        readFile: () => new TextEncoder().encode(entry.text),
      });
      expect(code).toBe(1);
      expect(stdout).toBe("");
      // Under --json, one JSON object per problem, with the line and column.
      const first = JSON.parse(stderr.split("\n")[0] as string);
      expect(first).toMatchObject({ file: "bad.pb", line: entry.line, column: entry.column });
      expect(first.message).toMatch(new RegExp(`^line ${entry.line}, column ${entry.column}: \\S`));
      expect(stderr).not.toMatch(/\bat .+:\d+:\d+\)/); // no stack trace
    });
  }
});
