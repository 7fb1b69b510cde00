import {
  addRational,
  compareRational,
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
  subtractRational,
} from "../../core/rational.js";
import { ballotValues } from "../election/ballotValues.js";
import type { PbInstance, PbProject } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import { projectSupport } from "../election/projectSupport.js";
import { defaultSatisfaction, type SatisfactionFunction } from "../election/satisfaction.js";

/**
 * How an outcome treats the voters, in numbers a citizen can read (decimals, computed
 * exactly and rounded only for display).
 *
 * @category Analysis
 * @example
 * ```ts
 * const analysis: OutcomeAnalysis = analyzeOutcome(instance, profile, outcome.selected);
 * analysis.shareWithFunded; //=> "0.734512"
 * ```
 */
export interface OutcomeAnalysis {
  readonly voters: number;
  /** Per-voter satisfaction (`sat`, default cost: the money spent on what they support). */
  readonly satisfaction: {
    readonly sat: string;
    readonly mean: string;
    readonly quantiles: Readonly<
      Record<"min" | "p10" | "p25" | "median" | "p75" | "p90" | "max", string>
    >;
    /** Gini coefficient of satisfaction: 0 when everyone gets the same, towards 1 when few get all. */
    readonly gini: string;
  };
  /** Share of voters with at least one funded project they support. */
  readonly shareWithFunded: string;
  /** Per funded project: its cost divided by its supporters. */
  readonly costPerSupporter: readonly {
    readonly project: string;
    readonly supporters: number;
    readonly perSupporter: string;
  }[];
  /**
   * Fair share (Maly, Rey, Endriss, Lackner): a voter's share is Σ cost/supporters over the
   * funded projects they support; their fair share is the smaller of budget/n and the share
   * they would get if everything they support were funded.
   */
  readonly fairShare: { readonly reached: string; readonly averageRatio: string };
  /**
   * Per category (and per target group): its share of all support and its share of the
   * funded cost; `distance` is half the sum of the gaps (0 when spending follows support).
   */
  readonly proportionality: Readonly<
    Record<
      "categories" | "targets",
      {
        readonly groups: readonly {
          readonly name: string;
          readonly supportShare: string;
          readonly costShare: string;
        }[];
        readonly distance: string;
      }
    >
  >;
}

const DIGITS = 6;
const show = (value: Rational) => formatRationalAsDecimal(value, DIGITS);

/**
 * Analyses any outcome: satisfaction distribution and its Gini coefficient, share of
 * voters with a funded project, cost per supporter, fair share, and how spending per
 * category and target group follows support.
 *
 * @category Analysis
 * @example
 * ```ts
 * const outcome = methodOfEqualShares(instance, profile, { completion: "add1" });
 * if (outcome.ok) analyzeOutcome(instance, profile, outcome.value.selected).satisfaction.gini;
 * ```
 */
