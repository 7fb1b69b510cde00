import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Consultation,
  countedSupports,
  emptyConsultation,
  type ProposalEvent,
  replay,
  type SupportRules,
  transition,
} from "../../src/proposals/index.js";
import { answering, context, during } from "./fixture.js";

/**
 * Model-based test: fast-check runs random command sequences against the real
 * `transition` and against a deliberately simple model of what a consultation should do
 * (plain sets, written from the rules, not from the code). Every command must be accepted
 * exactly when the model accepts it, the supporters must agree with the model, and the
 * invariants must hold after every step.
 */

interface ModelProposal {
  author: string;
  coauthors: string[];
  status: "draft" | "published" | "withdrawn" | "merged" | "split";
  rejected: boolean;
  supporters: Set<string>;
}
interface Model {
  proposals: Map<string, ModelProposal>;
  supportsOf: Map<string, Set<string>>;
  readonly rules: SupportRules & { readonly voteLimit: number; readonly minimumSupports: number };
}
interface Real {
  state: Consultation;
  log: ProposalEvent[];
}

const participants = ["ana", "bo", "cy"];
const ids = ["p1", "p2", "p3", "p4", "p5"];
/** Stands for the proposal's author, so that sequences publish and withdraw often enough. */
const itsAuthor = "(its author)";
const actorFor = (model: Model, proposal: string, actor: string) =>
  actor === itsAuthor ? (model.proposals.get(proposal)?.author ?? "ana") : actor;

/** Runs one command on the real system; checks it is accepted exactly when the model says. */
function apply(model: Model, real: Real, command: unknown, instant: number, expected: boolean) {
  const step = transition(real.state, command, { ...context, rules: model.rules, instant });
  expect(
    step.ok,
    `${JSON.stringify(command)}: ${step.ok ? "accepted" : step.issues[0]?.message}`,
  ).toBe(expected);
  if (!step.ok) return;
  for (const event of step.value.events)
    if (event.type === "supported") expect(event.at).toBe(during); // only in a permitting phase
  real.state = step.value.state;
  real.log.push(...step.value.events);
}

function checkInvariants(model: Model, real: Real) {
  const { voteLimit, minimumSupports } = model.rules;
  const counted = countedSupports(real.state, model.rules);
  const total = Object.values(counted).reduce((sum, value) => sum + value, 0);
  expect(total).toBeLessThanOrEqual(participants.length * voteLimit);
  for (const [id, proposal] of model.proposals) {
    const real_ = real.state.proposals[id];
    expect(real_?.status).toBe(proposal.status);
    expect(new Set(real_?.supporters)).toEqual(proposal.supporters);
    // No participant counted twice on one proposal (merges included).
    expect(new Set(real_?.supporters).size).toBe(real_?.supporters.length);
    // Provisional supports are never counted.
    const firm = [...proposal.supporters].filter(
      (who) => (model.supportsOf.get(who)?.size ?? 0) >= minimumSupports,
    );
    const { threshold } = model.rules;
    expect(counted[id]).toBe(
      threshold === undefined ? firm.length : Math.min(firm.length, threshold),
    );
  }
  for (const who of participants) {
    const supported = real.state.supportsOf[who] ?? [];
    expect(new Set(supported)).toEqual(model.supportsOf.get(who) ?? new Set());
    expect(new Set(supported).size).toBe(supported.length);
    expect(supported.length).toBeLessThanOrEqual(voteLimit);
  }
}

const supportsOf = (model: Model, who: string) => {
  const set = model.supportsOf.get(who) ?? new Set<string>();
  model.supportsOf.set(who, set);
  return set;
};

type Command = fc.Command<Model, Real>;
const command = (label: string, run: (model: Model, real: Real) => void): Command => ({
  check: () => true,
  run: (model, real) => {
    run(model, real);
    checkInvariants(model, real);
  },
  toString: () => label,
});

const id = fc.constantFrom(...ids);
const who = fc.constantFrom(...participants);
const actorOrAuthor = fc.constantFrom(...participants, itsAuthor, itsAuthor, itsAuthor);

