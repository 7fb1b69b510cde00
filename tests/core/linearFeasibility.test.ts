import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addRational,
  compareRational,
  divideRational,
  findFeasiblePoint,
  type LinearConstraint,
  type LinearSystem,
  multiplyRational,
  type Rational,
  rational,
  subtractRational,
} from "../../src/core/index.js";

const r = (num: number, den = 1) => rational(num, den);

/** Σ coefficient × point, exactly. */
function lhs(constraint: LinearConstraint, point: readonly Rational[]): Rational {
  return constraint.terms.reduce(
    (sum, [variable, coefficient]) =>
      addRational(sum, multiplyRational(coefficient, point[variable] as Rational)),
    r(0),
  );
}

/** Whether a point meets a constraint, exactly. */
function meets(constraint: LinearConstraint, point: readonly Rational[]): boolean {
  const order = compareRational(lhs(constraint, point), constraint.bound);
  return constraint.relation === "<="
    ? order <= 0
    : constraint.relation === ">="
      ? order >= 0
      : order === 0;
}

/** The unique solution of a square system by Gaussian elimination, or undefined when singular. */
function solveSquare(matrix: Rational[][], right: Rational[]): Rational[] | undefined {
  const size = right.length;
  const a = matrix.map((row, i) => [...row, right[i] as Rational]);
  for (let col = 0; col < size; col++) {
    const pivot = a.findIndex((row, i) => i >= col && (row[col] as Rational).num !== 0n);
    if (pivot < 0) return undefined;
    [a[col], a[pivot]] = [a[pivot] as Rational[], a[col] as Rational[]];
    const top = a[col] as Rational[];
    for (let i = 0; i < size; i++) {
      if (i === col) continue;
      const row = a[i] as Rational[];
      const factor = divideRational(row[col] as Rational, top[col] as Rational);
      for (let j = col; j <= size; j++)
        row[j] = subtractRational(row[j] as Rational, multiplyRational(factor, top[j] as Rational));
    }
  }
  return a.map((row, i) => divideRational(row[size] as Rational, row[i] as Rational));
}

/**
 * Feasibility by brute force: {x ≥ 0 : constraints} has no line, so it is non-empty
 * exactly when it has a vertex, a point where `variables` independent constraints or
 * bounds x_j ≥ 0 are tight.
 */
function feasibleByVertices(system: LinearSystem): boolean {
  const n = system.variables;
  const planes: { row: Rational[]; bound: Rational }[] = [
    ...system.constraints.map((c) => {
      const row = Array.from({ length: n }, () => r(0));
      for (const [v, coefficient] of c.terms) row[v] = addRational(row[v] as Rational, coefficient);
      return { row, bound: c.bound };
    }),
    ...Array.from({ length: n }, (_, j) => ({
      row: Array.from({ length: n }, (_, k) => r(k === j ? 1 : 0)),
      bound: r(0),
    })),
  ];
  const choose = (start: number, picked: number[]): boolean => {
    if (picked.length === n) {
      const point = solveSquare(
        picked.map((k) => (planes[k] as { row: Rational[] }).row),
        picked.map((k) => (planes[k] as { bound: Rational }).bound),
      );
      return (
        point?.every((x) => x.num >= 0n) === true &&
        system.constraints.every((c) => meets(c, point))
      );
    }
    for (let k = start; k < planes.length; k++) if (choose(k + 1, [...picked, k])) return true;
    return false;
  };
  return n === 0 ? system.constraints.every((c) => meets(c, [])) : choose(0, []);
}

const coefficient = fc
  .tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .map(([num, den]) => r(num, den));

const systems = fc.integer({ min: 1, max: 3 }).chain((variables) =>
  fc.record({
    variables: fc.constant(variables),
    constraints: fc.array(
      fc.record({
        terms: fc.array(fc.tuple(fc.integer({ min: 0, max: variables - 1 }), coefficient), {
          maxLength: 4,
        }),
        relation: fc.constantFrom("<=" as const, ">=" as const, "=" as const),
        bound: coefficient,
      }),
      { maxLength: 5 },
    ),
  }),
);

describe("findFeasiblePoint", () => {
  it("finds an exact point or says there is none", () => {
    const found = findFeasiblePoint({
      variables: 2,
      constraints: [
        {
          terms: [
            [0, r(1)],
            [1, r(1)],
          ],
          relation: "=",
          bound: r(1),
        },
        {
          terms: [
            [0, r(1)],
            [1, r(-1)],
          ],
          relation: ">=",
          bound: r(1, 2),
        },
        { terms: [[1, r(3)]], relation: ">=", bound: r(1, 3) },
      ],
    });
    expect(found.ok && found.value.feasible).toBe(true);
    if (found.ok && found.value.feasible) {
      const [x0, x1] = found.value.point as [Rational, Rational];
      expect(addRational(x0, x1)).toEqual(r(1));
      expect(compareRational(x1, r(1, 9))).toBeGreaterThanOrEqual(0);
      expect(compareRational(subtractRational(x0, x1), r(1, 2))).toBeGreaterThanOrEqual(0);
    }
    const none = findFeasiblePoint({
      variables: 1,
      constraints: [
        { terms: [[0, r(1)]], relation: "<=", bound: r(1) },
        { terms: [[0, r(2)]], relation: ">=", bound: r(5, 2) },
      ],
    });
    expect(none).toEqual({ ok: true, value: { feasible: false }, warnings: [] });
    // −x ≥ −1 (a negative bound) with x = 1/3·3.
    const negative = findFeasiblePoint({
      variables: 1,
      constraints: [
        { terms: [[0, r(-1)]], relation: ">=", bound: r(-1) },
        { terms: [[0, r(1, 3)]], relation: "=", bound: r(1, 3) },
      ],
    });
    expect(negative.ok && negative.value.feasible && negative.value.point).toEqual([r(1)]);
  });

  it("agrees with vertex enumeration on random systems, and its points meet every constraint exactly", () => {
    fc.assert(
      fc.property(systems, (system) => {
        const found = findFeasiblePoint(system);
        expect(found.ok).toBe(true);
        if (!found.ok) return;
        expect(found.value.feasible).toBe(feasibleByVertices(system));
        if (found.value.feasible) {
          expect(found.value.point).toHaveLength(system.variables);
          for (const x of found.value.point) expect(x.num >= 0n).toBe(true);
          for (const c of system.constraints) expect(meets(c, found.value.point)).toBe(true);
        }
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it("stops at its work limit with an issue", () => {
    const system: LinearSystem = {
      variables: 3,
      constraints: [
        {
          terms: [
            [0, r(1)],
            [1, r(1)],
            [2, r(1)],
          ],
          relation: "=",
          bound: r(1),
        },
        {
          terms: [
            [0, r(1)],
            [1, r(-1)],
          ],
          relation: ">=",
          bound: r(1, 4),
        },
      ],
    };
    const stopped = findFeasiblePoint(system, { workLimit: 1 });
    expect(stopped.ok).toBe(false);
    if (!stopped.ok)
      expect(stopped.issues[0]).toMatchObject({
        code: "linear-system-work-limit",
        params: { limit: 1 },
      });
    expect(findFeasiblePoint(system).ok).toBe(true);
  });

  it("refuses a variable the system does not have (a programmer error)", () => {
    expect(() =>
      findFeasiblePoint({
        variables: 1,
        constraints: [{ terms: [[1, r(1)]], relation: "<=", bound: r(0) }],
      }),
    ).toThrow(RangeError);
  });
});
