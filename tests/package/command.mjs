// The built command (dist/cli/main.js), run as users run it: one process per call. It loads
// only the command group asked for (dist/cli/<group>.js), so usage errors, help and the
// version are checked through every group's own file. Run after `npm run build`.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const bielany = fileURLToPath(
  new URL("../../examples/data/Poland_Warszawa_2026_Stare_Bielany.pb", import.meta.url),
);
const run = (...args) => spawnSync(process.execPath, [main, ...args], { encoding: "utf8" });

// A usage error inside each group: exit 2, one line naming the problem, never "internal error".
for (const [group, args, message] of [
  ["pb", ["run"], "pb run needs --rule"],
  ["tally", ["--method", "irv"], "civitas: "],
  ["process", ["nonsense"], "civitas: "],
  ["proposals", ["nonsense"], "civitas: "],
  ["budget", ["nonsense"], "civitas: "],
  ["sim", ["nonsense"], "civitas: "],
  ["sortition", ["nonsense"], "civitas: "],
  ["consultation", ["nonsense"], "civitas: "],
]) {
  const result = run(group, ...args);
  assert.equal(result.status, 2, `${group}: ${result.stderr}`);
  assert.ok(result.stderr.includes(message), `${group}: ${result.stderr}`);
  assert.ok(!result.stderr.includes("internal error"), `${group}: ${result.stderr}`);
}

const counted = run("pb", "run", bielany, "--rule", "official");
assert.equal(counted.status, 0, counted.stderr);
assert.match(counted.stdout, /rule greedy-threshold: 5 of 14 projects selected/);

const help = run("pb", "--help");
assert.equal(help.status, 0);
assert.match(help.stdout, /^Usage:/);
assert.match(help.stdout, /Rules: greedy,/);
assert.equal(run().status, 2);
assert.match(run("--version").stdout, /^civitas \d+\.\d+\.\d+/);
const unknown = run("nonsense");
assert.equal(unknown.status, 2);
assert.match(unknown.stderr, /^civitas: unknown command "nonsense"/);
console.log("the built command: every group's usage errors, help, version and a count checked");
