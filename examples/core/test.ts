import assert from "node:assert/strict";
import { draw, threeWays, tieOrder } from "./main.js";

assert.deepEqual(threeWays("1000000.00"), {
  third: "33333333.3333",
  each: "333333.33",
  left: "0.01",
  sum: "100000000",
});
assert.match(String(threeWays("douze euros").error), /not an amount/);
const districts = ["Belle-Beille", "Doutre", "Justices", "Monplaisir"];
assert.deepEqual(draw(districts, "angers-2026"), draw(districts, "angers-2026"));
assert.deepEqual([...draw(districts, "angers-2026")].sort(), districts);
assert.deepEqual(tieOrder(["a", "b", "c"], 7), tieOrder(["a", "b", "c"], 7));
assert.deepEqual([...tieOrder(["a", "b", "c"], 7)].sort(), ["a", "b", "c"]);
console.log("examples/core: ok");
