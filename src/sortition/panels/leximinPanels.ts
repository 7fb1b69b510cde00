import { fail, ok, type Result } from "../../core/result.js";
import { seededRandom } from "../../core/seededRandom.js";
import { sortitionIssue } from "../sortitionIssues.js";
import { type CheckedSelection, checkSelection } from "./panelPool.js";

/**
 * What the panel selection needs of a linear-programming solver: HiGHS's `solve` (the
 * `highs` npm package, HiGHS compiled to WebAssembly, an optional peer dependency of
 * `civitas/sortition`) fits as it is. It reads a model in CPLEX LP format.
 *
 * @category Panels
 * @example
 * ```ts
 * import highsLoader from "highs";
 * const solver: LinearProgramSolver = await highsLoader();
 * ```
 */
export interface LinearProgramSolver {
  solve(
    problem: string,
    options?: { readonly output_flag?: boolean },
  ): {
    readonly Status: string;
    readonly ObjectiveValue: number;
    readonly Columns: Readonly<Record<string, { readonly Primal: number }>>;
  };
}

/**
 * A distribution over panels and what it gives each person: `panels` as how many members
 * each kind of person (a `kinds` entry: the people with the same value of every feature)
 * has, with the panel's probability; drawing one picks the members of each kind uniformly
 * (see {@link drawPanel}), so everyone of a kind has the same selection probability.
 *
 * @category Panels
 * @example
 * ```ts
 * distribution.probabilities["p17"]; // person p17's chance of being selected
 * distribution.minimum;              // the smallest of them, as large as any quotas allow
 * ```
 */
export interface PanelDistribution {
  readonly kinds: readonly (readonly string[])[];
  readonly panels: readonly { readonly counts: readonly number[]; readonly probability: number }[];
  readonly probabilities: Readonly<Record<string, number>>;
  readonly minimum: number;
  /** How many panels the column generation priced (a measure of the work done). */
  readonly panelsGenerated: number;
}

/** The tolerance of the LP solver's answers (HiGHS works to 1e-7). */
const EPSILON = 1e-7;

/** Panels {@link leximinPanels} may generate by default before it gives up with an issue. */
const PANEL_LIMIT = 20_000;

/** People grouped by their values of the quota features: everyone of a kind is alike. */
function kindsOf(selection: CheckedSelection) {
  const byKey = new Map<string, number[]>();
  const quotasOfPerson = selection.ids.map(() => [] as number[]);
  selection.quotas.forEach((quota, q) => {
    for (const i of quota.members) (quotasOfPerson[i] as number[]).push(q);
  });
  selection.ids.forEach((_, i) => {
    const key = (quotasOfPerson[i] as number[]).join(",");
    const kind = byKey.get(key) ?? [];
    kind.push(i);
    byKey.set(key, kind);
  });
  const kinds = [...byKey.values()];
  const quotasOf = kinds.map((kind) => quotasOfPerson[kind[0] as number] as number[]);
  return { kinds, quotasOf };
}

/** The ILP of the panels' count vectors, maximising Σ weight × count (CPLEX LP text). */
function panelProgram(
  selection: CheckedSelection,
  kinds: readonly (readonly number[])[],
  quotasOf: readonly (readonly number[])[],
  weights: readonly number[],
  extra: readonly string[] = [],
): string {
  const terms = weights.map((w, t) => `${w.toPrecision(15)} c${t}`);
  const lines = ["Maximize", ` obj: ${terms.join(" + ")}`, "Subject To"];
  lines.push(` size: ${kinds.map((_, t) => `c${t}`).join(" + ")} = ${selection.size}`);
  selection.quotas.forEach((quota, q) => {
    const members = kinds.flatMap((_, t) =>
      (quotasOf[t] as number[]).includes(q) ? [`c${t}`] : [],
    );
    if (members.length === 0) {
      if (quota.min > 0) lines.push(` q${q}: 0 c0 >= ${quota.min}`);
      return;
    }
    lines.push(` q${q}lo: ${members.join(" + ")} >= ${quota.min}`);
    lines.push(` q${q}hi: ${members.join(" + ")} <= ${quota.max}`);
  });
  lines.push(...extra, "Bounds", ...kinds.map((kind, t) => ` 0 <= c${t} <= ${kind.length}`));
  lines.push("General", ` ${kinds.map((_, t) => `c${t}`).join(" ")}`, "End");
  return lines.join("\n");
}

/** Solves for the best panel by weights; undefined when no panel meets the quotas. */
function bestPanel(
  solver: LinearProgramSolver,
  program: string,
  kinds: number,
): number[] | undefined {
  const solution = solver.solve(program, { output_flag: false });
  if (solution.Status !== "Optimal") return undefined;
  return Array.from({ length: kinds }, (_, t) =>
    Math.round(solution.Columns[`c${t}`]?.Primal ?? 0),
  );
}

