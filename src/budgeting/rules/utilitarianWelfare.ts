import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import { formatRational, type Rational, rational } from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { type TieBreakingPolicy, tieBreakingComparator } from "../../core/tieBreaking.js";
import { projectWelfare } from "../analysis/projectWelfare.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbInstance, PbProject } from "../election/instance.js";
import { defaultPbTieBreaking, pbTieBreakingKeys } from "../election/pbTieBreaking.js";
import type { PbProfile } from "../election/profile.js";
import { projectSupport } from "../election/projectSupport.js";
import { defaultSatisfaction, type SatisfactionFunction } from "../election/satisfaction.js";
import { validatePbElection } from "../election/validatePbElection.js";
import type { PbOutcome, PbRuleMetadata, PbStep } from "../outcome.js";

/**
 * The default cap on branch-and-bound nodes per search. Real instances (tens to a few
 * hundred projects) need far fewer; past it the rule returns the issue
 * `utilitarian-search-limit` rather than a result it cannot prove optimal.
 *
 * @category Rules
 * @example
 * ```ts
 * utilitarianWelfare(instance, profile, { nodeLimit: 10 * UTILITARIAN_NODE_LIMIT });
 * ```
 */
export const UTILITARIAN_NODE_LIMIT = 5_000_000;

/**
 * Options of {@link utilitarianWelfare}.
 *
 * @category Rules
 * @example
 * ```ts
 * utilitarianWelfare(instance, profile, { sat: cardinalitySatisfaction, nodeLimit: 1_000_000 });
 * ```
 */
export interface UtilitarianWelfareOptions {
  /** Satisfaction to maximise; default cost satisfaction. */
  readonly sat?: SatisfactionFunction | undefined;
  /**
   * Among several best sets, prefer the one that includes projects earlier in this order
   * (lexicographically); default {@link defaultPbTieBreaking}.
   */
  readonly tieBreaking?: TieBreakingPolicy | undefined;
  /** Branch-and-bound nodes allowed per search; default {@link UTILITARIAN_NODE_LIMIT}. */
  readonly nodeLimit?: number | undefined;
}

class NodeLimitReached extends Error {}

interface Item {
  readonly cost: bigint;
  readonly value: bigint;
}

/**
 * Depth-first branch and bound for 0/1 knapsack with exact bigint values and costs.
 *
 * Pruning uses the Lagrangian (Dantzig) bound `Σ_{j<k} (v_j − r_k c_j) + r_k · cap`,
 * which is an upper bound for *every* split index k when items are sorted by ratio, so
 * float error in locating k never makes it invalid. The bound itself is computed in
 * doubles and only used to prune when it is below the target by more than a generous
 * error allowance (1e-9 of the magnitudes involved, plus one), so a branch is pruned only
 * when it provably cannot reach the target. Every value compared at a leaf is exact.
 */
