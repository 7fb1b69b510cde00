import type { Issue } from "../../core/issue.js";
import { fail, ok, type Result } from "../../core/result.js";
import { seededRandom } from "../../core/seededRandom.js";
import {
  type BudgetingIssueCode,
  type BudgetingIssueParams,
  budgetingIssue,
} from "../budgetingIssues.js";
import { canAdd, canRemove, canSubmit } from "./ballotChecks.js";
import type { BallotRules } from "./ballotRules.js";

/**
 * How the budgets of one component may be voted (Decidim's workflows): `one` (any one
 * budget), `all` (every budget once), `random` (Decidim's rule, not random: the budgets
 * sorted by id, the one at index voter number mod count, an order already in progress
 * elsewhere honoured) and `seeded` (a real draw: the budget chosen uniformly from the seed
 * and the voter's id, reproducible by anyone with the seed).
 *
 * @category Voting
 * @example
 * ```ts
 * const workflow: OrderWorkflow = { type: "random" };
 * ```
 */
export type OrderWorkflow =
  | { readonly type: "one" }
  | { readonly type: "all" }
  | { readonly type: "random" }
  | { readonly type: "seeded"; readonly seed: string };

/**
 * A voter's order in one budget: the projects in it and whether it is checked out.
 *
 * @category Voting
 * @example
 * ```ts
 * const order: Order = { voter: "ana", budget: "north", projects: ["tram"], checkedOut: false };
 * ```
 */
export interface Order {
  readonly voter: string;
  readonly budget: string;
  readonly projects: readonly string[];
  readonly checkedOut: boolean;
}

/**
 * Every live order, by voter and budget (`${voter} ${budget}` keys are not used: a Map of
 * Maps, so any id is data).
 *
 * @category Voting
 * @example
 * ```ts
 * const state: OrdersState = emptyOrders();
 * ```
 */
export interface OrdersState {
  readonly orders: ReadonlyMap<string, ReadonlyMap<string, Order>>;
}

/**
 * A command on orders: add or remove a project, check out, or cancel a checked-out order
 * (which discards it: the voter starts again, as in Decidim).
 *
 * @category Voting
 * @example
 * ```ts
 * const command: OrderCommand = { type: "add", voter: "ana", budget: "north", project: "tram" };
 * ```
 */
export type OrderCommand =
  | {
      readonly type: "add";
      readonly voter: string;
      readonly budget: string;
      readonly project: string;
    }
  | {
      readonly type: "remove";
      readonly voter: string;
      readonly budget: string;
      readonly project: string;
    }
  | { readonly type: "checkout"; readonly voter: string; readonly budget: string }
  | { readonly type: "cancel"; readonly voter: string; readonly budget: string };

/**
 * What an accepted command records; replaying the events rebuilds the state.
 *
 * @category Voting
 * @example
 * ```ts
 * const event: OrderEvent = { type: "added", voter: "ana", budget: "north", project: "tram" };
 * ```
 */
export type OrderEvent =
  | {
      readonly type: "added";
      readonly voter: string;
      readonly budget: string;
      readonly project: string;
    }
  | {
      readonly type: "removed";
      readonly voter: string;
      readonly budget: string;
      readonly project: string;
    }
  | { readonly type: "checked-out"; readonly voter: string; readonly budget: string }
  | { readonly type: "cancelled"; readonly voter: string; readonly budget: string };

/**
 * What order commands are checked against: whether voting is open now (from the process
 * calendar's `isAllowed` for the voting capability, passed in so this stays pure), the
 * budgets with their ballot rules and (optionally) who may vote in each, the workflow, and
 * each voter's number for Decidim's `random` workflow.
 *
 * @category Voting
 * @example
 * ```ts
 * const context: OrdersContext = { votingOpen: true, workflow: { type: "one" }, budgets: [{ id: "north", rules }] };
 * ```
 */
