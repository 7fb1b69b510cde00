import { describe, expect, it } from "vitest";
import { archivedProposals } from "../../src/proposals/index.js";
import { context, play, publishedTwo } from "./fixture.js";

describe("archivedProposals (CONSUL)", () => {
  // Created on 10 March 2026 at 11:00 in Madrid (10:00 UTC, before the change to summer time).
  const rules = { archiveAfterMonths: 12, successShareOfCensus: "0.5", minimumSupports: 1 };
  const { state } = play(
    [
      ...publishedTwo,
      ...["a", "b"].map((who) => ({ type: "support", proposal: "p1", participant: who })),
    ],
    { context: { ...context, rules } },
  );
  const zone = { timeZone: "Europe/Madrid" };

  it("archives unsuccessful published proposals twelve calendar months later, local time", () => {
    const before = Date.parse("2027-03-10T09:59:59Z");
    const then = Date.parse("2027-03-10T10:00:00Z");
    expect(archivedProposals(state, rules, { instant: before, ...zone })).toEqual([]);
    expect(archivedProposals(state, rules, { instant: then, ...zone })).toEqual(["p1", "p2"]);
    // With a census of 4, p1's two supports reach half of it: it succeeded and stays open.
    expect(archivedProposals(state, rules, { instant: then, census: 4, ...zone })).toEqual(["p2"]);
    expect(archivedProposals(state, {}, { instant: then })).toEqual([]);
  });

  it("counts months in the given zone across a change of offset", () => {
    // Created 10:00 UTC on 10 March = 11:00 in Madrid (UTC+1). Six months later is
    // 10 September 11:00 in Madrid, which is 09:00 UTC (UTC+2).
    const six = { archiveAfterMonths: 6 };
    expect(
      archivedProposals(state, six, { instant: Date.parse("2026-09-10T08:59:59Z"), ...zone }),
    ).toEqual([]);
    expect(
      archivedProposals(state, six, { instant: Date.parse("2026-09-10T09:00:00Z"), ...zone }),
    ).toEqual(["p1", "p2"]);
    expect(archivedProposals(state, six, { instant: Date.parse("2026-09-10T09:00:00Z") })).toEqual(
      [],
    );
  });
});