function branchAndBound(
  items: readonly Item[],
  capacity: bigint,
  mode:
    | { readonly kind: "maximise"; readonly atLeast: bigint }
    | { readonly kind: "reach"; readonly target: bigint },
  nodeLimit: number,
): { value: bigint; chosen: number[] } | undefined {
  const n = items.length;
  const costF = items.map((item) => Number(item.cost));
  const valueF = items.map((item) => Number(item.value));
  const prefixCost = new Float64Array(n + 1);
  const prefixValue = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    prefixCost[k + 1] = (prefixCost[k] as number) + (costF[k] as number);
    prefixValue[k + 1] = (prefixValue[k] as number) + (valueF[k] as number);
  }
  const totalValue = prefixValue[n] as number;
  const totalCost = prefixCost[n] as number;
  let best: { value: bigint; chosen: number[] } | undefined;
  let goal = mode.kind === "maximise" ? mode.atLeast : mode.target;
  let nodes = 0;
  const chosen: number[] = [];

  const bound = (i: number, capF: number): { ub: number; slack: number } => {
    const base = prefixCost[i] as number;
    let lo = i;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((prefixCost[mid] as number) - base <= capF) lo = mid;
      else hi = mid - 1;
    }
    const k = lo;
    const full = (prefixValue[k] as number) - (prefixValue[i] as number);
    if (k >= n) return { ub: full, slack: 1e-9 * totalValue + 1 };
    const rate = (valueF[k] as number) / (costF[k] as number);
    const rest = capF - ((prefixCost[k] as number) - base);
    return { ub: full + rest * rate, slack: 1e-9 * (totalValue + rate * (totalCost + capF)) + 1 };
  };

  const visit = (i: number, cap: bigint, value: bigint): boolean => {
    if (++nodes > nodeLimit) throw new NodeLimitReached();
    if (value >= goal && (best === undefined || value > best.value)) {
      best = { value, chosen: [...chosen] };
      if (mode.kind === "reach") return true;
      goal = value + 1n;
    }
    if (i === n) return false;
    const { ub, slack } = bound(i, Number(cap));
    if (Number(value) + ub + slack < Number(goal)) return false;
    const item = items[i] as Item;
    if (item.cost <= cap) {
      chosen.push(i);
      const found = visit(i + 1, cap - item.cost, value + item.value);
      chosen.pop();
      if (found) return true;
    }
    return visit(i + 1, cap, value);
  };
  visit(0, capacity, 0n);
  return best;
}

/**
 * Exact utilitarian welfare: the set of projects within the budget with the greatest total
 * satisfaction (default: cost satisfaction), found by exact branch and bound.
 *
 * Several sets can reach the same welfare; the one returned is the lexicographically
 * preferred under `tieBreaking`: the most preferred project that belongs to some best set
 * is included, then the next, and so on. Projects nobody gains from are never funded.
 *
 * Size limit: each search is capped at `nodeLimit` nodes (default 5 000 000, seconds of
 * work). Instances the search cannot settle within it return the issue
 * `utilitarian-search-limit`: never an answer that is not provably optimal.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = utilitarianWelfare(instance, profile, { sat: cardinalitySatisfaction });
 * if (outcome.ok) outcome.value.notes; //=> ["maximum cardinality welfare: 1234", …]
 * ```
 */
