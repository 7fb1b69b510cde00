import assert from "node:assert/strict";
import { anyFile, broken, summary } from "./main.js";

assert.deepEqual(summary("../data/Poland_Warszawa_2026_Stare_Bielany.pb"), {
  projects: 14,
  voters: 487,
  rule: "greedy-threshold",
  warnings: 0,
  roundTrip: true,
});
const issues = broken();
assert.ok(
  issues.length > 0 && issues.every((message) => /line \d+/.test(message)),
  issues.join("\n"),
);
assert.equal(anyFile("../data/Calton-2007.blt"), "ranked");
console.log("examples/io: ok");
