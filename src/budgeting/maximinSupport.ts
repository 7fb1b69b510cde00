import { makeIssue } from "../core/issue.js";
import {
  compareRational,
  formatRationalAsDecimal,
  type Rational,
  rational,
} from "../core/rational.js";
import { fail, ok, type Result } from "../core/result.js";
import { type TieBreakingPolicy, tieBreakingComparator } from "../core/tieBreaking.js";
import { type ApprovalGroups, approvalGroups } from "./approvalGroups.js";
import type { PbInstance, PbProject } from "./instance.js";
import type { PbOutcome, PbRuleMetadata, PbStep } from "./outcome.js";
import { defaultPbTieBreaking, pbTieBreakingKeys } from "./pbTieBreaking.js";
import type { PbProfile } from "./profile.js";
import { validatePbElection } from "./validatePbElection.js";

/**
 * Options of {@link maximinSupport}.
 *
 * @category Rules
 * @example
 * ```ts
 * maximinSupport(instance, profile, { tieBreaking: defaultPbTieBreaking });
 * ```
 */
export interface MaximinSupportOptions {
  /** Order among projects giving the same load; default lower cost, more votes, id. */
  readonly tieBreaking?: TieBreakingPolicy | undefined;
}

/** Capacities stay exact in doubles below this. */
const EXACT_LIMIT = 2 ** 53;

/** Max flow (Dinic) on a small network with whole-number capacities held in doubles. */
class FlowNetwork {
  readonly head: Int32Array;
  to: number[] = [];
  capacity: number[] = [];
  next: number[] = [];
  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }
  add(from: number, to: number, capacity: number): void {
    for (const [a, b, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(b);
      this.capacity.push(c);
      this.next.push(this.head[a] as number);
      this.head[a] = this.to.length - 1;
    }
  }
  /** Levels from the source in the residual graph (-1: unreachable). */
  levels(source: number): Int32Array {
    const level = new Int32Array(this.nodes).fill(-1);
    const queue = [source];
    level[source] = 0;
    for (let at = 0; at < queue.length; at++) {
      const u = queue[at] as number;
      for (let e = this.head[u] as number; e >= 0; e = this.next[e] as number) {
        const v = this.to[e] as number;
        if ((this.capacity[e] as number) > 0 && level[v] === -1) {
          level[v] = (level[u] as number) + 1;
          queue.push(v);
        }
      }
    }
    return level;
  }
  maxFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const level = this.levels(source);
      if (level[sink] === -1) return total;
      const cursor = Int32Array.from(this.head);
      // Iterative blocking-flow search along level-increasing edges.
      for (;;) {
        const path: number[] = [];
        let u = source;
        while (u !== sink) {
          let advanced = false;
          for (let e = cursor[u] as number; e >= 0; e = this.next[e] as number) {
            const v = this.to[e] as number;
            if ((this.capacity[e] as number) > 0 && level[v] === (level[u] as number) + 1) {
              cursor[u] = e;
              path.push(e);
              u = v;
              advanced = true;
              break;
            }
          }
          if (advanced) continue;
          cursor[u] = -1;
          level[u] = -1;
          if (path.length === 0) break;
          const back = path.pop() as number;
          u = this.to[back ^ 1] as number;
          cursor[u] = this.next[cursor[u] as number] ?? -1;
        }
        if (u !== sink) break;
        let push = Number.POSITIVE_INFINITY;
        for (const e of path) push = Math.min(push, this.capacity[e] as number);
        for (const e of path) {
          this.capacity[e] = (this.capacity[e] as number) - push;
          this.capacity[e ^ 1] = (this.capacity[e ^ 1] as number) + push;
        }
        total += push;
      }
    }
  }
}

/**
 * The lowest possible maximal load when the supporters of `set` share its costs
 * (each project paid only by its supporters): max over subsets T of cost(T) / |N(T)|,
 * found exactly by Dinkelbach's method with a minimum cut per step.
 */
function optimalLoad(
  set: readonly number[],
  projects: readonly PbProject[],
  grouped: ApprovalGroups,
): Rational | undefined {
  // Voters grouped by which projects of the set they approve.
  const inSet = new Map(set.map((p, k) => [p, k]));
  const patterns = new Map<string, { members: number[]; voters: number }>();
  for (let g = 0; g < grouped.groups; g++) {
    const members: number[] = [];
    for (
      let at = grouped.ballotStart[g] as number;
      at < (grouped.ballotStart[g + 1] as number);
      at++
    ) {
      const k = inSet.get(grouped.ballotProject[at] as number);
      if (k !== undefined) members.push(k);
    }
    if (members.length === 0) continue;
    const key = members.join(",");
    const known = patterns.get(key);
    if (known !== undefined) known.voters += grouped.multiplicity[g] as number;
    else patterns.set(key, { members, voters: grouped.multiplicity[g] as number });
  }
  const groups = [...patterns.values()];
  const costs = set.map((p) => (projects[p] as PbProject).cost);
  const supportersOf = (chosen: readonly boolean[]) =>
    groups.reduce(
      (sum, group) => (group.members.some((k) => chosen[k]) ? sum + group.voters : sum),
      0,
    );
  let chosen = set.map(() => true);
  for (;;) {
    const cost = costs.reduce((sum, c, k) => (chosen[k] ? sum + c : sum), 0n);
    const voters = supportersOf(chosen);
    // λ = cost / voters; is there a T with cost(T) − λ|N(T)| > 0?  Scaled by voters.
    const a = cost;
    const b = BigInt(voters);
    const totalSource = costs.reduce((sum, c) => sum + c, 0n) * b;
    const totalSink = a * BigInt(groups.reduce((sum, group) => sum + group.voters, 0));
    if (totalSource >= BigInt(EXACT_LIMIT) || totalSink >= BigInt(EXACT_LIMIT)) return undefined;
    const source = 0;
    const sink = 1;
    const network = new FlowNetwork(2 + set.length + groups.length);
    costs.forEach((c, k) => {
      network.add(source, 2 + k, Number(c * b));
    });
    groups.forEach((group, j) => {
      const node = 2 + set.length + j;
      for (const k of group.members) network.add(2 + k, node, Number.POSITIVE_INFINITY);
      network.add(node, sink, Number(a * BigInt(group.voters)));
    });
    const flow = network.maxFlow(source, sink);
    const gain = Number(totalSource) - flow;
    if (!(gain > 0)) return rational(a, b);
    const level = network.levels(source);
    const better = set.map((_, k) => level[2 + k] !== -1);
    // The cut's side is strictly better: cost(T)/|N(T)| > λ. Guard against no progress.
    if (better.every((value, k) => value === chosen[k])) return rational(a, b);
    chosen = better;
  }
}

