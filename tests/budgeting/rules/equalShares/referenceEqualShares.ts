/**
 * A deliberately plain Method of Equal Shares, kept only to check the fast one: one voter
 * at a time, exact rationals everywhere, every project recomputed every round, no voter
 * classes, no doubles, no laziness. Slow on purpose; read it as the definition.
 */

import {
  ballotValues,
  defaultPbTieBreaking,
  type PbElection,
  type PbProject,
  pbTieBreakingKeys,
  projectSupport,
  type SatisfactionFunction,
} from "../../../../src/budgeting/index.js";
import {
  addRational,
  compareRational,
  divideRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
  subtractRational,
} from "../../../../src/core/rational.js";
import { type TieBreakingPolicy, tieBreakingComparator } from "../../../../src/core/tieBreaking.js";

const ZERO = rational(0);

interface Voter {
  budget: Rational;
  /** Projects the ballot gives a positive value. */
  names: Set<string>;
  /** Positive satisfaction per project. */
  utility: Map<string, Rational>;
}

/** Satisfaction of every voter for every project they support (positive only). */
function voters(election: PbElection, sat: SatisfactionFunction): Voter[] {
  const valuesOf = ballotValues(election.instance, election.profile);
  const byId = new Map(election.instance.projects.map((project) => [project.id, project]));
  const result: Voter[] = [];
  for (const ballot of election.profile.ballots) {
    const values = valuesOf(ballot);
    for (let copy = 0; copy < ballot.multiplicity; copy++) {
      const utility = new Map<string, Rational>();
      const names = new Set<string>();
      ballot.projects.forEach((id, k) => {
        const project = byId.get(id);
        if (project === undefined || (values[k] as number) <= 0) return;
        names.add(id);
        const value = rationalFromNumber(values[k] as number);
        const u =
          sat.kind === "linear"
            ? multiplyRational(value, sat.factor(project))
            : sat.satisfaction(project, value, ballot);
        if (u.num > 0n) utility.set(id, u);
      });
      result.push({ budget: ZERO, names, utility });
    }
  }
  return result;
}

/** Plain equal shares at a per-voter budget: the selected project ids in order. */
export function referenceEqualShares(
  election: PbElection,
  sat: SatisfactionFunction,
  perVoter: Rational,
  tieBreaking: TieBreakingPolicy = defaultPbTieBreaking,
): string[] {
  return referenceEqualSharesRounds(election, sat, perVoter, tieBreaking).selected;
}

/** One purchase of the reference: its price per unit of satisfaction and each voter's payment. */
export interface ReferenceRound {
  readonly project: string;
  readonly price: Rational;
  /** Per supporter: what it paid, and whether that was all it had. */
  readonly payments: readonly { readonly amount: Rational; readonly all: boolean }[];
}

/** {@link referenceEqualShares} with the purchases it made (free projects have no round). */
export function referenceEqualSharesRounds(
  election: PbElection,
  sat: SatisfactionFunction,
  perVoter: Rational,
  tieBreaking: TieBreakingPolicy = defaultPbTieBreaking,
): { selected: string[]; rounds: ReferenceRound[] } {
  const rounds: ReferenceRound[] = [];
  const everyone = voters(election, sat);
  for (const voter of everyone) voter.budget = perVoter;
  const compare = tieBreakingComparator(
    tieBreaking,
    pbTieBreakingKeys(
      election.instance.projects,
      projectSupport(election.instance, election.profile),
    ),
  );
  const supporters = (project: PbProject) =>
    everyone.filter((voter) => voter.utility.has(project.id));
  const selected: string[] = [];
  // Projects that cost nothing and someone wants are free to fund: first, in tie order.
  const free = election.instance.projects
    .filter(
      (project) => project.cost === 0n && everyone.some((voter) => voter.names.has(project.id)),
    )
    .sort(compare);
  selected.push(...free.map((project) => project.id));
  let remaining = election.instance.projects.filter(
    (project) => project.cost > 0n && supporters(project).length > 0,
  );
  for (;;) {
    let best: { project: PbProject; rho: Rational } | undefined;
    const stillAffordable: PbProject[] = [];
    for (const project of remaining) {
      const payers = supporters(project);
      const cost = rational(project.cost);
      const money = payers.reduce((sum, voter) => addRational(sum, voter.budget), ZERO);
      if (compareRational(money, cost) < 0) continue;
      stillAffordable.push(project);
      // Lowest ρ with Σ min(budget, ρ·u) = cost: cap voters in order of budget per utility.
      const order = [...payers].sort((a, b) =>
        compareRational(
          divideRational(a.budget, a.utility.get(project.id) as Rational),
          divideRational(b.budget, b.utility.get(project.id) as Rational),
        ),
      );
      let left = cost;
      let weight = payers.reduce(
        (sum, voter) => addRational(sum, voter.utility.get(project.id) as Rational),
        ZERO,
      );
      let rho = divideRational(left, weight);
      for (const voter of order) {
        const u = voter.utility.get(project.id) as Rational;
        if (compareRational(multiplyRational(rho, u), voter.budget) <= 0) break;
        left = subtractRational(left, voter.budget);
        weight = subtractRational(weight, u);
        if (weight.num === 0n) break;
        rho = divideRational(left, weight);
      }
      const better =
        best === undefined ||
        compareRational(rho, best.rho) < 0 ||
        (compareRational(rho, best.rho) === 0 && compare(project, best.project) < 0);
      if (better) best = { project, rho };
    }
    remaining = stillAffordable;
    if (best === undefined) break;
    const { project, rho } = best;
    const payments: { amount: Rational; all: boolean }[] = [];
    for (const voter of supporters(project)) {
      const due = multiplyRational(rho, voter.utility.get(project.id) as Rational);
      const all = compareRational(due, voter.budget) >= 0;
      payments.push({ amount: all ? voter.budget : due, all });
      voter.budget = all ? ZERO : subtractRational(voter.budget, due);
    }
    rounds.push({ project: project.id, price: rho, payments });
    selected.push(project.id);
    remaining = remaining.filter((other) => other !== project);
  }
  return { selected, rounds };
}

/** The add1 completion by its definition: per-voter budgets ⌊B/n⌋+1, +2, … one at a time. */
export function referenceAdd1(
  election: PbElection,
  sat: SatisfactionFunction,
  options: { exhaustive?: boolean; tieBreaking?: TieBreakingPolicy } = {},
): string[] {
  const { budget, projects } = election.instance;
  const n = BigInt(election.profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0));
  if (n === 0n) return [];
  const costOf = (ids: readonly string[]) =>
    ids.reduce((sum, id) => sum + (projects.find((project) => project.id === id)?.cost ?? 0n), 0n);
  const exhaustive = (ids: readonly string[]) => {
    const left = budget - costOf(ids);
    return projects.every((project) => ids.includes(project.id) || project.cost > left);
  };
  let kept = referenceEqualShares(election, sat, rational(budget, n), options.tieBreaking);
  // Beyond the total cost every voter can pay for everything alone: nothing changes.
  const ceiling = projects.reduce((sum, project) => sum + project.cost, 0n) + 1n;
  for (let perVoter = budget / n + 1n; perVoter <= ceiling; perVoter++) {
    if (options.exhaustive === true && exhaustive(kept)) break;
    const outcome = referenceEqualShares(election, sat, rational(perVoter), options.tieBreaking);
    if (costOf(outcome) > budget) break;
    kept = outcome;
  }
  return kept;
}