export interface OrdersContext {
  readonly votingOpen: boolean;
  readonly workflow: OrderWorkflow;
  readonly budgets: readonly {
    readonly id: string;
    readonly rules: BallotRules;
    /** Whether a voter may vote in this budget (a district, through calendar's eligibility); none: anyone. */
    readonly eligible?: (voter: string) => boolean;
  }[];
  /** Decidim's `random` workflow: the voter's number (Decidim uses the user's id). */
  readonly voterNumber?: (voter: string) => number;
}

/**
 * No orders yet.
 *
 * @category Voting
 * @example
 * ```ts
 * emptyOrders().orders.size; //=> 0
 * ```
 */
export function emptyOrders(): OrdersState {
  return { orders: new Map() };
}

function orderOf(state: OrdersState, voter: string, budget: string): Order | undefined {
  return state.orders.get(voter)?.get(budget);
}

/** A voter's live orders: checked out, or in progress (with at least one project). */
function liveOrders(state: OrdersState, voter: string): Order[] {
  return [...(state.orders.get(voter)?.values() ?? [])].filter(
    (order) => order.checkedOut || order.projects.length > 0,
  );
}

/**
 * Applies one event to the state (no checks: events were accepted when recorded).
 *
 * @category Voting
 * @example
 * ```ts
 * applyOrderEvent(emptyOrders(), { type: "added", voter: "ana", budget: "north", project: "tram" });
 * ```
 */
export function applyOrderEvent(state: OrdersState, event: OrderEvent): OrdersState {
  const byVoter = new Map(state.orders);
  const budgets = new Map(byVoter.get(event.voter) ?? []);
  fileOrder(budgets, event);
  byVoter.set(event.voter, budgets);
  return { orders: byVoter };
}

/** The voter's order in the event's budget after the event (cancelled: none), written in place. */
function fileOrder(budgets: Map<string, Order>, event: OrderEvent): void {
  const order = budgets.get(event.budget) ?? {
    voter: event.voter,
    budget: event.budget,
    projects: [],
    checkedOut: false,
  };
  switch (event.type) {
    case "added":
      budgets.set(event.budget, { ...order, projects: [...order.projects, event.project] });
      break;
    case "removed":
      budgets.set(event.budget, {
        ...order,
        projects: order.projects.filter((id) => id !== event.project),
      });
      break;
    case "checked-out":
      budgets.set(event.budget, { ...order, checkedOut: true });
      break;
    case "cancelled":
      budgets.delete(event.budget);
      break;
  }
}

/**
 * The state an event log leads to.
 *
 * @category Voting
 * @example
 * ```ts
 * replayOrders(events).orders.get("ana")?.get("north")?.checkedOut;
 * ```
 */
export function replayOrders(events: readonly OrderEvent[]): OrdersState {
  // Built in place (one map per voter, made here), not through applyOrderEvent's copies:
  // a log of a million events replays in linear time.
  const orders = new Map<string, Map<string, Order>>();
  for (const event of events) {
    let budgets = orders.get(event.voter);
    if (budgets === undefined) {
      budgets = new Map();
      orders.set(event.voter, budgets);
    }
    fileOrder(budgets, event);
  }
  return { orders };
}

function orderIssue<C extends BudgetingIssueCode>(
  code: C,
  message: string,
  params: BudgetingIssueParams[C],
): Issue {
  return budgetingIssue(code, ["command"], message, ...([params] as never));
}

/** The budget a seeded draw gives a voter: uniform over the budgets sorted by id. */
function seededBudget(ids: readonly string[], seed: string, voter: string): string | undefined {
  const sorted = [...ids].sort();
  return sorted[Math.floor(seededRandom(`${seed}\u0000${voter}`)() * sorted.length)];
}

