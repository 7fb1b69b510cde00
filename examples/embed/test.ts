import assert from "node:assert/strict";
import { count } from "./main.js";

const result = count("60000");
assert.deepEqual(result.greedy, ["p2", "p4", "p1"]);
assert.deepEqual(result.equalShares, ["p2", "p4", "p1"]);
// A budget that is not an amount is an issue with its path, never a throw.
const bad = count("sixty thousand");
assert.ok(bad.issues?.[0]?.includes("budget"), JSON.stringify(bad));
console.log("examples/embed: ok", result);
