import { formatRationalAsDecimal, type Rational, rational } from "../../../core/rational.js";
import { fail, ok, type Result } from "../../../core/result.js";
import type { TieBreakingPolicy } from "../../../core/tieBreaking.js";
import { votersPreferring } from "../../analysis/votersPreferring.js";
import { budgetingIssue } from "../../budgetingIssues.js";
import type { PbInstance, PbProject } from "../../election/instance.js";
import { defaultPbTieBreaking } from "../../election/pbTieBreaking.js";
import type { PbProfile } from "../../election/profile.js";
import { defaultSatisfaction, type SatisfactionFunction } from "../../election/satisfaction.js";
import { validatePbElection } from "../../election/validatePbElection.js";
import type { PbOutcome, PbRuleMetadata, PbStep } from "../../outcome.js";
import { greedyCompletion } from "../greedy.js";
import {
  type EqualSharesData,
  type EqualSharesRun,
  type EqualSharesWorkspace,
  equalSharesWorkspace,
  prepareEqualShares,
  runEqualShares,
} from "./equalSharesEngine.js";
import { equalSharesStableUntil } from "./equalSharesStability.js";

/**
 * How equal shares spends what it leaves over:
 * - `none`: plain equal shares at budget/n per voter;
 * - `add1`: the cities' rule: rerun with per-voter budgets ⌊B/n⌋+1, ⌊B/n⌋+2, … (whole
 *   currency units) and keep each outcome while it costs at most B, stopping at the first
 *   that overspends;
 * - `add1-exhaustive`: the same, also stopping once no further project fits;
 * - `greedy`: plain equal shares, then the remaining projects by votes, each if it fits;
 * - `add1-comparison`: `add1`, replaced by the greedy-by-votes outcome when more voters
 *   approve more projects of the greedy outcome than of the equal-shares one (Wieliczka);
 * - `comparison`: the same comparison after plain equal shares (META `equalshares-comparison`).
 *
 * @category Rules
 * @example
 * ```ts
 * methodOfEqualShares(instance, profile, { completion: "add1" });
 * ```
 */
export type EqualSharesCompletion =
  | "none"
  | "add1"
  | "add1-exhaustive"
  | "greedy"
  | "add1-comparison"
  | "comparison";

/**
 * Every {@link EqualSharesCompletion}, in a stable order.
 *
 * @category Rules
 * @example
 * ```ts
 * equalSharesCompletions.includes("add1"); //=> true
 * ```
 */
export const equalSharesCompletions: readonly EqualSharesCompletion[] = [
  "none",
  "add1",
  "add1-exhaustive",
  "greedy",
  "add1-comparison",
  "comparison",
];

/**
 * Options of {@link methodOfEqualShares}.
 *
 * @category Rules
 * @example
 * ```ts
 * const options: EqualSharesOptions = { sat: cardinalitySatisfaction, completion: "add1" };
 * ```
 */
export interface EqualSharesOptions {
  /** Satisfaction of a supporter from a project; default cost satisfaction. */
  readonly sat?: SatisfactionFunction | undefined;
  /** Order among projects with the same price; default lower cost, more votes, id. */
  readonly tieBreaking?: TieBreakingPolicy | undefined;
  /** Default `none`. */
  readonly completion?: EqualSharesCompletion | undefined;
  /** Most reruns an add1 completion may make before giving up with an issue; default 100 000. */
  readonly rerunLimit?: number | undefined;
  /**
   * Reruns with the same selection in a row after which add1 jumps to the next budget at
   * which the run can change; default 16 per project bought plus 16, `Infinity` steps one
   * unit at a time.
   *
   * @internal
   */
  readonly add1JumpAfter?: number | undefined;
}

const DEFAULT_RERUN_LIMIT = 100_000;

