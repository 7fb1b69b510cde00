import { type Process, validateProcess } from "../calendar/index.js";
import type { Issue } from "../core/issue.js";
import { fail, type Result, strictResult } from "../core/result.js";
import { parseJsonText } from "../io/index.js";

/** Where the CLI writes: injected so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Uint8Array;
  /** Milliseconds from any fixed origin, for progress on long batches; none: no progress. */
  readonly now?: () => number;
  /** The wall clock (milliseconds since 1970), for iCalendar's DTSTAMP; none: 0. */
  readonly clock?: () => number;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads a file as UTF-8 text, or the one line that says why it cannot be read. */
export function readText(
  file: string,
  io: CliIo,
): { ok: true; text: string } | { ok: false; line: string } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot read the file";
    return { ok: false, line: `${file}: ${reason}` };
  }
  const text = decode(bytes);
  return text === undefined
    ? { ok: false, line: `${file}: line 1, column 1: the file is not UTF-8 text (binary data?)` }
    : { ok: true, text };
}

/**
 * Prints a result's problems, one line each: errors as `FILE: message`, warnings as
 * `FILE: warning: message` (with `strict`, warnings are errors). Returns the value, or
 * undefined when there is none to use.
 */
export function reported<T>(
  file: string,
  result: Result<T>,
  io: CliIo,
  strict = false,
): T | undefined {
  const checked = strict ? strictResult(result) : result;
  if (!checked.ok) {
    for (const issue of checked.issues) io.stderr(`${file}: ${issue.message}\n`);
    return undefined;
  }
  for (const warning of checked.warnings) io.stderr(`${file}: warning: ${warning.message}\n`);
  return checked.value;
}

/** Reads and parses a file; on a problem prints one line per issue and returns undefined. */
export function readParsed<T>(
  file: string,
  io: CliIo,
  parse: (text: string) => Result<T>,
  strict = false,
): T | undefined {
  const read = readText(file, io);
  if (!read.ok) {
    io.stderr(`${read.line}\n`);
    return undefined;
  }
  return reported(file, parse(read.text), io, strict);
}

/** An issue's message led by its path into the JSON (`phases.1.start: …`), once. */
function withJsonPath(issue: Issue): Issue {
  const path = issue.path.map(String).join(".");
  if (path === "" || issue.message.startsWith(path) || /^line \d+/.test(issue.message))
    return issue;
  return { ...issue, message: `${path}: ${issue.message}` };
}

/** Reads a process definition file and validates it; prints its issues on a problem. */
export function loadProcess(file: string, io: CliIo): Process | undefined {
  return readParsed(file, io, (text) => {
    const json = parseJsonText(text);
    if (!json.ok) return json;
    const process = validateProcess(json.value);
    return process.ok ? process : fail(process.issues.map(withJsonPath));
  });
}

/** An ISO 8601 instant given on the command line. */
export function instantArgument(name: string, text: string | undefined): number {
  const at = text === undefined ? Number.NaN : Date.parse(text);
  if (Number.isNaN(at) || !/(Z|[+-]\d{2}:\d{2})$/.test(text ?? ""))
    throw new UsageError(
      `--${name} must be an ISO instant with its offset, such as 2026-09-15T10:00:00Z`,
    );
  return at;
}
