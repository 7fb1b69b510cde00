import { describe, expect, it } from "vitest";
import {
  type BallotRules,
  ballotRulesFromJson,
  emptyOrders,
  greedy,
  type OrderCommand,
  type OrdersContext,
  ordersToPbElection,
  orderTransition,
} from "../../../src/budgeting/index.js";
import { checkPbElectionText, parsePabulib, writePabulib } from "../../../src/io/index.js";

function rules(json: unknown): BallotRules {
  const read = ballotRulesFromJson(json);
  if (!read.ok) throw new Error(read.issues[0]?.message);
  return read.value;
}

const threshold = rules({
  currency: "EUR",
  rule: { type: "threshold-percent", budget: "1000", percent: 50 },
  projects: [
    { id: "tram", cost: "600" },
    { id: "park", cost: "300" },
    { id: "bench", cost: "200" },
  ],
});

/** Orders made through the lifecycle, one pending. */
function vote(): ReturnType<typeof emptyOrders> {
  const context: OrdersContext = {
    votingOpen: true,
    workflow: { type: "one" },
    budgets: [{ id: "b", rules: threshold }],
  };
  const commands: OrderCommand[] = [
    { type: "add", voter: "ana", budget: "b", project: "tram" },
    { type: "checkout", voter: "ana", budget: "b" },
    { type: "add", voter: "ben", budget: "b", project: "park" },
    { type: "add", voter: "ben", budget: "b", project: "bench" },
    { type: "checkout", voter: "ben", budget: "b" },
    { type: "add", voter: "cy", budget: "b", project: "park" },
  ];
  let state = emptyOrders();
  for (const command of commands) {
    const step = orderTransition(state, command, context);
    if (!step.ok) throw new Error(step.issues[0]?.message);
    state = step.value.state;
  }
  return state;
}

describe("ordersToPbElection", () => {
  it("exports checked-out orders as a Pabulib file that pb check and pb run read without a warning", () => {
    const orders = [...vote().orders.values()].flatMap((byBudget) => [...byBudget.values()]);
    const election = ordersToPbElection(threshold, orders, { description: "test" });
    if (!election.ok) throw new Error(election.issues[0]?.message);
    expect(election.value.profile.ballots.map((ballot) => ballot.voterId)).toEqual(["1", "2"]);
    expect(election.value.instance.meta).toMatchObject({
      num_votes: "2",
      budget: "1000",
      min_sum_cost: "500",
      max_sum_cost: "1000",
    });
    const text = writePabulib(election.value);
    if (!text.ok) throw new Error(text.issues[0]?.message);
    expect(text.value).not.toContain("ana");
    expect(checkPbElectionText(text.value)).toEqual([]);
    const read = parsePabulib(text.value);
    expect(read.ok && read.warnings).toEqual([]);
    if (!read.ok) return;
    // Any rule counts it: greedy by votes (one each), ties to the lower cost.
    const counted = greedy(read.value.instance, read.value.profile);
    expect(counted.ok && counted.value.selected).toEqual(["bench", "park"]);
  });
});
