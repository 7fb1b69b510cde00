import type { Result as AccountabilityResult, ResultStatus } from "../accountability/results.js";
import { csvField } from "../core/csvField.js";
import type { Issue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import { locatedIssue } from "./locatedIssue.js";

/**
 * Options of {@link writeResultsCsv}: the locales to write (default every locale the
 * results use), the statuses (for `status/key`), a proposal's URL (default
 * `proposals/<id>`), and the separator (`,`; Decidim's default is `;`).
 *
 * @category CSV
 * @example
 * ```ts
 * const options: ResultsCsvOptions = { locales: ["fr", "en"], proposalUrl: (id) => `https://participez.angers.fr/processes/budget/f/12/proposals/${id}` };
 * ```
 */
export interface ResultsCsvOptions {
  readonly locales?: readonly string[] | undefined;
  readonly statuses?: readonly ResultStatus[] | undefined;
  readonly proposalUrl?: ((id: string) => string) | undefined;
  readonly separator?: "," | ";" | undefined;
}

/**
 * Writes results in the columns of Decidim's accountability export (`ResultSerializer`,
 * which its importer reads back): `id`, `category/id`, `scope/id`, `parent/id`,
 * `title/<locale>`, `description/<locale>`, `start_date`, `end_date`, `status/id`,
 * `status/key`, `progress`, `proposal_urls` (`;`-separated), then civitas's `weight` and
 * `project_ids`, which Decidim's importer ignores. Timelines are not part of the CSV.
 *
 * @category CSV
 * @example
 * ```ts
 * writeResultsCsv(results, { locales: ["fr"] }); // "id,category/id,…\n12,4,,…"
 * ```
 */
export function writeResultsCsv(
  results: readonly AccountabilityResult[],
  options: ResultsCsvOptions = {},
): string {
  const locales =
    options.locales ??
    [
      ...new Set(results.flatMap((r) => [...Object.keys(r.title), ...Object.keys(r.description)])),
    ].sort();
  const separator = options.separator ?? ",";
  const url = options.proposalUrl ?? ((id: string) => `proposals/${id}`);
  const keyOf = new Map((options.statuses ?? []).map((status) => [status.id, status.key]));
  const header = [
    "id",
    "category/id",
    "scope/id",
    "parent/id",
    ...locales.map((l) => `title/${l}`),
    ...locales.map((l) => `description/${l}`),
    "start_date",
    "end_date",
    "status/id",
    "status/key",
    "progress",
    "proposal_urls",
    "weight",
    "project_ids",
  ];
  const text = (record: Readonly<Record<string, string>>, locale: string) =>
    Object.hasOwn(record, locale) ? (record[locale] as string) : "";
  const rows = results.map((r) => [
    r.id,
    r.categoryId ?? "",
    r.scopeId ?? "",
    r.parentId ?? "",
    ...locales.map((l) => text(r.title, l)),
    ...locales.map((l) => text(r.description, l)),
    r.startDate ?? "",
    r.endDate ?? "",
    r.statusId ?? "",
    r.statusId === undefined ? "" : (keyOf.get(r.statusId) ?? ""),
    r.progress === undefined ? "" : String(r.progress),
    r.proposalIds.map(url).join(";"),
    r.weight === undefined ? "" : String(r.weight),
    r.projectIds.join(";"),
  ]);
  const quote = (field: string) => csvField(field, separator);
  return `${[header, ...rows].map((row) => row.map(quote).join(separator)).join("\n")}\n`;
}

/** CSV records with the line each begins on: quoted fields may hold separators, quotes and line breaks. */
function records(
  text: string,
  separator: string,
): { line: number; fields: string[]; columns: number[] }[] | { unterminatedAt: number } {
  const out: { line: number; fields: string[]; columns: number[] }[] = [];
  let line = 1;
  let column = 1;
  let fields: string[] = [];
  let columns: number[] = [];
  let field = "";
  let fieldColumn = 1;
  let quoted = false;
  let quoteLine = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    columns.push(fieldColumn);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          column++;
        } else quoted = false;
      } else field += c;
      if (c === "\n") {
        line++;
        column = 0;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === separator) {
      endField();
      fieldColumn = column + 1;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endField();
      if (fields.some((f) => f !== "")) out.push({ line: recordLine, fields, columns });
      fields = [];
      columns = [];
      line++;
      column = 0;
      fieldColumn = 1;
      recordLine = line;
    } else field += c;
    column++;
  }
  if (quoted) return { unterminatedAt: quoteLine };
  endField();
  if (fields.some((f) => f !== "")) out.push({ line: recordLine, fields, columns });
  return out;
}

