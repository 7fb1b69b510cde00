import { type PbElection, type PbProject, plainNumber } from "../budgeting/index.js";
import type { Issue } from "../core/issue.js";
import { formatMoney, parseMoney } from "../core/money.js";
import { fail, ok, type Result } from "../core/result.js";
import { quoteField } from "./delimitedRecord.js";
import { ioIssue } from "./ioIssues.js";

/**
 * The most VOTES rows a written file may have: Pabulib has no multiplicity column, so a
 * compressed ballot becomes one row per voter, and a multiplicity of 2^31 would be a file
 * of tens of gigabytes.
 *
 * @category Pabulib
 * @example
 * ```ts
 * MAX_PABULIB_ROWS; //=> 20_000_000
 * ```
 */
export const MAX_PABULIB_ROWS = 20_000_000;

/** Why a value cannot survive being written and read back, or `undefined`. */
function unwritableListItem(value: string): string | undefined {
  if (value === "") return "is empty";
  if (value.trim() !== value) return "starts or ends with a space";
  if (value.includes(",")) return "holds a comma, which separates list items";
  if (/[\r\n]/.test(value)) return "holds a line break";
  return undefined;
}

function writability(election: PbElection): Issue[] {
  const { instance, profile } = election;
  const issues: Issue[] = [];
  const check = (value: string, path: (string | number)[], what: string) => {
    const why = unwritableListItem(value);
    if (why !== undefined)
      issues.push(
        ioIssue("not-writable", path, `${what} "${value}" ${why}: Pabulib cannot hold it`, {
          value,
        }),
      );
  };
  instance.projects.forEach((project, p) => {
    check(project.id, ["instance", "projects", p, "id"], "project id");
    project.categories.forEach((category, k) => {
      check(category, ["instance", "projects", p, "categories", k], "category");
    });
    project.targets.forEach((target, k) => {
      check(target, ["instance", "projects", p, "targets", k], "target");
    });
  });
  for (const key of Object.keys(instance.meta))
    if (key === "" || key.trim() !== key || /[\r\n]/.test(key))
      issues.push(
        ioIssue("not-writable", ["instance", "meta", key], `META key "${key}" cannot be written`, {
          key,
        }),
      );
  let rows = 0;
  for (const ballot of profile.ballots) rows += ballot.multiplicity;
  if (rows > MAX_PABULIB_ROWS)
    issues.push(
      ioIssue(
        "too-many-rows",
        ["profile", "ballots"],
        `the ballots stand for ${rows} voters: Pabulib writes one row per voter, and more than ${MAX_PABULIB_ROWS} rows is refused (write JSON instead)`,
        { rows, limit: MAX_PABULIB_ROWS },
      ),
    );
  return issues;
}

function projectValue(project: PbProject, column: string, scale: number): string {
  switch (column) {
    case "project_id":
      return project.id;
    case "cost":
      return formatMoney(project.cost, scale);
    case "name":
      return project.name;
    case "category":
      return project.categories.join(",");
    case "target":
      return project.targets.join(",");
    default:
      return project.fields[column] ?? "";
  }
}

function withColumns(columns: readonly string[], required: readonly string[]): string[] {
  return [...required.filter((name) => !columns.includes(name)), ...columns];
}

/**
 * Writes an election as a Pabulib file (`\n` line ends, `;` separators, fields quoted
 * only where needed). Reading the result with `parsePabulib` gives back the same data.
 *
 * META is written as given, except that `budget` and `vote_type` are set from the
 * instance and profile when they differ. A compressed ballot (multiplicity k) is written
 * as k rows with voter ids `<id>#1 … <id>#k` (Pabulib has no multiplicity column), up to
 * {@link MAX_PABULIB_ROWS} rows in all. Points are written as plain decimals (`0.0000001`,
 * never `1e-7`, which Pabulib readers refuse).
 *
 * Returns issues instead of a file that would read back differently: a project id,
 * category or target that is empty, has edge spaces, or holds a comma or line break; a
 * META key that cannot be written; too many rows.
 *
 * @category Pabulib
 * @example
 * ```ts
 * const parsed = parsePabulib(text);
 * if (parsed.ok) writePabulib(parsed.value); // { ok: true, value: a file with the same instance and ballots }
 * ```
 */
export function writePabulib(election: PbElection): Result<string> {
  const issues = writability(election);
  if (issues.length > 0) return fail(issues);
  const { instance, profile } = election;
  const out: string[] = ["META", "key;value"];
  const meta: Record<string, string> = { ...instance.meta };
  if (parseMoney((meta.budget ?? "").trim(), instance.scale) !== instance.budget) {
    meta.budget = formatMoney(instance.budget, instance.scale);
  }
  if ((meta.vote_type ?? "").trim() !== profile.voteType) meta.vote_type = profile.voteType;
  for (const [key, value] of Object.entries(meta)) {
    out.push(`${quoteField(key, ";")};${quoteField(value, ";")}`);
  }

  out.push("PROJECTS");
  const projectColumns = withColumns(instance.projectColumns, ["project_id", "cost"]);
  out.push(projectColumns.map((name) => quoteField(name, ";")).join(";"));
  for (const project of instance.projects) {
    out.push(
      projectColumns
        .map((column) => quoteField(projectValue(project, column, instance.scale), ";"))
        .join(";"),
    );
  }

  out.push("VOTES");
  const hasPoints = profile.ballots.some((ballot) => ballot.points !== undefined);
  const voteColumns = withColumns(
    profile.voteColumns.filter((name) => hasPoints || name !== "points"),
    hasPoints ? ["voter_id", "vote", "points"] : ["voter_id", "vote"],
  );
  out.push(voteColumns.map((name) => quoteField(name, ";")).join(";"));
  for (const [index, ballot] of profile.ballots.entries()) {
    const baseId = ballot.voterId ?? String(index + 1);
    for (let copy = 1; copy <= ballot.multiplicity; copy++) {
      const voterId = ballot.multiplicity === 1 ? baseId : `${baseId}#${copy}`;
      const row = voteColumns.map((column) => {
        if (column === "voter_id") return voterId;
        if (column === "vote") return ballot.projects.join(",");
        if (column === "points") return (ballot.points ?? []).map(plainNumber).join(",");
        return ballot.fields?.[column] ?? "";
      });
      out.push(row.map((value) => quoteField(value, ";")).join(";"));
    }
  }
  return ok(`${out.join("\n")}\n`);
}
