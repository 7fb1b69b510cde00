import assert from "node:assert/strict";
import { report } from "./main.js";

const { statistics, charts, archive } = report();
// 10% of Angers' 155,000 residents voted, and the figure is computed, not asserted.
assert.equal(statistics.population?.byKind.find((k) => k.kind === "budget-vote")?.percent, "10");
// Each person once: participants are fewer than voters plus everyone who proposed, supported or commented.
const byKind = new Map(statistics.byKind.map((k) => [k.kind, k.participants]));
assert.equal(byKind.get("budget-vote"), 15_500);
assert.ok(statistics.participants < [...byKind.values()].reduce((a, b) => a + b, 0));
assert.ok(statistics.participants >= 15_500);
for (const svg of Object.values(charts))
  assert.ok(svg.startsWith("<svg ") && svg.endsWith("</svg>"));
assert.deepEqual(archive.files, [
  "LICENSE.md",
  "README.md",
  "angers-bp-2026-open-data-projects.csv",
  "angers-bp-2026-open-data-proposal_comments.csv",
  "angers-bp-2026-open-data-proposals.csv",
  "angers-bp-2026-open-data-results.csv",
  "angers-bp-2026-open-data-votes.pb",
]);
// The same process gives the same archive, byte for byte.
assert.deepEqual(report().archive.zip, archive.zip);
console.log("examples/accountability: 7 passed, 0 failed");
