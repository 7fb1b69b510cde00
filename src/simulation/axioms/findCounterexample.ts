import type { PbInstance } from "../../budgeting/election/instance.js";
import type { PbProfile } from "../../budgeting/election/profile.js";
import type { ApprovalProfile } from "../../tally/ballots/approvalProfile.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { restrictProfile } from "../../tally/ballots/restrictProfile.js";
import {
  approvalImpartialCulture,
  disjointResampling,
  resampling,
} from "../approval/approvalGenerators.js";
import { budgetElection } from "../budget/budgetElection.js";
import { impartialCulture } from "../ordinal/impartialCulture.js";
import type { BudgetAxiom, BudgetOutcomeOf } from "./budgetAxioms.js";
import type { CommitteeAxiom, CommitteeOf } from "./committeeAxioms.js";
import type { SingleWinnerAxiom, WinnersOf } from "./singleWinnerAxioms.js";

/**
 * A counterexample found: the profile (as small as shrinking could make it) and how the
 * method breaks the axiom there.
 *
 * @category Axioms
 * @example
 * ```ts
 * const found: Counterexample = { profile, violation: "c2 beats everyone head to head, yet the winners are c1" };
 * ```
 */
export interface Counterexample {
  readonly profile: RankedProfile;
  readonly violation: string;
}

/**
 * Where a counterexample search looks: the seed its profiles come from, their largest
 * size, and how many it draws.
 *
 * @category Axioms
 * @example
 * ```ts
 * const search: CounterexampleSearch = { seed: 1, maxCandidates: 5, maxVoters: 20, tries: 10_000 };
 * ```
 */
export interface CounterexampleSearch {
  readonly seed: number | string;
  /**
   * Where {@link findCounterexample} draws its profiles (any ordinal generator of this
   * module, e.g. `(o) => mallows({ ...o, phi: 0.5 })`); default impartial culture.
   */
  readonly generator?:
    | ((options: { candidates: number; voters: number; seed: string }) => RankedProfile)
    | undefined;
  readonly maxCandidates?: number;
  readonly maxVoters?: number;
  readonly tries?: number;
}

/** A search's limits, each the option given or its default. */
const limitsOf = (
  options: CounterexampleSearch,
  candidates: number,
  voters: number,
  tries: number,
) => ({
  maxCandidates: options.maxCandidates ?? candidates,
  maxVoters: options.maxVoters ?? voters,
  tries: options.tries ?? tries,
});

/** A profile's voters, one ballot each. */
const expanded = (profile: RankedProfile): RankedProfile => ({
  ...profile,
  ballots: profile.ballots.flatMap((ballot) =>
    Array.from({ length: ballot.weight }, () => ({ ranking: ballot.ranking, weight: 1 })),
  ),
});

/**
 * Replaces a counterexample by the first smaller one still broken that `smaller` offers
 * (each attempt undefined when not broken), again and again until none is.
 */
function shrinkWhileBroken<T>(found: T, smaller: (current: T) => (() => T | undefined)[]): T {
  let current = found;
  for (let changed = true; changed; ) {
    changed = false;
    for (const attempt of smaller(current)) {
      const still = attempt();
      if (still !== undefined) {
        [current, changed] = [still, true];
        break;
      }
    }
  }
  return current;
}

/** Drops voters, then candidates, one at a time while the axiom stays broken. */
function shrink(method: WinnersOf, axiom: SingleWinnerAxiom, start: RankedProfile): Counterexample {
  let profile = expanded(start);
  let violation = axiom.violation(method, profile) as string;
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 0; k < profile.ballots.length && !changed; k++) {
      const fewer = { ...profile, ballots: profile.ballots.filter((_, j) => j !== k) };
      const broken = fewer.ballots.length > 0 ? axiom.violation(method, fewer) : undefined;
      if (broken !== undefined) [profile, violation, changed] = [fewer, broken, true];
    }
    for (const candidate of profile.candidates) {
      if (changed || profile.candidates.length <= 2) break;
      const keep = new Set(profile.candidates.filter((c) => c !== candidate));
      const smaller = restrictProfile(profile, keep);
      const broken = axiom.violation(method, smaller);
      if (broken !== undefined) [profile, violation, changed] = [smaller, broken, true];
    }
  }
  return { profile, violation };
}