/** Whether a text is a real day, YYYY-MM-DD. */
function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** One record of a results CSV as a result, its problems added to `issues`. */
function resultOfRow(
  row: {
    readonly line: number;
    readonly fields: readonly string[];
    readonly columns: readonly number[];
  },
  names: readonly string[],
  statusIds: ReadonlySet<string> | undefined,
  issues: Issue[],
): AccountabilityResult {
  const columnIndex = (name: string) => names.indexOf(name);
  const locales = (prefix: string) =>
    names.flatMap((n, k) => (n.startsWith(prefix) ? [[n.slice(prefix.length), k] as const] : []));
  const cell = (name: string) =>
    columnIndex(name) < 0 ? "" : (row.fields[columnIndex(name)] ?? "").trim();
  const columnOf = (name: string) => row.columns[columnIndex(name)] ?? 1;
  const id = cell("id");
  const number = (
    name: string,
    code: "invalid-progress" | "invalid-weight-value",
    high: number,
  ) => {
    const value = cell(name);
    if (value === "") return undefined;
    const parsed = Number(value.replace(",", "."));
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > high) {
      issues.push(
        locatedIssue(
          code,
          row.line,
          columnOf(name),
          `${name} "${value}" is not a number from 0${high === Number.POSITIVE_INFINITY ? "" : ` to ${high}`}`,
          { value },
        ),
      );
      return undefined;
    }
    return parsed;
  };
  const day = (name: string) => {
    const value = cell(name);
    if (value === "") return undefined;
    if (!isDay(value))
      issues.push(
        locatedIssue(
          "invalid-date",
          row.line,
          columnOf(name),
          `${name} "${value}" is not a real day written YYYY-MM-DD`,
          { value },
        ),
      );
    return value;
  };
  const statusId = cell("status/id");
  if (statusId !== "" && statusIds !== undefined && !statusIds.has(statusId))
    issues.push(
      locatedIssue(
        "unknown-status",
        row.line,
        columnOf("status/id"),
        `there is no status ${statusId}`,
        { status: statusId },
      ),
    );
  const proposalIds = cell("proposal_urls")
    .split(";")
    .map((url) => url.trim())
    .filter((url) => url !== "")
    .flatMap((url) => {
      const match = /(\d+)\/?$/.exec(url);
      if (match === null) {
        issues.push(
          locatedIssue(
            "invalid-proposal-url",
            row.line,
            columnOf("proposal_urls"),
            `"${url}" does not end with a proposal id`,
            { value: url },
          ),
        );
        return [];
      }
      return [match[1] as string];
    });
  const translated = (prefix: string) =>
    Object.fromEntries(
      locales(prefix).flatMap(([locale, k]) => {
        const value = (row.fields[k] ?? "").trim();
        return value === "" ? [] : [[locale, value]];
      }),
    );
  const progress = number("progress", "invalid-progress", 100);
  const weight = number("weight", "invalid-weight-value", Number.POSITIVE_INFINITY);
  const startDate = day("start_date");
  const endDate = day("end_date");
  const result: { -readonly [K in keyof AccountabilityResult]: AccountabilityResult[K] } = {
    id,
    title: translated("title/"),
    description: translated("description/"),
    proposalIds,
    projectIds: cell("project_ids")
      .split(";")
      .map((p) => p.trim())
      .filter((p) => p !== ""),
    timeline: [],
  };
  const text = (name: string) => (cell(name) === "" ? undefined : cell(name));
  if (text("parent/id") !== undefined) result.parentId = text("parent/id");
  if (statusId !== "") result.statusId = statusId;
  if (text("category/id") !== undefined) result.categoryId = text("category/id");
  if (text("scope/id") !== undefined) result.scopeId = text("scope/id");
  if (progress !== undefined) result.progress = progress;
  if (weight !== undefined) result.weight = weight;
  if (startDate !== undefined) result.startDate = startDate;
  if (endDate !== undefined) result.endDate = endDate;
  return result;
}