/** Whether the workflow lets the voter vote in this budget now (Decidim's `vote_allowed?`). */
function workflowIssue(
  state: OrdersState,
  context: OrdersContext,
  voter: string,
  budget: string,
): Issue | undefined {
  const live = liveOrders(state, voter);
  const voted = live.filter((order) => order.checkedOut).map((order) => order.budget);
  const progress = live.filter((order) => !order.checkedOut).map((order) => order.budget);
  const params = { voter, budget, workflow: context.workflow.type };
  if (context.workflow.type === "all") {
    return voted.includes(budget)
      ? orderIssue("already-voted", `${voter} has already voted in ${budget}`, params)
      : undefined;
  }
  if (voted.length > 0)
    return orderIssue(
      "already-voted",
      `${voter} has already voted in ${voted[0]}, and may vote in one budget only`,
      {
        ...params,
        votedIn: voted[0],
      },
    );
  if (progress.length > 0)
    return progress.includes(budget)
      ? undefined
      : orderIssue(
          "order-in-progress-elsewhere",
          `${voter} has an order in progress in ${progress[0]}: finish or empty it first`,
          {
            ...params,
            inProgress: progress[0],
          },
        );
  if (context.workflow.type === "one") return undefined;
  const ids = context.budgets.map((candidate) => candidate.id);
  let assigned: string | undefined;
  if (context.workflow.type === "random") {
    const sorted = [...ids].sort();
    const number = context.voterNumber?.(voter);
    if (number === undefined)
      return orderIssue(
        "missing-voter-number",
        "the random workflow needs each voter's number",
        params,
      );
    assigned = sorted[((number % sorted.length) + sorted.length) % sorted.length];
  } else assigned = seededBudget(ids, context.workflow.seed, voter);
  return assigned === budget
    ? undefined
    : orderIssue("not-assigned-budget", `${voter} votes in ${assigned}, not ${budget}`, {
        ...params,
        assigned,
      });
}

/**
 * Applies an order command: the new state and the event to store, or why it is refused.
 * Every command needs voting open (cancel too: Decidim forgets that guard), a known budget
 * the voter is eligible for and the workflow's leave; then add and remove need an order not
 * checked out and the ballot rules' `canAdd` / `canRemove`, checkout needs `canSubmit`, and
 * cancel needs a checked-out order, which it discards.
 *
 * @category Voting
 * @example
 * ```ts
 * const step = orderTransition(emptyOrders(), { type: "add", voter: "ana", budget: "north", project: "tram" }, context);
 * if (step.ok) events.push(step.value.event);
 * ```
 */
export function orderTransition(
  state: OrdersState,
  command: OrderCommand,
  context: OrdersContext,
): Result<{ readonly state: OrdersState; readonly event: OrderEvent }> {
  const { voter, budget } = command;
  const params = { voter, budget };
  if (!context.votingOpen) return fail([orderIssue("voting-closed", "voting is not open", params)]);
  const known = context.budgets.find((candidate) => candidate.id === budget);
  if (known === undefined)
    return fail([orderIssue("unknown-budget", `there is no budget ${budget}`, params)]);
  if (known.eligible !== undefined && !known.eligible(voter))
    return fail([orderIssue("not-eligible", `${voter} may not vote in ${budget}`, params)]);
  const order = orderOf(state, voter, budget);
  const step = (event: OrderEvent) => ok({ state: applyOrderEvent(state, event), event });
  if (command.type === "cancel")
    return order?.checkedOut === true
      ? step({ type: "cancelled", voter, budget })
      : fail([
          orderIssue(
            "order-not-checked-out",
            `${voter} has no checked-out order in ${budget} to cancel`,
            params,
          ),
        ]);
  if (order?.checkedOut === true)
    return fail([
      orderIssue(
        "order-checked-out",
        `${voter}'s order in ${budget} is checked out: cancel it to change it`,
        params,
      ),
    ]);
  const refused = workflowIssue(state, context, voter, budget);
  if (refused !== undefined) return fail([refused]);
  const ballot = { projects: order?.projects ?? [] };
  switch (command.type) {
    case "add": {
      const allowed = canAdd(known.rules, ballot, command.project);
      return allowed.ok
        ? step({ type: "added", voter, budget, project: command.project })
        : allowed;
    }
    case "remove": {
      const allowed = canRemove(known.rules, ballot, command.project);
      return allowed.ok
        ? step({ type: "removed", voter, budget, project: command.project })
        : allowed;
    }
    case "checkout": {
      const allowed = canSubmit(known.rules, ballot);
      return allowed.ok ? step({ type: "checked-out", voter, budget }) : allowed;
    }
  }
}