/**
 * Searches profiles (impartial culture unless `generator` says otherwise; 3 to
 * `maxCandidates` candidates, 1 to `maxVoters` voters, seeded) for one where the method
 * breaks the axiom, and shrinks what it finds,
 * voter by voter and candidate by candidate, to a profile no voter or candidate can be
 * taken from. Undefined when `tries` profiles found none (which proves nothing).
 *
 * @category Axioms
 * @example
 * ```ts
 * const condorcetWinner = singleWinnerAxioms[0] as SingleWinnerAxiom;
 * const found = findCounterexample(winnersOf(borda), condorcetWinner, { seed: 1 });
 * found?.violation; // "c2 beats everyone head to head, yet the winners are c1"
 * ```
 */
export function findCounterexample(
  method: WinnersOf,
  axiom: SingleWinnerAxiom,
  options: CounterexampleSearch,
): Counterexample | undefined {
  const { maxCandidates, maxVoters, tries } = limitsOf(options, 4, 15, 2_000);
  for (let t = 0; t < tries; t++) {
    const candidates = 3 + (t % (maxCandidates - 2));
    const voters = 1 + ((t * 7) % maxVoters);
    const draw = options.generator ?? impartialCulture;
    const profile = draw({ candidates, voters, seed: `${String(options.seed)}/${t}` });
    if (axiom.violation(method, profile) !== undefined) return shrink(method, axiom, profile);
  }
  return undefined;
}

/**
 * A committee counterexample: the profile, the seats, the committee the rule chose and
 * which group it leaves short.
 *
 * @category Axioms
 * @example
 * ```ts
 * const found: CommitteeCounterexample = { profile, seats: 2, committee: ["a", "b"], violation: "…" };
 * ```
 */
export interface CommitteeCounterexample {
  readonly profile: ApprovalProfile;
  readonly seats: number;
  readonly committee: readonly string[];
  readonly violation: string;
}

/**
 * Searches approval profiles — p-impartial culture, resampling, and disjoint resampling
 * into two camps; 4 to `maxCandidates` candidates, 2 or 3 seats, 1 to `maxVoters` voters,
 * p from 0.2 to 0.5, seeded — for a committee the rule
 * chooses that breaks the axiom, and shrinks the profile voter by voter while it still
 * does. Undefined when `tries` profiles found none (which proves nothing).
 *
 * @category Axioms
 * @example
 * ```ts
 * findCommitteeCounterexample(av, ejr, { seed: 1 })?.violation;
 * ```
 */
export function findCommitteeCounterexample(
  rule: CommitteeOf,
  axiom: CommitteeAxiom,
  options: CounterexampleSearch,
): CommitteeCounterexample | undefined {
  const { maxCandidates, maxVoters, tries } = limitsOf(options, 6, 12, 1_500);
  const broken = (profile: ApprovalProfile, seats: number) => {
    const committee = rule(profile, seats);
    if (committee === undefined) return undefined;
    const violation = axiom.violation(profile, committee);
    return violation === undefined ? undefined : { profile, seats, committee, violation };
  };
  for (let t = 0; t < tries; t++) {
    const candidates = 4 + (t % (maxCandidates - 3));
    const seats = 2 + (t % 2);
    const voters = 1 + ((t * 5) % maxVoters);
    const p = 0.2 + 0.1 * (t % 4);
    const seed = `${String(options.seed)}/${t}`;
    // Independent voters, and voters in one or two cohesive camps (where the
    // proportionality axioms bite).
    const drawn =
      t % 3 === 0
        ? approvalImpartialCulture({ candidates, voters, p, seed })
        : t % 3 === 1
          ? resampling({ candidates, voters, p, phi: 0.3, seed })
          : disjointResampling({
              candidates,
              voters,
              p: Math.min(p, 0.5),
              phi: 0.2,
              groups: 2,
              seed,
            });
    const profile: ApprovalProfile = {
      ...drawn,
      ballots: drawn.ballots.flatMap((b) =>
        Array.from({ length: b.weight }, () => ({ approved: b.approved, weight: 1 })),
      ),
    };
    const found = broken(profile, seats);
    if (found === undefined) continue;
    return shrinkWhileBroken(found, (current) =>
      current.profile.ballots.map((_, k) => () => {
        const fewer = {
          ...current.profile,
          ballots: current.profile.ballots.filter((_, j) => j !== k),
        };
        return fewer.ballots.length > 0 ? broken(fewer, seats) : undefined;
      }),
    );
  }
  return undefined;
}