/** The quotas that cannot hold together, few enough that dropping any one of them helps. */
function conflictingQuotas(
  solver: LinearProgramSolver,
  selection: CheckedSelection,
): CheckedSelection["quotas"] {
  let kept = [...selection.quotas];
  for (const quota of selection.quotas) {
    const without = kept.filter((q) => q !== quota);
    const trial = { ...selection, quotas: without };
    const { kinds, quotasOf } = kindsOf(trial);
    const zero = kinds.map(() => 0);
    if (bestPanel(solver, panelProgram(trial, kinds, quotasOf, zero), kinds.length) === undefined)
      kept = without;
  }
  return kept;
}

/**
 * Selects a citizens' panel fairly: the LEXIMIN distribution over the panels that meet the
 * quotas (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 2021), which makes the
 * smallest selection probability of anyone in the pool as large as the quotas allow, then
 * the next smallest, and so on. Column generation as in the paper: a linear program over
 * the panels found so far gives each person a weight, an integer program finds the panel
 * of greatest weight, and when none improves, the people whose weight is positive have
 * their probability fixed. People with the same value of every quota feature are alike
 * (LEXIMIN treats them equally), so the programs count kinds of people, not people: a
 * pool of thousands with four features has at most a few hundred kinds. Quotas no panel
 * can meet give `infeasible-quotas` naming a smallest set in conflict.
 *
 * @category Panels
 * @example
 * ```ts
 * import highsLoader from "highs";
 * const chosen = leximinPanels({ pool, size: 30, quotas }, { solver: await highsLoader() });
 * if (chosen.ok) chosen.value.minimum; // the smallest selection probability
 * ```
 */
export function leximinPanels(
  input: unknown,
  options: { readonly solver: LinearProgramSolver; readonly panelLimit?: number },
): Result<PanelDistribution> {
  const checked = checkSelection(input);
  if (!checked.ok) return checked;
  const selection = checked.value;
  const { solver } = options;
  const limit = options.panelLimit ?? PANEL_LIMIT;
  const { kinds, quotasOf } = kindsOf(selection);
  const program = (weights: readonly number[], extra?: readonly string[]) =>
    panelProgram(selection, kinds, quotasOf, weights, extra);
  const first = bestPanel(solver, program(kinds.map(() => 0)), kinds.length);
  if (first === undefined) {
    const conflict = conflictingQuotas(solver, selection);
    return fail([
      sortitionIssue("infeasible-quotas", ["quotas"], {
        quotas: conflict
          .map((q) => `${q.feature} = ${q.value} from ${q.min} to ${q.max}`)
          .join("; "),
      }),
    ]);
  }
  const panels: number[][] = [first];
  let generated = 1;
  const fixed = new Map<number, number>();
  // Kinds no panel can include: cover the others first, weighting the uncovered.
  for (;;) {
    const covered = kinds.map((_, t) => panels.some((panel) => (panel[t] as number) > 0));
    const panel = bestPanel(solver, program(covered.map((c) => (c ? 0 : 1))), kinds.length);
    generated++;
    if (panel === undefined || !panel.some((count, t) => count > 0 && !covered[t])) {
      covered.forEach((c, t) => {
        if (!c) fixed.set(t, 0);
      });
      break;
    }
    panels.push(panel);
  }
  while (fixed.size < kinds.length) {
    let dual: { weights: number[]; cap: number; value: number };
    for (;;) {
      dual = leximinDual(solver, kinds, panels, fixed);
      const panel = bestPanel(solver, program(dual.weights), kinds.length);
      generated++;
      if (generated > limit)
        return fail([sortitionIssue("panel-work-limit", ["panelLimit"], { limit })]);
      const gain =
        panel === undefined
          ? 0
          : panel.reduce((sum, count, t) => sum + count * (dual.weights[t] as number), 0);
      if (panel === undefined || gain <= dual.cap + EPSILON) break;
      panels.push(panel);
    }
    const before = fixed.size;
    dual.weights.forEach((weight, t) => {
      if (!fixed.has(t) && weight > EPSILON) fixed.set(t, Math.max(0, dual.value));
    });
    // The normalisation gives some unfixed kind a positive weight; should rounding hide it, fix all.
    if (fixed.size === before)
      kinds.forEach((_, t) => {
        if (!fixed.has(t)) fixed.set(t, Math.max(0, dual.value));
      });
  }
  const probabilities = leximinPrimal(solver, kinds, panels, fixed);
  const byId: Record<string, number> = Object.create(null);
  let minimum = 1;
  kinds.forEach((kind, t) => {
    const p = Math.min(1, Math.max(0, (probabilities.perKind[t] as number) / kind.length));
    for (const i of kind) byId[selection.ids[i] as string] = p;
    minimum = Math.min(minimum, p);
  });
  return ok({
    kinds: kinds.map((kind) => kind.map((i) => selection.ids[i] as string)),
    panels: probabilities.panels,
    probabilities: byId,
    minimum,
    panelsGenerated: generated,
  });
}

