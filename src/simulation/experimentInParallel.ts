import { Worker } from "node:worker_threads";
import type { Experiment, ExperimentRow } from "./experiment.js";
import { experimentUnits, finishedUnits } from "./experiment.js";

/**
 * The worker's code: it loads civitas/simulation (or the module given) and answers each
 * unit it is sent with that unit's rows.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module).then(({ experimentUnitRows }) => {
  parentPort.on("message", (unit) => {
    if (unit === null) return process.exit(0);
    parentPort.postMessage({ unit, rows: experimentUnitRows(workerData.spec, unit) });
  });
  parentPort.postMessage({ ready: true });
});
`;

/**
 * Runs an experiment on worker threads and hands `onRow` exactly the rows, in exactly the
 * order, {@link runExperiment} gives on one thread (each unit's profile comes from its own
 * seed, and rows are passed on in unit order as units finish). Rows in `done` are not
 * written again, as with {@link runExperiment}. Node only. `module` is what each worker
 * imports for the counting: by default `civitas/simulation`, resolved from the working
 * directory; give the path of a build of it otherwise.
 *
 * @category Experiments
 * @example
 * ```ts
 * await runExperimentInParallel(spec, { threads: 2, onRow: (row) => out.write(`${JSON.stringify(row)}\\n`) });
 * ```
 */
export async function runExperimentInParallel(
  spec: Experiment,
  options: {
    readonly threads: number;
    readonly onRow: (row: ExperimentRow) => void;
    readonly onProgress?: ((done: number, total: number) => void) | undefined;
    readonly done?: readonly { readonly unit: number; readonly method: string }[] | undefined;
    readonly module?: string | undefined;
  },
): Promise<void> {
  const total = experimentUnits(spec);
  const finished = finishedUnits(spec, options.done ?? []);
  const written = new Set((options.done ?? []).map((row) => `${row.unit}/${row.method}`));
  const todo = Array.from({ length: total }, (_, u) => u).filter((u) => !finished.has(u));
  const results = new Map<number, readonly ExperimentRow[]>();
  let next = 0; // the next unit to hand out (index into todo)
  let emitted = 0; // units passed on, in order
  const emit = () => {
    for (;;) {
      const unit = todo[emitted];
      const rows = unit === undefined ? undefined : results.get(unit);
      if (rows === undefined) return;
      results.delete(unit as number);
      for (const row of rows) if (!written.has(`${row.unit}/${row.method}`)) options.onRow(row);
      emitted++;
      options.onProgress?.(finished.size + emitted, total);
    }
  };
  const threads = Math.max(1, Math.min(options.threads, todo.length));
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(WORKER, {
        eval: true,
        workerData: { spec, module: options.module ?? "civitas/simulation" },
      }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const hand = () => {
              if (next >= todo.length) {
                worker.postMessage(null);
                resolve();
                return;
              }
              worker.postMessage(todo[next++]);
            };
            worker.on(
              "message",
              (message: { ready?: true; unit?: number; rows?: ExperimentRow[] }) => {
                if (message.ready !== true) {
                  results.set(message.unit as number, message.rows as ExperimentRow[]);
                  emit();
                }
                hand();
              },
            );
            worker.on("error", reject);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
