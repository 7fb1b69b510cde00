import { idRecordFrom } from "../core/idRecord.js";
import type { Issue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { RankedBallot, RankedProfile } from "../tally/ballots/rankedProfile.js";
import { splitDelimitedRecord } from "./delimitedRecord.js";
import { locatedAt, locatedIssue } from "./locatedIssue.js";

/**
 * Reads cast-vote records of ranked ballots as CSV with the columns `ballot_id,rank,choice`
 * (one row per ranking, the normalized form published for US ranked-choice elections).
 * `$UNDERVOTE` and `$OVERVOTE` entries are skipped and the ballot continues with its next
 * rank; a candidate ranked again lower down keeps its first rank. Candidates are named as
 * in the file, in order of first appearance; ballots that rank nobody are kept as empty.
 *
 * @category CSV
 * @example
 * ```ts
 * const parsed = parseRankedCsv("ballot_id,rank,choice\nb1,1,Bob Kiss\nb1,2,Andy Montroll\n");
 * if (parsed.ok) parsed.value.ballots[0]; //=> { ranking: [["Bob Kiss"], ["Andy Montroll"]], weight: 1 }
 * ```
 */
export function parseRankedCsv(text: string): Result<RankedProfile> {
  const issues: Issue[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const fieldsOf = (record: string): string[] | undefined => {
    const split = splitDelimitedRecord(record, ",");
    return Array.isArray(split) ? split : undefined;
  };
  const header = (fieldsOf(lines[0] ?? "") ?? []).map((field) => field.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const [idAt, rankAt, choiceAt] = [column("ballot_id"), column("rank"), column("choice")];
  if (idAt < 0 || rankAt < 0 || choiceAt < 0) {
    return fail([
      locatedAt(
        "missing-column",
        ["header"],
        1,
        1,
        'expected the columns "ballot_id,rank,choice"',
        { name: "ballot_id,rank,choice" },
      ),
    ]);
  }
  const byBallot = new Map<string, { rank: number; choice: string }[]>();
  const candidates: string[] = [];
  const known = new Set<string>();
  lines.slice(1).forEach((raw, k) => {
    if (raw.trim() === "") return;
    const line = k + 2;
    const fields = fieldsOf(raw);
    if (fields === undefined) {
      issues.push(locatedIssue("unterminated-quote", line, 1, "a quoted field is never closed"));
      return;
    }
    if (fields.length !== header.length) {
      issues.push(
        locatedIssue(
          "wrong-field-count",
          line,
          1,
          `${fields.length} fields where the header has ${header.length}`,
          { expected: header.length, found: fields.length },
        ),
      );
      return;
    }
    const id = (fields[idAt] as string).trim();
    const rank = Number(fields[rankAt]);
    const choice = (fields[choiceAt] as string).trim();
    if (!Number.isInteger(rank) || rank < 1) {
      issues.push(
        locatedIssue(
          "invalid-rank",
          line,
          rankAt + 1,
          `the rank "${fields[rankAt]}" is not a positive whole number`,
          { value: String(fields[rankAt]) },
        ),
      );
      return;
    }
    const entries = byBallot.get(id) ?? [];
    entries.push({ rank, choice });
    byBallot.set(id, entries);
    if (choice !== "$UNDERVOTE" && choice !== "$OVERVOTE" && choice !== "" && !known.has(choice)) {
      known.add(choice);
      candidates.push(choice);
    }
  });
  if (issues.length > 0) return fail(issues);
  const ballots: RankedBallot[] = [...byBallot.values()].map((entries) => {
    const seen = new Set<string>();
    const ranking: string[][] = [];
    for (const { choice } of [...entries].sort((a, b) => a.rank - b.rank)) {
      if (choice === "$UNDERVOTE" || choice === "$OVERVOTE" || choice === "" || seen.has(choice))
        continue;
      seen.add(choice);
      ranking.push([choice]);
    }
    return { ranking, weight: 1 };
  });
  return ok({
    candidates,
    names: idRecordFrom(candidates.map((name) => [name, name])),
    ballots,
  });
}
