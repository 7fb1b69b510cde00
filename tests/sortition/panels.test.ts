import { beforeAll, describe, expect, it } from "vitest";
import {
  findFeasiblePoint,
  type LinearConstraint,
  rational,
  rationalFromNumber,
} from "../../src/core/index.js";
import {
  drawPanel,
  greedyPanels,
  type LinearProgramSolver,
  leximinPanels,
  type PanelDistribution,
  type PanelSelection,
} from "../../src/sortition/index.js";
import { loadHighs } from "../helpers/highs.js";
import { syntheticPanelPool } from "../helpers/panelPool.js";

let solver: LinearProgramSolver;
beforeAll(async () => {
  solver = await loadHighs();
});

/** Whether a set of people meets the selection's size and every quota. */
function meetsQuotas(selection: PanelSelection, members: readonly string[]): boolean {
  if (members.length !== selection.size || new Set(members).size !== members.length) return false;
  const byId = new Map(selection.pool.map((person) => [person.id, person]));
  return selection.quotas.every((quota) => {
    const n = members.filter((id) => byId.get(id)?.features[quota.feature] === quota.value).length;
    return n >= quota.min && n <= quota.max;
  });
}

function leximin(selection: PanelSelection): PanelDistribution {
  const chosen = leximinPanels(selection, { solver });
  if (!chosen.ok) throw new Error(chosen.issues[0]?.message);
  return chosen.value;
}

describe("leximinPanels", () => {
  it("gives a distribution of panels that all meet the quotas, everyone of a kind alike, probabilities adding up to the panel's size", () => {
    const selection = syntheticPanelPool(120, 12, "panel test");
    const distribution = leximin(selection);
    const total = distribution.panels.reduce((sum, panel) => sum + panel.probability, 0);
    expect(total).toBeCloseTo(1, 9);
    for (const panel of distribution.panels) {
      // Each count vector, filled with any members of each kind, meets the quotas.
      const members = distribution.kinds.flatMap((kind, t) => kind.slice(0, panel.counts[t]));
      expect(meetsQuotas(selection, members)).toBe(true);
    }
    const sum = Object.values(distribution.probabilities).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(12, 6);
    for (const kind of distribution.kinds)
      for (const id of kind)
        expect(distribution.probabilities[id]).toBe(distribution.probabilities[kind[0] as string]);
    for (const seed of [1, 2, 3, "public seed"]) {
      const drawn = drawPanel(distribution, seed);
      expect(meetsQuotas(selection, drawn), String(seed)).toBe(true);
    }
  });

  it("does at least as well for the least likely person as the greedy quota fill", () => {
    const selection = syntheticPanelPool(120, 12, "panel test");
    const distribution = leximin(selection);
    const greedy = greedyPanels(selection, { runs: 4_000, seed: 1 });
    if (!greedy.ok) throw new Error("greedy refused");
    expect(distribution.minimum).toBeGreaterThan(0);
    expect(distribution.minimum + 0.01).toBeGreaterThanOrEqual(greedy.value.minimum);
  });

  it("makes the smallest probability as large as any distribution can (checked exactly over every panel of a small pool)", () => {
    const features = [
      "woman 16-29",
      "woman 65+",
      "man 65+",
      "man 30-64",
      "man 30-64",
      "woman 30-64",
      "man 65+",
      "woman 65+",
    ];
    const selection: PanelSelection = {
      pool: features.map((f, k) => {
        const [gender, age] = f.split(" ") as [string, string];
        return { id: `p${k}`, features: { gender, age } };
      }),
      size: 3,
      quotas: [
        { feature: "gender", value: "woman", min: 1, max: 2 },
        { feature: "gender", value: "man", min: 1, max: 2 },
        { feature: "age", value: "65+", min: 1, max: 1 },
        { feature: "age", value: "16-29", min: 0, max: 1 },
      ],
    };
    const distribution = leximin(selection);
    const ids = selection.pool.map((person) => person.id);
    const panels: string[][] = [];
    const choose = (start: number, picked: string[]) => {
      if (picked.length === 3) {
        if (meetsQuotas(selection, picked)) panels.push(picked);
        return;
      }
      for (let k = start; k < ids.length; k++) choose(k + 1, [...picked, ids[k] as string]);
    };
    choose(0, []);
    // Is there a distribution over all panels giving everyone at least m?
    const atLeast = (m: number) => {
      const constraints: LinearConstraint[] = [
        {
          terms: panels.map((_, p) => [p, rational(1)] as const),
          relation: "=",
          bound: rational(1),
        },
        ...ids.map((id) => ({
          terms: panels.flatMap((panel, p) =>
            panel.includes(id) ? [[p, rational(1)] as const] : [],
          ),
          relation: ">=" as const,
          bound: rationalFromNumber(m),
        })),
      ];
      const found = findFeasiblePoint({ variables: panels.length, constraints });
      return found.ok && found.value.feasible;
    };
    expect(distribution.minimum).toBeGreaterThan(0.1);
    expect(atLeast(distribution.minimum - 1e-6)).toBe(true);
    expect(atLeast(distribution.minimum + 1e-4)).toBe(false);
  });

  it("names the quotas that conflict: on their face, or only together", () => {
    const selection = syntheticPanelPool(60, 10, "conflicts");
    const tooMany = leximinPanels(
      {
        ...selection,
        quotas: [
          { feature: "gender", value: "woman", min: 6, max: 10 },
          { feature: "gender", value: "man", min: 6, max: 10 },
        ],
      },
      { solver },
    );
    expect(!tooMany.ok && tooMany.issues[0]?.message).toBe(
      "no panel can meet these quotas together: gender = woman at least 6, gender = man at least 6: 12 in all, more than the panel's 10",
    );
    // Every woman of the pool made 65 or over: at least 5 women but at most 2 people of 65+.
    const oldWomen: PanelSelection = {
      ...selection,
      pool: selection.pool.map((person) =>
        person.features.gender === "woman"
          ? { ...person, features: { ...person.features, age: "65+" } }
          : person,
      ),
      quotas: [
        { feature: "gender", value: "woman", min: 5, max: 10 },
        { feature: "district", value: "centre", min: 0, max: 10 },
        { feature: "age", value: "65+", min: 0, max: 2 },
      ],
    };
    const together = leximinPanels(oldWomen, { solver });
    expect(together).toMatchObject({ ok: false, issues: [{ code: "infeasible-quotas" }] });
    expect(!together.ok && together.issues[0]?.message).toBe(
      "no panel can meet these quotas together: gender = woman from 5 to 10; age = 65+ from 0 to 2",
    );
  });
});
