import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ballotRulesFor,
  emptyOrders,
  methodOfEqualShares,
  type OrderCommand,
  type OrdersContext,
  type OrdersState,
  ordersToPbElection,
  orderTransition,
} from "../../../src/budgeting/index.js";
import { isAllowed, validateProcess } from "../../../src/calendar/index.js";
import { parseProposalEventLog, writePabulib } from "../../../src/io/index.js";
import { replay, toBudgetInstance } from "../../../src/proposals/index.js";
import { repoRoot } from "../../helpers/data.js";

/*
 * Angers' participatory budget carried from the ideas to a result: the accepted ideas of
 * examples/proposals/angers-ideas.events.json become the projects of a 100,000 EUR budget,
 * residents vote under Decidim's default rule (at least 70% of the budget) while the
 * calendar's vote phase is open, and the checked-out orders are counted by equal shares.
 * The voters and their choices are illustrative.
 */
const examples = join(repoRoot, "examples");
const log = parseProposalEventLog(
  readFileSync(join(examples, "proposals", "angers-ideas.events.json"), "utf8"),
);
const calendar = validateProcess(
  JSON.parse(
    readFileSync(join(examples, "calendar", "angers-budget-participatif-2026.json"), "utf8"),
  ),
);

describe("Angers, from ideas to a funded set of projects", () => {
  it("votes on the accepted ideas while the vote phase is open, then counts", () => {
    if (!log.ok || !calendar.ok) throw new Error("the examples do not read");
    const instance = toBudgetInstance(replay(log.value), { budget: 100_000n, scale: 0 });
    if (!instance.ok) throw new Error(instance.issues[0]?.message);
    expect(instance.value.projects.map((project) => project.id)).toEqual([
      "i1",
      "i2",
      "i4",
      "i3",
      "i8",
      "i7",
    ]);
    const rules = ballotRulesFor(
      instance.value,
      { type: "threshold-percent", budget: 100_000n, percent: 70 },
      "EUR",
    );
    const open = (at: string) => isAllowed(calendar.value, "budget.vote", Date.parse(at)).allowed;
    const context = (at: string): OrdersContext => ({
      votingOpen: open(at),
      workflow: { type: "one" },
      budgets: [{ id: "angers-2026", rules }],
    });
    const during = "2026-09-20T10:00:00+02:00";
    let state: OrdersState = emptyOrders();
    const refusals: string[] = [];
    const run = (command: OrderCommand, at = during) => {
      const step = orderTransition(state, command, context(at));
      if (step.ok) state = step.value.state;
      else refusals.push(step.issues[0]?.code ?? "");
    };
    const vote = (voter: string, projects: string[]) => {
      for (const project of projects) run({ type: "add", voter, budget: "angers-2026", project });
      run({ type: "checkout", voter, budget: "angers-2026" });
    };
    // Before the vote opens, nothing is accepted.
    run(
      { type: "add", voter: "r-0012", budget: "angers-2026", project: "i1" },
      "2026-06-01T10:00:00+02:00",
    );
    vote("r-0012", ["i7", "i4"]); // 73,000: above 70%
    vote("r-0087", ["i7", "i1", "i2"]); // 72,500
    vote("r-0101", ["i4", "i1", "i3", "i8", "i2"]); // 64,700: below 70%, refused at checkout
    run({ type: "add", voter: "r-0101", budget: "angers-2026", project: "i7" }); // 112,700: over the budget
    run({ type: "remove", voter: "r-0101", budget: "angers-2026", project: "i8" });
    run({ type: "remove", voter: "r-0101", budget: "angers-2026", project: "i2" });
    run({ type: "add", voter: "r-0101", budget: "angers-2026", project: "i7" }); // 103,000: still over
    run({ type: "remove", voter: "r-0101", budget: "angers-2026", project: "i3" });
    run({ type: "add", voter: "r-0101", budget: "angers-2026", project: "i7" }); // 91,000
    run({ type: "checkout", voter: "r-0101", budget: "angers-2026" });
    vote("r-0140", ["i3", "i7", "i8", "i2"]); // 69,700: below
    run({ type: "add", voter: "r-0140", budget: "angers-2026", project: "i1" }); // 87,700
    run({ type: "checkout", voter: "r-0140", budget: "angers-2026" });
    // A voter changes her mind: cancel (the order is discarded), vote again.
    run({ type: "cancel", voter: "r-0087", budget: "angers-2026" });
    vote("r-0087", ["i7", "i4", "i2"]);
    // After the vote closes, cancelling is refused too.
    run({ type: "cancel", voter: "r-0012", budget: "angers-2026" }, "2026-10-20T10:00:00+02:00");
    expect(refusals).toEqual([
      "voting-closed",
      "below-threshold",
      "over-budget",
      "over-budget",
      "below-threshold",
      "voting-closed",
    ]);
    const orders = [...state.orders.values()].flatMap((byBudget) => [...byBudget.values()]);
    expect(orders.filter((order) => order.checkedOut)).toHaveLength(4);
    const election = ordersToPbElection(rules, orders, {
      description: "Angers 2026 (illustrative votes)",
    });
    if (!election.ok) throw new Error(election.issues[0]?.message);
    expect(writePabulib(election.value).ok).toBe(true);
    const result = methodOfEqualShares(election.value.instance, election.value.profile, {
      completion: "add1",
    });
    // Everyone supports i7 (48,000: 12,000 each of 25,000); i4 next (three supporters,
    // price 1/3 per unit of satisfaction), then i2 (two, 1/2); i1's two supporters have
    // 4,667 and 9,750 left, short of 18,000, until add1's raised budgets let them pay.
    expect(result.ok && result.value.selected).toEqual(["i7", "i4", "i2", "i1"]);
    expect(result.ok && result.value.cost).toBe(97_500n);
  });
});
