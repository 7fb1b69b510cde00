import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateProcess } from "../../src/calendar/index.js";
import {
  type Consultation,
  countedSupports,
  type ProposalEvent,
  participationFigures,
  replay,
  type TransitionContext,
  transition,
} from "../../src/proposals/index.js";

const process = (() => {
  const checked = validateProcess({
    id: "c",
    title: "Consultation",
    timeZone: "Europe/Paris",
    phases: [
      {
        id: "ideas",
        title: "Ideas",
        start: "2026-03-01",
        end: "2026-03-31",
        permits: ["proposals.create", "proposals.support", "proposals.comment"],
      },
      {
        id: "answers",
        title: "Answers",
        start: "2026-04-01",
        end: "2026-04-30",
        permits: ["proposals.answer"],
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
})();
const during = Date.parse("2026-03-10T10:00:00Z");
const answering = Date.parse("2026-04-10T10:00:00Z");
const context: TransitionContext = {
  rules: { voteLimit: 2, minimumSupports: 2 },
  process,
  instant: during,
  answerers: ["city"],
};
const empty: Consultation = { proposals: {}, supportsOf: {} };

function run(commands: readonly [unknown, number][]): {
  state: Consultation;
  log: ProposalEvent[];
} {
  let state = empty;
  const log: ProposalEvent[] = [];
  for (const [command, instant] of commands) {
    const step = transition(state, command, { ...context, instant });
    if (step.ok) {
      state = step.value.state;
      log.push(...step.value.events);
    }
  }
  return { state, log };
}

describe("transition: a catalogue of refused commands, each with its reason", () => {
  const { state } = run([
    [{ type: "create", proposal: "p1", author: "ana", title: "Bancs" }, during],
    [{ type: "publish", proposal: "p1", actor: "ana" }, during],
    [{ type: "create", proposal: "p2", author: "ana", title: "Arbres" }, during],
    [{ type: "publish", proposal: "p2", actor: "ana" }, during],
    [{ type: "create", proposal: "p3", author: "ana", title: "Kiosque" }, during],
    [{ type: "support", proposal: "p1", participant: "bo" }, during],
    [{ type: "support", proposal: "p2", participant: "bo" }, during],
  ]);
  const cases: [string, unknown, number, string][] = [
    ["a malformed command", { type: "support", proposal: "" }, during, "invalid-command"],
    [
      "outside a phase that permits it",
      { type: "support", proposal: "p1", participant: "cy" },
      answering,
      'the phase "Answers" does not permit proposals.support',
    ],
    [
      "an existing id",
      { type: "create", proposal: "p1", author: "cy", title: "x" },
      during,
      "proposal p1 already exists",
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
      "only ana can publish p3",
    ],
    [
      "supporting a draft",
      { type: "support", proposal: "p3", participant: "cy" },
      during,
      "p3 is draft and cannot be supported",
    ],
    [
      "supporting twice",
      { type: "support", proposal: "p1", participant: "bo" },
      during,
      "bo already supports p1",
    ],
    [
      "beyond the vote limit",
      { type: "support", proposal: "p4", participant: "bo" },
      during,
      "there is no proposal p4",
    ],
    [
      "withdrawing a supported proposal",
      { type: "withdraw", proposal: "p1", actor: "ana" },
      during,
      "p1 has supports and can no longer be withdrawn",
    ],
    [
      "answering without the role",
      { type: "answer", proposal: "p1", state: "accepted", actor: "bo" },
      answering,
      "bo cannot answer proposals",
    ],
    [
      "publishing a missing answer",
      { type: "publish-answer", proposal: "p1", actor: "city" },
      answering,
      "p1 has no answer to publish",
    ],
    [
      "taking back a support never given",
      { type: "unsupport", proposal: "p1", participant: "cy" },
      during,
      "cy does not support p1",
    ],
  ];
  for (const [name, command, instant, reason] of cases) {
    it(name, () => {
      const step = transition(state, command, { ...context, instant });
      expect(step.ok).toBe(false);
      if (!step.ok) expect([step.issues[0]?.code, step.issues[0]?.message]).toContain(reason);
    });
  }

  it("the vote limit and rejected proposals", () => {
    const limited = run([
      [{ type: "create", proposal: "p1", author: "ana", title: "a" }, during],
      [{ type: "publish", proposal: "p1", actor: "ana" }, during],
      [{ type: "create", proposal: "p2", author: "ana", title: "b" }, during],
      [{ type: "publish", proposal: "p2", actor: "ana" }, during],
      [{ type: "create", proposal: "p3", author: "ana", title: "c" }, during],
      [{ type: "publish", proposal: "p3", actor: "ana" }, during],
      [{ type: "create", proposal: "p4", author: "ana", title: "d" }, during],
      [{ type: "publish", proposal: "p4", actor: "ana" }, during],
      [{ type: "support", proposal: "p1", participant: "bo" }, during],
      [{ type: "support", proposal: "p2", participant: "bo" }, during],
      [{ type: "answer", proposal: "p3", state: "rejected", actor: "city" }, answering],
      [{ type: "publish-answer", proposal: "p3", actor: "city" }, answering],
    ]).state;
    const third = transition(
      limited,
      { type: "support", proposal: "p4", participant: "bo" },
      context,
    );
    expect(!third.ok && third.issues[0]?.message).toBe("bo has used all 2 supports");
    const rejected = transition(
      limited,
      { type: "support", proposal: "p3", participant: "cy" },
      context,
    );
    expect(!rejected.ok && rejected.issues[0]?.message).toBe(
      "p3 was rejected and cannot be supported",
    );
  });
});

describe("transition on random command sequences", () => {
  const participants = ["ana", "bo", "cy", "dé"];
  const proposals = ["p1", "p2", "p3"];
  const command = fc.oneof(
    fc.record({
      type: fc.constant("create"),
      proposal: fc.constantFrom(...proposals),
      author: fc.constantFrom(...participants),
      title: fc.constant("t"),
    }),
    fc.record({
      type: fc.constant("publish"),
      proposal: fc.constantFrom(...proposals),
      actor: fc.constantFrom(...participants),
    }),
    fc.record({
      type: fc.constant("withdraw"),
      proposal: fc.constantFrom(...proposals),
      actor: fc.constantFrom(...participants),
    }),
    fc.record({
      type: fc.constant("support"),
      proposal: fc.constantFrom(...proposals),
      participant: fc.constantFrom(...participants),
    }),
    fc.record({
      type: fc.constant("support"),
      proposal: fc.constantFrom(...proposals),
      participant: fc.constantFrom(...participants),
    }),
    fc.record({
      type: fc.constant("unsupport"),
      proposal: fc.constantFrom(...proposals),
      participant: fc.constantFrom(...participants),
    }),
    fc.record({
      type: fc.constant("endorse"),
      proposal: fc.constantFrom(...proposals),
      participant: fc.constantFrom(...participants),
    }),
    fc.record({
      type: fc.constant("comment"),
      proposal: fc.constantFrom(...proposals),
      participant: fc.constantFrom(...participants),
      comment: fc.constantFrom("c1", "c2", "c3"),
      alignment: fc.constantFrom("favour", "against", "neutral"),
    }),
  );
  const instant = fc.constantFrom(during, answering, Date.parse("2026-05-10T10:00:00Z"));

  it("never break the invariants", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, instant), { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (commands, voteLimit, minimumSupports) => {
          const rules = { voteLimit, minimumSupports };
          let state = empty;
          const log: ProposalEvent[] = [];
          for (const [next, at] of commands) {
            const step = transition(state, next, { ...context, rules, instant: at });
            if (!step.ok) continue;
            // No support outside a phase that permits it.
            if (step.value.events.some((event) => event.type === "supported"))
              expect(at).toBe(during);
            state = step.value.state;
            log.push(...step.value.events);
            const counted = countedSupports(state, rules);
            // Counted supports never exceed participants × limit, nor come from provisional supporters.
            const total = Object.values(counted).reduce((sum, value) => sum + value, 0);
            expect(total).toBeLessThanOrEqual(participants.length * voteLimit);
            for (const proposal of Object.values(state.proposals)) {
              const firm = proposal.supporters.filter(
                (who) => (state.supportsOf[who]?.length ?? 0) >= minimumSupports,
              );
              expect(counted[proposal.id]).toBe(firm.length);
              expect(new Set(proposal.supporters).size).toBe(proposal.supporters.length);
            }
            for (const supported of Object.values(state.supportsOf))
              expect(supported.length).toBeLessThanOrEqual(voteLimit);
          }
          // Replaying the log gives the same state.
          expect(replay(log)).toEqual(state);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("endorsements, comments, the per-author limit, participation figures", () => {
  it("counts comments by alignment and people once, and refuses what the rules forbid", () => {
    const rules = { voteLimit: 3, proposalLimit: 2 };
    let state = empty;
    const apply = (command: unknown) => {
      const step = transition(state, command, { ...context, rules });
      if (step.ok) state = step.value.state;
      return step;
    };
    apply({ type: "create", proposal: "p1", author: "ana", title: "Bancs" });
    apply({ type: "create", proposal: "p2", author: "ana", title: "Arbres" });
    const third = apply({ type: "create", proposal: "p3", author: "ana", title: "Kiosque" });
    expect(!third.ok && third.issues[0]?.message).toBe("ana already has 2 proposals");
    const draftComment = apply({
      type: "comment",
      proposal: "p1",
      participant: "bo",
      comment: "c1",
      alignment: "favour",
    });
    expect(!draftComment.ok && draftComment.issues[0]?.message).toBe(
      "p1 is draft and cannot be commented on",
    );
    apply({ type: "publish", proposal: "p1", actor: "ana" });
    apply({
      type: "comment",
      proposal: "p1",
      participant: "bo",
      comment: "c1",
      alignment: "favour",
    });
    apply({
      type: "comment",
      proposal: "p1",
      participant: "cy",
      comment: "c2",
      alignment: "against",
    });
    const again = apply({
      type: "comment",
      proposal: "p1",
      participant: "cy",
      comment: "c2",
      alignment: "neutral",
    });
    expect(!again.ok && again.issues[0]?.message).toBe("comment c2 already exists");
    apply({ type: "endorse", proposal: "p1", participant: "dé" });
    const twice = apply({ type: "endorse", proposal: "p1", participant: "dé" });
    expect(!twice.ok && twice.issues[0]?.message).toBe("dé already endorses p1");
    apply({ type: "support", proposal: "p1", participant: "bo" });
    expect(participationFigures(state)).toEqual({
      participants: 4,
      proposals: 2,
      supports: 1,
      endorsements: 1,
      comments: { favour: 1, against: 1, neutral: 0 },
    });
  });
});