/**
 * Maximin support (the generalised sequential Phragmén of Aziz, Lee and Talmon) for
 * approval ballots: each round adds the project after which the supporters can share all
 * funded costs with the lowest possible maximal load (each project paid only by voters
 * who approve it), until no project fits the budget that is left.
 *
 * Exact: each load is a fraction found by Dinkelbach's method with exact minimum cuts.
 * Size limit: capacities must stay below 2^53 (cost × voters); beyond, the issue
 * `maximin-support-too-large`.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = maximinSupport(instance, profile);
 * if (outcome.ok) outcome.value.selected;
 * ```
 */
export function maximinSupport(
  instance: PbInstance,
  profile: PbProfile,
  options: MaximinSupportOptions = {},
): Result<PbOutcome> {
  const invalid = validatePbElection({ instance, profile });
  if (invalid.length > 0) return fail(invalid);
  const tieBreaking = options.tieBreaking ?? defaultPbTieBreaking;
  const grouped = approvalGroups(instance, profile, "maximin support");
  if (!grouped.ok) return grouped;
  const projects = instance.projects;
  const compare = tieBreakingComparator(
    tieBreaking,
    pbTieBreakingKeys(projects, grouped.value.support),
  );
  const votes = grouped.value.votes;
  const available = new Set(
    projects
      .map((_, p) => p)
      .filter(
        (p) => (votes[p] as number) > 0 && (projects[p] as PbProject).cost <= instance.budget,
      ),
  );
  // The load only grows as the set grows: the last value is a lower bound.
  const lower = new Map<number, Rational>(
    [...available].map((p) => [
      p,
      rational((projects[p] as PbProject).cost, BigInt(votes[p] as number)),
    ]),
  );
  const selected: number[] = [];
  const explanation: PbStep[] = [];
  let left = instance.budget;
  for (;;) {
    for (const p of [...available]) {
      if ((projects[p] as PbProject).cost > left) available.delete(p);
    }
    if (available.size === 0) break;
    const fresh = new Set<number>();
    let best: { p: number; load: Rational } | undefined;
    for (;;) {
      let next: number | undefined;
      for (const p of available) {
        if (fresh.has(p)) continue;
        if (
          next === undefined ||
          compareRational(lower.get(p) as Rational, lower.get(next) as Rational) < 0
        )
          next = p;
      }
      if (next === undefined) break;
      if (best !== undefined && compareRational(lower.get(next) as Rational, best.load) > 0) break;
      const load = optimalLoad([...selected, next], projects, grouped.value);
      if (load === undefined) {
        return fail([
          makeIssue(
            "maximin-support-too-large",
            [],
            "maximin support: costs times voters exceed 2^53, beyond exact flow arithmetic in doubles",
            {},
          ),
        ]);
      }
      fresh.add(next);
      lower.set(next, load);
      const better =
        best === undefined ||
        compareRational(load, best.load) < 0 ||
        (compareRational(load, best.load) === 0 &&
          compare(projects[next] as PbProject, projects[best.p] as PbProject) < 0);
      if (better) best = { p: next, load };
    }
    if (best === undefined) break;
    const project = projects[best.p] as PbProject;
    available.delete(best.p);
    selected.push(best.p);
    left -= project.cost;
    explanation.push({
      project: project.id,
      action: "selected",
      reason: "lowest-load",
      cost: project.cost,
      measure: "max-load",
      value: formatRationalAsDecimal(best.load, 9),
      budgetLeft: left,
    });
  }
  return ok({
    rule: maximinSupportMetadata.id,
    selected: selected.map((p) => (projects[p] as PbProject).id),
    cost: instance.budget - left,
    budget: instance.budget,
    explanation,
    tieBreaking,
    notes: [
      "each round adds the project that keeps the lowest possible maximal load when supporters share all funded costs; loads exact",
    ],
  });
}

/**
 * Metadata of {@link maximinSupport}.
 *
 * @category Rules
 * @example
 * ```ts
 * maximinSupportMetadata.id; //=> "maximin-support"
 * ```
 */
export const maximinSupportMetadata: PbRuleMetadata = {
  id: "maximin-support",
  name: "Maximin support",
  ballotTypes: ["approval", "choose-1"],
  properties: ["budget-feasible", "exhaustive among supported projects"],
  reference:
    "Sánchez-Fernández, García, Fisteus, Brill: The maximin support method, AAAI 2021; Aziz, Lee, Talmon 2018; pabutools `maximin_support`",
  description:
    "Adds, round by round, the project that keeps the lowest possible maximal load when supporters share all funded costs.",
};
