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
// Each subpath is one self-contained file: the root's greedy is its own copy of the same
// function, and counts the same.
const fromRoot = civitas.greedy(parsed.value.instance, parsed.value.profile);
assert.deepEqual(fromRoot.ok && fromRoot.value.selected, ["b", "c"]);
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

// The calendar and proposals modules load through require() too (their dependencies
// @date-fns/tz and immer included).
const calendar = require("civitas/calendar");
const proposals = require("civitas/proposals");
const process = calendar.validateProcess({
  id: "p",
  title: "P",
  timeZone: "Europe/Paris",
  phases: [
    { id: "a", title: "A", start: "2026-03-01", end: "2026-03-31", permits: ["proposals.create"] },
  ],
});
assert.equal(process.ok, true);
assert.equal(calendar.phaseAt(process.value, Date.parse("2026-03-10T10:00:00Z")).phase.id, "a");
const created = proposals.transition(
  { proposals: {}, supportsOf: {} },
  { type: "create", proposal: "p1", author: "ana", title: "Bancs" },
  { rules: {}, process: process.value, instant: Date.parse("2026-03-10T10:00:00Z") },
);
assert.equal(created.ok && created.value.events[0].type, "created");
console.log("require('civitas') works from CommonJS: 1 passed, 0 failed");
// Accountability: a parent's progress from its children.
const accountability = require("civitas/accountability");
const tree = [
  { id: "p", title: { en: "p" }, description: {}, proposalIds: [], projectIds: [], timeline: [] },
  {
    id: "a",
    parentId: "p",
    progress: 100,
    title: { en: "a" },
    description: {},
    proposalIds: [],
    projectIds: [],
    timeline: [],
  },
  {
    id: "b",
    parentId: "p",
    progress: 20,
    title: { en: "b" },
    description: {},
    proposalIds: [],
    projectIds: [],
    timeline: [],
  },
];
assert.equal(accountability.resultProgress(tree).get("p"), 60);
// Open data: an archive with its README and LICENSE, by the CommonJS build.
const openData = require("civitas/open-data");
const archive = openData.openDataArchive(
  { slug: "x", title: "X" },
  { key: "k", generatedAt: "2026-12-01T00:00:00Z" },
);
assert.deepEqual(archive.ok && archive.value.files, ["LICENSE.md", "README.md"]);
// Initiatives: one created, by the CommonJS build.
const initiatives = require("civitas/initiatives");
const type = {
  id: "t",
  signatureType: "any",
  undoOnlineSignatures: false,
  promotingCommittee: true,
  minimumCommitteeMembers: 2,
  childScopeThreshold: false,
  scopes: [{ scope: "global", supportsRequired: 10 }],
};
const createdInitiative = initiatives.decideInitiative(
  undefined,
  { type: "create", id: "i1", scope: "global", by: { id: "ana" } },
  { type, now: "2027-01-04T09:00:00Z", today: "2027-01-04" },
);
assert.equal(createdInitiative.ok && createdInitiative.value[0].type, "created");
// Sortition: a Decidim draw, as Ruby 3 draws it.
const sortition = require("civitas/sortition");
const decidim = sortition.decidimDraw({
  candidates: [3, 8, 15],
  count: 2,
  timestamp: 1733577600,
  dice: 4,
});
assert.equal(decidim.ok && decidim.value.drawn.length, 2);
// Simulation: a seeded Mallows profile, the same on every machine.
const simulation = require("civitas/simulation");
const drawn = simulation.mallows({ candidates: 4, voters: 100, seed: 1, phi: 0.5 });
assert.equal(
  drawn.ballots.reduce((sum, ballot) => sum + ballot.weight, 0),
  100,
);
// Consultations: a response checked against its questionnaire, by the CommonJS build.
const consultations = require("civitas/consultations");
const questionnaire = consultations.parseQuestionnaire({
  id: "q",
  title: "Q",
  questions: [{ id: "a", type: "single_option", body: "?", options: [{ id: "yes", body: "Yes" }] }],
});
assert.equal(questionnaire.ok, true);
const refused = consultations.checkResponse(questionnaire.value, {
  answers: [{ question: "a", choices: [{ option: "no" }] }],
});
assert.equal(refused.ok || refused.issues[0].code, "unknown-option");
