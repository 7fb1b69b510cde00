import { seededRandom } from "../../src/core/index.js";
import type { PanelSelection } from "../../src/sortition/index.js";

/** A feature's values with their shares of the population and their weights in the pool. */
const FEATURES: Record<string, [value: string, population: number, pool: number][]> = {
  gender: [
    ["woman", 0.51, 0.45],
    ["man", 0.47, 0.53],
    ["other", 0.02, 0.02],
  ],
  age: [
    ["16-29", 0.2, 0.1],
    ["30-44", 0.25, 0.22],
    ["45-64", 0.33, 0.38],
    ["65+", 0.22, 0.3],
  ],
  district: [
    ["centre", 0.15, 0.28],
    ["north", 0.2, 0.18],
    ["east", 0.2, 0.14],
    ["south", 0.2, 0.2],
    ["west", 0.15, 0.14],
    ["port", 0.1, 0.06],
  ],
  education: [
    ["school", 0.35, 0.18],
    ["vocational", 0.35, 0.32],
    ["university", 0.3, 0.5],
  ],
};

/**
 * A pool of volunteers for a citizens' panel, seeded, skewed as real pools are (older,
 * more educated, more from the centre than the population), with quotas from the
 * population's shares: for each value, between ⌊share × size⌋ − slack and
 * ⌈share × size⌉ + slack panel members.
 */
export function syntheticPanelPool(
  people: number,
  size: number,
  seed: number | string,
  slack = 0,
): PanelSelection {
  const random = seededRandom(seed);
  const pick = (values: [string, number, number][]) => {
    let at = random() * values.reduce((sum, [, , pool]) => sum + pool, 0);
    for (const [value, , pool] of values) {
      at -= pool;
      if (at < 0) return value;
    }
    return (values.at(-1) as [string, number, number])[0];
  };
  const pool = Array.from({ length: people }, (_, k) => ({
    id: `p${k + 1}`,
    features: Object.fromEntries(
      Object.entries(FEATURES).map(([feature, values]) => [feature, pick(values)]),
    ),
  }));
  const quotas = Object.entries(FEATURES).flatMap(([feature, values]) =>
    values.map(([value, share]) => ({
      feature,
      value,
      min: Math.max(0, Math.floor(share * size) - slack),
      max: Math.ceil(share * size) + slack,
    })),
  );
  return { pool, size, quotas };
}
