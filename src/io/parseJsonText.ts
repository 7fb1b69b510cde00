import { fail, ok, type Result } from "../core/result.js";
import { jsonErrorOffset } from "./jsonErrorOffset.js";
import { locatedIssue } from "./locatedIssue.js";

/**
 * Parses JSON text; broken JSON gets one issue with the line and column where it goes
 * wrong (`invalid-json`). A byte-order mark is ignored.
 *
 * @category JSON
 * @example
 * ```ts
 * parseJsonText('{"a": 1}'); //=> { ok: true, value: { a: 1 } }
 * parseJsonText('{"a": ]').ok; //=> false: "line 1, column 7: not valid JSON (…)"
 * ```
 */
export function parseJsonText(text: string): Result<unknown> {
  const clean = text.replace(/^\uFEFF/, "");
  try {
    return ok(JSON.parse(clean) as unknown);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(clean);
    const before = clean.slice(0, offset).split("\n");
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return fail([locatedIssue("invalid-json", line, column, `not valid JSON (${message})`)]);
  }
}
