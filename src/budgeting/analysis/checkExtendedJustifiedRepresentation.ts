import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import { fail, ok, type Result } from "../../core/result.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import { defaultSatisfaction, type SatisfactionFunction } from "../election/satisfaction.js";

/**
 * Options of {@link checkExtendedJustifiedRepresentation}.
 *
 * @category Analysis
 * @example
 * ```ts
 * const options: EjrOptions = { sat: cardinalitySatisfaction, upToOne: false };
 * ```
 */
export interface EjrOptions {
  /** A linear satisfaction (cost or cardinality); default cost. */
  readonly sat?: SatisfactionFunction | undefined;
  /** Check EJR up to one project (what equal shares guarantees for any costs); default true. */
  readonly upToOne?: boolean | undefined;
}

/**
 * What {@link checkExtendedJustifiedRepresentation} found; a violation names a set of
 * projects T and how many voters approve all of T (enough to afford T with their share
 * of the budget) yet are all less satisfied than T would make them.
 *
 * @category Analysis
 * @example
 * ```ts
 * const report: EjrReport = { satisfied: false, violation: { projects: ["c"], voters: 4 } };
 * ```
 */
export interface EjrReport {
  readonly satisfied: boolean;
  readonly violation?: { readonly projects: readonly string[]; readonly voters: number };
}

/**
 * Projects the exact check can enumerate (every subset): 2^20 sets, a few tens of
 * millions of steps. Beyond it the issue `ejr-check-too-large`.
 *
 * @category Analysis
 * @example
 * ```ts
 * EJR_PROJECT_LIMIT; //=> 20
 * ```
 */
export const EJR_PROJECT_LIMIT = 20;

/**
 * Extended justified representation for approval ballots, checked exactly over every set
 * of projects: whenever a group of voters all approve a set T and are numerous enough to
 * pay for T with their equal shares of the budget (|S| × budget ≥ n × cost(T)), some member
 * must be at least as satisfied by the outcome as by T (or, up to one project, would be
 * more than satisfied if one more project of T were added). Satisfaction is cost or
 * cardinality (any linear satisfaction). Counts with superset sums over all 2^m sets.
 *
 * @category Analysis
 * @example
 * ```ts
 * const report = checkExtendedJustifiedRepresentation(instance, profile, outcome.selected);
 * if (report.ok && !report.value.satisfied) console.log(report.value.violation);
 * ```
 */
export function checkExtendedJustifiedRepresentation(
  instance: PbInstance,
  profile: PbProfile,
  selected: readonly string[],
  options: EjrOptions = {},
): Result<EjrReport> {
  const sat = options.sat ?? defaultSatisfaction(profile);
  const upToOne = options.upToOne ?? true;
  if (profile.voteType !== "approval" && profile.voteType !== "choose-1") {
    return fail([
      budgetingIssue(
        "unsupported-ballot-type",
        ["profile", "voteType"],
        `the EJR check needs approval ballots, not ${profile.voteType}`,
        {
          voteType: profile.voteType,
        },
      ),
    ]);
  }
  if (sat.kind !== "linear") {
    return fail([
      budgetingIssue(
        "unsupported-satisfaction",
        ["sat"],
        "the EJR check needs a linear satisfaction (cost or cardinality)",
        {
          sat: sat.id,
        },
      ),
    ]);
  }
  const projects = instance.projects;
  const m = projects.length;
  if (m > EJR_PROJECT_LIMIT) {
    return fail([
      budgetingIssue(
        "ejr-check-too-large",
        ["projects"],
        `the exact EJR check enumerates every set of projects; ${m} projects exceed its limit of ${EJR_PROJECT_LIMIT}`,
        { projects: m, limit: EJR_PROJECT_LIMIT },
      ),
    ]);
  }
  // Satisfaction per project as whole numbers over a common denominator.
  const factors = projects.map((project) => sat.factor(project));
  let common = 1n;
  for (const factor of factors)
    common = (common / greatestCommonDivisor(common, factor.den)) * factor.den;
  const value = factors.map((factor) => (factor.num * common) / factor.den);
  const index = new Map(projects.map((project, k) => [project.id, k]));
  const chosen = new Set(selected.map((id) => index.get(id)).filter((k) => k !== undefined));
  const size = 1 << m;
  // Per approval set: voters, and their satisfaction from the outcome.
  const voters = new Float64Array(size);
  const best = new Array<bigint>(size).fill(-1n);
  let n = 0;
  for (const ballot of profile.ballots) {
    let mask = 0;
    let satisfaction = 0n;
    for (const id of new Set(ballot.projects)) {
      const k = index.get(id);
      if (k === undefined) continue;
      mask |= 1 << k;
      if (chosen.has(k)) satisfaction += value[k] as bigint;
    }
    voters[mask] = (voters[mask] as number) + ballot.multiplicity;
    if (satisfaction > (best[mask] as bigint)) best[mask] = satisfaction;
    n += ballot.multiplicity;
  }
  // Superset sums: voters approving all of T, and the best satisfaction among them.
  for (let bit = 0; bit < m; bit++) {
    for (let mask = 0; mask < size; mask++) {
      if (mask & (1 << bit)) continue;
      const superset = mask | (1 << bit);
      voters[mask] = (voters[mask] as number) + (voters[superset] as number);
      if ((best[superset] as bigint) > (best[mask] as bigint))
        best[mask] = best[superset] as bigint;
    }
  }
  const budget = instance.budget;
  const total = BigInt(n);
  for (let mask = 1; mask < size; mask++) {
    const group = voters[mask] as number;
    if (group === 0) continue;
    let cost = 0n;
    let wanted = 0n;
    let extra = 0n;
    for (let k = 0; k < m; k++) {
      if ((mask & (1 << k)) === 0) continue;
      cost += (projects[k] as { cost: bigint }).cost;
      wanted += value[k] as bigint;
      if (!chosen.has(k) && (value[k] as bigint) > extra) extra = value[k] as bigint;
    }
    if (BigInt(group) * budget < total * cost) continue;
    const have = best[mask] as bigint;
    const fine = have >= wanted || (upToOne && extra > 0n && have + extra > wanted);
    if (!fine) {
      return ok({
        satisfied: false,
        violation: {
          projects: projects.filter((_, k) => mask & (1 << k)).map((project) => project.id),
          voters: group,
        },
      });
    }
  }
  return ok({ satisfied: true });
}
