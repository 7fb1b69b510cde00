import {
  compareRational,
  formatRationalAsDecimal,
  type Rational,
  rational,
} from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { type TieBreakingPolicy, tieBreakingComparator } from "../../core/tieBreaking.js";
import { budgetingIssue } from "../budgetingIssues.js";
import { type ApprovalGroups, approvalGroups } from "../election/approvalGroups.js";
import type { PbInstance, PbProject } from "../election/instance.js";
import { defaultPbTieBreaking, pbTieBreakingKeys } from "../election/pbTieBreaking.js";
import type { PbProfile } from "../election/profile.js";
import { validatePbElection } from "../election/validatePbElection.js";
import type { PbOutcome, PbRuleMetadata, PbStep } from "../outcome.js";

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
  /**
   * The most work (nodes and edges of the flow networks cut) before the issue
   * `maximin-support-work-limit`; default {@link MAXIMIN_SUPPORT_WORK_LIMIT}.
   */
  readonly workLimit?: number | undefined;
  /**
   * Also evaluate every project that could tie with the round's best and list those that
   * do in the step's `tiedWith` (committee rules follow every tie this way); default false,
   * which stops at the first best project in tie order.
   */
  readonly reportTies?: boolean | undefined;
}

/**
 * The default work limit of {@link maximinSupport}: flow-network elements built and cut,
 * about ten seconds' worth.
 *
 * @category Rules
 * @example
 * ```ts
 * maximinSupport(instance, profile, { workLimit: MAXIMIN_SUPPORT_WORK_LIMIT / 10 });
 * ```
 */
export const MAXIMIN_SUPPORT_WORK_LIMIT = 100_000_000;

/** Capacities stay exact in doubles below this. */
const EXACT_LIMIT = 2 ** 53;

