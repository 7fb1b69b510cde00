import { describe, expect, it } from "vitest";
import { proposalHistory } from "../../src/proposals/index.js";
import { play, publishedTwo } from "./fixture.js";

describe("proposalHistory", () => {
  const { log } = play([
    { type: "open-draft", draft: "d1", author: "bo", title: "Jardin" },
    { type: "publish-draft", draft: "d1", actor: "bo", proposal: "p0" },
    ...publishedTwo,
    { type: "support", proposal: "p2", participant: "cy" },
    { type: "amend", amendment: "a1", proposal: "p1", author: "cy", title: "Bancs verts" },
    { type: "publish-amendment", amendment: "a1", actor: "cy" },
    { type: "accept-amendment", amendment: "a1", actor: "ana" },
    { type: "merge", proposals: ["p1", "p0"], into: "p9", actor: "city", title: "Bancs et jardin" },
    { type: "copy", proposal: "p9", actor: "city", into: "b9", component: "budget" },
  ]);
  const types = (proposal: string, lineage = false) =>
    proposalHistory(log, proposal, { lineage }).map((event) =>
      [
        event.type,
        "proposal" in event ? event.proposal : "",
        "amendment" in event ? event.amendment : "",
        "draft" in event ? event.draft : "",
      ]
        .filter(Boolean)
        .join(" "),
    );

  it("a proposal's own events, its amendments' and the merges and copies it took part in", () => {
    expect(types("p1")).toEqual([
      "created p1",
      "published p1",
      "amendment-created p1 a1",
      "amendment-status a1",
      "amendment-status a1",
      "versioned p1 a1",
      "created p9",
      "merged",
    ]);
    expect(types("p2")).toEqual(["created p2", "published p2", "supported p2"]);
  });

  it("with its lineage: the proposals and the draft it came from", () => {
    expect(types("b9", true)).toEqual([
      "draft-opened d1",
      "created p0",
      "published p0",
      "draft-published p0 d1",
      "created p1",
      "published p1",
      "amendment-created p1 a1",
      "amendment-status a1",
      "amendment-status a1",
      "versioned p1 a1",
      "created p9",
      "published p9",
      "merged",
      "created b9",
      "published b9",
    ]);
    expect(types("b9")).toEqual(["created b9", "published b9"]);
  });
});
