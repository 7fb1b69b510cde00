import {
  addRational,
  compareRational,
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
  rationalToNumber,
} from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { type TieBreakingPolicy, tieBreakingComparator } from "../../core/tieBreaking.js";
import { approvalGroups } from "../election/approvalGroups.js";
import type { PbInstance, PbProject } from "../election/instance.js";
import { defaultPbTieBreaking, pbTieBreakingKeys } from "../election/pbTieBreaking.js";
import type { PbProfile } from "../election/profile.js";
import { validatePbElection } from "../election/validatePbElection.js";
import type { PbOutcome, PbRuleMetadata, PbStep } from "../outcome.js";
import { lowestBoundProject } from "./lowestBoundProject.js";

/**
 * Options of {@link sequentialPhragmen}.
 *
 * @category Rules
 * @example
 * ```ts
 * sequentialPhragmen(instance, profile, { tieBreaking: [{ by: "votes", prefer: "higher" }, { by: "id", prefer: "lower" }] });
 * ```
 */
export interface SequentialPhragmenOptions {
  /** Order among projects giving the same maximal load; default lower cost, more votes, id. */
  readonly tieBreaking?: TieBreakingPolicy | undefined;
}

const ULP = 2 ** -52;

/**
 * Sequential Phragmén for participatory budgets (approval ballots): voters earn money
 * continuously; a project is bought as soon as its supporters together have its cost,
 * and they spend everything they have on it. Equivalently, each round buys the project
 * whose purchase gives its supporters the lowest load `(cost + their loads) / supporters`,
 * and sets their loads to it. It stops as soon as the next project to buy no longer fits
 * the budget (as pabutools does; projects nobody approves are never bought).
 *
 * Exact: loads are fractions; doubles only shortlist, and every close call is decided on
 * the fractions.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = sequentialPhragmen(instance, profile);
 * if (outcome.ok) outcome.value.explanation.map((step) => [step.project, step.value]); // loads
 * ```
 */