/** Max flow (Dinic) on a network with whole-number capacities held in doubles. */
class FlowNetwork {
  readonly head: Int32Array;
  readonly to: Int32Array;
  readonly capacity: Float64Array;
  readonly next: Int32Array;
  edges = 0;
  constructor(
    readonly nodes: number,
    arcs: number,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
    this.to = new Int32Array(2 * arcs);
    this.capacity = new Float64Array(2 * arcs);
    this.next = new Int32Array(2 * arcs);
  }
  add(from: number, to: number, capacity: number): void {
    const e = this.edges;
    this.to[e] = to;
    this.capacity[e] = capacity;
    this.next[e] = this.head[from] as number;
    this.head[from] = e;
    this.to[e + 1] = from;
    this.capacity[e + 1] = 0;
    this.next[e + 1] = this.head[to] as number;
    this.head[to] = e + 1;
    this.edges = e + 2;
  }
  /** Levels from the source in the residual graph (-1: unreachable). */
  levels(source: number): Int32Array {
    const level = new Int32Array(this.nodes).fill(-1);
    const queue = new Int32Array(this.nodes);
    let tail = 0;
    queue[tail++] = source;
    level[source] = 0;
    for (let at = 0; at < tail; at++) {
      const u = queue[at] as number;
      for (let e = this.head[u] as number; e >= 0; e = this.next[e] as number) {
        const v = this.to[e] as number;
        if ((this.capacity[e] as number) > 0 && level[v] === -1) {
          level[v] = (level[u] as number) + 1;
          queue[tail++] = v;
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

/** The voters grouped by which selected projects they approve, for a round. */
interface BasePatterns {
  /** Per voter group, its pattern (-1: approves no selected project). */
  readonly patternOf: Int32Array;
  /** Per pattern, the positions in the selected list of the projects it approves. */
  readonly members: readonly (readonly number[])[];
  /** Zeros, one per voter group, for marking. */
  readonly scratch: Uint8Array;
}

function basePatterns(selected: readonly number[], grouped: ApprovalGroups): BasePatterns {
  const inSet = new Map(selected.map((p, k) => [p, k]));
  const patternOf = new Int32Array(grouped.groups).fill(-1);
  const ids = new Map<string, number>();
  const members: number[][] = [];
  for (let g = 0; g < grouped.groups; g++) {
    const mine: number[] = [];
    for (
      let at = grouped.ballotStart[g] as number;
      at < (grouped.ballotStart[g + 1] as number);
      at++
    ) {
      const k = inSet.get(grouped.ballotProject[at] as number);
      if (k !== undefined) mine.push(k);
    }
    if (mine.length === 0) continue;
    const key = mine.join(",");
    let id = ids.get(key);
    if (id === undefined) {
      id = members.length;
      ids.set(key, id);
      members.push(mine);
    }
    patternOf[g] = id;
  }
  return { patternOf, members, scratch: new Uint8Array(grouped.groups) };
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
  floor: Rational | undefined,
  work: { done: number },
  base: BasePatterns,
): Rational | undefined {
  // Voters grouped by which projects of the set they approve: the selected projects'
  // patterns (made once per round), each split by whether its voters approve the new one.
  const added = set[set.length - 1] as number;
  const k = set.length - 1;
  const slot = new Int32Array(2 * base.members.length + 1).fill(-1);
  const groups: { members: number[]; voters: number }[] = [];
  const approves = base.scratch;
  for (
    let at = grouped.supStart[added] as number;
    at < (grouped.supStart[added + 1] as number);
    at++
  )
    approves[grouped.supGroup[at] as number] = 1;
  work.done += grouped.groups;
  for (let g = 0; g < grouped.groups; g++) {
    const pattern = base.patternOf[g] as number;
    const yes = approves[g] === 1;
    if (pattern === -1 && !yes) continue;
    const key = pattern === -1 ? 2 * base.members.length : 2 * pattern + (yes ? 1 : 0);
    let at = slot[key] as number;
    if (at === -1) {
      at = groups.length;
      slot[key] = at;
      groups.push({
        members:
          pattern === -1
            ? [k]
            : yes
              ? [...(base.members[pattern] as number[]), k]
              : (base.members[pattern] as number[]),
        voters: 0,
      });
    }
    (groups[at] as { voters: number }).voters += grouped.multiplicity[g] as number;
  }
  for (
    let at = grouped.supStart[added] as number;
    at < (grouped.supStart[added + 1] as number);
    at++
  )
    approves[grouped.supGroup[at] as number] = 0;
  const costs = set.map((p) => (projects[p] as PbProject).cost);
  const supportersOf = (chosen: readonly boolean[]) =>
    groups.reduce(
      (sum, group) => (group.members.some((k) => chosen[k]) ? sum + group.voters : sum),
      0,
    );
  let chosen = set.map(() => true);
  // The load of a subset of the set is a lower bound: when it is the answer, one cut
  // proves it (no T with cost(T) − floor·|N(T)| > 0).
  let start = floor;
  for (;;) {
    const cost = costs.reduce((sum, c, k) => (chosen[k] ? sum + c : sum), 0n);
    const voters = supportersOf(chosen);
    // λ = cost / voters; is there a T with cost(T) − λ|N(T)| > 0?  Scaled by voters.
    let a = cost;
    let b = BigInt(voters);
    if (start !== undefined) {
      if (b === 0n || compareRational(start, rational(a, b)) > 0) {
        a = start.num;
        b = start.den;
      }
      start = undefined;
    }
    const totalSource = costs.reduce((sum, c) => sum + c, 0n) * b;
    const totalSink = a * BigInt(groups.reduce((sum, group) => sum + group.voters, 0));
    if (totalSource >= BigInt(EXACT_LIMIT) || totalSink >= BigInt(EXACT_LIMIT)) return undefined;
    const source = 0;
    const sink = 1;
    let arcs = set.length + groups.length;
    for (const group of groups) arcs += group.members.length;
    const network = new FlowNetwork(2 + set.length + groups.length, arcs);
    costs.forEach((c, k) => {
      network.add(source, 2 + k, Number(c * b));
    });
    groups.forEach((group, j) => {
      const node = 2 + set.length + j;
      for (const k of group.members) network.add(2 + k, node, Number.POSITIVE_INFINITY);
      network.add(node, sink, Number(a * BigInt(group.voters)));
    });
    work.done += 2 + set.length + groups.length + network.edges;
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
  // Long by design: rounds of flows over arrays the whole run shares, with the work limit
  // counted across them.
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
  const rank = new Map(
    [...available]
      .sort((a, b) => compare(projects[a] as PbProject, projects[b] as PbProject))
      .map((p, k) => [p, k]),
  );
  const work = { done: 0 };
  const limit = options.workLimit ?? MAXIMIN_SUPPORT_WORK_LIMIT;
  // The maximal load of the selected set: adding a project never lowers it.
  let floor: Rational | undefined;
  let left = instance.budget;
  for (;;) {
    for (const p of [...available]) {
      if ((projects[p] as PbProject).cost > left) available.delete(p);
    }
    if (available.size === 0) break;
    const fresh = new Set<number>();
    const boundOf = (p: number) => {
      const own = lower.get(p) as Rational;
      return floor !== undefined && compareRational(floor, own) > 0 ? floor : own;
    };
    let best: { p: number; load: Rational } | undefined;
    let ties: number[] = [];
    const base = basePatterns(selected, grouped.value);
    for (;;) {
      // The project with the lowest bound, the earliest in tie order among equal bounds.
      let next: number | undefined;
      for (const p of available) {
        if (fresh.has(p)) continue;
        const order = next === undefined ? -1 : compareRational(boundOf(p), boundOf(next));
        if (
          order < 0 ||
          (order === 0 && (rank.get(p) as number) < (rank.get(next as number) as number))
        )
          next = p;
      }
      if (next === undefined) break;
      if (best !== undefined) {
        const order = compareRational(boundOf(next), best.load);
        // Nothing later can do better: a higher bound, or the same after best in tie order.
        if (
          order > 0 ||
          (order === 0 &&
            options.reportTies !== true &&
            (rank.get(next) as number) > (rank.get(best.p) as number))
        )
          break;
      }
      const load = optimalLoad(
        [...selected, next],
        projects,
        grouped.value,
        boundOf(next),
        work,
        base,
      );
      if (load === undefined) {
        return fail([
          budgetingIssue(
            "maximin-support-too-large",
            [],
            "maximin support: costs times voters exceed 2^53, beyond exact flow arithmetic in doubles",
            {},
          ),
        ]);
      }
      if (work.done > limit) {
        return fail([
          budgetingIssue(
            "maximin-support-work-limit",
            [],
            `maximin support needed more than its work limit (${limit} flow network elements built and cut): choose sequential Phragmén, which it refines, or raise workLimit`,
            { limit },
          ),
        ]);
      }
      fresh.add(next);
      lower.set(next, load);
      const order = best === undefined ? -1 : compareRational(load, best.load);
      if (order < 0) ties = [];
      if (
        best === undefined ||
        order < 0 ||
        (order === 0 && compare(projects[next] as PbProject, projects[best.p] as PbProject) < 0)
      ) {
        if (best !== undefined && order === 0) ties.push(best.p);
        best = { p: next, load };
      } else if (order === 0) ties.push(next);
    }
    if (best === undefined) break;
    const project = projects[best.p] as PbProject;
    available.delete(best.p);
    selected.push(best.p);
    left -= project.cost;
    floor = best.load;
    explanation.push({
      project: project.id,
      action: "selected",
      reason: "lowest-load",
      cost: project.cost,
      measure: "max-load",
      value: formatRationalAsDecimal(best.load, 9),
      budgetLeft: left,
      ...(options.reportTies === true && ties.length > 0
        ? { tiedWith: ties.map((p) => (projects[p] as PbProject).id) }
        : {}),
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
  kind: "budget",
  ballotTypes: ["approval", "choose-1"],
  properties: ["budget-feasible", "exhaustive-among-supported"],
  notes: [],
  reference:
    "Sánchez-Fernández, García, Fisteus, Brill: The maximin support method, AAAI 2021; Aziz, Lee, Talmon 2018; pabutools `maximin_support`",
  description:
    "Adds, round by round, the project that keeps the lowest possible maximal load when supporters share all funded costs.",
};
