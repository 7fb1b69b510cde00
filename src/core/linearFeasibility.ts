import { greatestCommonDivisor } from "./greatestCommonDivisor.js";
import { makeIssue } from "./issue.js";
import { type Rational, rational } from "./rational.js";
import { fail, ok, type Result } from "./result.js";

/**
 * One linear constraint `Σ coefficient × x[variable] (≤ | ≥ | =) bound`, with its
 * coefficients listed sparsely (a variable listed twice counts twice).
 *
 * @category Numbers
 * @example
 * ```ts
 * // x0 + 2·x1 ≤ 3
 * const constraint: LinearConstraint = { terms: [[0, rational(1)], [1, rational(2)]], relation: "<=", bound: rational(3) };
 * ```
 */
export interface LinearConstraint {
  readonly terms: readonly (readonly [variable: number, coefficient: Rational])[];
  readonly relation: "<=" | ">=" | "=";
  readonly bound: Rational;
}

/**
 * A system of linear constraints over `variables` unknowns, every one of them at least 0.
 *
 * @category Numbers
 * @example
 * ```ts
 * const system: LinearSystem = { variables: 2, constraints: [constraint] };
 * ```
 */
export interface LinearSystem {
  readonly variables: number;
  readonly constraints: readonly LinearConstraint[];
}

/**
 * What {@link findFeasiblePoint} found: a point meeting every constraint exactly, or
 * that none exists.
 *
 * @category Numbers
 * @example
 * ```ts
 * const found: Feasibility = { feasible: true, point: [rational(1), rational(0)] };
 * ```
 */
export type Feasibility =
  | { readonly feasible: true; readonly point: readonly Rational[] }
  | { readonly feasible: false };

/**
 * Tableau cells {@link findFeasiblePoint} updates by default before it gives up with the
 * issue `linear-system-work-limit` (about a minute of bigint arithmetic at most).
 *
 * @category Numbers
 * @example
 * ```ts
 * LINEAR_SYSTEM_WORK_LIMIT; //=> 50000000
 * ```
 */
export const LINEAR_SYSTEM_WORK_LIMIT = 50_000_000;

/** Least common multiple of the denominators of a row, so the row can be made whole. */
function denominatorsMultiple(values: readonly Rational[]): bigint {
  let multiple = 1n;
  for (const value of values)
    multiple = (multiple / greatestCommonDivisor(multiple, value.den)) * value.den;
  return multiple;
}

/** A constraint in whole numbers with a bound of at least 0 (a negative bound negated). */
interface WholeRow {
  readonly coefficients: readonly bigint[];
  readonly relation: "<=" | ">=" | "=";
  readonly bound: bigint;
}

function wholeRows(system: LinearSystem): WholeRow[] {
  const n = system.variables;
  return system.constraints.map((constraint) => {
    for (const [variable] of constraint.terms)
      if (!Number.isInteger(variable) || variable < 0 || variable >= n)
        throw new RangeError(`findFeasiblePoint: no variable ${variable}`);
    const scale = denominatorsMultiple([
      constraint.bound,
      ...constraint.terms.map(([, coefficient]) => coefficient),
    ]);
    const sign = constraint.bound.num < 0n ? -1n : 1n;
    const coefficients = new Array<bigint>(n).fill(0n);
    for (const [variable, coefficient] of constraint.terms)
      coefficients[variable] =
        (coefficients[variable] as bigint) + (sign * coefficient.num * scale) / coefficient.den;
    const flipped = { "<=": ">=", ">=": "<=", "=": "=" } as const;
    return {
      coefficients,
      relation: sign > 0n ? constraint.relation : flipped[constraint.relation],
      bound: (sign * constraint.bound.num * scale) / constraint.bound.den,
    };
  });
}

/**
 * The first phase's tableau: columns for the variables, a slack (≤) or surplus (≥) per
 * inequality, an artificial per ≥ or = row, and the right-hand side last; a basis of
 * slacks and artificials; and, as the last row, the reduced costs of minimising the sum of
 * the artificials.
 */
function phaseOneTableau(n: number, rows: readonly WholeRow[]) {
  const slacks = rows.filter((row) => row.relation !== "=").length;
  const artificials = rows.filter((row) => row.relation !== "<=").length;
  const columns = n + slacks + artificials;
  const firstArtificial = n + slacks;
  const table: bigint[][] = [];
  const basis: number[] = [];
  let slack = n;
  let artificial = firstArtificial;
  for (const row of rows) {
    const cells = new Array<bigint>(columns + 1).fill(0n);
    row.coefficients.forEach((value, j) => {
      cells[j] = value;
    });
    cells[columns] = row.bound;
    if (row.relation === "<=") {
      cells[slack] = 1n;
      basis.push(slack++);
    } else {
      if (row.relation === ">=") cells[slack++] = -1n;
      cells[artificial] = 1n;
      basis.push(artificial++);
    }
    table.push(cells);
  }
  const objective = new Array<bigint>(columns + 1).fill(0n);
  table.forEach((cells, i) => {
    if ((basis[i] as number) < firstArtificial) return;
    for (let j = 0; j <= columns; j++)
      if (j < firstArtificial || j === columns)
        objective[j] = (objective[j] as bigint) - (cells[j] as bigint);
  });
  table.push(objective);
  return { table, basis, columns, firstArtificial };
}

