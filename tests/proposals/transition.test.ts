import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/index.js";
import {
  defineLifecycle,
  PROPOSAL_COMMAND_TYPES,
  type ProposalIssueCode,
  proposalEventSchema,
  proposalIssueMessages,
  replay,
  type TransitionContext,
  transition,
} from "../../src/proposals/index.js";
import { after, answering, context, during, play, publishedTwo, refusal } from "./fixture.js";

const base = play([
  ...publishedTwo,
  { type: "support", proposal: "p1", participant: "bo" },
  { type: "endorse", proposal: "p1", participant: "bo" },
  { type: "comment", proposal: "p1", participant: "bo", comment: "c1", alignment: "favour" },
  { type: "create", proposal: "p4", author: "bo", title: "Fontaine" },
  { type: "publish", proposal: "p4", actor: "bo" },
  { type: "create", proposal: "p5", author: "cy", title: "Fontaine bis" },
  { type: "publish", proposal: "p5", actor: "cy" },
  { type: "merge", proposals: ["p4", "p5"], into: "p6", actor: "city", title: "Fontaines" },
  { type: "create", proposal: "p7", author: "cy", title: "Retiré" },
  { type: "withdraw", proposal: "p7", actor: "cy" },
  { type: "amend", amendment: "a1", proposal: "p1", author: "cy", title: "Bancs verts" },
  { type: "amend", amendment: "a2", proposal: "p1", author: "cy", title: "Bancs ombragés" },
  { type: "publish-amendment", amendment: "a2", actor: "cy" },
  { type: "amend", amendment: "a3", proposal: "p1", author: "dé", title: "Chaises" },
  { type: "publish-amendment", amendment: "a3", actor: "dé" },
  { type: "reject-amendment", amendment: "a3", actor: "ana" },
  { type: "create", proposal: "p10", author: "dé", title: "Marché" },
  { type: "open-draft", draft: "d1", author: "dé", title: "Jardin partagé" },
  { type: "request-access", draft: "d1", participant: "eve" },
  { type: "open-draft", draft: "d2", author: "dé", title: "Ancien" },
  { type: "withdraw-draft", draft: "d2", actor: "dé" },
  { type: "assign-valuator", proposal: "p2", actor: "city", valuator: "val" },
  [{ type: "answer", proposal: "p2", state: "rejected", actor: "val" }, answering],
  [{ type: "publish-answer", proposal: "p2", actor: "city" }, answering],
]).state;