export function analyzeOutcome(
  instance: PbInstance,
  profile: PbProfile,
  selected: readonly string[],
  options: { readonly sat?: SatisfactionFunction | undefined } = {},
): OutcomeAnalysis {
  // Long by design: one pass computing every figure of the analysis from the same
  // satisfactions.
  const sat = options.sat ?? defaultSatisfaction(profile);
  const funded = new Set(selected);
  const byId = new Map(instance.projects.map((project) => [project.id, project]));
  const support = projectSupport(instance, profile);
  const supportersOf = (id: string) => support.get(id)?.votes ?? 0;
  const valuesOf = ballotValues(instance, profile);
  const n = profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
  const perVoter = rational(instance.budget, BigInt(Math.max(n, 1)));
  const rows: { satisfaction: Rational; count: number }[] = [];
  let withFunded = 0;
  let reached = 0;
  let ratioSum = rational(0);
  for (const ballot of profile.ballots) {
    if (ballot.multiplicity <= 0) continue;
    const values = valuesOf(ballot);
    let satisfaction = rational(0);
    let share = rational(0);
    let possible = rational(0);
    let any = false;
    ballot.projects.forEach((id, k) => {
      const project = byId.get(id);
      const raw = values[k] as number;
      if (project === undefined || raw <= 0) return;
      const part = rational(project.cost, BigInt(Math.max(supportersOf(id), 1)));
      possible = addRational(possible, part);
      if (!funded.has(id)) return;
      any = true;
      share = addRational(share, part);
      const value = rationalFromNumber(raw);
      satisfaction = addRational(
        satisfaction,
        sat.kind === "linear"
          ? multiplyRational(value, sat.factor(project))
          : sat.satisfaction(project, value, ballot),
      );
    });
    rows.push({ satisfaction, count: ballot.multiplicity });
    if (any) withFunded += ballot.multiplicity;
    const fair = compareRational(perVoter, possible) < 0 ? perVoter : possible;
    if (fair.num === 0n || compareRational(share, fair) >= 0) {
      reached += ballot.multiplicity;
      ratioSum = addRational(ratioSum, rational(ballot.multiplicity));
    } else {
      ratioSum = addRational(
        ratioSum,
        multiplyRational(
          rational(share.num * fair.den, share.den * fair.num),
          rational(ballot.multiplicity),
        ),
      );
    }
  }
  rows.sort((a, b) => compareRational(a.satisfaction, b.satisfaction));
  // Gini of a sorted list with multiplicities: 2 Σ i·x_i / (n Σ x) − (n + 1) / n.
  let total = rational(0);
  let weighted = rational(0);
  let position = 0;
  for (const { satisfaction, count } of rows) {
    const positions = BigInt(count) * BigInt(position) + (BigInt(count) * BigInt(count + 1)) / 2n;
    weighted = addRational(weighted, multiplyRational(satisfaction, rational(positions)));
    total = addRational(total, multiplyRational(satisfaction, rational(count)));
    position += count;
  }
  const gini =
    total.num === 0n || n === 0
      ? rational(0)
      : subtractRational(
          multiplyRational(
            rational(2n * weighted.num * total.den, weighted.den * total.num),
            rational(1, n),
          ),
          rational(n + 1, n),
        );
  const quantile = (q: number): Rational => {
    if (rows.length === 0) return rational(0);
    const target = Math.min(n - 1, Math.floor(q * (n - 1)));
    let seen = 0;
    for (const row of rows) {
      seen += row.count;
      if (seen > target) return row.satisfaction;
    }
    return (rows[rows.length - 1] as { satisfaction: Rational }).satisfaction;
  };
  const fraction = (part: number) => show(rational(part, Math.max(n, 1)));
  return {
    voters: n,
    satisfaction: {
      sat: sat.id,
      mean: show(multiplyRational(total, rational(1, Math.max(n, 1)))),
      quantiles: {
        min: show(quantile(0)),
        p10: show(quantile(0.1)),
        p25: show(quantile(0.25)),
        median: show(quantile(0.5)),
        p75: show(quantile(0.75)),
        p90: show(quantile(0.9)),
        max: show(quantile(1)),
      },
      gini: show(gini),
    },
    shareWithFunded: fraction(withFunded),
    costPerSupporter: selected.map((id) => {
      const project = byId.get(id) as PbProject;
      const supporters = supportersOf(id);
      return {
        project: id,
        supporters,
        perSupporter: supporters === 0 ? "none" : show(rational(project.cost, BigInt(supporters))),
      };
    }),
    fairShare: {
      reached: fraction(reached),
      averageRatio: show(multiplyRational(ratioSum, rational(1, Math.max(n, 1)))),
    },
    proportionality: {
      categories: proportionality(instance, funded, supportersOf, (project) => project.categories),
      targets: proportionality(instance, funded, supportersOf, (project) => project.targets),
    },
  };
}

function proportionality(
  instance: PbInstance,
  funded: ReadonlySet<string>,
  supportersOf: (id: string) => number,
  groupsOf: (project: PbProject) => readonly string[],
): { groups: { name: string; supportShare: string; costShare: string }[]; distance: string } {
  const supportBy = new Map<string, number>();
  const costBy = new Map<string, bigint>();
  let allSupport = 0;
  let allCost = 0n;
  for (const project of instance.projects) {
    for (const name of groupsOf(project)) {
      supportBy.set(name, (supportBy.get(name) ?? 0) + supportersOf(project.id));
      allSupport += supportersOf(project.id);
      if (funded.has(project.id)) {
        costBy.set(name, (costBy.get(name) ?? 0n) + project.cost);
        allCost += project.cost;
      }
    }
  }
  let distance = rational(0);
  const groups = [...supportBy.keys()].sort().map((name) => {
    const supportShare = rational(supportBy.get(name) ?? 0, Math.max(allSupport, 1));
    const costShare = rational(costBy.get(name) ?? 0n, allCost === 0n ? 1n : allCost);
    const gap = subtractRational(supportShare, costShare);
    distance = addRational(distance, gap.num < 0n ? rational(-gap.num, gap.den) : gap);
    return { name, supportShare: show(supportShare), costShare: show(costShare) };
  });
  return { groups, distance: show(multiplyRational(distance, rational(1, 2))) };
}
