import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyInitiativeEvent,
  decideInitiative,
  type Initiative,
  type InitiativeContext,
  type InitiativeEvent,
  type InitiativeType,
  initiativeIssueMessages,
  initiativeProgress,
  replayInitiative,
  supportsIn,
} from "../../src/initiatives/index.js";

/** A city with two districts; each district's threshold counts too (childScopeThreshold). */
const type: InitiativeType = {
  id: "citizen-initiative",
  signatureType: "any",
  undoOnlineSignatures: true,
  promotingCommittee: true,
  minimumCommitteeMembers: 2,
  childScopeThreshold: true,
  scopes: [
    { scope: "city", supportsRequired: 4 },
    { scope: "north", supportsRequired: 2, parent: "city" },
    { scope: "south", supportsRequired: 1, parent: "city" },
  ],
  signers: { verified: true },
};
const admin = { id: "clerk", admin: true };
const author = { id: "ana" };
const context = (today: string, changes: Partial<InitiativeContext> = {}): InitiativeContext => ({
  type,
  now: `${today}T09:00:00Z`,
  today,
  ...changes,
});
const citizen = (id: string, scope: string, verified = true) => ({ id, verified, scopes: [scope] });

/** Runs commands in order, each on its day; throws on a refusal. */
function run(steps: readonly [string, unknown][], start: InitiativeEvent[] = []) {
  const events = [...start];
  for (const [today, command] of steps) {
    const decided = decideInitiative(replayInitiative(events), command, context(today));
    if (!decided.ok) throw new Error(`${JSON.stringify(command)}: ${decided.issues[0]?.message}`);
    events.push(...decided.value);
  }
  return events;
}

const prepared = () =>
  run([
    ["2027-01-04", { type: "create", id: "bike-lanes", scope: "city", by: author }],
    ["2027-01-05", { type: "join-committee", member: "ben", by: author }],
    ["2027-01-05", { type: "join-committee", member: "chloé", by: author }],
    ["2027-01-06", { type: "send-to-validation", by: author }],
    ["2027-01-10", { type: "publish", by: admin }],
  ]);