export function utilitarianWelfare(
  instance: PbInstance,
  profile: PbProfile,
  options: UtilitarianWelfareOptions = {},
): Result<PbOutcome> {
  // Long by design: a depth-first branch and bound whose stack, bound and best set are shared
  // by every node.
  const invalid = validatePbElection({ instance, profile });
  if (invalid.length > 0) return fail(invalid);
  const sat = options.sat ?? defaultSatisfaction(profile);
  const tieBreaking = options.tieBreaking ?? defaultPbTieBreaking;
  const nodeLimit = options.nodeLimit ?? UTILITARIAN_NODE_LIMIT;
  const support = projectSupport(instance, profile);
  const welfare = projectWelfare(instance, profile, sat, support);
  const welfareOf = (project: PbProject): Rational => welfare.get(project.id) ?? rational(0);
  // Integer values on a common denominator, so the search compares bigints only.
  let denominator = 1n;
  for (const project of instance.projects) {
    const { den } = welfareOf(project);
    denominator = (denominator * den) / greatestCommonDivisor(denominator, den);
  }
  const integerWelfare = (project: PbProject): bigint => {
    const w = welfareOf(project);
    return w.num * (denominator / w.den);
  };
  const candidates = instance.projects.filter(
    (project) => integerWelfare(project) > 0n && project.cost <= instance.budget,
  );
  const free = candidates.filter((project) => project.cost === 0n);
  const priced = candidates.filter((project) => project.cost > 0n);
  const solve = (
    include: readonly PbProject[],
    exclude: ReadonlySet<string>,
    mode: { kind: "maximise"; atLeast: bigint } | { kind: "reach"; target: bigint },
  ): { value: bigint; set: PbProject[] } | undefined => {
    const forced = new Set(include.map((project) => project.id));
    let cap = instance.budget;
    let base = 0n;
    for (const project of include) {
      cap -= project.cost;
      base += integerWelfare(project);
    }
    if (cap < 0n) return undefined;
    const pool = priced
      .filter((project) => !forced.has(project.id) && !exclude.has(project.id))
      .map((project) => ({ project, cost: project.cost, value: integerWelfare(project) }))
      .sort((a, b) => {
        const left = b.value * a.cost;
        const right = a.value * b.cost;
        return left < right ? -1 : left > right ? 1 : 0;
      });
    const shifted =
      mode.kind === "maximise"
        ? { kind: "maximise" as const, atLeast: mode.atLeast - base }
        : { kind: "reach" as const, target: mode.target - base };
    const found = branchAndBound(pool, cap, shifted, nodeLimit);
    if (found === undefined) return undefined;
    return {
      value: found.value + base,
      set: [...include, ...found.chosen.map((k) => (pool[k] as { project: PbProject }).project)],
    };
  };

  try {
    const optimum = solve(free, new Set(), { kind: "maximise", atLeast: 0n });
    const best = optimum?.value ?? 0n;
    let witness = new Set((optimum?.set ?? free).map((project) => project.id));
    // Lexicographic tie-breaking among all best sets.
    const compare = tieBreakingComparator(
      tieBreaking,
      pbTieBreakingKeys(instance.projects, support),
    );
    const included: PbProject[] = [...free];
    const excluded = new Set<string>();
    for (const project of [...priced].sort(compare)) {
      if (witness.has(project.id)) {
        included.push(project);
        continue;
      }
      const other = solve([...included, project], excluded, { kind: "reach", target: best });
      if (other === undefined) {
        excluded.add(project.id);
      } else {
        included.push(project);
        witness = new Set(other.set.map((p) => p.id));
      }
    }
    const chosen = new Set(included.map((project) => project.id));
    const order = [...instance.projects].sort(compare);
    const explanation: PbStep[] = [];
    let left = instance.budget;
    for (const project of order) {
      const take = chosen.has(project.id);
      if (take) left -= project.cost;
      explanation.push({
        project: project.id,
        action: take ? "selected" : "skipped",
        reason: take ? "optimal" : "not-optimal",
        cost: project.cost,
        measure: "welfare",
        value: formatRational(welfareOf(project)),
        budgetLeft: left,
      });
    }
    return ok({
      rule: utilitarianWelfareMetadata.id,
      selected: order.filter((project) => chosen.has(project.id)).map((project) => project.id),
      cost: instance.budget - left,
      budget: instance.budget,
      explanation,
      tieBreaking,
      notes: [
        `maximum ${sat.id} welfare: ${formatRational(rational(best, denominator))}`,
        "among equally good sets, projects preferred by the tie-breaking policy are included first",
      ],
    });
  } catch (error) {
    if (!(error instanceof NodeLimitReached)) throw error;
    return fail([
      budgetingIssue(
        "utilitarian-search-limit",
        [],
        `the exact utilitarian search needs more than ${nodeLimit} nodes on this instance (${priced.length} projects); raise nodeLimit or use another rule`,
        { nodeLimit, projects: priced.length },
      ),
    ]);
  }
}

/**
 * Metadata of {@link utilitarianWelfare}.
 *
 * @category Rules
 * @example
 * ```ts
 * utilitarianWelfareMetadata.id; //=> "utilitarian"
 * ```
 */
export const utilitarianWelfareMetadata: PbRuleMetadata = {
  id: "utilitarian",
  name: "Exact utilitarian welfare",
  kind: "budget",
  ballotTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
  properties: ["budget-feasible", "welfare-maximising"],
  notes: ["exhaustive among projects of positive welfare"],
  reference:
    "Talmon & Faliszewski, A Framework for Approval-Based Budgeting Methods, AAAI 2019 (max-welfare rule)",
  description: "Funds the set of projects with the greatest total satisfaction within the budget.",
};
