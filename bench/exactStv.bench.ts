/**
 * `npm run bench:exact-stv`: the two stv-rs transcripts too slow for `npm run bench` —
 * rand_mixed_5k counted in exact fractions with keep factors rounded to 6 decimals
 * (stv-rs's "approx" arithmetic), plain and equalized. Minutes each; prints the time and
 * how many rounds agree with stv-rs's transcripts; asserts nothing.
 */
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { printStvRsComparison } from "./stvRsComparison.js";

const stvRs = join(import.meta.dirname, "..", "..", "shared", "data", "stv", "stv-rs");
console.log(
  `\ncivitas exact Meek benchmark — ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`,
);
if (!existsSync(stvRs)) console.log("skipped: ../shared/data/stv/stv-rs is absent");
else
  for (const mode of ["approx", "equalize.approx"])
    printStvRsComparison(stvRs, "random/rand_mixed_5k", mode);
