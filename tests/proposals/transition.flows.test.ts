import { describe, expect, it } from "vitest";
import { countedSupports, replay } from "../../src/proposals/index.js";
import { context, play, publishedTwo, refusal } from "./fixture.js";

describe("amendments", () => {
  it("an accepted amendment makes a new version; a rejected one becomes a proposal of its own", () => {
    const { state, log } = play([
      ...publishedTwo,
      {
        type: "amend",
        amendment: "a1",
        proposal: "p1",
        author: "bo",
        title: "Bancs ombragés",
        body: "Sous les tilleuls",
      },
      { type: "publish-amendment", amendment: "a1", actor: "bo" },
      { type: "accept-amendment", amendment: "a1", actor: "ana" },
      { type: "amend", amendment: "a2", proposal: "p1", author: "cy", title: "Chaises longues" },
      { type: "publish-amendment", amendment: "a2", actor: "cy" },
      { type: "reject-amendment", amendment: "a2", actor: "city" },
      { type: "promote-amendment", amendment: "a2", actor: "cy", proposal: "p9" },
      { type: "amend", amendment: "a3", proposal: "p1", author: "dé", title: "Rien" },
      { type: "withdraw-amendment", amendment: "a3", actor: "dé" },
    ]);
    const p1 = state.proposals.p1;
    expect(p1?.title).toBe("Bancs ombragés");
    expect(p1?.body).toBe("Sous les tilleuls");
    expect(p1?.versions.map((version) => [version.title, version.amendment])).toEqual([
      ["Bancs", undefined],
      ["Bancs ombragés", "a1"],
    ]);
    expect(state.amendments.a1?.status).toBe("accepted");
    expect(state.amendments.a2).toMatchObject({ status: "rejected", promotedTo: "p9" });
    expect(state.amendments.a3?.status).toBe("withdrawn");
    expect(state.proposals.p9).toMatchObject({
      author: "cy",
      status: "published",
      title: "Chaises longues",
      scope: "doutre",
      origin: { kind: "amendment", from: ["a2"] },
    });
    expect(
      refusal(state, { type: "promote-amendment", amendment: "a2", actor: "cy", proposal: "p8" }),
    ).toBe("amendment a2 is already proposal p9");
    expect(replay(log)).toEqual(state);
  });
});

describe("collaborative drafts", () => {
  it("contributors ask, are accepted or refused, write, and the published draft is a proposal they co-author", () => {
    const { state, log } = play([
      { type: "open-draft", draft: "d1", author: "ana", title: "Jardin", scope: "centre" },
      { type: "request-access", draft: "d1", participant: "bo" },
      { type: "request-access", draft: "d1", participant: "cy" },
      { type: "accept-access", draft: "d1", actor: "ana", participant: "bo" },
      { type: "reject-access", draft: "d1", actor: "bo", participant: "cy" },
      {
        type: "edit-draft",
        draft: "d1",
        actor: "bo",
        title: "Jardin partagé",
        body: "Rue Lenepveu",
      },
      { type: "publish-draft", draft: "d1", actor: "ana", proposal: "p1" },
    ]);
    expect(state.drafts.d1).toMatchObject({
      status: "published",
      contributors: ["bo"],
      requests: [],
      publishedAs: "p1",
    });
    expect(state.proposals.p1).toMatchObject({
      author: "ana",
      coauthors: ["bo"],
      title: "Jardin partagé",
      body: "Rue Lenepveu",
      scope: "centre",
      status: "published",
      origin: { kind: "collaborative-draft", from: ["d1"] },
    });
    // A co-author may publish and accept amendments but not withdraw (the author's alone).
    expect(refusal(state, { type: "withdraw", proposal: "p1", actor: "bo" })).toBe(
      "bo may not withdraw p1: only its author may",
    );
    expect(
      refusal(state, { type: "edit-draft", draft: "d1", actor: "ana", title: "x", body: "" }),
    ).toBe("draft d1 is published");
    expect(replay(log)).toEqual(state);
  });
});

