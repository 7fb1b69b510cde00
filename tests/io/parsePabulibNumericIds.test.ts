import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePabulib } from "../../src/io/index.js";
import { expectedVoteCount } from "../../src/io/numericVotes.js";

/** A file with these project ids (each costing 1) and these vote texts. */
function file(projects: readonly string[], votes: readonly string[]): string {
  return [
    "META",
    "key;value",
    `num_projects;${projects.length}`,
    `num_votes;${votes.length}`,
    "budget;100",
    "vote_type;approval",
    "PROJECTS",
    "project_id;cost",
    ...projects.map((id) => `${id};1`),
    "VOTES",
    "voter_id;vote",
    ...votes.map((vote, k) => `v${k};${vote}`),
    "",
  ].join("\n");
}

/** What a parse gives, for comparison: ok with ballots and warnings, or the issues. */
function outcome(text: string, grouped: boolean) {
  const parsed = parsePabulib(text, { grouped } as never);
  return parsed.ok
    ? {
        ballots: parsed.value.profile.ballots,
        warnings: parsed.warnings.map((w) => [w.code, w.message]),
      }
    : { issues: parsed.issues.map((i) => [i.code, i.message]) };
}

describe("numeric project ids read as numbers", () => {
  it("read every vote as the general reader does: spaces, leading zeros, unknown and repeated ids", () => {
    const canonical = ["1", "2", "10", "1822"];
    const token = fc.constantFrom(
      "1",
      "2",
      "10",
      "1822",
      "01",
      "3",
      " 2",
      "2 ",
      "1e1",
      "",
      "x",
      "000",
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(token, { maxLength: 4 }).map((t) => t.join(",")),
          { minLength: 1, maxLength: 8 },
        ),
        fc.boolean(),
        (votes, grouped) => {
          // The same file with one project id that is not canonical reads by the general path.
          const general = outcome(file([...canonical, "a"], votes), grouped);
          const numeric = outcome(file(canonical, votes), grouped);
          // The general file has one more PROJECTS line: votes are a line further down.
          const strip = (o: ReturnType<typeof outcome>) =>
            JSON.parse(JSON.stringify(o).replace(/line \d+/g, "line N"));
          if ("issues" in general && "issues" in numeric)
            expect(numeric.issues.map((i) => i[0])).toEqual(general.issues.map((i) => i[0]));
          else expect(strip(numeric)).toEqual(strip(general));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("group thousands of distinct votes as the general reader does", () => {
    const canonical = Array.from({ length: 40 }, (_, k) => String(k + 1));
    const vote = fc
      .uniqueArray(fc.constantFrom(...canonical), { maxLength: 4 })
      .map((ids) => ids.join(","));
    fc.assert(
      // Well over 1,024 distinct votes, each cast again further down.
      fc.property(fc.array(vote, { minLength: 1600, maxLength: 2500 }), (votes) => {
        const twice = [...votes, ...[...votes].reverse()];
        const general = outcome(file([...canonical, "a"], twice), true);
        const numeric = outcome(file(canonical, twice), true);
        expect(numeric).toEqual(general);
      }),
      { numRuns: 5, endOnFailure: true },
    );
  });

  it("group a vote padded with white space beyond ASCII with the same vote unpadded", () => {
    const parsed = parsePabulib(file(["1", "2"], ["1,2", "\u20031,2\u3000", "2"]), {
      grouped: true,
    });
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(parsed.value.profile.ballots).toEqual([
      { projects: ["1", "2"], multiplicity: 2 },
      { projects: ["2"], multiplicity: 1 },
    ]);
  });

  it("keep the PROJECTS section's strings", () => {
    const parsed = parsePabulib(file(["7", "12"], ["12,7", "7"]));
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(parsed.value.profile.ballots.map((b) => b.projects)).toEqual([["12", "7"], ["7"]]);
    expect(parsed.value.profile.ballots[0]?.projects[0]).toBe(
      parsed.value.instance.projects[1]?.id,
    );
  });
});

describe("expectedVoteCount", () => {
  it("sizes the grouping table from META num_votes, bounded by the file's length", () => {
    expect(expectedVoteCount("61668", 3_160_653)).toBe(61_668);
    // A false count (absurd, or not a count) allocates little: the table grows instead.
    expect(expectedVoteCount("9007199254740991", 3_160_653)).toBe(2 ** 18);
    expect(expectedVoteCount("1000000", 800)).toBe(100);
    expect(expectedVoteCount("many", 3_160_653)).toBe(4096);
    expect(expectedVoteCount(undefined, 3_160_653)).toBe(4096);
    expect(expectedVoteCount("-5", 3_160_653)).toBe(4096);
  });

  it("a file whose num_votes is far from its votes reads as one whose count is right", () => {
    // 300 votes, 21 distinct: far more than a table sized for 1 or 3 holds.
    const votes = Array.from({ length: 300 }, (_, k) =>
      k % 3 === 0 ? `${(k % 7) + 1}` : `${(k % 7) + 1},${((k + 1) % 7) + 1}`,
    );
    const projects = ["1", "2", "3", "4", "5", "6", "7"];
    const right = file(projects, votes);
    for (const stated of ["1", "3", "100000"]) {
      const wrong = right.replace(/num_votes;\d+/, `num_votes;${stated}`);
      expect(outcome(wrong, true).ballots).toEqual(outcome(right, true).ballots);
    }
  });
});
