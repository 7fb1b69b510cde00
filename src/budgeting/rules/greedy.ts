import {
  compareRational,
  formatRational,
  multiplyRational,
  type Rational,
  rational,
} from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { type TieBreakingPolicy, tieBreakingComparator } from "../../core/tieBreaking.js";
import { projectWelfare } from "../analysis/projectWelfare.js";
import type { PbInstance, PbProject } from "../election/instance.js";
import { defaultPbTieBreaking, pbTieBreakingKeys } from "../election/pbTieBreaking.js";
import type { PbProfile } from "../election/profile.js";
import { projectSupport } from "../election/projectSupport.js";
import { costSatisfaction, type SatisfactionFunction } from "../election/satisfaction.js";
import { validatePbElection } from "../election/validatePbElection.js";
import type { PbOutcome, PbRuleMetadata, PbStep } from "../outcome.js";

/**
 * Options of the greedy rules.
 *
 * @category Rules
 * @example
 * ```ts
 * greedy(instance, profile, { sat: cardinalitySatisfaction, tieBreaking: [{ by: "votes", prefer: "higher" }] });
 * ```
 */
export interface GreedyOptions {
  /** Satisfaction whose welfare per cost ranks the projects; default cost (= by votes or score). */
  readonly sat?: SatisfactionFunction | undefined;
  /** How equal-ranked projects are ordered; default {@link defaultPbTieBreaking}. */
  readonly tieBreaking?: TieBreakingPolicy | undefined;
}

/**
 * The shared engine behind every greedy rule. Internal: use {@link greedy},
 * `greedyNoSkip` or `greedyThreshold`.
 *
 * @internal
 */
export interface GreedyEngineOptions extends GreedyOptions {
  readonly rule: string;
  /** Stop at the first project that does not fit (greedy-no-skip). */
  readonly stopAtFirstUnaffordable: boolean;
  /** Only projects whose score (votes for approval) reaches this are eligible. */
  readonly threshold?: Rational | undefined;
  /** Skip projects whose cost is the 999999999 withdrawal sentinel. */
  readonly skipWithdrawn: boolean;
  /**
   * Projects already funded by the rule this greedy completes: not ranked again, their
   * cost already spent; they head `selected`.
   */
  readonly preselected?: readonly string[] | undefined;
  /**
   * Rank by how many voters support each project (Pabulib's votes), whatever the ballots,
   * and leave out projects nobody supports: greedy as equal shares' completions run it.
   */
  readonly byVoters?: boolean | undefined;
}

/** Pabulib's marker for a withdrawn project, in major units. */
const WITHDRAWN_COST = 999_999_999n;

/**
 * The greedy engine; exported for the other greedy rules of this module.
 *
 * @internal
 */
