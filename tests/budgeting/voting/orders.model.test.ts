import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BallotRules,
  ballotRulesFromJson,
  canSubmit,
  emptyOrders,
  type OrderCommand,
  type OrderEvent,
  type OrdersContext,
  type OrdersState,
  type OrderWorkflow,
  orderTransition,
  replayOrders,
} from "../../../src/budgeting/index.js";
import type { Result } from "../../../src/core/index.js";

function rules(json: unknown): BallotRules {
  const read = ballotRulesFromJson(json);
  if (!read.ok) throw new Error(read.issues[0]?.message);
  return read.value;
}

const projects = ["p0", "p1", "p2", "p3"].map((id, k) => ({ id, cost: String(100 * (k + 1)) }));
const budgets = [
  {
    id: "north",
    rules: rules({ rule: { type: "threshold-percent", budget: "500", percent: 60 }, projects }),
  },
  {
    id: "south",
    rules: rules({ rule: { type: "selected-projects", minimum: 1, maximum: 2 }, projects }),
  },
  {
    id: "centre",
    rules: rules({ rule: { type: "minimum-projects", budget: "600", minimum: 2 }, projects }),
  },
];
const voters = ["ana", "ben", "cy"];

const arbitraryCommand: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.record({
    type: fc.constantFrom("add" as const, "remove" as const),
    voter: fc.constantFrom(...voters),
    budget: fc.constantFrom("north", "south", "centre", "nowhere"),
    project: fc.constantFrom("p0", "p1", "p2", "p3", "px"),
  }),
  fc.record({
    type: fc.constantFrom("checkout" as const, "cancel" as const),
    voter: fc.constantFrom(...voters),
    budget: fc.constantFrom("north", "south", "centre"),
  }),
);
const arbitraryWorkflow: fc.Arbitrary<OrderWorkflow> = fc.constantFrom(
  { type: "one" },
  { type: "all" },
  { type: "random" },
  { type: "seeded", seed: "2026" },
);

type Transition = (
  state: OrdersState,
  command: OrderCommand,
  context: OrdersContext,
) => Result<{ readonly state: OrdersState; readonly event: OrderEvent }>;

/** Runs the commands, then checks what must always hold; returns a violation or undefined. */
function violation(
  transition: Transition,
  workflow: OrderWorkflow,
  commands: readonly OrderCommand[],
): string | undefined {
  const context: OrdersContext = {
    votingOpen: true,
    workflow,
    budgets,
    voterNumber: (voter) => voters.indexOf(voter) + 7,
  };
  let state = emptyOrders();
  const events: OrderEvent[] = [];
  for (const command of commands) {
    const step = transition(state, command, context);
    if (step.ok) {
      state = step.value.state;
      events.push(step.value.event);
    }
  }
  for (const [voter, orders] of state.orders) {
    const live = [...orders.values()].filter(
      (order) => order.checkedOut || order.projects.length > 0,
    );
    if (workflow.type !== "all" && live.length > 1)
      return `${voter} has ${live.length} live orders`;
    for (const order of live) {
      const rulesOf = budgets.find((budget) => budget.id === order.budget)?.rules;
      if (rulesOf === undefined) return `an order in an unknown budget ${order.budget}`;
      if (order.checkedOut && !canSubmit(rulesOf, order).ok)
        return `${voter}'s checked-out order in ${order.budget} breaks its rule`;
    }
  }
  const replayed = replayOrders(events);
  if (
    JSON.stringify([...replayed.orders].map(([v, o]) => [v, [...o]])) !==
    JSON.stringify([...state.orders].map(([v, o]) => [v, [...o]]))
  )
    return "replay gives another state";
  return undefined;
}

const property = (transition: Transition) =>
  fc.property(
    arbitraryWorkflow,
    fc.array(arbitraryCommand, { maxLength: 40 }),
    (workflow, commands) => {
      expect(violation(transition, workflow, commands)).toBeUndefined();
    },
  );

/** The same property as a predicate, for fc.check to report its counterexample. */
const holds = (transition: Transition) =>
  fc.property(
    arbitraryWorkflow,
    fc.array(arbitraryCommand, { maxLength: 40 }),
    (workflow, commands) => violation(transition, workflow, commands) === undefined,
  );

