import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Issue } from "../../src/core/index.js";
import {
  type IoIssueParams,
  parseAbcvoting,
  parseBlt,
  parsePabulib,
  parsePreflib,
  parseRankedCsv,
  type UnlocatedIoIssueCode,
} from "../../src/io/index.js";

/**
 * io's issue params are typed by code (IoIssueParams); every issue a reader reports
 * carries the line and column its type promises, on malformed files of every format.
 */
const unlocated: readonly UnlocatedIoIssueCode[] = [
  "not-writable",
  "too-many-rows",
  "unknown-file-type",
  "wrong-ballot-type",
  "no-such-file",
  "unreadable-file",
  "not-utf8",
  "too-many-issues",
  "weight-split",
];

const readers: readonly [
  string,
  (text: string) => { issues?: readonly Issue[]; warnings?: readonly Issue[] },
][] = [
  ["pabulib", (text) => parsePabulib(text)],
  ["blt", (text) => parseBlt(text)],
  ["preflib", (text) => parsePreflib(text)],
  ["ranked csv", (text) => parseRankedCsv(text)],
  ["abcvoting", (text) => parseAbcvoting(text)],
];

const malformed = [
  "",
  "META\nkey;value\nbudget;x\nPROJECTS\nproject_id;cost\n1;-5\nVOTES\nvoter_id;vote\n1;1,1,9\n",
  '3 2\n1 1 4 0\n2 2 1 x 0\n0\n"A"\n',
  "# FILE NAME: x\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 3\n1: 1,7\n1: {1,2\n",
  "ballot_id,rank,choice\n1,x,a\n2,1\n",
  "profile: [[0, 0], [9]]\nnum_cand: 2\ncommitteesize: 5\n",
];

function located(issues: readonly Issue[]) {
  for (const issue of issues) {
    if ((unlocated as readonly string[]).includes(issue.code)) continue;
    expect(issue.params, `${issue.code}: ${issue.message}`).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
    });
  }
}

describe("io issue params", () => {
  it("types each code's params", () => {
    expectTypeOf<IoIssueParams["unknown-candidate"]>().toEqualTypeOf<
      IoIssueParams["unknown-candidate"]
    >();
    expectTypeOf<IoIssueParams["wrong-field-count"]["line"]>().toEqualTypeOf<number>();
    expectTypeOf<IoIssueParams["too-many-rows"]>().toHaveProperty("rows");
  });

  for (const [name, read] of readers) {
    it(`${name}: every issue on a malformed file has its line and column`, () => {
      let seen = 0;
      for (const text of malformed) {
        const result = read(text);
        located([...(result.issues ?? []), ...(result.warnings ?? [])]);
        seen += (result.issues ?? []).length;
      }
      expect(seen).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => {
          const result = read(text);
          located([...(result.issues ?? []), ...(result.warnings ?? [])]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
