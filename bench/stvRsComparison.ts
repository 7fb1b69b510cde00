import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBlt } from "../src/io/index.js";
import { againstStvRsTranscript } from "../tests/helpers/stvRsTranscript.js";

/**
 * Counts one of stv-rs's ballot files as stv-rs did (Meek; `mode` names its transcript:
 * fixed9, approx, equalize.fixed9, equalize.approx) and prints the time and how many
 * rounds agree with stv-rs's transcript. Prints nothing when the files are absent.
 */
export function printStvRsComparison(stvRs: string, name: string, mode: string): void {
  const parsed = parseBlt(readFileSync(join(stvRs, "ballots", `${name}.blt`), "utf8"));
  const log = join(stvRs, "meek", `${name}.${mode}.log`);
  if (!parsed.ok || !existsSync(log)) return;
  const begin = performance.now();
  const compared = againstStvRsTranscript(readFileSync(log, "utf8"), parsed.value, {
    equalize: mode.startsWith("equalize"),
    approx: mode.endsWith("approx"),
    positiveSurplus: false,
  });
  const took = performance.now() - begin;
  const agreeing = compared.theirs.filter(
    (round, k) => JSON.stringify(round) === JSON.stringify(compared.ours[k]),
  ).length;
  const same = JSON.stringify(compared.ourElected) === JSON.stringify(compared.theirElected);
  console.log(
    `Meek STV as stv-rs counts ${name} (${mode}; ${parsed.value.ballots.length} ballot lines): ${took.toFixed(1)} ms; ${agreeing} of ${compared.theirs.length} rounds as its transcript${compared.ours.length === compared.theirs.length ? "" : ` (we count ${compared.ours.length})`}; elected ${same ? "the same" : "NOT the same"}`,
  );
}
