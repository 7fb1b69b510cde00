import { describe, expect, it } from "vitest";
import {
  type Experiment,
  type ExperimentRow,
  runExperiment,
  runExperimentInParallel,
} from "../../src/simulation/index.js";

/*
 * The workers load civitas/simulation as built (the package's own dist/, which npm ci's
 * prepare and npm test's build make): they must give exactly the rows of one thread.
 */
const spec: Experiment = {
  seed: 3,
  repetitions: 12,
  generators: [{ model: "urn", alpha: 0.3 }, { model: "impartial-culture" }],
  sizes: [{ candidates: 5, voters: 41 }],
  methods: ["irv", "schulze", "borda", "coombs"],
};

describe("experiments on worker threads", () => {
  it("give exactly the rows, in the same order, as one thread", async () => {
    const single: ExperimentRow[] = [];
    runExperiment(spec, { onRow: (row) => single.push(row) });
    const parallel: ExperimentRow[] = [];
    const progress: number[] = [];
    await runExperimentInParallel(spec, {
      threads: 2,
      onRow: (row) => parallel.push(row),
      onProgress: (done) => progress.push(done),
    });
    expect(parallel).toEqual(single);
    expect(progress.at(-1)).toBe(24);
  }, 60_000);

  it("resume like one thread: rows already written are not written again", async () => {
    const single: ExperimentRow[] = [];
    runExperiment(spec, { onRow: (row) => single.push(row) });
    const written = single.slice(0, 37); // unit 9 cut off after its first row
    const resumed: ExperimentRow[] = [];
    await runExperimentInParallel(spec, {
      threads: 3,
      onRow: (row) => resumed.push(row),
      done: written,
    });
    expect([...written, ...resumed]).toEqual(single);
  }, 60_000);
});
