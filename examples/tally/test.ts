import assert from "node:assert/strict";
import { calton } from "./main.js";

const result = calton();
// The official result of Calton ward, Glasgow 2007 (droop's reference count).
assert.equal(result.seats, 3);
assert.deepEqual(result.stv, ["George Redmond", "Alison E Thewliss", "Ruth Simpson"]);
assert.ok(Array.isArray(result.irv) && result.irv.length >= 1);
assert.ok(Array.isArray(result.schulze) && result.schulze.length >= 1);
console.log("examples/tally: ok", result);