/** The per-voter budget add1 reached and the run it kept. */
interface Add1Result {
  readonly run: EqualSharesRun;
  readonly perVoter: Rational;
  /** Which budget of ⌊B/n⌋+1, +2, … it is (0: the plain run at B/n). */
  readonly step: number;
  /** How many runs it took to get there (fewer than steps where budgets were skipped). */
  readonly runs: number;
}

function runCost(data: EqualSharesData, selected: readonly number[]): bigint {
  let total = 0n;
  for (const p of selected) total += (data.projects[p] as PbProject).cost;
  return total;
}

/** Whether no unselected project fits in what `selected` leaves of the budget. */
function isExhaustive(data: EqualSharesData, selected: readonly number[], budget: bigint): boolean {
  const left = budget - runCost(data, selected);
  const chosen = new Set(selected);
  return data.projects.every((project, p) => chosen.has(p) || project.cost > left);
}

/**
 * Looking for the next budget at which a run can change costs about as much as this many
 * runs per project the run buys (exact affine arithmetic against the engine's floats), so
 * add1 looks only after that many reruns in a row gave the same selection: never more
 * than about twice the work of stepping, far less where the outcome stays put for long.
 */
const JUMP_COST_PER_PURCHASE = 16;

function sameSelection(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((p, k) => p === b[k]);
}

/** The smallest multiple of `unit` at or above a positive rational. */
function unitCeiling(value: Rational, unit: bigint): bigint {
  const units = (value.num + value.den * unit - 1n) / (value.den * unit);
  return units * unit;
}

function add1(
  data: EqualSharesData,
  budget: bigint,
  unit: bigint,
  base: EqualSharesRun,
  baseBudget: Rational,
  stopWhenExhaustive: boolean,
  limit: number,
  jumpAfter: number | undefined,
  workspace: EqualSharesWorkspace,
): Result<Add1Result> {
  const n = BigInt(data.voters);
  const supported = data.projects.filter((_, p) => (data.supporters[p] as number) > 0).length;
  let kept: Add1Result = { run: base, perVoter: baseBudget, step: 0, runs: 0 };
  // Whole currency units per voter: ⌊B/n⌋ + 1, + 2, …
  const first = (budget / (n * unit) + 1n) * unit;
  let perVoter = first;
  // Below this, no project is affordable in the first round, so the outcome is empty.
  let firstAffordable: bigint | undefined;
  for (const [p, project] of data.projects.entries()) {
    const voters = BigInt(data.supporters[p] as number);
    if (voters === 0n || project.cost === 0n) continue;
    const need = (project.cost + voters - 1n) / voters;
    if (firstAffordable === undefined || need < firstAffordable) firstAffordable = need;
  }
  // Runs with the same selection as the one before; past `jumpAfter` of them, the next
  // budget is the first at which the run can change (equalSharesStableUntil): the budgets
  // skipped would each rerun to the same selection, so the result is stepping's.
  // Runs that stop early (see below) are compared as they stopped: the same purchases,
  // stopped alike. The wait is measured in the purchases of the last whole run (the
  // analysis follows a whole run), so a run stopped after a few purchases does not call
  // for an analysis sooner.
  let streak = 0;
  let previous = base;
  let wholeLength = base.costVerdict === undefined ? base.selected.length : 0;
  const step = (value: bigint) => Number((value - first) / unit) + 1;
  const wait = (purchases: number) => jumpAfter ?? JUMP_COST_PER_PURCHASE * (purchases + 1);
  for (let runs = 1; ; runs++) {
    if (stopWhenExhaustive && isExhaustive(data, kept.run.selected, budget)) break;
    if (kept.run.selected.length === supported) break;
    if (runs > limit) {
      return fail([
        budgetingIssue(
          "equal-shares-rerun-limit",
          [],
          `the add1 completion needed more than ${limit} reruns; raise rerunLimit or choose another completion`,
          { limit },
        ),
      ]);
    }
    // Only whether the cost is within the budget matters here (add1-exhaustive also reads
    // the selection): the run may stop as soon as that is settled, often well before its end.
    const run = runEqualShares(
      data,
      rational(perVoter),
      false,
      workspace,
      stopWhenExhaustive ? undefined : budget,
    );
    if (run.costVerdict === "over") break;
    if (run.costVerdict === undefined && runCost(data, run.selected) > budget) break;
    streak =
      sameSelection(run.selected, previous.selected) &&
      (run.costVerdict === undefined) === (previous.costVerdict === undefined)
        ? streak + 1
        : 0;
    previous = run;
    if (run.costVerdict === undefined) wholeLength = run.selected.length;
    kept = { run, perVoter: rational(perVoter), step: step(perVoter), runs };
    let next = perVoter + unit;
    if (
      run.costVerdict === undefined &&
      run.selected.length === 0 &&
      firstAffordable !== undefined &&
      firstAffordable > next
    ) {
      next = ((firstAffordable + unit - 1n) / unit) * unit;
      kept = { ...kept, perVoter: rational(next - unit), step: step(next - unit) };
    } else if (streak >= wait(Math.max(wholeLength, run.selected.length))) {
      // The jump needs the whole run (a stopped one is run again to its end); if that buys
      // more than the runs seen whole so far, the wait grows with it.
      const whole =
        run.costVerdict === undefined
          ? run
          : runEqualShares(data, rational(perVoter), false, workspace);
      wholeLength = whole.selected.length;
      kept = { ...kept, run: whole };
      if (streak >= wait(wholeLength)) {
        const until = equalSharesStableUntil(data, whole, rational(perVoter));
        // Never changes again: every higher budget keeps this selection.
        if (until === undefined) break;
        const jump = unitCeiling(until, unit);
        if (jump > next) {
          next = jump;
          kept = { ...kept, perVoter: rational(next - unit), step: step(next - unit) };
        }
        streak = 0;
      }
    }
    perVoter = next;
  }
  // The budget kept was found by a run that stopped early: run it to its end, explaining
  // (the rule's explanation is this run).
  if (kept.run.costVerdict !== undefined)
    kept = { ...kept, run: runEqualShares(data, kept.perVoter, true, workspace) };
  return ok(kept);
}

