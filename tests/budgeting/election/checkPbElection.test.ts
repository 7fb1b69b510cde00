import { describe, expect, it } from "vitest";
import { checkPbElection, type PbElection } from "../../../src/budgeting/index.js";
import { approvalElection } from "../../helpers/elections.js";

const base = approvalElection(10n, { a: 4n, b: 5n, c: 6n }, [["a"], ["a", "b"], ["c"]]);

function withMeta(election: PbElection, meta: Record<string, string>): PbElection {
  return {
    ...election,
    instance: { ...election.instance, meta: { ...election.instance.meta, ...meta } },
  };
}

describe("checkPbElection", () => {
  it("finds nothing in a consistent election", () => {
    expect(checkPbElection(base)).toEqual([]);
  });

  it("checks META counts and the columns against the data", () => {
    const election = withMeta(base, { num_projects: "4", num_votes: "3" });
    const projects = election.instance.projects.map((project) =>
      project.id === "a"
        ? { ...project, fields: { votes: "7", selected: "1" } }
        : { ...project, fields: { selected: "1" } },
    );
    const codes = checkPbElection({
      ...election,
      instance: { ...election.instance, projects },
    }).map((issue) => [issue.code, issue.path.join(".")]);
    expect(codes).toEqual([
      ["meta-count-mismatch", "META.num_projects"],
      ["votes-column-mismatch", "PROJECTS.0.votes"],
      ["selected-over-budget", "PROJECTS"],
    ]);
  });

  it("checks every vote against the META constraints, and lists a few per code then sums up", () => {
    const many = approvalElection(
      10n,
      { a: 4n, b: 5n },
      Array.from({ length: 25 }, () => ["a", "zz"]),
    );
    const issues = checkPbElection(withMeta(many, { max_length: "1" }));
    const byCode = (code: string) => issues.filter((issue) => issue.code === code);
    expect(byCode("unknown-project")).toHaveLength(20);
    expect(byCode("ballot-too-long")).toHaveLength(20);
    expect(byCode("more-ballot-issues").map((issue) => issue.params)).toEqual([
      { code: "unknown-project", count: 25 },
      { code: "ballot-too-long", count: 25 },
    ]);
    expect(issues.every((issue) => issue.severity === "warning")).toBe(true);
    // Counts and columns only: no vote is looked at.
    expect(checkPbElection(withMeta(many, { max_length: "1" }), { ballots: false })).toEqual([]);
  });

  it("says when there are no ballots", () => {
    const empty = approvalElection(10n, { a: 4n }, []);
    expect(checkPbElection(empty).map((issue) => issue.code)).toEqual(["no-ballots"]);
  });
});