describe("merges, splits and copies", () => {
  it("a merge counts each participant's support once and frees the supports it joined", () => {
    const rules = { voteLimit: 2, minimumSupports: 1 };
    const { state, log } = play(
      [
        ...publishedTwo,
        { type: "create", proposal: "p4", author: "bo", title: "Fontaine", scope: "doutre" },
        { type: "publish", proposal: "p4", actor: "bo" },
        { type: "support", proposal: "p1", participant: "cy" },
        { type: "support", proposal: "p4", participant: "cy" },
        { type: "support", proposal: "p1", participant: "dé" },
        { type: "endorse", proposal: "p1", participant: "eve" },
        { type: "endorse", proposal: "p4", participant: "eve" },
        {
          type: "merge",
          proposals: ["p1", "p4"],
          into: "p9",
          actor: "city",
          title: "Bancs et fontaine",
        },
      ],
      { context: { ...context, rules } },
    );
    expect(state.proposals.p9).toMatchObject({
      author: "ana",
      coauthors: ["bo"],
      scope: "doutre",
      supporters: ["cy", "dé"],
      endorsements: ["eve"],
      origin: { kind: "merge", from: ["p1", "p4"] },
    });
    expect(state.proposals.p1).toMatchObject({
      status: "merged",
      successors: ["p9"],
      supporters: [],
    });
    expect(state.supportsOf.cy).toEqual(["p9"]);
    expect(countedSupports(state, rules)).toMatchObject({ p9: 2, p1: 0, p4: 0 });
    // cy used two supports before the merge and one after: one is free again.
    const again = play([{ type: "support", proposal: "p2", participant: "cy" }], {
      context: { ...context, rules },
      from: state,
    });
    expect(again.state.supportsOf.cy).toEqual(["p9", "p2"]);
    expect(replay(log)).toEqual(state);
  });

  it("a split makes published parts with the same authors and gives the supports back", () => {
    const { state } = play([
      ...publishedTwo,
      { type: "support", proposal: "p1", participant: "bo" },
      {
        type: "split",
        proposal: "p1",
        actor: "city",
        into: [
          { proposal: "p1a", title: "Bancs place du Ralliement" },
          { proposal: "p1b", title: "Bancs jardin des Plantes" },
        ],
      },
      { type: "copy", proposal: "p2", actor: "city", into: "b2", component: "budget" },
    ]);
    expect(state.proposals.p1).toMatchObject({
      status: "split",
      successors: ["p1a", "p1b"],
      supporters: [],
    });
    expect(state.proposals.p1b).toMatchObject({
      author: "ana",
      status: "published",
      scope: "doutre",
      supporters: [],
      origin: { kind: "split", from: ["p1"] },
    });
    expect(state.supportsOf.bo).toEqual([]);
    expect(state.proposals.b2).toMatchObject({
      component: "budget",
      title: "Arbres",
      status: "published",
      origin: { kind: "copy", from: ["p2"] },
    });
  });
});

describe("valuation", () => {
  it("valuators are assigned, write private notes, answer with a cost; admins publish", () => {
    const answering = Date.parse("2026-04-10T10:00:00Z");
    const { state } = play([
      ...publishedTwo,
      { type: "assign-valuator", proposal: "p1", actor: "city", valuator: "val" },
      { type: "note", proposal: "p1", actor: "val", note: "n1", text: "Voir le service des parcs" },
      [{ type: "answer", proposal: "p1", state: "evaluating", actor: "val" }, answering],
      [
        {
          type: "answer",
          proposal: "p1",
          state: "accepted",
          actor: "val",
          cost: 1_250_000,
          costReport: "Devis",
          executionPeriod: "Printemps 2027",
        },
        answering,
      ],
      { type: "unassign-valuator", proposal: "p1", actor: "city", valuator: "val" },
    ]);
    expect(state.proposals.p1?.notes).toMatchObject([
      { id: "n1", author: "val", text: "Voir le service des parcs" },
    ]);
    expect(state.proposals.p1?.answer).toMatchObject({
      state: "accepted",
      published: false,
      cost: "1250000",
    });
    expect(state.proposals.p1?.valuators).toEqual([]);
    expect(
      refusal(
        state,
        { type: "answer", proposal: "p1", state: "rejected", actor: "val" },
        answering,
      ),
    ).toBe("val may not answer p1: only an admin or a valuator assigned to it may");
  });
});