/** Everything a run of the rule decides, before it is written up. @internal */
export interface EqualSharesComputation {
  readonly data: EqualSharesData;
  readonly perVoter: Rational;
  /** Bought by equal shares (after add1 if any), in order; empty if replaced by greedy. */
  readonly mesSelected: readonly number[];
  /** Added by the greedy completion, or the greedy outcome that replaced equal shares. */
  readonly completed: readonly number[];
  readonly replacedByGreedy: boolean;
  /** The explaining run at the final per-voter budget (absent when greedy replaced it). */
  readonly explained: EqualSharesRun | undefined;
  readonly notes: readonly string[];
}

/**
 * Runs equal shares with its completion; shared by {@link methodOfEqualShares} and the
 * priceability certificate. @internal
 */
export function computeEqualShares(
  instance: PbInstance,
  profile: PbProfile,
  options: EqualSharesOptions = {},
): Result<EqualSharesComputation> {
  const invalid = validatePbElection({ instance, profile });
  if (invalid.length > 0) return fail(invalid);
  const sat = options.sat ?? defaultSatisfaction(profile);
  const tieBreaking = options.tieBreaking ?? defaultPbTieBreaking;
  const completion = options.completion ?? "none";
  const data = prepareEqualShares(instance, profile, sat, tieBreaking);
  const budget = instance.budget;
  const unit = 10n ** BigInt(instance.scale);
  const voters = data.voters;
  const baseBudget = voters > 0 ? rational(budget, BigInt(voters)) : rational(0);
  // Without add1 the first run is the final one: let it explain itself.
  const add1Completion =
    completion === "add1" || completion === "add1-exhaustive" || completion === "add1-comparison";
  // Reruns on the same data share their groupings of voters (see the engine).
  const workspace = add1Completion ? equalSharesWorkspace() : undefined;
  // add1 needs the plain run only when no higher budget is kept (then it is run again to
  // its end): it may stop once its cost is settled, like the reruns.
  const base = runEqualShares(
    data,
    baseBudget,
    !add1Completion,
    workspace,
    add1Completion && completion !== "add1-exhaustive" ? budget : undefined,
  );
  let perVoter = baseBudget;
  let mesSelected: readonly number[] = base.selected;
  let completed: number[] = [];
  const notes: string[] = [];
  let explained: EqualSharesRun | undefined = add1Completion ? undefined : base;
  if (add1Completion && voters > 0) {
    const result = add1(
      data,
      budget,
      unit,
      base,
      baseBudget,
      completion === "add1-exhaustive",
      options.rerunLimit ?? DEFAULT_RERUN_LIMIT,
      options.add1JumpAfter,
      workspace ?? equalSharesWorkspace(),
    );
    if (!result.ok) return result;
    perVoter = result.value.perVoter;
    mesSelected = result.value.run.selected;
    if (result.value.run.paymentsOf !== undefined) explained = result.value.run;
    notes.push(
      result.value.step === 0
        ? "add1 completion: no higher per-voter budget kept the cost within the budget"
        : `add1 completion: kept the outcome at ${formatRationalAsDecimal(rational(perVoter.num, perVoter.den * unit), 6)} per voter (budget step ${result.value.step}, ${result.value.runs} runs)`,
    );
  }
  const ids = (selection: readonly number[]) =>
    selection.map((p) => (data.projects[p] as PbProject).id);
  const index = new Map(data.projects.map((project, p) => [project.id, p]));
  const greedyAfter = (selection: readonly number[]): Result<number[]> => {
    const added = greedyCompletion(instance, profile, ids(selection), tieBreaking);
    return added.ok ? ok(added.value.map((id) => index.get(id) as number)) : added;
  };
  if (completion === "greedy") {
    const added = greedyAfter(mesSelected);
    if (!added.ok) return added;
    completed = added.value;
  }
  let replacedByGreedy = false;
  if (completion === "add1-comparison" || completion === "comparison") {
    const greedyOutcome = greedyAfter([]);
    if (!greedyOutcome.ok) return greedyOutcome;
    const { preferFirst, preferSecond } = votersPreferring(
      profile,
      ids(greedyOutcome.value),
      ids(mesSelected),
    );
    notes.push(
      `comparison: ${preferFirst} voters support more projects of the greedy outcome, ${preferSecond} more of the equal-shares one`,
    );
    if (preferFirst > preferSecond) {
      replacedByGreedy = true;
      mesSelected = [];
      completed = greedyOutcome.value;
      notes.push("the greedy-by-votes outcome replaces the equal-shares one");
    }
  }
  if (replacedByGreedy) explained = undefined;
  else explained ??= runEqualShares(data, perVoter, true, workspace);
  if (!replacedByGreedy) {
    notes.unshift(
      `equal shares with ${sat.id} satisfaction, ${formatRationalAsDecimal(rational(perVoter.num, perVoter.den * unit), 6)} per voter; prices decided exactly`,
    );
  }
  return ok({ data, perVoter, mesSelected, completed, replacedByGreedy, explained, notes });
}

