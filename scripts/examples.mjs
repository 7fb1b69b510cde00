// Runs every example as its users would: packs civitas into a tarball, then in each
// examples/<name>/ with a package.json installs its dependencies (civitas from the
// tarball) and runs its `npm test`. Fails on the first example that fails. Packs dist/ as
// it is: build first (npm test does).
// Usage: node scripts/examples.mjs [name…]   (npm run test:examples)
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const examples = join(root, "examples");
const wanted = process.argv.slice(2);
const run = (cwd, command, args) => {
  try {
    execFileSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"], env: process.env });
  } catch {
    console.error(`examples: \`${command} ${args.join(" ")}\` failed in ${cwd}`);
    process.exit(1);
  }
};

const started = Date.now();
const packed = execFileSync(
  "npm",
  ["pack", "--silent", "--ignore-scripts", "--pack-destination", examples],
  {
    cwd: root,
    encoding: "utf8",
  },
)
  .trim()
  .split("\n")
  .at(-1);
renameSync(join(examples, packed), join(examples, "civitas.tgz"));
console.log(
  `examples: packed civitas as examples/civitas.tgz (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);

const names = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(examples, entry.name, "package.json")))
  .map((entry) => entry.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
for (const name of names) {
  const dir = join(examples, name);
  const start = Date.now();
  console.log(`\nexamples/${name}: npm install, tsc, npm test`);
  // A fresh install each time: the tarball changes with every build.
  rmSync(join(dir, "node_modules", "civitas"), { recursive: true, force: true });
  run(dir, "npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"]);
  // Typechecked against civitas as installed (its .d.ts), with the repository's settings.
  run(dir, process.execPath, [
    join(root, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.json",
  ]);
  run(dir, "npm", ["test", "--silent"]);
  console.log(`examples/${name}: passed in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
console.log(
  `\nexamples: ${names.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