const commandList = [
  fc.tuple(id, who).map(([proposal, author]) =>
    command(`create ${proposal} by ${author}`, (model, real) => {
      const accepted = !model.proposals.has(proposal);
      apply(model, real, { type: "create", proposal, author, title: "t" }, during, accepted);
      if (accepted)
        model.proposals.set(proposal, {
          author,
          coauthors: [],
          status: "draft",
          rejected: false,
          supporters: new Set(),
        });
    }),
  ),
  fc.tuple(id, actorOrAuthor).map(([proposal, who]) =>
    command(`publish ${proposal} by ${who}`, (model, real) => {
      const actor = actorFor(model, proposal, who);
      const p = model.proposals.get(proposal);
      const accepted =
        p !== undefined &&
        p.status === "draft" &&
        (p.author === actor || p.coauthors.includes(actor));
      apply(model, real, { type: "publish", proposal, actor }, during, accepted);
      if (accepted && p) p.status = "published";
    }),
  ),
  fc.tuple(id, actorOrAuthor).map(([proposal, who]) =>
    command(`withdraw ${proposal} by ${who}`, (model, real) => {
      const actor = actorFor(model, proposal, who);
      const p = model.proposals.get(proposal);
      const accepted =
        p !== undefined &&
        p.author === actor &&
        (p.status === "draft" || p.status === "published") &&
        p.supporters.size === 0;
      apply(model, real, { type: "withdraw", proposal, actor }, during, accepted);
      if (accepted && p) p.status = "withdrawn";
    }),
  ),
  fc.tuple(id, who, fc.boolean()).map(([proposal, participant, inPhase]) =>
    command(
      `support ${proposal} by ${participant}${inPhase ? "" : " out of phase"}`,
      (model, real) => {
        const p = model.proposals.get(proposal);
        const accepted =
          inPhase &&
          p !== undefined &&
          p.status === "published" &&
          !p.rejected &&
          !p.supporters.has(participant) &&
          supportsOf(model, participant).size < model.rules.voteLimit &&
          !(
            model.rules.threshold !== undefined &&
            [...p.supporters].filter(
              (who) => (model.supportsOf.get(who)?.size ?? 0) >= model.rules.minimumSupports,
            ).length >= model.rules.threshold
          );
        apply(
          model,
          real,
          { type: "support", proposal, participant },
          inPhase ? during : answering,
          accepted,
        );
        if (accepted && p) {
          p.supporters.add(participant);
          supportsOf(model, participant).add(proposal);
        }
      },
    ),
  ),
  fc.tuple(id, who).map(([proposal, participant]) =>
    command(`unsupport ${proposal} by ${participant}`, (model, real) => {
      const p = model.proposals.get(proposal);
      const accepted = p?.supporters.has(participant) === true;
      apply(model, real, { type: "unsupport", proposal, participant }, during, accepted);
      if (accepted && p) {
        p.supporters.delete(participant);
        supportsOf(model, participant).delete(proposal);
      }
    }),
  ),
  id.map((proposal) =>
    command(`reject ${proposal}`, (model, real) => {
      const p = model.proposals.get(proposal);
      const accepted = p?.status === "published";
      apply(
        model,
        real,
        { type: "answer", proposal, state: "rejected", actor: "city" },
        answering,
        accepted,
      );
      if (!accepted || !p) return;
      apply(model, real, { type: "publish-answer", proposal, actor: "city" }, answering, true);
      p.rejected = true;
    }),
  ),
  fc.tuple(id, id, id, fc.boolean()).map(([givenA, givenB, into, published]) =>
    command(
      `merge ${published ? "the first two published proposals" : `${givenA} and ${givenB}`} into ${into}`,
      (model, real) => {
        // Half the merges take two published proposals, so that shared supporters get merged.
        const open = [...model.proposals]
          .filter(([, p]) => p.status === "published")
          .map(([key]) => key);
        const [a, b] =
          published && open.length >= 2 ? (open as [string, string]) : [givenA, givenB];
        const pa = model.proposals.get(a);
        const pb = model.proposals.get(b);
        const accepted =
          a !== b &&
          pa?.status === "published" &&
          pb?.status === "published" &&
          !model.proposals.has(into);
        apply(
          model,
          real,
          { type: "merge", proposals: [a, b], into, actor: "city", title: "m" },
          during,
          accepted,
        );
        if (!accepted || !pa || !pb) return;
        const people = [...new Set([pa.author, ...pa.coauthors, pb.author, ...pb.coauthors])];
        model.proposals.set(into, {
          author: pa.author,
          coauthors: people.filter((person) => person !== pa.author),
          status: "published",
          rejected: false,
          supporters: new Set([...pa.supporters, ...pb.supporters]),
        });
        for (const source of [pa, pb]) {
          source.status = "merged";
          source.supporters = new Set();
        }
        for (const set of model.supportsOf.values()) {
          const had = [a, b].map((source) => set.delete(source));
          if (had.includes(true)) set.add(into);
        }
      },
    ),
  ),
  fc.tuple(id, id, id).map(([proposal, x, y]) =>
    command(`split ${proposal} into ${x} and ${y}`, (model, real) => {
      const p = model.proposals.get(proposal);
      const accepted =
        p?.status === "published" && x !== y && !model.proposals.has(x) && !model.proposals.has(y);
      apply(
        model,
        real,
        {
          type: "split",
          proposal,
          actor: "city",
          into: [
            { proposal: x, title: "x" },
            { proposal: y, title: "y" },
          ],
        },
        during,
        accepted,
      );
      if (!accepted || !p) return;
      for (const part of [x, y])
        model.proposals.set(part, {
          author: p.author,
          coauthors: [...p.coauthors],
          status: "published",
          rejected: false,
          supporters: new Set(),
        });
      p.status = "split";
      for (const supporter of p.supporters) supportsOf(model, supporter).delete(proposal);
      p.supporters = new Set();
    }),
  ),
];

// Supports and publications are what the invariants are about: draw them more often.
const commands = [
  ...commandList,
  commandList[1],
  commandList[1],
  commandList[3],
  commandList[3],
  commandList[3],
].filter((arbitrary) => arbitrary !== undefined);

describe("transition against a model (fast-check commands)", () => {
  it("accepts exactly what the model accepts and never breaks the invariants", () => {
    fc.assert(
      fc.property(
        fc.commands(commands, { maxCommands: 80, size: "max" }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
        (sequence, voteLimit, minimumSupports, threshold) => {
          const model: Model = {
            proposals: new Map(),
            supportsOf: new Map(),
            // Half the runs close a proposal to supports once it reaches a threshold.
            rules:
              threshold === undefined
                ? { voteLimit, minimumSupports }
                : { voteLimit, minimumSupports, threshold, accumulateBeyondThreshold: false },
          };
          const real: Real = { state: emptyConsultation, log: [] };
          fc.modelRun(() => ({ model, real }), sequence);
          // Replaying the emitted events gives the same state.
          expect(replay(real.log)).toEqual(real.state);
        },
      ),
      { numRuns: 400 },
    );
  });
});