export function greedyEngine(
  instance: PbInstance,
  profile: PbProfile,
  options: GreedyEngineOptions,
): Result<PbOutcome> {
  const invalid = validatePbElection({ instance, profile });
  if (invalid.length > 0) return fail(invalid);
  const sat = options.sat ?? costSatisfaction;
  const tieBreaking = options.tieBreaking ?? defaultPbTieBreaking;
  const support = projectSupport(instance, profile);
  const welfare = projectWelfare(instance, profile, sat, support);
  const approvalLike = profile.voteType === "approval" || profile.voteType === "choose-1";
  const measure =
    options.byVoters === true || (sat.id === "cost" && approvalLike)
      ? "votes"
      : sat.id === "cost"
        ? "score"
        : "welfare-per-cost";
  const welfareOf = (project: PbProject) => welfare.get(project.id) ?? rational(0);
  const breakTie = tieBreakingComparator(
    tieBreaking,
    pbTieBreakingKeys(instance.projects, support),
  );
  const preselected = new Set(options.preselected ?? []);
  const votersOf = (project: PbProject) => support.get(project.id)?.votes ?? 0;
  // Welfare per cost, compared by cross-multiplication so a zero cost needs no division.
  const order = instance.projects
    .filter(
      (project) =>
        !preselected.has(project.id) && (options.byVoters !== true || votersOf(project) > 0),
    )
    .sort((a, b) => {
      const byRank =
        options.byVoters === true
          ? votersOf(b) - votersOf(a)
          : compareRational(
              multiplyRational(welfareOf(b), rational(a.cost)),
              multiplyRational(welfareOf(a), rational(b.cost)),
            );
      return byRank !== 0 ? byRank : breakTie(a, b);
    });
  const measureText = (project: PbProject): string => {
    if (options.byVoters === true) return String(votersOf(project));
    if (measure !== "welfare-per-cost")
      return formatRational(support.get(project.id)?.score ?? rational(0));
    return project.cost === 0n
      ? "infinite"
      : formatRational(multiplyRational(welfareOf(project), rational(1n, project.cost)));
  };
  const withdrawnCost = WITHDRAWN_COST * 10n ** BigInt(instance.scale);
  const selected: string[] = [...preselected];
  const explanation: PbStep[] = [];
  let left = instance.projects.reduce(
    (rest, project) => (preselected.has(project.id) ? rest - project.cost : rest),
    instance.budget,
  );
  for (const project of order) {
    const step = (action: PbStep["action"], reason: PbStep["reason"]): PbStep => ({
      project: project.id,
      action,
      reason,
      cost: project.cost,
      measure,
      value: measureText(project),
      budgetLeft: left,
    });
    if (options.skipWithdrawn && project.cost === withdrawnCost) {
      explanation.push(step("skipped", "withdrawn"));
      continue;
    }
    const score = support.get(project.id)?.score ?? rational(0);
    if (options.threshold !== undefined && compareRational(score, options.threshold) < 0) {
      explanation.push(step("skipped", "below-threshold"));
      continue;
    }
    if (project.cost <= left) {
      left -= project.cost;
      selected.push(project.id);
      explanation.push(step("selected", "fits"));
      continue;
    }
    if (options.stopAtFirstUnaffordable) {
      explanation.push(step("skipped", "stop"));
      break;
    }
    explanation.push(step("skipped", "over-budget"));
  }
  return ok({
    rule: options.rule,
    selected,
    cost: instance.budget - left,
    budget: instance.budget,
    explanation,
    tieBreaking,
    notes: [
      `projects ranked by ${measure === "welfare-per-cost" ? `${sat.id} welfare per cost` : measure}, highest first`,
    ],
  });
}

/**
 * Greedy by votes after a rule's own selection: the projects nobody has funded yet, by how
 * many voters support them (ties by the policy), each if it still fits what `selected`
 * left of the budget; projects nobody supports are left out. Equal shares' `greedy` and
 * comparison completions run it. Returns the projects it adds, in order.
 *
 * @internal
 */
export function greedyCompletion(
  instance: PbInstance,
  profile: PbProfile,
  selected: readonly string[],
  tieBreaking: TieBreakingPolicy,
): Result<string[]> {
  const outcome = greedyEngine(instance, profile, {
    rule: "greedy",
    tieBreaking,
    stopAtFirstUnaffordable: false,
    skipWithdrawn: false,
    preselected: selected,
    byVoters: true,
  });
  return outcome.ok ? ok(outcome.value.selected.slice(selected.length)) : outcome;
}

/**
 * Greedy utilitarian selection as cities run it: rank projects by votes (or by score for
 * points and rankings; in general by welfare per cost under `sat`), then take each
 * project that still fits the budget, skipping those that do not.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = greedy(instance, profile);
 * if (outcome.ok) outcome.value.selected; //=> ["618", "362", …]
 * ```
 */
export function greedy(
  instance: PbInstance,
  profile: PbProfile,
  options: GreedyOptions = {},
): Result<PbOutcome> {
  return greedyEngine(instance, profile, {
    ...options,
    rule: greedyMetadata.id,
    stopAtFirstUnaffordable: false,
    skipWithdrawn: false,
  });
}

/**
 * Metadata of {@link greedy}.
 *
 * @category Rules
 * @example
 * ```ts
 * greedyMetadata.id; //=> "greedy"
 * ```
 */
export const greedyMetadata: PbRuleMetadata = {
  id: "greedy",
  name: "Greedy utilitarian (with skipping)",
  kind: "budget",
  ballotTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
  properties: ["exhaustive", "support-monotonic", "budget-feasible"],
  notes: [],
  reference: "Pabulib format, rule `greedy`: https://pabulib.org/format",
  description: "Ranks projects by votes (or score) and funds each one that still fits.",
};
