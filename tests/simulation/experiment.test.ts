import { describe, expect, it } from "vitest";
import {
  type Experiment,
  type ExperimentRow,
  experimentFromJson,
  experimentUnitRows,
  experimentUnits,
  finishedUnits,
  runExperiment,
} from "../../src/simulation/index.js";

const spec: Experiment = {
  seed: "civitas",
  repetitions: 20,
  generators: [{ model: "single-peaked-walsh" }, { model: "mallows", phi: 0.7 }],
  sizes: [
    { candidates: 4, voters: 15 },
    { candidates: 6, voters: 31 },
  ],
  methods: ["schulze", "copeland", "irv", "plurality"],
};

function rowsOf(experiment: Experiment, done?: readonly ExperimentRow[]): ExperimentRow[] {
  const rows: ExperimentRow[] = [];
  runExperiment(experiment, { onRow: (row) => rows.push(row), done });
  return rows;
}

describe("experiments", () => {
  it("run every unit by every method, each unit's rows the same whatever order computes them", () => {
    const rows = rowsOf(spec);
    expect(experimentUnits(spec)).toBe(80);
    expect(rows).toHaveLength(80 * 4);
    const backwards = Array.from({ length: 80 }, (_, k) => experimentUnitRows(spec, 79 - k))
      .reverse()
      .flat();
    expect(backwards).toEqual(rows);
  });

  it("on single-peaked profiles with an odd number of voters, the Condorcet methods always elect the Condorcet winner", () => {
    const rows = rowsOf(spec).filter((row) => row.generator === "single-peaked-walsh");
    expect(rows.every((row) => row.condorcetWinner !== null)).toBe(true);
    for (const method of ["schulze", "copeland"])
      expect(
        rows.filter((row) => row.method === method).every((row) => row.electsCondorcetWinner),
      ).toBe(true);
    // Plurality does not (a centrist Condorcet winner with few first places).
    expect(
      rows.filter((row) => row.method === "plurality").some((row) => !row.electsCondorcetWinner),
    ).toBe(true);
  });

  it("resumes after an interruption: the rows written are not written again, the missing ones are", () => {
    const all = rowsOf(spec);
    // Interrupted midway through unit 37: its first two rows were written.
    const written = all.filter(
      (row) => row.unit < 37 || (row.unit === 37 && ["schulze", "copeland"].includes(row.method)),
    );
    expect(finishedUnits(spec, written).size).toBe(37);
    const resumed = rowsOf(spec, written);
    expect([...written, ...resumed]).toEqual(all);
  });

  it("refuses a malformed experiment with issues that say where", () => {
    const read = experimentFromJson({
      ...spec,
      methods: ["irvv"],
      sizes: [{ candidates: 40, voters: 3 }],
    });
    expect(read.ok).toBe(false);
    const unknown = experimentFromJson({ ...spec, methods: ["irvv"] });
    expect(!unknown.ok && unknown.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["unknown-method", ["methods", 0]],
    ]);
    expect(experimentFromJson(spec).ok).toBe(true);
  });

  it("measures axioms on every row: Condorcet-winner violations where a Condorcet winner loses, IRV's non-monotonicity on some impartial-culture profiles", () => {
    const measured: Experiment = {
      seed: 3,
      repetitions: 300,
      generators: [{ model: "impartial-culture" }],
      sizes: [{ candidates: 4, voters: 9 }],
      methods: ["irv", "schulze", "plurality"],
      measures: ["condorcet-winner", "monotonicity"],
    };
    const rows = rowsOf(measured);
    for (const row of rows) {
      expect(Object.keys(row.violates ?? {})).toEqual(["condorcet-winner", "monotonicity"]);
      expect(row.violates?.["condorcet-winner"]).toBe(
        row.condorcetWinner !== null && !row.electsCondorcetWinner,
      );
    }
    const broken = (method: string, axiom: string) =>
      rows.filter((row) => row.method === method && row.violates?.[axiom]).length;
    expect(broken("schulze", "condorcet-winner")).toBe(0);
    expect(broken("schulze", "monotonicity")).toBe(0);
    expect(broken("plurality", "monotonicity")).toBe(0);
    expect(broken("irv", "monotonicity")).toBeGreaterThan(0);
    expect(broken("plurality", "condorcet-winner")).toBeGreaterThan(0);
    // Without measures, rows have no violates field.
    expect(rowsOf(spec).some((row) => "violates" in row)).toBe(false);
    const unknown = experimentFromJson({ ...measured, measures: ["monotony"] });
    expect(!unknown.ok && unknown.issues[0]?.path).toEqual(["measures", 0]);
  });
});