/**
 * A budgeting counterexample: the election, the projects the rule funded there and how
 * they break the axiom.
 *
 * @category Axioms
 * @example
 * ```ts
 * const found: BudgetCounterexample = { instance, profile, selected: ["p1", "p2"], violation: "…" };
 * ```
 */
export interface BudgetCounterexample {
  readonly instance: PbInstance;
  readonly profile: PbProfile;
  readonly selected: readonly string[];
  readonly violation: string;
}

/**
 * Searches small participatory budgets — {@link budgetElection}'s budget-aware approval
 * ballots, 3 to `maxCandidates` projects (default 5) costing 1 to 6, a budget of 4 to 10,
 * 1 to `maxVoters` voters (default 10; those approving nothing left out), seeded — for an
 * outcome of the rule that breaks
 * the axiom, and shrinks the election voter by voter while it still does. Undefined when
 * `tries` elections (default 1,000) found none, which proves nothing.
 *
 * @category Axioms
 * @example
 * ```ts
 * const greedyOutcome: BudgetOutcomeOf = (i, p) => { const o = greedy(i, p); return o.ok ? o.value.selected : undefined; };
 * findBudgetCounterexample(greedyOutcome, priceability, { seed: 1 })?.violation;
 * ```
 */
export function findBudgetCounterexample(
  rule: BudgetOutcomeOf,
  axiom: BudgetAxiom,
  options: CounterexampleSearch,
): BudgetCounterexample | undefined {
  const { maxCandidates, maxVoters, tries } = limitsOf(options, 5, 10, 1_000);
  const broken = (instance: PbInstance, profile: PbProfile) => {
    const selected = rule(instance, profile);
    if (selected === undefined) return undefined;
    const violation = axiom.violation(instance, profile, selected);
    return violation === undefined ? undefined : { instance, profile, selected, violation };
  };
  for (let t = 0; t < tries; t++) {
    const drawn = budgetElection({
      projects: 3 + (t % (maxCandidates - 2)),
      voters: 1 + ((t * 7) % maxVoters),
      seed: `${String(options.seed)}/${t}`,
      budget: BigInt(4 + ((t * 3) % 7)),
      costs: { uniform: [1n, 6n] },
      approve: 0.5 + 0.1 * (t % 4),
    });
    // Voters who approve nothing prove nothing about proportionality: left out.
    const profile = {
      ...drawn.profile,
      ballots: drawn.profile.ballots.filter((ballot) => ballot.projects.length > 0),
    };
    if (profile.ballots.length === 0) continue;
    const found = broken(drawn.instance, profile);
    if (found === undefined) continue;
    return shrinkWhileBroken(found, (current) =>
      current.profile.ballots.map((ballot, k) => () => {
        const ballots = current.profile.ballots;
        const fewer = {
          ...current.profile,
          ballots:
            ballot.multiplicity > 1
              ? ballots.map((b, j) => (j === k ? { ...b, multiplicity: b.multiplicity - 1 } : b))
              : ballots.filter((_, j) => j !== k),
        };
        return fewer.ballots.length > 0 ? broken(current.instance, fewer) : undefined;
      }),
    );
  }
  return undefined;
}
