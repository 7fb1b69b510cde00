/**
 * Issue 20's figures for citizens' panels: LEXIMIN on a pool of 1,000 volunteers with four
 * features (gender, age band, district, education; skewed against the population as real
 * pools are) and a panel of 40 with quotas from the population's shares, against the
 * greedy quota fill on the same pool (selection frequencies over 5,000 runs). Goal: the
 * LEXIMIN selection ≤ 30 s. Prints the figures and the machine; asserts nothing.
 */
import { cpus } from "node:os";
import { greedyPanels, leximinPanels } from "../src/sortition/index.js";
import { loadHighs } from "../tests/helpers/highs.js";
import { syntheticPanelPool } from "../tests/helpers/panelPool.js";

console.log(
  `\ncivitas sortition benchmark — ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores; Node ${process.version}`,
);
const selection = syntheticPanelPool(1_000, 40, 1);
let start = performance.now();
const solver = await loadHighs();
const loaded = (performance.now() - start) / 1000;
start = performance.now();
const leximin = leximinPanels(selection, { solver });
const seconds = (performance.now() - start) / 1000;
if (!leximin.ok) throw new Error(leximin.issues[0]?.message);
start = performance.now();
const greedy = greedyPanels(selection, { runs: 5_000, seed: 1 });
const greedySeconds = (performance.now() - start) / 1000;
if (!greedy.ok) throw new Error(greedy.issues[0]?.message);
const never = Object.values(greedy.value.frequencies).filter((f) => f === 0).length;
console.log(
  `  pool of 1,000 (4 features, ${leximin.value.kinds.length} kinds of person), panel of 40, ${selection.quotas.length} quotas`,
);
console.log(
  `  LEXIMIN (HiGHS ${loaded.toFixed(2)} s to load): ${seconds.toFixed(1)} s, ${leximin.value.panelsGenerated} panels priced, ${leximin.value.panels.length} in the distribution; smallest selection probability ${leximin.value.minimum.toFixed(4)}; goal ≤ 30 s: ${seconds <= 30 ? "met" : "missed"}`,
);
console.log(
  `  greedy quota fill, 5,000 runs in ${greedySeconds.toFixed(1)} s (${greedy.value.restarts} restarts): smallest selection frequency ${greedy.value.minimum.toFixed(4)}, ${never} people never drawn`,
);
