import { ok, type Result } from "../../core/result.js";
import { seededRandom } from "../../core/seededRandom.js";
import { checkSelection } from "./panelPool.js";

/**
 * What {@link greedyPanels} found: each person's selection frequency over the runs, the
 * smallest, and how many runs got stuck before the panel was full (and began again).
 *
 * @category Panels
 * @example
 * ```ts
 * const found: GreedyPanels = { runs: 10_000, frequencies: { p1: 0.031 }, minimum: 0, restarts: 12 };
 * ```
 */
export interface GreedyPanels {
  readonly runs: number;
  readonly frequencies: Readonly<Record<string, number>>;
  readonly minimum: number;
  readonly restarts: number;
}

/**
 * The naive quota fill many panels were drawn with, for comparison with
 * {@link leximinPanels}: seat by seat, take the quota furthest below its minimum (the
 * largest share of its minimum still missing), and draw uniformly one person who has it
 * and breaks no maximum; with every minimum met, draw anyone who breaks no maximum; begin
 * again when nobody fits. Run `runs` times from the seed, it estimates each person's
 * selection probability; people whose values are common and over-represented in the
 * pool are rarely or never drawn.
 *
 * @category Panels
 * @example
 * ```ts
 * greedyPanels({ pool, size: 30, quotas }, { runs: 10_000, seed: 1 }); // ok: frequencies per person
 * ```
 */
export function greedyPanels(
  input: unknown,
  options: { readonly runs: number; readonly seed: number | string },
): Result<GreedyPanels> {
  const checked = checkSelection(input);
  if (!checked.ok) return checked;
  const { ids, size, quotas } = checked.value;
  const random = seededRandom(options.seed);
  const quotasOf = ids.map(() => [] as number[]);
  quotas.forEach((quota, q) => {
    for (const i of quota.members) (quotasOf[i] as number[]).push(q);
  });
  const counts = new Array<number>(ids.length).fill(0);
  let restarts = 0;
  for (let run = 0; run < options.runs; run++) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const taken = new Uint8Array(ids.length);
      const filled = new Array<number>(quotas.length).fill(0);
      const fits = (i: number) =>
        taken[i] === 0 &&
        (quotasOf[i] as number[]).every(
          (q) => (filled[q] as number) < (quotas[q] as { max: number }).max,
        );
      const chosen: number[] = [];
      while (chosen.length < size) {
        let neediest = -1;
        let need = 0;
        quotas.forEach((quota, q) => {
          const missing = quota.min - (filled[q] as number);
          if (missing > 0 && missing / quota.min > need)
            [neediest, need] = [q, missing / quota.min];
        });
        const from =
          neediest >= 0
            ? (quotas[neediest] as { members: readonly number[] }).members
            : ids.map((_, i) => i);
        const open = from.filter(fits);
        if (open.length === 0) break;
        const person = open[Math.floor(random() * open.length)] as number;
        taken[person] = 1;
        chosen.push(person);
        for (const q of quotasOf[person] as number[]) filled[q] = (filled[q] as number) + 1;
      }
      const complete =
        chosen.length === size && quotas.every((quota, q) => (filled[q] as number) >= quota.min);
      if (complete) {
        for (const i of chosen) counts[i] = (counts[i] as number) + 1;
        break;
      }
      restarts++;
    }
  }
  const frequencies: Record<string, number> = Object.create(null);
  ids.forEach((id, i) => {
    frequencies[id] = (counts[i] as number) / options.runs;
  });
  return ok({
    runs: options.runs,
    frequencies,
    minimum: Math.min(...Object.values(frequencies)),
    restarts,
  });
}
