import { describe, expect, it } from "vitest";
import {
  ballotRulesFor,
  type OrderCommand,
  type OrderEvent,
  type OrdersContext,
  orderTransition,
  replayOrders,
} from "../../src/budgeting/index.js";
import { ok } from "../../src/core/index.js";
import { type ProposalEvent, replay, transition } from "../../src/proposals/index.js";
import { decideAndAppend, memoryEventStore } from "../../src/storage/index.js";
import { approvalElection } from "../helpers/elections.js";
import { context, publishedTwo } from "../proposals/fixture.js";

/** One proposals command on the log: replay, transition, append at the version read. */
const command = (store: ReturnType<typeof memoryEventStore<ProposalEvent>>, input: unknown) =>
  decideAndAppend(store, "ideas", (history) => {
    const decided = transition(replay(history), input, context);
    return decided.ok ? ok(decided.value.events) : decided;
  });

describe("decideAndAppend: the proposals log on an event store", () => {
  it("applies commands, refuses what the rules refuse, and appends nothing then", async () => {
    const store = memoryEventStore<ProposalEvent>();
    for (const input of publishedTwo) expect((await command(store, input)).ok).toBe(true);
    const before = (await store.read("ideas")).length;
    const refused = await command(store, { type: "support", proposal: "p3", participant: "bo" });
    expect(refused.ok).toBe(false);
    expect((await store.read("ideas")).length).toBe(before);
  });

  it("50 supports sent at once all land, each after reading again when another came first", async () => {
    const store = memoryEventStore<ProposalEvent>();
    for (const input of publishedTwo) await command(store, input);
    // A store whose reads wait a turn, so writers really race on the same version.
    const racing = {
      ...store,
      read: async (stream: string) => {
        const history = await store.read(stream);
        await new Promise((resolve) => setTimeout(resolve, 0));
        return history;
      },
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        decideAndAppend(
          racing,
          "ideas",
          (history) => {
            const decided = transition(
              replay(history),
              { type: "support", proposal: "p1", participant: `citizen-${k}` },
              context,
            );
            return decided.ok ? ok(decided.value.events) : decided;
          },
          { attempts: 100 },
        ),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const supports = replay((await store.read("ideas")).map((stored) => stored.event));
    expect(Object.keys(supports.proposals.p1?.supporters ?? {}).length).toBe(50);
  });
});

describe("decideAndAppend: the budget orders' log on an event store", () => {
  it("adds, checks out and refuses as the ballot rules say, appending only what was accepted", async () => {
    const { instance } = approvalElection(100n, { p1: 40n, p2: 40n, p3: 30n }, []);
    const rules = ballotRulesFor(
      instance,
      { type: "threshold-percent", budget: 100n, percent: 70 },
      "EUR",
    );
    const context: OrdersContext = {
      votingOpen: true,
      workflow: { type: "one" },
      budgets: [{ id: "north", rules }],
    };
    const store = memoryEventStore<OrderEvent>();
    const order = (command: OrderCommand) =>
      decideAndAppend(store, "north-orders", (history) => {
        const decided = orderTransition(replayOrders(history), command, context);
        return decided.ok ? ok([decided.value.event]) : decided;
      });
    expect((await order({ type: "add", voter: "ana", budget: "north", project: "p1" })).ok).toBe(
      true,
    );
    const early = await order({ type: "checkout", voter: "ana", budget: "north" });
    expect(!early.ok && early.issues[0]?.code).toBe("below-threshold");
    expect((await order({ type: "add", voter: "ana", budget: "north", project: "p3" })).ok).toBe(
      true,
    );
    expect((await order({ type: "checkout", voter: "ana", budget: "north" })).ok).toBe(true);
    const events = (await store.read("north-orders")).map((stored) => stored.event.type);
    expect(events).toEqual(["added", "added", "checked-out"]);
  });
});