/**
 * The restricted dual: weights y (per person of each kind) and a cap ŷ with
 * Σ_t count_t·y_t ≤ ŷ for every panel, Σ over unfixed kinds of |t|·y_t = 1, minimising
 * ŷ − Σ over fixed kinds of |t|·π_t·y_t: its value is the largest smallest probability the
 * unfixed kinds can have, given the fixed ones.
 */
function leximinDual(
  solver: LinearProgramSolver,
  kinds: readonly (readonly number[])[],
  panels: readonly (readonly number[])[],
  fixed: ReadonlyMap<number, number>,
): { weights: number[]; cap: number; value: number } {
  const objective = [
    "cap",
    ...[...fixed].map(([t, p]) => `- ${((kinds[t] as number[]).length * p).toPrecision(15)} y${t}`),
  ];
  const lines = ["Minimize", ` obj: ${objective.join(" ")}`, "Subject To"];
  panels.forEach((panel, p) => {
    const terms = panel.flatMap((count, t) => (count > 0 ? [`${count} y${t}`] : []));
    lines.push(` p${p}: ${terms.join(" + ")} - cap <= 0`);
  });
  const unfixed = kinds.flatMap((kind, t) => (fixed.has(t) ? [] : [`${kind.length} y${t}`]));
  lines.push(` norm: ${unfixed.join(" + ")} = 1`, "Bounds", " cap free", "End");
  const solution = solver.solve(lines.join("\n"), { output_flag: false });
  if (solution.Status !== "Optimal")
    throw new Error(`leximinPanels: the dual is ${solution.Status}`);
  return {
    weights: kinds.map((_, t) => solution.Columns[`y${t}`]?.Primal ?? 0),
    cap: solution.Columns.cap?.Primal ?? 0,
    value: solution.ObjectiveValue,
  };
}

/**
 * The distribution itself: probabilities q over the panels found, as close as the solver
 * gets to every kind's fixed probability (Σ of shortfalls minimised).
 */
function leximinPrimal(
  solver: LinearProgramSolver,
  kinds: readonly (readonly number[])[],
  panels: readonly (readonly number[])[],
  fixed: ReadonlyMap<number, number>,
): { perKind: number[]; panels: { counts: number[]; probability: number }[] } {
  const lines = ["Minimize", ` obj: ${kinds.map((_, t) => `s${t}`).join(" + ")}`, "Subject To"];
  kinds.forEach((kind, t) => {
    const terms = panels.flatMap((panel, p) =>
      (panel[t] as number) > 0 ? [`${(panel[t] as number) / kind.length} q${p}`] : [],
    );
    const target = (fixed.get(t) ?? 0).toPrecision(15);
    lines.push(` k${t}: ${[...terms, `s${t}`].join(" + ")} >= ${target}`);
  });
  lines.push(` one: ${panels.map((_, p) => `q${p}`).join(" + ")} = 1`, "End");
  const solution = solver.solve(lines.join("\n"), { output_flag: false });
  if (solution.Status !== "Optimal")
    throw new Error(`leximinPanels: the primal is ${solution.Status}`);
  const q = panels.map((_, p) => Math.max(0, solution.Columns[`q${p}`]?.Primal ?? 0));
  const total = q.reduce((sum, x) => sum + x, 0);
  const chosen = panels
    .map((counts, p) => ({ counts: [...counts], probability: (q[p] as number) / total }))
    .filter((panel) => panel.probability > 1e-12);
  const perKind = kinds.map((_, t) =>
    chosen.reduce((sum, panel) => sum + panel.probability * (panel.counts[t] as number), 0),
  );
  return { perKind, panels: chosen };
}

/**
 * Draws one panel from a distribution, seeded: its count vector by its probability, then
 * that many members of each kind, uniformly. Returns the members' ids.
 *
 * @category Panels
 * @example
 * ```ts
 * drawPanel(distribution, "assembly 2027 / public seed"); // 30 ids
 * ```
 */
export function drawPanel(distribution: PanelDistribution, seed: number | string): string[] {
  const random = seededRandom(seed);
  let at = random();
  const panel =
    distribution.panels.find((candidate) => {
      at -= candidate.probability;
      return at < 0;
    }) ?? (distribution.panels.at(-1) as PanelDistribution["panels"][number]);
  return distribution.kinds.flatMap((kind, t) => {
    const pool = [...kind];
    const chosen: string[] = [];
    for (let k = 0; k < (panel.counts[t] as number); k++) {
      const j = Math.floor(random() * pool.length);
      chosen.push(pool[j] as string);
      pool.splice(j, 1);
    }
    return chosen;
  });
}
