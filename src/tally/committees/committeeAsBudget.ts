import type { PbElection } from "../../budgeting/election/election.js";
import type { PbOutcome } from "../../budgeting/outcome.js";
import { ownValue } from "../../core/idRecord.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { ballotsOf, completedCommittees, outcome, sizeCheck } from "./committeeSearch.js";

/**
 * An approval committee election as the participatory budget it is: every candidate a
 * project costing 1, a budget of `seats`, every ballot a voter whose multiplicity is its
 * weight. Fractional weights are all multiplied by their least common denominator (1.5
 * and 2 become 3 and 4): every committee rule here picks the same committees when all
 * weights are scaled by one number. Ballots of weight 0 are left out.
 *
 * This is the one conversion by which committee rules run budgeting's engines
 * (sequential Phragmén, maximin support, equal shares).
 *
 * @category Committees
 * @example
 * ```ts
 * const election = committeeAsBudget(profile, 3);
 * if (election.ok) sequentialPhragmen(election.value.instance, election.value.profile);
 * ```
 */
export function committeeAsBudget(profile: ApprovalProfile, seats: number): Result<PbElection> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const { weights } = ballotsOf(profile);
  return ok({
    instance: {
      budget: BigInt(seats),
      scale: 0,
      projects: profile.candidates.map((id) => ({
        id,
        cost: 1n,
        name: ownValue(profile.names, id) ?? id,
        categories: [],
        targets: [],
        fields: {},
      })),
      meta: {},
      projectColumns: ["project_id", "cost"],
    },
    profile: {
      voteType: "approval",
      ballots: profile.ballots.flatMap((ballot, b) =>
        (weights[b] as number) > 0
          ? [{ projects: ballot.approved, multiplicity: weights[b] as number }]
          : [],
      ),
      voteColumns: ["voter_id", "vote"],
    },
  });
}

/**
 * The most runs {@link followTiedRuns} makes before giving up with the issue
 * `committee-search-too-large`.
 *
 * @internal
 */
export const TIED_RUN_LIMIT = 20_000;

/**
 * Every outcome a sequential budgeting rule can reach when each of its ties may go either
 * way. `run` counts with ties broken by the given order of ids and reports in each
 * selected step the projects that tied with it (`tiedWith`). The search reruns with the
 * tied project moved just after the purchases before it: the earlier steps repeat (each
 * tie again goes to the earliest in order, the purchase already made), and that step buys
 * the other project. Each tied path is counted once.
 *
 * @internal
 */
export function followTiedRuns(
  candidates: readonly string[],
  run: (order: readonly string[]) => Result<PbOutcome>,
): Result<PbOutcome[]> {
  const outcomes: PbOutcome[] = [];
  const pending: { order: readonly string[]; from: number }[] = [{ order: candidates, from: 0 }];
  for (let runs = 0; pending.length > 0; runs++) {
    if (runs >= TIED_RUN_LIMIT)
      return fail([
        tallyIssue(
          "committee-search-too-large",
          ["seats"],
          `more than ${TIED_RUN_LIMIT} tied paths to follow`,
          { limit: TIED_RUN_LIMIT },
        ),
      ]);
    const { order, from } = pending.pop() as { order: readonly string[]; from: number };
    const counted = run(order);
    if (!counted.ok) return counted;
    outcomes.push(counted.value);
    const steps = counted.value.explanation.filter((step) => step.action === "selected");
    for (let k = steps.length - 1; k >= from; k--) {
      const before = steps.slice(0, k).map((step) => step.project);
      for (const other of steps[k]?.tiedWith ?? []) {
        const first = [...before, other];
        const rest = candidates.filter((candidate) => !first.includes(candidate));
        pending.push({ order: [...first, ...rest], from: k + 1 });
      }
    }
  }
  return ok(outcomes);
}

/**
 * A committee rule that is a sequential budget rule: every committee the rule reaches on
 * the committee as a budget, each tie followed, completed by the candidates nobody
 * approves in every way.
 *
 * @internal
 */
export function budgetRuleCommittees(
  profile: ApprovalProfile,
  seats: number,
  method: string,
  note: string,
  run: (election: PbElection, order: readonly string[]) => Result<PbOutcome>,
): Result<TallyOutcome> {
  const election = committeeAsBudget(profile, seats);
  if (!election.ok) return election;
  const runs = followTiedRuns(profile.candidates, (order) => run(election.value, order));
  if (!runs.ok) return runs;
  const committees = runs.value.flatMap((outcome) =>
    completedCommittees(profile, outcome.selected, seats),
  );
  return outcome(method, profile, committees, note);
}
