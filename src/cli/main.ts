import { readFileSync } from "node:fs";
import { runCli } from "./runCli.js";

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
  now: () => performance.now(),
});
