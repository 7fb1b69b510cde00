import { describe, expect, it } from "vitest";
import { type ApprovalProfile, committeeMethods } from "../../../src/tally/index.js";

/** Justified representation: n/k voters who share a candidate have a member they approve. */
function justified(profile: ApprovalProfile, seats: number, committee: readonly string[]): boolean {
  const n = profile.ballots.length;
  return profile.candidates.every((candidate) => {
    const group = profile.ballots.filter((ballot) => ballot.approved.includes(candidate));
    return (
      group.length * seats < n ||
      group.some((ballot) => ballot.approved.some((member) => committee.includes(member)))
    );
  });
}

// The axioms committee rules claim are checked by tests/tally/axioms.property.test.ts.

describe("rules whose metadata makes no JR promise, with the profiles that break it", () => {
  it("minimax Phragmén: optimal committees tie on the maximal load alone", () => {
    // Two of five voters approve c0 (more than n/k = 5/3), the others one candidate each:
    // {c1, c2, c3} and {c0, c1, c2} both have maximal load 1; leximax keeps only committees with c0.
    const profile: ApprovalProfile = {
      candidates: ["c0", "c1", "c2", "c3"],
      names: {},
      ballots: [["c0"], ["c2"], ["c0"], ["c1"], ["c3"]].map((approved) => ({
        approved,
        weight: 1,
      })),
    };
    const run = (id: string) =>
      committeeMethods.find((method) => method.id === id)?.run(profile, 3);
    const minimax = run("minimaxphragmen");
    expect(minimax?.ok && minimax.value.committees).toContainEqual(["c1", "c2", "c3"]);
    expect(justified(profile, 3, ["c1", "c2", "c3"])).toBe(false);
    const leximax = run("leximaxphragmen");
    expect(leximax?.ok && leximax.value.committees).toEqual([
      ["c0", "c1", "c2"],
      ["c0", "c1", "c3"],
      ["c0", "c2", "c3"],
    ]);
  });

  it("equal shares with increment completion: the first seats bought at the raised budget", () => {
    // Four voters, four seats: the fourth voter alone approves c3 and deserves a seat
    // (n/k = 1). At budget 8 the purchases are c0, c4, c1, c2, c3; the committee is the
    // first four, as in abcvoting.
    const profile: ApprovalProfile = {
      candidates: ["c0", "c1", "c2", "c3", "c4"],
      names: {},
      ballots: [
        { approved: ["c4", "c0", "c1"], weight: 1 },
        { approved: ["c2", "c4", "c0"], weight: 1 },
        { approved: [], weight: 1 },
        { approved: ["c3"], weight: 1 },
      ],
    };
    const increment = committeeMethods.find(
      (method) => method.id === "equal-shares-with-increment-completion",
    );
    const outcome = increment?.run(profile, 4);
    expect(outcome?.ok && [...outcome.value.winners].sort()).toEqual(["c0", "c1", "c2", "c4"]);
    expect(justified(profile, 4, ["c0", "c1", "c2", "c4"])).toBe(false);
    expect(increment?.properties).toEqual([]);
  });
});