/** [what, command, instant, the reason given, context overrides] */
const catalogue: [
  string,
  unknown,
  number,
  string,
  { readonly [K in keyof TransitionContext]?: TransitionContext[K] | undefined }?,
][] = [
  // Any command
  [
    "a malformed command",
    { type: "support", proposal: "" },
    during,
    "proposal: Too small: expected string to have >=1 characters",
  ],
  [
    "an unknown command",
    { type: "vote", proposal: "p1" },
    during,
    "type: Invalid discriminator value",
  ],
  [
    "outside a phase that permits it",
    { type: "support", proposal: "p1", participant: "cy" },
    answering,
    'the phase "Answers" does not permit proposals.support',
  ],
  [
    "outside every phase",
    { type: "create", proposal: "p9", author: "cy", title: "x" },
    after,
    "no phase of Consultation is running",
  ],
  [
    "an ineligible participant",
    { type: "support", proposal: "p1", participant: "cy" },
    during,
    "not verified",
    {
      participants: { cy: { id: "cy", verified: false } },
      policies: { "proposals.support": { verified: true } },
    },
  ],
  [
    "an unidentified participant under a policy",
    { type: "support", proposal: "p1", participant: "zo" },
    during,
    "proposals.support needs an identified participant",
    { participants: {}, policies: { "proposals.support": { verified: true } } },
  ],
  // Proposals
  [
    "an existing id",
    { type: "create", proposal: "p1", author: "cy", title: "x" },
    during,
    "proposal p1 already exists",
  ],
  [
    "beyond the per-author limit",
    { type: "create", proposal: "p9", author: "ana", title: "x" },
    during,
    "ana already has 3 proposals",
    { rules: { proposalLimit: 3 } },
  ],
  [
    "an unknown proposal",
    { type: "support", proposal: "p9", participant: "cy" },
    during,
    "there is no proposal p9",
  ],
  [
    "publishing someone else's draft",
    { type: "publish", proposal: "p3", actor: "bo" },
    during,
    "bo may not publish p3: only its author or a co-author may",
  ],
  [
    "publishing twice",
    { type: "publish", proposal: "p1", actor: "ana" },
    during,
    "p1 is published, not a draft",
  ],
  [
    "withdrawing someone else's proposal",
    { type: "withdraw", proposal: "p2", actor: "bo" },
    during,
    "bo may not withdraw p2: only its author may",
  ],
  [
    "withdrawing a supported proposal",
    { type: "withdraw", proposal: "p1", actor: "ana" },
    during,
    "p1 has supports and can no longer be withdrawn",
  ],
  [
    "withdrawing twice",
    { type: "withdraw", proposal: "p7", actor: "cy" },
    during,
    "p7 is already withdrawn",
  ],
  // Supports, endorsements, comments
  [
    "supporting a draft",
    { type: "support", proposal: "p3", participant: "cy" },
    during,
    "p3 is draft and cannot be supported",
  ],
  [
    "supporting a withdrawn proposal",
    { type: "support", proposal: "p7", participant: "cy" },
    during,
    "p7 is withdrawn and cannot be supported",
  ],
  [
    "supporting a merged proposal",
    { type: "support", proposal: "p4", participant: "cy" },
    during,
    "p4 is merged and cannot be supported",
  ],
  [
    "supporting a rejected proposal",
    { type: "support", proposal: "p2", participant: "cy" },
    during,
    "p2 was answered rejected and cannot be supported",
  ],
  [
    "supporting twice",
    { type: "support", proposal: "p1", participant: "bo" },
    during,
    "bo already supports p1",
  ],
  [
    "beyond the vote limit",
    { type: "support", proposal: "p6", participant: "bo" },
    during,
    "bo has used their one support",
    { rules: { voteLimit: 1 } },
  ],
  [
    "supporting an archived proposal",
    { type: "support", proposal: "p1", participant: "cy" },
    Date.parse("2027-03-10T10:00:00Z"),
    "p1 is archived and cannot be supported",
    { process: undefined, rules: { archiveAfterMonths: 12 } },
  ],
  [
    "beyond a threshold that does not accumulate",
    { type: "support", proposal: "p1", participant: "cy" },
    during,
    "p1 has reached its threshold of 1 support",
    { rules: { threshold: 1, accumulateBeyondThreshold: false } },
  ],
  [
    "taking back a support never given",
    { type: "unsupport", proposal: "p1", participant: "cy" },
    during,
    "cy does not support p1",
  ],
  [
    "endorsing a draft",
    { type: "endorse", proposal: "p3", participant: "cy" },
    during,
    "p3 is draft and cannot be endorsed",
  ],
  [
    "endorsing twice",
    { type: "endorse", proposal: "p1", participant: "bo" },
    during,
    "bo already endorses p1",
  ],
  [
    "commenting on a draft",
    { type: "comment", proposal: "p3", participant: "bo", comment: "c9", alignment: "neutral" },
    during,
    "p3 is draft and cannot be commented on",
  ],
  [
    "a comment id twice",
    { type: "comment", proposal: "p6", participant: "bo", comment: "c1", alignment: "neutral" },
    during,
    "comment c1 already exists",
  ],
  // Answers and valuation
  [
    "answering without the role",
    { type: "answer", proposal: "p1", state: "accepted", actor: "bo", cost: 100 },
    answering,
    "bo may not answer p1: only an admin or a valuator assigned to it may",
  ],
  [
    "a valuator answering a proposal not assigned to them",
    { type: "answer", proposal: "p1", state: "accepted", actor: "val", cost: 100 },
    answering,
    "val may not answer p1: only an admin or a valuator assigned to it may",
  ],
  [
    "answering a draft",
    { type: "answer", proposal: "p3", state: "evaluating", actor: "city" },
    answering,
    "p3 is draft and cannot be answered",
  ],
  [
    "an unknown answer state",
    { type: "answer", proposal: "p1", state: "maybe", actor: "city" },
    answering,
    "there is no answer state maybe (known: evaluating, accepted, rejected)",
  ],
  [
    "accepting without a cost where the phase needs one",
    { type: "answer", proposal: "p1", state: "accepted", actor: "city" },
    answering,
    'an answer accepted needs a cost in the phase "Answers"',
  ],
  [
    "publishing a missing answer",
    { type: "publish-answer", proposal: "p1", actor: "city" },
    answering,
    "p1 has no answer to publish",
  ],
  [
    "publishing an answer twice",
    { type: "publish-answer", proposal: "p2", actor: "city" },
    answering,
    "the answer to p2 is already published",
  ],
  [
    "a valuator publishing an answer",
    { type: "publish-answer", proposal: "p2", actor: "val" },
    answering,
    "val may not publish the answer to p2: only an admin may",
  ],
  [
    "assigning someone who is not a valuator",
    { type: "assign-valuator", proposal: "p1", actor: "city", valuator: "bo" },
    during,
    "bo is not a valuator",
  ],
  [
    "assigning twice",
    { type: "assign-valuator", proposal: "p2", actor: "city", valuator: "val" },
    during,
    "val already evaluates p2",
  ],
  [
    "a participant assigning valuators",
    { type: "assign-valuator", proposal: "p2", actor: "bo", valuator: "val" },
    during,
    "bo may not assign valuators to p2: only an admin may",
  ],
  [
    "unassigning someone not assigned",
    { type: "unassign-valuator", proposal: "p1", actor: "city", valuator: "val" },
    during,
    "val does not evaluate p1",
  ],
  [
    "a note by a participant",
    { type: "note", proposal: "p2", actor: "bo", note: "n1", text: "x" },
    during,
    "bo may not write notes on p2: only an admin or a valuator assigned to it may",
  ],
  // Amendments
  [
    "amending a draft",
    { type: "amend", amendment: "a9", proposal: "p3", author: "bo", title: "x" },
    during,
    "p3 is draft and cannot be amended",
  ],
  [
    "an existing amendment id",
    { type: "amend", amendment: "a1", proposal: "p1", author: "bo", title: "x" },
    during,
    "amendment a1 already exists",
  ],
  [
    "amending outside a phase that permits it",
    { type: "amend", amendment: "a9", proposal: "p1", author: "bo", title: "x" },
    answering,
    'the phase "Answers" does not permit proposals.amend',
  ],
  [
    "an unknown amendment",
    { type: "publish-amendment", amendment: "a9", actor: "cy" },
    during,
    "there is no amendment a9",
  ],
  [
    "publishing someone else's amendment",
    { type: "publish-amendment", amendment: "a1", actor: "bo" },
    during,
    "bo may not publish amendment a1: only the amendment's author may",
  ],
  [
    "publishing an amendment twice",
    { type: "publish-amendment", amendment: "a2", actor: "cy" },
    during,
    "amendment a2 is evaluating, not draft",
  ],
  [
    "accepting a draft amendment",
    { type: "accept-amendment", amendment: "a1", actor: "ana" },
    during,
    "amendment a1 is draft, not evaluating",
  ],
  [
    "an amendment author accepting their own",
    { type: "accept-amendment", amendment: "a2", actor: "cy" },
    during,
    "cy may not accept amendment a2: only its author or a co-author or an admin may",
  ],
  [
    "withdrawing a rejected amendment",
    { type: "withdraw-amendment", amendment: "a3", actor: "dé" },
    during,
    "amendment a3 is rejected, not draft or evaluating",
  ],
  [
    "promoting an amendment under evaluation",
    { type: "promote-amendment", amendment: "a2", actor: "cy", proposal: "p9" },
    during,
    "amendment a2 is evaluating, not rejected",
  ],
  [
    "promoting to an existing id",
    { type: "promote-amendment", amendment: "a3", actor: "dé", proposal: "p1" },
    during,
    "proposal p1 already exists",
  ],
  [
    "rejecting a draft amendment",
    { type: "reject-amendment", amendment: "a1", actor: "ana" },
    during,
    "amendment a1 is draft, not evaluating",
  ],
  [
    "promoting beyond the per-author limit",
    { type: "promote-amendment", amendment: "a3", actor: "dé", proposal: "p9" },
    during,
    "dé already has 1 proposal",
    { rules: { proposalLimit: 1 } },
  ],
  // Collaborative drafts
  [
    "an existing draft id",
    { type: "open-draft", draft: "d1", author: "bo", title: "x" },
    during,
    "draft d1 already exists",
  ],
  [
    "an unknown draft",
    { type: "edit-draft", draft: "d9", actor: "dé", title: "x", body: "" },
    during,
    "there is no draft d9",
  ],
  [
    "asking twice to contribute",
    { type: "request-access", draft: "d1", participant: "eve" },
    during,
    "eve already asked to contribute to draft d1",
  ],
  [
    "the author asking to contribute",
    { type: "request-access", draft: "d1", participant: "dé" },
    during,
    "dé already writes draft d1",
  ],
  [
    "accepting someone who did not ask",
    { type: "accept-access", draft: "d1", actor: "dé", participant: "bo" },
    during,
    "bo has not asked to contribute to draft d1",
  ],
  [
    "an outsider accepting a contributor",
    { type: "accept-access", draft: "d1", actor: "bo", participant: "eve" },
    during,
    "bo may not accept contributors to draft d1: only the draft's author or a contributor may",
  ],
  [
    "an outsider refusing a contributor",
    { type: "reject-access", draft: "d1", actor: "bo", participant: "eve" },
    during,
    "bo may not refuse contributors to draft d1: only the draft's author or a contributor may",
  ],
  [
    "withdrawing a draft as an outsider",
    { type: "withdraw-draft", draft: "d1", actor: "eve" },
    during,
    "eve may not withdraw draft d1: only the draft's author may",
  ],
  [
    "publishing a draft beyond the per-author limit",
    { type: "publish-draft", draft: "d1", actor: "dé", proposal: "p9" },
    during,
    "dé already has 1 proposal",
    { rules: { proposalLimit: 1 } },
  ],
  [
    "an outsider editing",
    { type: "edit-draft", draft: "d1", actor: "eve", title: "x", body: "" },
    during,
    "eve may not edit draft d1: only the draft's author or a contributor may",
  ],
  [
    "editing a withdrawn draft",
    { type: "edit-draft", draft: "d2", actor: "dé", title: "x", body: "" },
    during,
    "draft d2 is withdrawn",
  ],
  [
    "publishing a draft as an existing proposal",
    { type: "publish-draft", draft: "d1", actor: "dé", proposal: "p1" },
    during,
    "proposal p1 already exists",
  ],
  // Merges, splits, copies
  [
    "a participant merging",
    { type: "merge", proposals: ["p1", "p6"], into: "p9", actor: "bo", title: "x" },
    during,
    "bo may not merge proposals: only an admin may",
  ],
  [
    "merging a proposal with itself",
    { type: "merge", proposals: ["p1", "p1"], into: "p9", actor: "city", title: "x" },
    during,
    "a merge needs distinct proposals",
  ],
  [
    "merging an already merged proposal",
    { type: "merge", proposals: ["p1", "p4"], into: "p9", actor: "city", title: "x" },
    during,
    "p4 is merged and cannot be merged",
  ],
  [
    "merging into an existing id",
    { type: "merge", proposals: ["p1", "p6"], into: "p2", actor: "city", title: "x" },
    during,
    "proposal p2 already exists",
  ],
  [
    "splitting a draft",
    {
      type: "split",
      proposal: "p3",
      actor: "city",
      into: [
        { proposal: "p8", title: "a" },
        { proposal: "p9", title: "b" },
      ],
    },
    during,
    "p3 is draft and cannot be split",
  ],
  [
    "a split into one id twice",
    {
      type: "split",
      proposal: "p1",
      actor: "city",
      into: [
        { proposal: "p8", title: "a" },
        { proposal: "p8", title: "b" },
      ],
    },
    during,
    "the parts of a split need distinct ids",
  ],
  [
    "a split onto an existing id",
    {
      type: "split",
      proposal: "p1",
      actor: "city",
      into: [
        { proposal: "p8", title: "a" },
        { proposal: "p2", title: "b" },
      ],
    },
    during,
    "proposal p2 already exists",
  ],
  [
    "copying into the same component",
    { type: "copy", proposal: "p1", actor: "city", into: "p9", component: "proposals" },
    during,
    "p1 is already in proposals",
  ],
  [
    "copying a withdrawn proposal",
    { type: "copy", proposal: "p7", actor: "city", into: "p9", component: "budget" },
    during,
    "p7 is withdrawn and cannot be copied",
  ],
];

