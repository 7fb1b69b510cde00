/**
 * `npm run bench` (voting): checking a million checkouts against Decidim's threshold rule,
 * and CONSUL's results for 100,000 ballots (counting the ballot lines, then the winners of
 * every heading). Goals (issue 15): ≤ 1 s and ≤ 200 ms. Also the replay of an order log of
 * a million events. Median of 5 runs after a warm one.
 */
import { cpus, totalmem } from "node:os";
import {
  ballotChecker,
  ballotRulesFromJson,
  type ConsulInvestment,
  consulResults,
  consulVotes,
  type OrderEvent,
  replayOrders,
} from "../src/budgeting/index.js";
import { seededRandom } from "../src/core/index.js";

const RUNS = 5;
const median = (run: () => void) => {
  run();
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
};

console.log("\ncivitas voting benchmark");
console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}`,
);

const random = seededRandom("voting");
const projects = Array.from({ length: 50 }, (_, k) => ({
  id: `p${k}`,
  cost: String(10_000 + k * 1000),
}));
const rules = ballotRulesFromJson({
  rule: { type: "threshold-percent", budget: "200000" },
  projects,
});
if (!rules.ok) throw new Error(rules.issues[0]?.message);
const orders = Array.from({ length: 1_000_000 }, () => ({
  projects: Array.from(
    { length: 1 + Math.floor(random() * 8) },
    () => `p${Math.floor(random() * 50)}`,
  ),
}));
const check = ballotChecker(rules.value);
let accepted = 0;
const checking = median(() => {
  accepted = 0;
  for (const order of orders) if (check.canSubmit(order).ok) accepted++;
});
console.log(
  `checking 1,000,000 checkouts (threshold rule, 50 projects): ${checking.toFixed(0)} ms, ${accepted} accepted; goal ≤ 1000 ms: ${checking <= 1000 ? "met" : "MISSED"}`,
);

const headings = Array.from({ length: 20 }, (_, k) => ({ id: `h${k}`, price: 1_000_000n }));
const investments = Array.from({ length: 400 }, (_, k) => ({
  id: String(k + 1),
  heading: `h${k % 20}`,
  price: BigInt(50_000 + Math.floor(random() * 400_000)),
  selected: random() < 0.9,
  compatible: random() < 0.95,
}));
const ballots = Array.from({ length: 100_000 }, () => {
  const heading = Math.floor(random() * 20);
  return {
    investments: Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
      String(1 + heading + 20 * Math.floor(random() * 20)),
    ),
  };
});
let winners = 0;
const results = median(() => {
  const votes = consulVotes(ballots);
  const counted: ConsulInvestment[] = investments.map((investment) => ({
    ...investment,
    votes: votes.get(investment.id) ?? 0,
  }));
  winners = consulResults(headings, counted).reduce(
    (sum, heading) => sum + heading.winners.length,
    0,
  );
});
console.log(
  `CONSUL results for 100,000 ballots (20 headings, 400 investments): ${results.toFixed(1)} ms, ${winners} winners; goal ≤ 200 ms: ${results <= 200 ? "met" : "MISSED"}`,
);

const events: OrderEvent[] = [];
for (let v = 0; v < 250_000; v++) {
  const voter = `v${v}`;
  events.push(
    { type: "added", voter, budget: "b", project: "p1" },
    { type: "added", voter, budget: "b", project: "p2" },
    { type: "removed", voter, budget: "b", project: "p1" },
    { type: "checked-out", voter, budget: "b" },
  );
}
let voters = 0;
const replay = median(() => {
  voters = replayOrders(events).orders.size;
});
console.log(`replaying 1,000,000 order events (${voters} voters): ${replay.toFixed(0)} ms`);