/**
 * Reads results from a CSV in Decidim's accountability columns (as
 * {@link writeResultsCsv} writes them and Decidim's `ResultsCsvImporter` reads them), all
 * or nothing: the separator `,` or `;` as the header uses; `title/<locale>` and
 * `description/<locale>` per locale; `parent/id` must name a result of the file (no
 * cycles); `progress` a number from 0 to 100; dates real days; `status/id` one of
 * `statuses` when they are given; each of `proposal_urls` (`;`-separated) must end with
 * the proposal's id, read whole (Decidim's importer of that era kept only its last digit:
 * proposal 123 became 3). Every problem is an issue with its line and column; with any,
 * nothing is returned.
 *
 * @category CSV
 * @example
 * ```ts
 * const read = parseResultsCsv(text, { statuses });
 * if (read.ok) resultProgress(read.value);
 * ```
 */
export function parseResultsCsv(
  text: string,
  options: { readonly statuses?: readonly ResultStatus[] | undefined } = {},
): Result<AccountabilityResult[]> {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const read = records(body, separator);
  if ("unterminatedAt" in read)
    return fail([
      locatedIssue("unterminated-quote", read.unterminatedAt, 1, "a quoted field is never closed"),
    ]);
  const [header, ...rows] = read;
  const issues: Issue[] = [];
  const names = header?.fields.map((f) => f.trim()) ?? [];
  if (!names.includes("id") || !names.some((n) => n.startsWith("title/"))) {
    const missing = names.includes("id") ? "title/<locale>" : "id";
    return fail([
      locatedIssue("missing-column", 1, 1, `the header has no ${missing} column`, {
        name: missing,
      }),
    ]);
  }
  const statusIds =
    options.statuses === undefined ? undefined : new Set(options.statuses.map((s) => s.id));
  const results: AccountabilityResult[] = [];
  const lineOf = new Map<string, { line: number; parentColumn: number }>();
  const columnIndex = (name: string) => names.indexOf(name);
  for (const row of rows) {
    const id = (row.fields[columnIndex("id")] ?? "").trim();
    if (lineOf.has(id)) {
      const column = row.columns[columnIndex("id")] ?? 1;
      issues.push(
        locatedIssue("duplicate-result", row.line, column, `result ${id} appears twice`, {
          result: id,
        }),
      );
      continue;
    }
    lineOf.set(id, { line: row.line, parentColumn: row.columns[columnIndex("parent/id")] ?? 1 });
    results.push(resultOfRow(row, names, statusIds, issues));
  }
  const ids = new Set(results.map((r) => r.id));
  const parentOf = new Map(results.map((r) => [r.id, r.parentId]));
  for (const result of results) {
    const where = lineOf.get(result.id) as { line: number; parentColumn: number };
    if (result.parentId !== undefined && !ids.has(result.parentId)) {
      issues.push(
        locatedIssue(
          "unknown-parent",
          where.line,
          where.parentColumn,
          `parent ${result.parentId} is not a result of the file`,
          { parent: result.parentId },
        ),
      );
      continue;
    }
    const seen = new Set<string>([result.id]);
    for (let at = result.parentId; at !== undefined; at = parentOf.get(at)) {
      if (seen.has(at)) {
        issues.push(
          locatedIssue(
            "parent-cycle",
            where.line,
            where.parentColumn,
            `result ${result.id} is its own ancestor`,
            { result: result.id },
          ),
        );
        break;
      }
      seen.add(at);
    }
  }
  return issues.length > 0 ? fail(issues) : ok(results);
}
