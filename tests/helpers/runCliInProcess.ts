import { readFileSync } from "node:fs";
import { runCli } from "../../src/cli/runCli.js";

/** Runs the CLI in-process; `files` stand in for paths on disk; `now`, when given, is its clock. */
export function runCliInProcess(
  args: string[],
  files: Record<string, string | Uint8Array> = {},
  now?: () => number,
) {
  let stdout = "";
  let stderr = "";
  const code = runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => {
      const inline = files[path];
      if (inline !== undefined)
        return typeof inline === "string" ? new TextEncoder().encode(inline) : inline;
      return readFileSync(path);
    },
    ...(now === undefined ? {} : { now }),
  });
  return { code, stdout, stderr };
}
