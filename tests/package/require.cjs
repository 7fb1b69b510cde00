// A CommonJS consumer on Node 20.19+ loads civitas with require() and uses it.
// Run after `npm run build` (npm test does both).
const assert = require("node:assert/strict");
const civitas = require("civitas");
const budgeting = require("civitas/budgeting");
const io = require("civitas/io");
const core = require("civitas/core");
const tally = require("civitas/tally");

const text =
  "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;60\nb;50\nc;40\n" +
  "VOTES\nvoter_id;vote\n1;a,b\n2;a,c\n3;b\n";
const parsed = io.parsePabulib(text);
assert.equal(parsed.ok, true);
const outcome = budgeting.greedy(parsed.value.instance, parsed.value.profile);
// a and b tie on 2 votes: the default chain prefers the cheaper b; then a no longer fits.
assert.deepEqual(outcome.ok && outcome.value.selected, ["b", "c"]);
assert.equal(civitas.greedy, budgeting.greedy);
assert.equal(core.formatMoney(12345n, 2), "123.45");
const ranked = {
  candidates: ["a", "b", "c"],
  names: {},
  ballots: [
    { ranking: [["a"], ["b"]], weight: 4 },
    { ranking: [["b"], ["a"]], weight: 3 },
    { ranking: [["c"], ["b"]], weight: 2 },
  ],
};
const irv = tally.instantRunoff(ranked);
assert.deepEqual(irv.ok && irv.value.winners, ["b"]);
console.log("require('civitas') works from CommonJS: 1 passed, 0 failed");