describe("transition: a catalogue of refused commands, each with its reason", () => {
  for (const [name, command, instant, reason, overrides] of catalogue)
    it(name, () => {
      expect(refusal(base, command, instant, overrides)).toContain(reason);
    });

  it("gives each refusal a code of the catalogue, whose English message its params make", () => {
    const codes = new Set<string>();
    for (const [, command, instant, , overrides] of catalogue) {
      const step = transition(base, command, {
        ...context,
        ...overrides,
        instant,
      } as TransitionContext);
      if (step.ok) throw new Error("accepted");
      const issue = step.issues[0] as Issue;
      codes.add(issue.code);
      if (issue.code === "invalid-command") continue;
      expect(Object.keys(proposalIssueMessages)).toContain(issue.code);
      const message = proposalIssueMessages[issue.code as ProposalIssueCode] as (
        params: never,
      ) => string;
      expect(message(issue.params as never)).toBe(issue.message);
    }
    // Distinct reasons, not one code for all.
    expect(codes.size).toBeGreaterThan(25);
  });

  it("covers every command type", () => {
    const types = new Set(catalogue.map(([, command]) => (command as { type: string }).type));
    expect(PROPOSAL_COMMAND_TYPES.filter((type) => !types.has(type))).toEqual([]);
  });

  it("refuses with an issue coded by its reason; malformed commands get `invalid-command` with a path", () => {
    const refused = transition(base, { type: "publish", proposal: "p1", actor: "ana" }, context);
    expect(!refused.ok && refused.issues[0]).toMatchObject({
      code: "not-a-draft",
      path: ["command"],
      params: { proposal: "p1", status: "published" },
    });
    const malformed = transition(base, { type: "support", proposal: "p1" }, context);
    expect(!malformed.ok && malformed.issues[0]).toMatchObject({
      code: "invalid-command",
      path: ["participant"],
    });
  });

  it("never changes the state it is given, and its events replay to the state it returns", () => {
    const before = JSON.stringify(base);
    const { state, log } = play([{ type: "support", proposal: "p6", participant: "cy" }], {
      from: base,
    });
    expect(JSON.stringify(base)).toBe(before);
    expect(state.proposals.p6?.supporters).toEqual(["cy"]);
    for (const event of log) expect(proposalEventSchema.parse(event)).toEqual(event);
  });
});

