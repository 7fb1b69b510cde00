import type { PbElection, PbProject } from "../budgeting/index.js";
import { formatMoney, parseMoney } from "../core/money.js";
import { quoteField } from "./delimitedRecord.js";

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
 * as k rows with voter ids `<id>#1 … <id>#k` (Pabulib has no multiplicity column).
 *
 * @category Pabulib
 * @example
 * ```ts
 * const parsed = parsePabulib(text);
 * if (parsed.ok) writePabulib(parsed.value); // a file with the same instance and ballots
 * ```
 */
export function writePabulib(election: PbElection): string {
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
        if (column === "points") return (ballot.points ?? []).join(",");
        return ballot.fields?.[column] ?? "";
      });
      out.push(row.map((value) => quoteField(value, ";")).join(";"));
    }
  }
  return `${out.join("\n")}\n`;
}