/** The row whose bound the entering column reaches first (ties: the lowest basic column), or −1. */
function leavingRow(
  table: readonly (readonly bigint[])[],
  basis: readonly number[],
  entering: number,
  columns: number,
): number {
  let leaving = -1;
  for (let i = 0; i < basis.length; i++) {
    const cells = table[i] as readonly bigint[];
    const a = cells[entering] as bigint;
    if (a <= 0n) continue;
    if (leaving < 0) {
      leaving = i;
      continue;
    }
    const best = table[leaving] as readonly bigint[];
    const order =
      (cells[columns] as bigint) * (best[entering] as bigint) - (best[columns] as bigint) * a;
    if (order < 0n || (order === 0n && (basis[i] as number) < (basis[leaving] as number)))
      leaving = i;
  }
  return leaving;
}

/**
 * Pivots in whole numbers: every row but the pivot's becomes (row × pivot − its entry in
 * the entering column × pivot row) / the previous pivot, a division that is always exact
 * (Edmonds). Returns the pivot, the new common denominator.
 */
function pivotOn(
  table: bigint[][],
  leaving: number,
  entering: number,
  denominator: bigint,
): bigint {
  const pivotRow = table[leaving] as bigint[];
  const pivot = pivotRow[entering] as bigint;
  for (let i = 0; i < table.length; i++) {
    if (i === leaving) continue;
    const cells = table[i] as bigint[];
    const factor = cells[entering] as bigint;
    if (factor === 0n && pivot === denominator) continue;
    for (let j = 0; j < cells.length; j++)
      cells[j] =
        factor === 0n
          ? ((cells[j] as bigint) * pivot) / denominator
          : ((cells[j] as bigint) * pivot - factor * (pivotRow[j] as bigint)) / denominator;
  }
  return pivot;
}

/**
 * Finds a point x ≥ 0 meeting every constraint of a linear system, exactly, or proves
 * there is none: the first phase of the simplex method on whole numbers (integer
 * pivoting, after Edmonds: every cell stays a whole number over one common denominator,
 * so nothing is rounded and numbers grow no larger than the system's determinants), with
 * Bland's rule so it cannot cycle. Beyond `workLimit` tableau cells updated, the issue
 * `linear-system-work-limit`.
 *
 * @category Numbers
 * @example
 * ```ts
 * // x0 + x1 = 1 and x0 − x1 ≥ 1/2
 * const found = findFeasiblePoint({
 *   variables: 2,
 *   constraints: [
 *     { terms: [[0, rational(1)], [1, rational(1)]], relation: "=", bound: rational(1) },
 *     { terms: [[0, rational(1)], [1, rational(-1)]], relation: ">=", bound: rational(1, 2) },
 *   ],
 * });
 * if (found.ok && found.value.feasible) found.value.point; // x0 = 1, x1 = 0
 * ```
 */
export function findFeasiblePoint(
  system: LinearSystem,
  options: { readonly workLimit?: number } = {},
): Result<Feasibility> {
  const limit = options.workLimit ?? LINEAR_SYSTEM_WORK_LIMIT;
  const n = system.variables;
  const m = system.constraints.length;
  const { table, basis, columns, firstArtificial } = phaseOneTableau(n, wholeRows(system));
  const objective = table[m] as bigint[];
  let denominator = 1n;
  let work = 0;
  for (;;) {
    // Bland: the first column that lowers the sum enters …
    let entering = -1;
    for (let j = 0; j < firstArtificial && entering < 0; j++)
      if ((objective[j] as bigint) < 0n) entering = j;
    if (entering < 0) break;
    // … and the row that bounds it first leaves (ties: the lowest basic column).
    const leaving = leavingRow(table, basis, entering, columns);
    // The sum of the artificials is at least 0, so it cannot fall without bound.
    if (leaving < 0) throw new Error("findFeasiblePoint: unbounded first phase");
    work += (m + 1) * (columns + 1);
    if (work > limit)
      return fail([
        makeIssue(
          "linear-system-work-limit",
          ["workLimit"],
          `the linear system needed more than its work limit (${limit} cells updated): give a larger workLimit`,
          { limit },
        ),
      ]);
    denominator = pivotOn(table, leaving, entering, denominator);
    basis[leaving] = entering;
  }
  if ((objective[columns] as bigint) !== 0n) return ok({ feasible: false });
  const point = new Array<Rational>(n).fill(rational(0));
  basis.forEach((column, i) => {
    if (column < n)
      point[column] = rational((table[i] as bigint[])[columns] as bigint, denominator);
  });
  return ok({ feasible: true, point });
}