export function sequentialPhragmen(
  instance: PbInstance,
  profile: PbProfile,
  options: SequentialPhragmenOptions = {},
): Result<PbOutcome> {
  // Long by design: rounds over loads kept in typed arrays the whole run shares, deciding close
  // calls exactly in place.
  const invalid = validatePbElection({ instance, profile });
  if (invalid.length > 0) return fail(invalid);
  const tieBreaking = options.tieBreaking ?? defaultPbTieBreaking;
  const grouped = approvalGroups(instance, profile, "sequential Phragmén");
  if (!grouped.ok) return grouped;
  const { multiplicity, supStart, supGroup, votes } = grouped.value;
  const projects = instance.projects;
  const P = projects.length;
  const compare = tieBreakingComparator(
    tieBreaking,
    pbTieBreakingKeys(projects, grouped.value.support),
  );
  // Voters whose loads were last set by the same purchase share one load: a class.
  const classLoad: Rational[] = [rational(0)];
  const classFloat: number[] = [0];
  const groupClass = new Int32Array(grouped.value.groups);
  const alive = new Uint8Array(P);
  for (let p = 0; p < P; p++) {
    const project = projects[p] as PbProject;
    if ((votes[p] as number) > 0 && project.cost <= instance.budget) alive[p] = 1;
  }
  const lower = new Float64Array(P);
  let counts = new Float64Array(1);
  /** Voters per class among the project's supporters. */
  const countByClass = (p: number) => {
    if (counts.length < classLoad.length) counts = new Float64Array(classLoad.length * 2);
    counts.fill(0, 0, classLoad.length);
    for (let k = supStart[p] as number; k < (supStart[p + 1] as number); k++) {
      const g = supGroup[k] as number;
      const c = groupClass[g] as number;
      counts[c] = (counts[c] as number) + (multiplicity[g] as number);
    }
  };
  const exactLoad = (p: number): Rational => {
    countByClass(p);
    let total = rational((projects[p] as PbProject).cost);
    for (let c = 0; c < classLoad.length; c++) {
      const count = counts[c] as number;
      if (count > 0)
        total = addRational(total, multiplyRational(classLoad[c] as Rational, rational(count)));
    }
    return multiplyRational(total, rational(1, votes[p] as number));
  };
  const selected: string[] = [];
  const explanation: PbStep[] = [];
  let left = instance.budget;
  const fresh = new Uint8Array(P);
  const freshHi = new Float64Array(P);
  for (;;) {
    // Shortlist with doubles (loads only grow, so old values are lower bounds).
    fresh.fill(0);
    let bestHi = Number.POSITIVE_INFINITY;
    for (;;) {
      const next = lowestBoundProject(alive, fresh, lower);
      if (next < 0 || (lower[next] as number) > bestHi) break;
      countByClass(next);
      let total = Number((projects[next] as PbProject).cost);
      let magnitude = total;
      let terms = 1;
      for (let c = 0; c < classLoad.length; c++) {
        const count = counts[c] as number;
        if (count > 0) {
          total += count * (classFloat[c] as number);
          magnitude += count * (classFloat[c] as number);
          terms++;
        }
      }
      const estimate = total / (votes[next] as number);
      const error = ((terms + 8) * 4 * ULP * magnitude) / (votes[next] as number);
      fresh[next] = 1;
      lower[next] = Math.max(0, estimate - error);
      freshHi[next] = estimate + error;
      if ((freshHi[next] as number) < bestHi) bestHi = freshHi[next] as number;
    }
    const candidates: { p: number; load: Rational }[] = [];
    for (let p = 0; p < P; p++) {
      if (alive[p] === 1 && fresh[p] === 1 && (lower[p] as number) <= bestHi) {
        candidates.push({ p, load: exactLoad(p) });
      }
    }
    if (candidates.length === 0) break;
    let minimum = (candidates[0] as { load: Rational }).load;
    for (const candidate of candidates) {
      if (compareRational(candidate.load, minimum) < 0) minimum = candidate.load;
    }
    const tied = candidates
      .filter((candidate) => compareRational(candidate.load, minimum) === 0)
      .sort((a, b) => compare(projects[a.p] as PbProject, projects[b.p] as PbProject));
    const overBudget = tied.find((candidate) => (projects[candidate.p] as PbProject).cost > left);
    if (overBudget !== undefined) {
      const project = projects[overBudget.p] as PbProject;
      explanation.push({
        project: project.id,
        action: "skipped",
        reason: "stop",
        cost: project.cost,
        measure: "max-load",
        value: formatRationalAsDecimal(minimum, 9),
        budgetLeft: left,
      });
      break;
    }
    const winner = (tied[0] as { p: number }).p;
    const project = projects[winner] as PbProject;
    const newClass = classLoad.length;
    classLoad.push(minimum);
    classFloat.push(rationalToNumber(minimum));
    for (let k = supStart[winner] as number; k < (supStart[winner + 1] as number); k++) {
      groupClass[supGroup[k] as number] = newClass;
    }
    alive[winner] = 0;
    left -= project.cost;
    selected.push(project.id);
    explanation.push({
      project: project.id,
      action: "selected",
      reason: "lowest-load",
      cost: project.cost,
      measure: "max-load",
      value: formatRationalAsDecimal(minimum, 9),
      budgetLeft: left,
      ...(tied.length > 1
        ? { tiedWith: tied.slice(1).map((candidate) => (projects[candidate.p] as PbProject).id) }
        : {}),
    });
  }
  return ok({
    rule: sequentialPhragmenMetadata.id,
    selected,
    cost: instance.budget - left,
    budget: instance.budget,
    explanation,
    tieBreaking,
    notes: [
      "each purchase sets its supporters' load to (cost + their loads) / supporters; the lowest new load wins; loads decided exactly",
    ],
  });
}

/**
 * Metadata of {@link sequentialPhragmen}.
 *
 * @category Rules
 * @example
 * ```ts
 * sequentialPhragmenMetadata.id; //=> "phragmen"
 * ```
 */
export const sequentialPhragmenMetadata: PbRuleMetadata = {
  id: "phragmen",
  name: "Sequential Phragmén",
  kind: "budget",
  ballotTypes: ["approval", "choose-1"],
  properties: ["budget-feasible"],
  notes: [
    "proportional justified representation (PJR) up to one project (Los, Christoff and Grossi)",
  ],
  reference:
    "Los, Christoff, Grossi: Proportional budget allocations, AAAI 2022; pabutools `sequential_phragmen`",
  description:
    "Voters earn money at the same rate; each project is bought as soon as its supporters can pay for it together.",
};
