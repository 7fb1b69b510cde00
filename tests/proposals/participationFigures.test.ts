import { describe, expect, it } from "vitest";
import { participationFigures } from "../../src/proposals/index.js";
import { answering, context, play, process, publishedTwo } from "./fixture.js";

describe("participationFigures", () => {
  const { log } = play(
    [
      ...publishedTwo,
      { type: "comment", proposal: "p1", participant: "bo", comment: "c1", alignment: "favour" },
      { type: "comment", proposal: "p1", participant: "cy", comment: "c2", alignment: "against" },
      { type: "endorse", proposal: "p1", participant: "dé" },
      { type: "support", proposal: "p1", participant: "bo" },
      { type: "support", proposal: "p2", participant: "bo" },
      { type: "support", proposal: "p2", participant: "cy" },
      { type: "unsupport", proposal: "p2", participant: "cy" },
      { type: "create", proposal: "p4", author: "eve", title: "Fontaine", scope: "doutre" },
      { type: "publish", proposal: "p4", actor: "eve" },
      { type: "support", proposal: "p4", participant: "bo" },
      {
        type: "merge",
        proposals: ["p1", "p4"],
        into: "p9",
        actor: "city",
        title: "Bancs et fontaine",
      },
      [{ type: "answer", proposal: "p2", state: "evaluating", actor: "city" }, answering],
    ],
    { context: { ...context, rules: { voteLimit: 3 } } },
  );

  it("totals count people once and merged proposals once", () => {
    const figures = participationFigures(log);
    // p1 and p4 are closed by the merge: p2, the draft p3 and p9 remain; bo's two supports
    // of p1 and p4 are one on p9; cy, who took back a support, took part all the same.
    expect(figures.total).toEqual({
      participants: 5,
      proposals: 3,
      supports: 2,
      endorsements: 1,
      comments: { favour: 1, against: 1, neutral: 0 },
    });
    expect(figures.byScope).toEqual({
      doutre: {
        participants: 5,
        proposals: 1,
        supports: 1,
        endorsements: 1,
        comments: { favour: 1, against: 1, neutral: 0 },
      },
      centre: {
        participants: 3,
        proposals: 1,
        supports: 1,
        endorsements: 0,
        comments: { favour: 0, against: 0, neutral: 0 },
      },
      "": {
        participants: 1,
        proposals: 1,
        supports: 0,
        endorsements: 0,
        comments: { favour: 0, against: 0, neutral: 0 },
      },
    });
    expect(figures.byPhase).toEqual({});
  });

  it("by phase, from the instants the events carry", () => {
    const figures = participationFigures(log, { process });
    expect(figures.byPhase).toEqual({
      ideas: {
        participants: 5,
        proposalsCreated: 4,
        supportsGiven: 4,
        supportsWithdrawn: 1,
        endorsements: 1,
        comments: 2,
      },
      answers: {
        participants: 0,
        proposalsCreated: 0,
        supportsGiven: 0,
        supportsWithdrawn: 0,
        endorsements: 0,
        comments: 0,
      },
    });
  });
});