describe("lifecycles as data", () => {
  it("custom answer states, the states they follow, and who may publish answers", () => {
    const lifecycle = defineLifecycle({
      answerStates: [
        { id: "evaluating" },
        { id: "accepted", cost: "required", fundable: true, from: ["evaluating"] },
        { id: "rejected", supportable: false },
        { id: "not-feasible", title: "Not technically feasible", supportable: false },
      ],
      commands: {
        "publish-answer": { roles: ["admin", "valuator"] },
        support: { capability: "proposals.comment" },
      },
    });
    expect(lifecycle.ok).toBe(true);
    if (!lifecycle.ok) return;
    const own = { ...context, lifecycle: lifecycle.value };
    const { state } = play(
      [
        ...publishedTwo,
        { type: "assign-valuator", proposal: "p1", actor: "city", valuator: "val" },
        [{ type: "answer", proposal: "p2", state: "not-feasible", actor: "city" }, answering],
        [{ type: "publish-answer", proposal: "p2", actor: "city" }, answering],
      ],
      { context: own },
    );
    expect(
      refusal(
        state,
        { type: "answer", proposal: "p1", state: "accepted", actor: "val", cost: 5 },
        answering,
        own,
      ),
    ).toBe("p1 cannot be answered accepted after no answer");
    const evaluated = play(
      [
        [{ type: "answer", proposal: "p1", state: "evaluating", actor: "val" }, answering],
        [{ type: "publish-answer", proposal: "p1", actor: "val" }, answering],
      ],
      { context: own, from: state },
    ).state;
    expect(
      refusal(
        evaluated,
        { type: "answer", proposal: "p1", state: "accepted", actor: "val" },
        answering,
        own,
      ),
    ).toBe("an answer accepted needs a cost");
    expect(
      refusal(evaluated, { type: "support", proposal: "p2", participant: "bo" }, during, own),
    ).toBe("p2 was answered not-feasible and cannot be supported");
    const accepted = play(
      [
        [
          {
            type: "answer",
            proposal: "p1",
            state: "accepted",
            actor: "val",
            cost: "12345678901234567890",
            costReport: "Devis 2026-114",
            executionPeriod: "2027",
          },
          answering,
        ],
      ],
      { context: own, from: evaluated },
    ).state;
    expect(accepted.proposals.p1?.answer).toMatchObject({
      state: "accepted",
      published: false,
      by: "val",
      cost: "12345678901234567890",
      costReport: "Devis 2026-114",
      executionPeriod: "2027",
    });
  });

  it("a broken definition gets issues with their paths", () => {
    const broken = defineLifecycle({
      answerStates: [{ id: "accepted" }, { id: "accepted" }, { id: "x", from: ["nope"] }],
      commands: { vote: { roles: ["admin"] }, support: { roles: ["mayor"] } },
    });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining("commands.support.roles.0: Invalid option"),
      'commands: Unrecognized key: "vote"',
    ]);
    const states = defineLifecycle({
      answerStates: [{ id: "accepted" }, { id: "accepted" }, { id: "x", from: ["nope"] }],
    });
    expect(
      !states.ok && states.issues.map((issue) => [issue.code, issue.path.join("."), issue.message]),
    ).toEqual([
      ["duplicate-answer-state", "answerStates.1.id", "the answer state accepted is defined twice"],
      [
        "unknown-answer-state",
        "answerStates.2.from.0",
        "the answer state x follows nope, which is not defined",
      ],
    ]);
  });
});

describe("replay", () => {
  it("gives the state transition built, for the whole catalogue's base consultation", () => {
    const { state, log } = play([
      ...publishedTwo,
      { type: "support", proposal: "p1", participant: "bo" },
      {
        type: "merge",
        proposals: ["p1", "p2"],
        into: "p9",
        actor: "city",
        title: "Bancs et arbres",
      },
    ]);
    expect(replay(log)).toEqual(state);
    expect(replay(JSON.parse(JSON.stringify(log)))).toEqual(state);
  });
});
