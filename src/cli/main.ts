import { readFileSync } from "node:fs";
import { runCli } from "./runCli.js";

// Output piped into a command that stops reading early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const code = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
  now: () => performance.now(),
  clock: () => Date.now(),
});
process.exitCode = code;
// Nothing is left to do once the output is out: exit when stdout and stderr have flushed
// rather than wait for the heap a large election leaves behind to be torn down (tens of
// milliseconds after Warsaw 2026: about 35 ms in a scratch timing of process exit).
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