/**
 * The Method of Equal Shares (Peters and Skowron): every voter gets an equal part of the
 * budget; each round buys the project whose supporters can pay for it at the lowest price
 * per unit of satisfaction, each paying that price times their satisfaction or all they
 * have left; it stops when no project is affordable. A completion then spends what is left
 * (see {@link EqualSharesCompletion}).
 *
 * Exact: every decision is the one rational arithmetic makes, while doubles do the bulk of
 * the work (see docs/equal-shares.md). Approval, choose-1, cumulative, scoring and ordinal
 * ballots (by their Pabulib values), with cost, cardinality or any additive satisfaction.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = methodOfEqualShares(instance, profile, { completion: "add1" });
 * if (outcome.ok) {
 *   outcome.value.selected;                 // the funded projects, in purchase order
 *   outcome.value.explanation[0]?.payments; // who paid what for the first one
 * }
 * ```
 */
export function methodOfEqualShares(
  instance: PbInstance,
  profile: PbProfile,
  options: EqualSharesOptions = {},
): Result<PbOutcome> {
  const computed = computeEqualShares(instance, profile, options);
  if (!computed.ok) return computed;
  const { data, mesSelected, completed, explained, notes } = computed.value;
  const completion = options.completion ?? "none";
  const tieBreaking = options.tieBreaking ?? defaultPbTieBreaking;
  const budget = instance.budget;
  const unit = 10n ** BigInt(instance.scale);
  const explanation: PbStep[] = [];
  let left = budget;
  const skipped = [...(explained?.unaffordable ?? [])];
  const pushSkipped = (before: number) => {
    while (skipped.length > 0 && (skipped[0]?.after ?? 0) <= before) {
      const { project: p } = skipped.shift() as { project: number };
      const project = data.projects[p] as PbProject;
      explanation.push({
        project: project.id,
        action: "skipped",
        reason: "unaffordable",
        cost: project.cost,
        measure: "supporters' money",
        value: "below cost",
        budgetLeft: left,
      });
    }
  };
  for (const [k, round] of (explained?.rounds ?? []).entries()) {
    pushSkipped(k);
    const project = data.projects[round.project] as PbProject;
    left -= project.cost;
    explanation.push({
      project: project.id,
      action: "selected",
      reason: "equal-shares",
      cost: project.cost,
      measure: "price-per-satisfaction",
      value: formatRationalAsDecimal(round.price, 9),
      budgetLeft: left,
      payments: round.payments.map((payment) => ({
        voters: payment.voters,
        amount: formatRationalAsDecimal(
          { num: payment.amount.num, den: payment.amount.den * unit },
          6,
        ),
        all: payment.all,
      })),
      ...(round.tiedWith === undefined
        ? {}
        : { tiedWith: round.tiedWith.map((p) => (data.projects[p] as PbProject).id) }),
    });
  }
  pushSkipped(Number.POSITIVE_INFINITY);
  for (const p of completed) {
    const project = data.projects[p] as PbProject;
    left -= project.cost;
    explanation.push({
      project: project.id,
      action: "selected",
      reason: "completion",
      cost: project.cost,
      measure: "votes",
      value: String(data.supporters[p]),
      budgetLeft: left,
    });
  }
  const selected = [...mesSelected, ...completed].map((p) => (data.projects[p] as PbProject).id);
  return ok({
    rule: completion === "none" ? "mes" : `mes/${completion}`,
    selected,
    cost: budget - left,
    budget,
    explanation,
    tieBreaking,
    notes,
  });
}

/**
 * Metadata of {@link methodOfEqualShares}.
 *
 * @category Rules
 * @example
 * ```ts
 * methodOfEqualSharesMetadata.id; //=> "mes"
 * ```
 */
export const methodOfEqualSharesMetadata: PbRuleMetadata = {
  id: "mes",
  name: "Method of Equal Shares",
  kind: "budget",
  ballotTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
  properties: ["ejr-up-to-one", "priceable", "budget-feasible"],
  notes: [
    "EJR up to one project on approval ballots, cost and cardinality satisfaction",
    "exact: doubles with certified error bounds, close calls in bigints",
  ],
  reference:
    "Peters, Pierczyński, Skowron: Proportional participatory budgeting with additive utilities, NeurIPS 2021; https://equalshares.net",
  description:
    "Splits the budget equally among voters; buys projects at the lowest price per unit of satisfaction their supporters can pay.",
};