describe("initiatives", () => {
  it("goes from creation through validation and 120 days of signatures to acceptance, paper and online counted per scope", () => {
    const events = run(
      [
        ["2027-02-01", { type: "sign", signer: citizen("d1", "north") }],
        ["2027-02-01", { type: "sign", signer: citizen("d2", "north") }],
        ["2027-02-02", { type: "sign", signer: citizen("d3", "south") }],
        [
          "2027-02-03",
          {
            type: "enter-paper-batch",
            batch: "town-hall-1",
            scope: "city",
            signatures: 1,
            by: admin,
          },
        ],
      ],
      prepared(),
    );
    const initiative = replayInitiative(events) as Initiative;
    expect(initiative.status).toBe("published");
    expect([initiative.signatureStart, initiative.signatureEnd]).toEqual([
      "2027-01-10",
      "2027-05-10",
    ]);
    // A district signature counts in the district and in the city above it.
    expect(supportsIn(initiative, type, "city")).toBe(4);
    expect(initiativeProgress(initiative, type)).toEqual({
      supports: 4,
      online: 3,
      paper: 1,
      required: 4,
      percentage: 100,
      goalReached: true,
    });
    // Closing on the period's last day changes nothing; the day after, it accepts.
    expect(decideInitiative(initiative, { type: "close" }, context("2027-05-10"))).toMatchObject({
      ok: true,
      value: [],
    });
    const closed = decideInitiative(initiative, { type: "close" }, context("2027-05-11"));
    expect(closed.ok && closed.value.map((e) => e.type)).toEqual(["accepted"]);
  });

  it("rejects at the end when one district misses its own threshold, and discards after 60 days in validation", () => {
    const events = run(
      [
        ["2027-02-01", { type: "sign", signer: citizen("d1", "north") }],
        ["2027-02-01", { type: "sign", signer: citizen("d3", "south") }],
        [
          "2027-02-02",
          { type: "enter-paper-batch", batch: "b1", scope: "city", signatures: 5, by: admin },
        ],
      ],
      prepared(),
    );
    const initiative = replayInitiative(events) as Initiative;
    expect(initiativeProgress(initiative, type)).toMatchObject({
      percentage: 100,
      goalReached: false,
    });
    const closed = decideInitiative(initiative, { type: "close" }, context("2027-05-11"));
    expect(closed.ok && closed.value.map((e) => e.type)).toEqual(["rejected"]);
    const waiting = run([
      ["2027-01-04", { type: "create", id: "x", scope: "city", by: author, byGroup: true }],
      ["2027-01-04", { type: "send-to-validation", by: author }],
    ]);
    const state = replayInitiative(waiting);
    expect(decideInitiative(state, { type: "close" }, context("2027-03-05"))).toMatchObject({
      value: [],
    });
    const late = decideInitiative(state, { type: "close" }, context("2027-03-06"));
    expect(late.ok && late.value).toEqual([
      { type: "discarded", at: "2027-03-06T09:00:00Z", reason: "validation-timeout" },
    ]);
  });

  it("refuses with a code for every rule: the catalogue of refusals", () => {
    const published = replayInitiative(prepared()) as Initiative;
    const signedOnce = replayInitiative(
      run([["2027-02-01", { type: "sign", signer: citizen("d1", "north") }]], prepared()),
    ) as Initiative;
    const created = replayInitiative(
      run([["2027-01-04", { type: "create", id: "c", scope: "city", by: author }]]),
    ) as Initiative;
    const offlineType: InitiativeType = { ...type, signatureType: "offline" };
    const onlineType: InitiativeType = {
      ...type,
      signatureType: "online",
      undoOnlineSignatures: false,
    };
    const noCommittee: InitiativeType = { ...type, promotingCommittee: false };
    const cases: [string, Initiative | undefined, unknown, InitiativeContext][] = [
      ["invalid-initiative-command", published, { type: "sign" }, context("2027-02-01")],
      [
        "initiative-exists",
        published,
        { type: "create", id: "again", scope: "city", by: author },
        context("2027-02-01"),
      ],
      [
        "unknown-initiative-scope",
        undefined,
        { type: "create", id: "y", scope: "moon", by: author },
        context("2027-02-01"),
      ],
      [
        "admin-only",
        published,
        { type: "enter-paper-batch", batch: "b", scope: "city", signatures: 3, by: author },
        context("2027-02-01"),
      ],
      [
        "authors-only",
        created,
        { type: "join-committee", member: "ben", by: { id: "ben" } },
        context("2027-02-01"),
      ],
      ["wrong-state", created, { type: "publish", by: admin }, context("2027-02-01")],
      [
        "no-committee",
        created,
        { type: "join-committee", member: "ben", by: author },
        context("2027-02-01", { type: noCommittee }),
      ],
      [
        "already-committee-member",
        created,
        { type: "join-committee", member: "ana", by: author },
        context("2027-02-01"),
      ],
      [
        "not-enough-committee-members",
        created,
        { type: "send-to-validation", by: author },
        context("2027-02-01"),
      ],
      [
        "signatures-closed",
        published,
        { type: "sign", signer: citizen("d9", "north") },
        context("2027-05-11"),
      ],
      [
        "online-signatures-not-accepted",
        published,
        { type: "sign", signer: citizen("d9", "north") },
        context("2027-02-01", { type: offlineType }),
      ],
      [
        "offline-signatures-not-accepted",
        published,
        { type: "enter-paper-batch", batch: "b", scope: "city", signatures: 3, by: admin },
        context("2027-02-01", { type: onlineType }),
      ],
      [
        "not-eligible",
        published,
        { type: "sign", signer: citizen("d9", "north", false) },
        context("2027-02-01"),
      ],
      [
        "not-in-scope",
        published,
        { type: "sign", signer: citizen("d9", "elsewhere") },
        context("2027-02-01"),
      ],
      [
        "already-signed",
        signedOnce,
        { type: "sign", signer: citizen("d1", "north") },
        context("2027-02-02"),
      ],
      [
        "not-signed",
        published,
        { type: "unsign", signer: citizen("d9", "north") },
        context("2027-02-01"),
      ],
      [
        "unsigning-not-allowed",
        signedOnce,
        { type: "unsign", signer: citizen("d1", "north") },
        context("2027-02-02", { type: onlineType }),
      ],
      [
        "batch-already-entered",
        replayInitiative(
          run(
            [
              [
                "2027-02-01",
                { type: "enter-paper-batch", batch: "b", scope: "city", signatures: 2, by: admin },
              ],
            ],
            prepared(),
          ),
        ),
        { type: "enter-paper-batch", batch: "b", scope: "city", signatures: 2, by: admin },
        context("2027-02-02"),
      ],
      ["signature-period-running", published, { type: "reject", by: admin }, context("2027-02-01")],
      ["goal-not-reached", published, { type: "accept", by: admin }, context("2027-06-01")],
      [
        "goal-reached",
        replayInitiative(
          run(
            [
              [
                "2027-02-01",
                { type: "enter-paper-batch", batch: "n", scope: "north", signatures: 2, by: admin },
              ],
              [
                "2027-02-01",
                { type: "enter-paper-batch", batch: "s", scope: "south", signatures: 2, by: admin },
              ],
              [
                "2027-02-01",
                { type: "enter-paper-batch", batch: "c", scope: "city", signatures: 4, by: admin },
              ],
            ],
            prepared(),
          ),
        ),
        { type: "reject", by: admin },
        context("2027-06-01"),
      ],
      [
        "invalid-signature-end",
        replayInitiative(
          run([
            [
              "2027-01-04",
              {
                type: "create",
                id: "e",
                scope: "city",
                by: author,
                byGroup: true,
                signatureEnd: "2027-01-01",
              },
            ],
            ["2027-01-04", { type: "send-to-validation", by: author }],
          ]),
        ),
        { type: "publish", by: admin },
        context("2027-01-05"),
      ],
    ];
    const seen = new Set<string>();
    for (const [code, initiative, command, ctx] of cases) {
      const decided = decideInitiative(initiative, command, ctx);
      expect(decided.ok, code).toBe(false);
      if (!decided.ok) {
        expect(decided.issues[0]?.code, code).toBe(code);
        expect(decided.issues[0]?.message).not.toMatch(/\[object/);
        seen.add(decided.issues[0]?.code as string);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(initiativeIssueMessages).sort());
  });

  it("never breaks an invariant under random commands, and replaying the log gives the same initiative (model-based)", () => {
    const people = ["p1", "p2", "p3", "p4", "p5"];
    const scopes = ["north", "south", "elsewhere"];
    const command = fc.oneof(
      { depthSize: "small", withCrossShrink: false },
      fc.constantFrom(
        { type: "join-committee", member: "ben", by: author },
        { type: "join-committee", member: "chloé", by: author },
        { type: "send-to-validation", by: author },
        { type: "publish", by: admin },
        { type: "discard", by: admin },
        { type: "close" },
        { type: "accept", by: admin },
        { type: "reject", by: admin },
      ),
      fc.record({
        type: fc.constantFrom("sign", "unsign"),
        signer: fc.record({
          id: fc.constantFrom(...people),
          verified: fc.boolean(),
          scopes: fc.constantFrom(...scopes).map((s) => [s]),
        }),
      }),
      fc.record({
        type: fc.constant("enter-paper-batch"),
        batch: fc.constantFrom("b1", "b2", "b3"),
        scope: fc.constantFrom("city", "north", "south"),
        signatures: fc.integer({ min: 1, max: 3 }),
        by: fc.constant(admin),
      }),
    );
    const types = fc.record({
      signatureType: fc.constantFrom("online" as const, "offline" as const, "any" as const),
      undoOnlineSignatures: fc.boolean(),
      childScopeThreshold: fc.boolean(),
    });
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        types,
        fc.array(fc.tuple(command, fc.integer({ min: 0, max: 30 })), {
          minLength: 10,
          maxLength: 60,
          size: "max",
        }),
        (variant, steps) => {
          // Low thresholds, so that random runs reach acceptance too.
          const kind: InitiativeType = {
            ...type,
            ...variant,
            scopes: [
              { scope: "city", supportsRequired: 2 },
              { scope: "north", supportsRequired: 1, parent: "city" },
              { scope: "south", supportsRequired: 1, parent: "city" },
            ],
          };
          const events: InitiativeEvent[] = [];
          let day = Date.UTC(2027, 0, 4);
          const today = () => new Date(day).toISOString().slice(0, 10);
          const decide = (cmd: unknown) => {
            const ctx = { ...context(today()), type: kind };
            const before = replayInitiative(events);
            const decided = decideInitiative(before, cmd, ctx);
            // Pure: the same question, the same answer.
            expect(decideInitiative(before, cmd, ctx)).toEqual(decided);
            if (decided.ok) events.push(...decided.value);
          };
          decide({ type: "create", id: "i", scope: "city", by: author });
          const finals = new Set(["discarded", "accepted", "rejected"]);
          let previous = replayInitiative(events) as Initiative;
          for (const [cmd, wait] of steps) {
            day += wait * 86_400_000;
            decide(cmd);
            const now = replayInitiative(events) as Initiative;
            // A final state never changes; nothing happens to it.
            if (finals.has(previous.status)) expect(now).toEqual(previous);
            // One online signature per person, in scopes of the initiative only.
            for (const [, signed] of now.online) {
              expect(new Set(signed).size).toBe(signed.length);
              for (const scope of signed) expect(["city", "north", "south"]).toContain(scope);
            }
            const progress = initiativeProgress(now, kind);
            expect(progress.percentage).toBeGreaterThanOrEqual(0);
            expect(progress.percentage).toBeLessThanOrEqual(100);
            expect(progress.online + progress.paper).toBe(progress.supports);
            if (kind.signatureType === "offline") expect(progress.online).toBe(0);
            if (kind.signatureType === "online") expect(progress.paper).toBe(0);
            if (now.status === "accepted") expect(progress.goalReached).toBe(true);
            if (now.status === "rejected") expect(progress.goalReached).toBe(false);
            if (now.signatureStart !== undefined)
              expect((now.signatureStart as string) <= (now.signatureEnd as string)).toBe(true);
            if (!["created"].includes(now.status) && !now.byGroup && kind.promotingCommittee)
              expect(now.committee.length).toBeGreaterThanOrEqual(kind.minimumCommitteeMembers);
            previous = now;
            reached.add(now.status);
          }
          // Replay gives the same initiative as applying the events one at a time.
          const stepwise = events.reduce<Initiative | undefined>(
            (state, event) => applyInitiativeEvent(state, event),
            undefined,
          );
          expect(replayInitiative(events)).toEqual(stepwise);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    // The random runs went through every state.
    expect([...reached].sort()).toEqual([
      "accepted",
      "created",
      "discarded",
      "published",
      "rejected",
      "validating",
    ]);
  });
});
