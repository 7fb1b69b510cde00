import { describe, expect, it } from "vitest";
import { approvalGroups, approvalSupport } from "../../../src/budgeting/election/approvalGroups.js";
import { projectSupport } from "../../../src/budgeting/index.js";
import { approvalElection as election } from "../../helpers/elections.js";

describe("approvalGroups", () => {
  const e = election(10n, { a: 5n, b: 5n, c: 5n }, [["b", "a"], ["a", "b"], ["c"], ["a", "zz"]]);

  it("merges identical approval sets and lists each project's supporting groups", () => {
    const grouped = approvalGroups(e.instance, e.profile, "test");
    if (!grouped.ok) throw new Error(grouped.issues[0]?.message);
    const { groups, multiplicity, supStart, supGroup, votes } = grouped.value;
    expect(groups).toBe(3);
    expect([...multiplicity]).toEqual([2, 1, 1]);
    expect([...votes]).toEqual([3, 2, 1]);
    // a: groups 0 and 2; b: group 0; c: group 1.
    expect([...supGroup.subarray(supStart[0], supStart[1])]).toEqual([0, 2]);
    expect([...supGroup.subarray(supStart[1], supStart[2])]).toEqual([0]);
    expect([...supGroup.subarray(supStart[2], supStart[3])]).toEqual([1]);
  });

  it("gives the same support as counting the ballots", () => {
    const grouped = approvalGroups(e.instance, e.profile, "test");
    if (!grouped.ok) throw new Error(grouped.issues[0]?.message);
    expect(grouped.value.support).toEqual(projectSupport(e.instance, e.profile));
    expect(approvalSupport(e.instance.projects, grouped.value.votes)).toEqual(
      projectSupport(e.instance, e.profile),
    );
  });
});