describe("orders, model-based", () => {
  it("never leaves a checked-out order that breaks its rule, nor two live orders where one is allowed; replay gives the same state", () => {
    fc.assert(property(orderTransition), { numRuns: 400 });
  });

  it("fails on a planted bug: checkout without the rule's check", () => {
    const checkoutAnyway: Transition = (state, command, context) => {
      if (command.type !== "checkout") return orderTransition(state, command, context);
      const event: OrderEvent = {
        type: "checked-out",
        voter: command.voter,
        budget: command.budget,
      };
      return {
        ok: true,
        value: { state: replayOrders([...toEvents(state), event]), event },
        warnings: [],
      };
    };
    const found = fc.check(holds(checkoutAnyway), { numRuns: 400 });
    expect(found.failed).toBe(true);
    const [workflow, commands] = found.counterexample ?? [];
    expect(
      violation(checkoutAnyway, workflow as OrderWorkflow, commands as OrderCommand[]),
    ).toMatch(/breaks its rule/);
  });

  it("fails on a planted bug: the workflow's one-budget guard forgotten", () => {
    const anyBudget: Transition = (state, command, context) =>
      orderTransition(state, command, { ...context, workflow: { type: "all" } });
    const found = fc.check(holds(anyBudget), { numRuns: 400 });
    expect(found.failed).toBe(true);
    const [workflow, commands] = found.counterexample ?? [];
    expect(violation(anyBudget, workflow as OrderWorkflow, commands as OrderCommand[])).toMatch(
      /live orders/,
    );
  });

  it("refuses everything once voting has closed, cancel included", () => {
    const context: OrdersContext = { votingOpen: false, workflow: { type: "one" }, budgets };
    const step = orderTransition(
      emptyOrders(),
      { type: "cancel", voter: "ana", budget: "north" },
      context,
    );
    expect(!step.ok && step.issues[0]?.code).toBe("voting-closed");
  });

  it("follows Decidim's random workflow: budgets sorted by id, voter number mod count", () => {
    const context: OrdersContext = {
      votingOpen: true,
      workflow: { type: "random" },
      budgets,
      voterNumber: () => 4,
    };
    // Sorted ids: centre, north, south; 4 mod 3 = 1 → north.
    const add = (budget: string) =>
      orderTransition(emptyOrders(), { type: "add", voter: "ana", budget, project: "p0" }, context);
    expect(add("north").ok).toBe(true);
    const other = add("south");
    expect(!other.ok && other.issues[0]).toMatchObject({
      code: "not-assigned-budget",
      params: { assigned: "north" },
    });
  });
});

/** The events that rebuild a state (orders' projects and checkouts), for the planted bug. */
function toEvents(state: OrdersState): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (const [voter, orders] of state.orders)
    for (const order of orders.values()) {
      for (const project of order.projects)
        events.push({ type: "added", voter, budget: order.budget, project });
      if (order.checkedOut) events.push({ type: "checked-out", voter, budget: order.budget });
    }
  return events;
}

describe("per-budget eligibility through calendar's policies", () => {
  it("refuses a voter who does not live in the budget's district", async () => {
    const { checkEligibility } = await import("../../../src/calendar/index.js");
    const residents: Record<string, { id: string; scopes: string[] }> = {
      ana: { id: "ana", scopes: ["north"] },
      ben: { id: "ben", scopes: ["south"] },
    };
    const districtOf = (district: string) => (voter: string) => {
      const participant = residents[voter];
      return (
        participant !== undefined &&
        checkEligibility({ residentOf: [district] }, participant).eligible
      );
    };
    const context: OrdersContext = {
      votingOpen: true,
      workflow: { type: "all" },
      budgets: budgets.map((budget) => ({ ...budget, eligible: districtOf(budget.id) })),
    };
    const add = (voter: string, budget: string) =>
      orderTransition(emptyOrders(), { type: "add", voter, budget, project: "p0" }, context);
    expect(add("ana", "north").ok).toBe(true);
    const refused = add("ben", "north");
    expect(!refused.ok && refused.issues[0]).toMatchObject({
      code: "not-eligible",
      params: { voter: "ben", budget: "north" },
    });
  });
});
