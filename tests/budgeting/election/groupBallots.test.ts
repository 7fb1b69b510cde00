import { describe, expect, it } from "vitest";
import { groupBallots } from "../../../src/budgeting/election/groupBallots.js";
import type { PbProfile } from "../../../src/budgeting/index.js";

const index = new Map([
  ["a", 0],
  ["b", 1],
  ["c", 2],
]);

const approvals = (ballots: [string[], number][]): PbProfile => ({
  voteType: "approval",
  ballots: ballots.map(([projects, multiplicity]) => ({ projects, multiplicity })),
  voteColumns: ["voter_id", "vote"],
});

/** Each group's projects and multiplicity, in group order. */
function groupsOf(grouped: ReturnType<typeof groupBallots>) {
  return Array.from({ length: grouped.groupCount }, (_, g) => ({
    projects: [
      ...grouped.flatProject.subarray(
        grouped.flatStart[g] as number,
        grouped.flatStart[g + 1] as number,
      ),
    ],
    voters: grouped.groupMultiplicity[g],
  }));
}

describe("groupBallots", () => {
  it("merges ballots with the same projects whatever their order and repeats", () => {
    const grouped = groupBallots(
      approvals([
        [["b", "a"], 1],
        [["c"], 4],
        [["a", "b", "a"], 2],
      ]),
      index,
      undefined,
      true,
    );
    expect(groupsOf(grouped)).toEqual([
      { projects: [0, 1], voters: 3 },
      { projects: [2], voters: 4 },
    ]);
    expect([...grouped.groupOfBallot]).toEqual([0, 1, 0]);
  });

  it("leaves out unknown ids and ballots of multiplicity 0", () => {
    const grouped = groupBallots(
      approvals([
        [["a", "zz"], 1],
        [["a"], 0],
        [["a"], 2],
      ]),
      index,
      undefined,
      true,
    );
    expect(groupsOf(grouped)).toEqual([{ projects: [0], voters: 3 }]);
    expect([...grouped.groupOfBallot]).toEqual([0, -1, 0]);
  });

  it("tells ballots apart by their values, and drops values at or below 0", () => {
    const profile: PbProfile = {
      voteType: "cumulative",
      ballots: [
        { projects: ["a", "b"], multiplicity: 1 },
        { projects: ["a", "b"], multiplicity: 1 },
        { projects: ["a", "b"], multiplicity: 1 },
      ],
      voteColumns: ["voter_id", "vote", "points"],
    };
    const values = [
      [2, 1],
      [1, 2],
      [2, 1],
    ];
    let next = 0;
    const grouped = groupBallots(profile, index, () => values[next++] ?? [], true);
    expect(groupsOf(grouped).map((group) => group.voters)).toEqual([2, 1]);
    expect([...(grouped.flatValue ?? new Float64Array()).subarray(0, grouped.flatLength)]).toEqual([
      2, 1, 1, 2,
    ]);
    const dropped = groupBallots(profile, index, () => [0, 3], true);
    expect(groupsOf(dropped)).toEqual([{ projects: [1], voters: 3 }]);
  });

  it("keeps every ballot its own group when asked not to merge", () => {
    const profile = approvals([
      [["a"], 1],
      [["a"], 1],
    ]);
    const grouped = groupBallots(profile, index, undefined, false);
    expect(grouped.groupCount).toBe(2);
    expect(grouped.groupBallot).toEqual(profile.ballots);
  });
});
