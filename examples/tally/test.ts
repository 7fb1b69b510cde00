import assert from "node:assert/strict";
import { calton } from "./main.js";

const result = calton();
// The official result of Calton ward, Glasgow 2007 (droop's reference count).
assert.equal(result.seats, 3);
assert.deepEqual(result.stv, ["George Redmond", "Alison E Thewliss", "Ruth Simpson"]);
// One seat by instant runoff and by Schulze: the candidate STV elects first.
assert.deepEqual(result.irv, ["George Redmond"]);
assert.deepEqual(result.schulze, ["George Redmond"]);
console.log("examples/tally: ok", result);
