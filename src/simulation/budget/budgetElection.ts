import type { PbElection } from "../../budgeting/election/election.js";
import type { PbBallot } from "../../budgeting/election/profile.js";
import type { Money } from "../../core/money.js";
import { seededRandom } from "../../core/seededRandom.js";
import { randomPermutation } from "../ordinal/ordinalProfile.js";

/**
 * Options of {@link budgetElection}: how many projects and voters, the seed, the budget (in
 * whole units), where project costs come from, and how voters fill their ballots.
 *
 * @category Generators
 * @example
 * ```ts
 * const options: BudgetElectionOptions = {
 *   projects: 40, voters: 10_000, seed: 1, budget: 1_000_000n,
 *   costs: { uniform: [20_000n, 300_000n] }, approve: 0.5,
 * };
 * ```
 */
export interface BudgetElectionOptions {
  readonly projects: number;
  readonly voters: number;
  readonly seed: number | string;
  /** The budget, in whole units (the election's scale is 0). */
  readonly budget: Money;
  /**
   * Project costs: whole amounts uniform in [min, max], drawn with replacement from given
   * costs (a real file's: `instance.projects.map((p) => p.cost)`), or exactly the ones
   * given, project by project.
   */
  readonly costs:
    | { readonly uniform: readonly [Money, Money] }
    | { readonly resample: readonly Money[] }
    | { readonly given: readonly Money[] };
  /** The chance a voter approves a project they consider that still fits; default 1. */
  readonly approve?: number | undefined;
  /** Each voter's limit on the total cost of a ballot, as a share of the budget; default 1. */
  readonly ballotShare?: number | undefined;
  /** The most projects on a ballot; default no limit. */
  readonly maxLength?: number | undefined;
}

/**
 * A participatory budget with budget-aware approval ballots: project costs drawn as the
 * options say; each voter considers the projects in a uniformly random order and approves
 * each with probability `approve` if it still fits within their limit (the budget ×
 * `ballotShare`, as Pabulib files' `max_sum_cost`) and their ballot is shorter than
 * `maxLength`. Identical ballots are merged with their multiplicity. (The knapsack-style
 * ballots of Warsaw and other Pabulib files, whose META `max_sum_cost` bounds a ballot's
 * cost; costs resampled from the real elections of Pabulib, Faliszewski et al. 2023.)
 *
 * @category Generators
 * @example
 * ```ts
 * const { instance, profile } = budgetElection({
 *   projects: 40, voters: 10_000, seed: 1, budget: 1_000_000n, costs: { uniform: [20_000n, 300_000n] },
 * });
 * ```
 */
export function budgetElection(options: BudgetElectionOptions): PbElection {
  const { projects: m, voters } = options;
  if (!Number.isInteger(m) || m < 1) throw new RangeError("projects: a whole number from 1");
  if (!Number.isInteger(voters) || voters < 0)
    throw new RangeError("voters: a whole number from 0");
  const approve = options.approve ?? 1;
  if (!(approve >= 0 && approve <= 1)) throw new RangeError("approve lies in [0, 1]");
  const costRandom = seededRandom(`${options.seed}/costs`);
  const source = options.costs;
  if ("given" in source && source.given.length !== m)
    throw new RangeError("costs: one given cost per project");
  const costs = Array.from({ length: m }, (_, p): Money => {
    if ("given" in source) return source.given[p] as Money;
    if ("uniform" in source) {
      const [low, high] = source.uniform;
      if (low < 1n || high < low) throw new RangeError("costs: 1 ≤ min ≤ max");
      return low + BigInt(Math.floor(costRandom() * Number(high - low + 1n)));
    }
    const from = source.resample;
    if (from.length === 0) throw new RangeError("costs: resample from at least one cost");
    return from[Math.floor(costRandom() * from.length)] as Money;
  });
  const limit =
    options.ballotShare === undefined
      ? options.budget
      : BigInt(Math.floor(Number(options.budget) * options.ballotShare));
  const maxLength = options.maxLength ?? m;
  const random = seededRandom(options.seed);
  const counts = new Map<string, { projects: string[]; multiplicity: number }>();
  for (let v = 0; v < voters; v++) {
    const chosen: number[] = [];
    let spent = 0n;
    for (const p of randomPermutation(m, random)) {
      if (chosen.length >= maxLength) break;
      const cost = costs[p] as Money;
      if (spent + cost > limit || random() >= approve) continue;
      chosen.push(p);
      spent += cost;
    }
    chosen.sort((a, b) => a - b);
    const key = chosen.join(",");
    const known = counts.get(key);
    if (known !== undefined) known.multiplicity++;
    else counts.set(key, { projects: chosen.map((p) => `p${p + 1}`), multiplicity: 1 });
  }
  const ballots: PbBallot[] = [...counts.values()];
  return {
    instance: {
      budget: options.budget,
      scale: 0,
      projects: costs.map((cost, p) => ({
        id: `p${p + 1}`,
        cost,
        name: `project ${p + 1}`,
        categories: [],
        targets: [],
        fields: Object.create(null) as Record<string, string>,
      })),
      meta: {
        description: `civitas simulation (seed ${String(options.seed)})`,
        vote_type: "approval",
        max_sum_cost: String(limit),
      },
      projectColumns: ["project_id", "cost", "name"],
    },
    profile: { voteType: "approval", ballots, voteColumns: ["voter_id", "vote"] },
  };
}
