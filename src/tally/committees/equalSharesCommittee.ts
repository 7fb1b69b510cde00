import type { PbElection } from "../../budgeting/election/election.js";
import { cardinalitySatisfaction } from "../../budgeting/election/satisfaction.js";
import { methodOfEqualShares } from "../../budgeting/rules/equalShares/methodOfEqualShares.js";
import {
  addRational,
  compareRational,
  divideRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
  subtractRational,
} from "../../core/rational.js";
import { fail, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { committeeAsBudget, followTiedRuns } from "./committeeAsBudget.js";
import { type Ballots, ballotsOf, bits, outcome } from "./committeeSearch.js";

/**
 * How {@link equalSharesCommittee} fills the seats equal shares leaves empty, by
 * abcvoting's names: `seqphragmen` (its `equal-shares`: sequential Phragmén starting from
 * the budget each voter has spent), `av` (the candidates with most approvals), `increment`
 * (the smallest larger budget for which equal shares alone fills the committee; one
 * committee), `none` (the committee may stay smaller).
 *
 * @category Committees
 * @example
 * ```ts
 * const completion: EqualSharesCommitteeCompletion = "seqphragmen";
 * ```
 */
export type EqualSharesCommitteeCompletion = "seqphragmen" | "av" | "increment" | "none";

/** The least price per voter at which the approvers of `c` can buy it, or undefined. */
function leastPrice(
  ballots: Ballots,
  weights: readonly Rational[],
  budgets: readonly Rational[],
  c: number,
): Rational | undefined {
  let rich = ballots.masks.flatMap((mask, v) => ((mask >> c) & 1 ? [v] : []));
  let poorBudget = rational(0);
  while (rich.length > 0) {
    const richWeight = rich.reduce(
      (sum, v) => addRational(sum, weights[v] as Rational),
      rational(0),
    );
    if (richWeight.num === 0n) return undefined;
    const q = divideRational(subtractRational(rational(1), poorBudget), richWeight);
    const poor = rich.filter(
      (v) =>
        compareRational(budgets[v] as Rational, multiplyRational(q, weights[v] as Rational)) < 0,
    );
    if (poor.length === 0) return q;
    for (const v of poor) poorBudget = addRational(poorBudget, budgets[v] as Rational);
    rich = rich.filter((v) => !poor.includes(v));
  }
  return undefined;
}

/**
 * The Method of Equal Shares for approval committees (abcvoting's `equal-shares`
 * family), exact: every candidate costs 1, voters start with weight × seats / total
 * weight; each step buys the candidate its approvers can pay at the least price per voter
 * (a voter with less pays all they have). Counted by budgeting's
 * {@link methodOfEqualShares} on the committee as a budget ({@link committeeAsBudget}),
 * every tie followed in every direction (`committees`). The seats left are filled by the
 * `completion` (default `seqphragmen`, as abcvoting). The `increment` completion runs the
 * same engine with budgets seats, seats + 1, … until equal shares alone fills the
 * committee (ties to the earlier candidate; one committee, as abcvoting).
 *
 * @category Committees
 * @example
 * ```ts
 * equalSharesCommittee(profile, 3).ok;
 * equalSharesCommittee(profile, 3, { completion: "av" }).ok;
 * ```
 */
export function equalSharesCommittee(
  profile: ApprovalProfile,
  seats: number,
  options: { readonly completion?: EqualSharesCommitteeCompletion } = {},
): Result<TallyOutcome> {
  const completion = options.completion ?? "seqphragmen";
  const election = committeeAsBudget(profile, seats);
  if (!election.ok) return election;
  if (completion === "increment") return incrementCompletion(profile, seats, election.value);
  const { instance, profile: voters } = election.value;
  const runs = followTiedRuns(profile.candidates, (order) =>
    methodOfEqualShares(instance, voters, {
      sat: cardinalitySatisfaction,
      tieBreaking: [{ by: "order", order }],
    }),
  );
  if (!runs.ok) return runs;
  const shares = equalSharesState(profile, seats);
  const results = new Set<number>();
  for (const run of runs.value) {
    const { committee, budgets } = shares.afterPurchases(run.selected);
    if (bits(committee) === seats || completion === "none") results.add(committee);
    else if (completion === "av")
      for (const c of fillByApprovals(shares, committee)) results.add(c);
    else for (const c of fillByPhragmen(shares, committee, budgets)) results.add(c);
  }
  return outcome(
    completion === "seqphragmen"
      ? "equal-shares"
      : completion === "av"
        ? "equal-shares-with-av-completion"
        : "equal-shares-without-completion",
    profile,
    [...results],
    `equal shares: each candidate costs 1 and each voter starts with ${seats} / ${formatTotal(shares.total)} per unit of weight; ${completion === "none" ? "no completion" : `completed by ${completion === "av" ? "approval votes" : "sequential Phragmén"}`}`,
  );
}

/** The exact weights, approvals and starting budgets the completions work from. */
interface SharesState {
  readonly n: number;
  readonly seats: number;
  readonly ballots: Ballots;
  readonly weights: readonly Rational[];
  readonly total: Rational;
  readonly approvals: readonly Rational[];
  /** The committee bought and every voter's budget left after these purchases, in order. */
  readonly afterPurchases: (bought: readonly string[]) => {
    committee: number;
    budgets: readonly Rational[];
  };
}

function equalSharesState(profile: ApprovalProfile, seats: number): SharesState {
  const n = profile.candidates.length;
  const ballots = ballotsOf(profile);
  const weights = ballots.weights.map((weight) => rationalFromNumber(weight));
  const total = weights.reduce((sum, weight) => addRational(sum, weight), rational(0));
  const approvals = Array.from({ length: n }, (_, c) =>
    ballots.masks.reduce(
      (sum, mask, v) => ((mask >> c) & 1 ? addRational(sum, weights[v] as Rational) : sum),
      rational(0),
    ),
  );
  const index = new Map(profile.candidates.map((candidate, c) => [candidate, c]));
  // The engine says what was bought and in which order; the Phragmén completion needs each
  // voter's budget left, recomputed exactly along that order at each purchase's price.
  const afterPurchases = (bought: readonly string[]) => {
    let committee = 0;
    // No weight at all: nobody has a budget (and nothing was bought).
    let budgets = weights.map((weight) =>
      total.num === 0n
        ? rational(0)
        : divideRational(multiplyRational(weight, rational(seats)), total),
    );
    for (const id of bought) {
      const c = index.get(id) as number;
      const price = leastPrice(ballots, weights, budgets, c) as Rational;
      committee |= 1 << c;
      budgets = budgets.map((budget, v) => {
        if (!(((ballots.masks[v] as number) >> c) & 1)) return budget;
        const due = multiplyRational(price, weights[v] as Rational);
        return compareRational(budget, due) < 0 ? rational(0) : subtractRational(budget, due);
      });
    }
    return { committee, budgets };
  };
  return { n, seats, ballots, weights, total, approvals, afterPurchases };
}

/**
 * abcvoting's completion of equal shares: sequential Phragmén from the voters' loads
 * (minus what they have left), every tie followed.
 */
function fillByPhragmen(
  shares: SharesState,
  committee: number,
  budgets: readonly Rational[],
): number[] {
  const { n, seats, ballots, weights, approvals } = shares;
  let states = new Map<number, readonly Rational[]>([
    [
      committee,
      // A voter of weight 0 carries nothing: any load will do.
      budgets.map((budget, v) =>
        (weights[v] as Rational).num === 0n
          ? rational(0)
          : divideRational(rational(-budget.num, budget.den), weights[v] as Rational),
      ),
    ],
  ]);
  const never = rational(seats + 1);
  for (let size = bits(committee); size < seats; size++) {
    const next = new Map<number, readonly Rational[]>();
    for (const [members, loads] of states) {
      const options = Array.from({ length: n }, (_, c) => {
        if ((members >> c) & 1 || approvals[c]?.num === 0n) return never;
        const carried = ballots.masks.reduce(
          (sum, mask, v) =>
            (mask >> c) & 1
              ? addRational(sum, multiplyRational(weights[v] as Rational, loads[v] as Rational))
              : sum,
          rational(1),
        );
        return divideRational(carried, approvals[c] as Rational);
      });
      const least = options.reduce((low, value) => (compareRational(value, low) < 0 ? value : low));
      options.forEach((value, c) => {
        if ((members >> c) & 1 || compareRational(value, least) > 0) return;
        next.set(
          members | (1 << c),
          loads.map((load, v) => (((ballots.masks[v] as number) >> c) & 1 ? value : load)),
        );
      });
    }
    states = next;
  }
  return [...states.keys()];
}

/**
 * abcvoting's approval completion: the approval-voting committees of the missing size,
 * over all candidates, that complete this one; one more each time none does.
 */
function fillByApprovals(shares: SharesState, committee: number): number[] {
  const { n, seats, approvals } = shares;
  const order = Array.from({ length: n }, (_, c) => c).sort(
    (a, b) => compareRational(approvals[b] as Rational, approvals[a] as Rational) || a - b,
  );
  for (let missing = seats - bits(committee); missing <= n; missing++) {
    const boundary = approvals[order[missing - 1] as number] as Rational;
    const sure = order.filter((c) => compareRational(approvals[c] as Rational, boundary) > 0);
    const tied = order.filter((c) => compareRational(approvals[c] as Rational, boundary) === 0);
    const found: number[] = [];
    const choose = (from: number, mask: number, left: number) => {
      if (left === 0) {
        const members = committee | mask;
        if (bits(members) === seats) found.push(members);
        return;
      }
      for (let k = from; k <= tied.length - left; k++)
        choose(k + 1, mask | (1 << (tied[k] as number)), left - 1);
    };
    choose(
      0,
      sure.reduce((mask, c) => mask | (1 << c), 0),
      missing - sure.length,
    );
    if (found.length > 0) return found;
  }
  return [];
}

function formatTotal(total: Rational): string {
  return total.den === 1n ? total.num.toString() : `${total.num}/${total.den}`;
}

/** The most budgets the increment completion tries before giving up with an issue. */
const INCREMENT_LIMIT = 100_000;

/** abcvoting's increment completion, by the budgeting engine. */
function incrementCompletion(
  profile: ApprovalProfile,
  seats: number,
  election: PbElection,
): Result<TallyOutcome> {
  // Whole-number weights (fractions scaled by their common denominator): equal shares
  // gives every voter budget × weight / total weight, the same either way.
  const whole = ballotsOf(profile).weights;
  const approved = profile.candidates.filter((candidate) =>
    profile.ballots.some((ballot) => ballot.weight > 0 && ballot.approved.includes(candidate)),
  );
  if (approved.length < seats) {
    // Too few approved candidates: every approved one, then the earliest others (abcvoting's AV).
    const others = profile.candidates.filter((candidate) => !approved.includes(candidate));
    return namedOutcome(profile, [...approved, ...others.slice(0, seats - approved.length)], seats);
  }
  // Every committee is filled by seats × (whole) weight in all: each voter can then buy it.
  const voters = whole.reduce((sum, weight) => sum + weight, 0);
  const last = Math.ceil(seats * voters);
  for (let budget = seats; budget <= last; budget++) {
    if (budget - seats >= INCREMENT_LIMIT)
      return fail([
        tallyIssue(
          "equal-shares-increment-limit",
          ["ballots"],
          `the increment completion tried ${INCREMENT_LIMIT} budgets without filling the committee (a weight of ${voters} in all)`,
          { limit: INCREMENT_LIMIT },
        ),
      ]);
    const bought = methodOfEqualShares(
      { ...election.instance, budget: BigInt(budget) },
      election.profile,
      { sat: cardinalitySatisfaction, tieBreaking: [{ by: "position", prefer: "lower" }] },
    );
    if (!bought.ok) return bought;
    if (bought.value.selected.length >= seats)
      return namedOutcome(profile, bought.value.selected.slice(0, seats), budget);
  }
  return fail([
    tallyIssue("no-committee", ["seats"], "no budget lets equal shares fill the committee"),
  ]);
}

function namedOutcome(
  profile: ApprovalProfile,
  members: readonly string[],
  budget: number,
): Result<TallyOutcome> {
  const index = new Map(profile.candidates.map((candidate, c) => [candidate, c]));
  return outcome(
    "equal-shares-with-increment-completion",
    profile,
    [members.reduce((mask, candidate) => mask | (1 << (index.get(candidate) as number)), 0)],
    `equal shares with the voters' budgets raised to ${budget} seats' worth, the first that fills the committee`,
  );
}
