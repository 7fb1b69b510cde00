import { describe, expect, it } from "vitest";
import { citizenView } from "../../src/proposals/index.js";
import { answering, play, publishedTwo } from "./fixture.js";

describe("citizenView", () => {
  it("hides notes and valuators always, and the answer until it is published", () => {
    const given = play([
      ...publishedTwo,
      { type: "assign-valuator", proposal: "p1", actor: "city", valuator: "val" },
      { type: "note", proposal: "p1", actor: "val", note: "n1", text: "Trop cher ?" },
      [{ type: "answer", proposal: "p1", state: "rejected", actor: "city" }, answering],
    ]).state;
    const p1 = given.proposals.p1;
    if (p1 === undefined) throw new Error("p1 is missing");
    const hidden = citizenView(p1);
    expect(hidden).not.toHaveProperty("answer");
    expect(hidden).not.toHaveProperty("notes");
    expect(hidden).not.toHaveProperty("valuators");
    expect(hidden.title).toBe("Bancs");
    const published = play(
      [[{ type: "publish-answer", proposal: "p1", actor: "city" }, answering]],
      {
        from: given,
      },
    ).state;
    expect(published.proposals.p1 && citizenView(published.proposals.p1).answer).toMatchObject({
      state: "rejected",
      published: true,
    });
  });
});
