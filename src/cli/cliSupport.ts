import { type Process, validateProcess } from "../calendar/index.js";
import { type Issue, makeIssue } from "../core/issue.js";
import type { MethodInfo } from "../core/methodInfo.js";
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
  /** Problems as JSON objects, one a line (`--json`), instead of words. */
  readonly json?: boolean;
}

/** The same io, printing problems as JSON when `json` (a command's `--json`). */
export function withJson(io: CliIo, json: boolean | undefined): CliIo {
  return json === true ? { ...io, json: true } : io;
}

/**
 * Prints one problem on stderr: `FILE: message` (`FILE: warning: message`), or under
 * `--json` one object with the file, severity, code, line and column when the issue has
 * them, path, message and params.
 */
export function printIssue(io: CliIo, file: string, issue: Issue, prefix = ""): void {
  const warning = issue.severity === "warning";
  if (io.json === true) {
    const { line, column } = issue.params as { line?: unknown; column?: unknown };
    io.stderr(
      `${JSON.stringify({
        file,
        severity: warning ? "warning" : "error",
        code: issue.code,
        ...(typeof line === "number" ? { line } : {}),
        ...(typeof column === "number" ? { column } : {}),
        path: issue.path,
        message: `${prefix}${issue.message}`,
        params: issue.params,
      })}\n`,
    );
  } else io.stderr(`${file}: ${warning ? "warning: " : ""}${prefix}${issue.message}\n`);
}

/**
 * A mistake in how the command was called: exit code 2, printed with the usage unless it
 * already says what is valid (an unknown rule or method lists the valid ids).
 */
export class UsageError extends Error {
  /** Told apart by name: each file of the built command holds its own copy of the class. */
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly withUsage = true,
  ) {
    super(message);
  }
}

/** Whether `error` is a {@link UsageError}, from whichever file of the built command threw it. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === "UsageError";
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads a file as UTF-8 text, or the issue that says why it cannot be read. */
export function readText(
  file: string,
  io: CliIo,
): { ok: true; text: string } | { ok: false; issue: Issue } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return {
      ok: false,
      issue: makeIssue(
        missing ? "no-such-file" : "unreadable-file",
        [],
        missing ? "no such file" : "cannot read the file",
      ),
    };
  }
  const text = decode(bytes);
  return text === undefined
    ? {
        ok: false,
        issue: makeIssue(
          "not-utf8",
          [],
          "line 1, column 1: the file is not UTF-8 text (binary data?)",
          { line: 1, column: 1 },
        ),
      }
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
    for (const issue of checked.issues) printIssue(io, file, issue);
    return undefined;
  }
  for (const warning of checked.warnings) printIssue(io, file, warning);
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
    printIssue(io, file, read.issue);
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

/** Progress lines on stderr once a batch has run longer than this. */
const PROGRESS_AFTER_MS = 2000;

/** Reports `[k/n] what` on stderr for batches that have taken longer than a couple of seconds. */
export function progress(io: CliIo, total: number): (done: number, what: string) => void {
  const start = io.now?.();
  return (done, what) => {
    if (start === undefined || io.now === undefined || done >= total) return;
    const elapsed = io.now() - start;
    if (elapsed > PROGRESS_AFTER_MS) {
      io.stderr(`[${done}/${total}] ${what} (${(elapsed / 1000).toFixed(1)} s)\n`);
    }
  };
}

/** Rows as aligned columns, two spaces apart. */
export function table(
  rows: readonly (readonly string[])[],
  rightAligned: ReadonlySet<number>,
): string {
  const widths =
    rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, k) =>
          rightAligned.has(k) ? cell.padStart(widths[k] ?? 0) : cell.padEnd(widths[k] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Catalogue entries, one a line: words, or JSON objects (`--json`). */
export function printMethods(methods: readonly MethodInfo[], json: boolean, io: CliIo): void {
  for (const method of methods) {
    const several = method.kind === "committee";
    io.stdout(
      json
        ? `${JSON.stringify({ id: method.id, name: method.name, kind: method.kind, ballot_types: method.ballotTypes, multi_winner: several, properties: method.properties, notes: method.notes, reference: method.reference })}\n`
        : `${method.id.padEnd(18)} ${method.name} [${method.ballotTypes.join(", ")}${several ? ", several seats" : ""}]\n`,
    );
  }
}

/** An unknown rule or method id: the error lists the valid ids, not the whole usage. */
export function unknownId(what: string, id: string, ids: readonly string[]): UsageError {
  return new UsageError(`unknown ${what} "${id}"; the ${what}s are: ${ids.join(", ")}`, false);
}
