import assert from "node:assert/strict";
import { chart, compare, csv } from "./main.js";

const rows = compare(["../data/Poland_Warszawa_2026_Stare_Bielany.pb"]);
assert.deepEqual(
  rows.map((row) => row.rule),
  ["greedy", "mes/add1", "phragmen", "official"],
);
for (const row of rows) {
  assert.ok(
    row.funded > 0 && row.shareWithFunded > 0 && row.shareWithFunded <= 1,
    JSON.stringify(row),
  );
  assert.ok(row.gini >= 0 && row.gini <= 1);
}
const table = csv(rows).trim().split("\n");
assert.equal(table[0], "file,rule,funded,share_with_funded,gini");
assert.equal(table.length, 5);
const svg = chart(rows);
assert.match(svg, /^<svg /);
assert.equal((svg.match(/<rect /g) ?? []).length, 4);
console.log("examples/research: ok");
console.log(csv(rows));
