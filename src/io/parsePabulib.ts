import type { PbBallot, PbElection, PbProject, VoteType } from "../budgeting/index.js";
import { mergeRepeatedProjects, voteTypes } from "../budgeting/index.js";
import { type Decimal, minimalScale, parseDecimal, rescaleDecimal } from "../core/decimal.js";
import { idRecord, idRecordFrom } from "../core/idRecord.js";
import { type Issue, type IssueSeverity, makeWarning } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import { fieldColumn, splitDelimitedRecord } from "./delimitedRecord.js";
import type { IoIssueCode, IoIssueDetails } from "./ioIssues.js";
import { ioIssue } from "./ioIssues.js";
import { isSpace } from "./isSpace.js";
import { locatedAt } from "./locatedIssue.js";
import { expectedVoteCount, NumericVotes } from "./numericVotes.js";

/** After this many issues the reader stops: the file is clearly not what it claims. */
const MAX_ISSUES = 50;
/** Warnings of one kind listed one by one; the rest are counted in one summary warning. */
const MAX_WARNINGS_PER_CODE = 20;
const SECTIONS = ["META", "PROJECTS", "VOTES"] as const;
type SectionName = (typeof SECTIONS)[number];

interface Row {
  readonly fields: string[];
  /** The record as written, to locate a field's column when reporting an issue. */
  readonly text: string;
  readonly line: number;
}

interface Table {
  readonly header: Row;
  readonly rows: Row[];
}

class TooManyIssues extends Error {}

function preview(text: string): string {
  const flat = text.replace(/\p{Cc}/gu, " ");
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/**
 * Reads a Pabulib file (META, PROJECTS and VOTES sections, `;`-separated, with a header
 * line each) into an instance and its profile.
 *
 * Accepts what real files contain: a byte-order mark, CRLF line ends, quoted fields with
 * `;`, doubled quotes or line breaks inside, decimal commas in amounts, blank lines, and
 * any extra columns (kept as text in `fields`). Amounts become integer minor units at the
 * smallest scale that holds every amount exactly.
 *
 * Anything malformed gives issues with line and column (in `params.line`,
 * `params.column` and the message), never an exception: a missing or truncated section,
 * a missing budget, a non-numeric or negative cost, a duplicate project id, a vote for an
 * unknown project, points that do not match the vote, binary content…
 *
 * @category Pabulib
 * @example
 * ```ts
 * const result = parsePabulib(
 *   "META\nkey;value\nbudget;100\nvote_type;approval\n" +
 *     "PROJECTS\nproject_id;cost\na;60\nb;50\n" +
 *     "VOTES\nvoter_id;vote\n1;a,b\n2;b\n",
 * );
 * result.ok && result.value.instance.budget; //=> 100n
 * result.ok && result.value.profile.ballots.length; //=> 2
 * ```
 */
export function parsePabulib(text: string, options: PabulibReadOptions = {}): Result<PbElection> {
  const result = parsePabulibWithLocations(text, options);
  return result.ok ? ok(result.value.election, result.warnings) : result;
}

/**
 * How {@link parsePabulib} reads the votes. With `grouped: true` it reads them for
 * counting: identical votes (same projects in the same order, same points) become one
 * ballot with their number as its multiplicity, and voter ids and other VOTES columns are
 * not kept. Every rule counts a grouped profile as the full one; a file with a million
 * votes then holds a few thousand ballots.
 *
 * @category Pabulib
 * @example
 * ```ts
 * const options: PabulibReadOptions = { grouped: true };
 * parsePabulib(text, options); // Wrocław 2015: 131,778 votes as 197 ballots
 * ```
 */
export interface PabulibReadOptions {
  readonly grouped?: boolean | undefined;
}

/**
 * Where each part of a Pabulib file was: the 1-based line of every META key, every
 * PROJECTS row (parallel to `instance.projects`) and every VOTES row (parallel to
 * `profile.ballots`). Lets later checks point at lines.
 *
 * @category Pabulib
 * @example
 * ```ts
 * const parsed = parsePabulibWithLocations(text);
 * if (parsed.ok) parsed.value.locations.projects[0]; //=> 22
 * ```
 */
export interface PabulibLocations {
  readonly meta: Readonly<Record<string, number>>;
  readonly projects: readonly number[];
  readonly votes: readonly number[];
}

/**
 * {@link parsePabulib}, also returning the line of every META key, project and vote.
 *
 * @category Pabulib
 * @example
 * ```ts
 * const result = parsePabulibWithLocations(text);
 * if (result.ok) result.value.locations.votes[0]; // the line of the first vote, e.g. 40
 * ```
 */
export function parsePabulibWithLocations(
  text: string,
  options: PabulibReadOptions = {},
): Result<{ election: PbElection; locations: PabulibLocations }> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const warningCounts = new Map<string, number>();
  const report: Report = (line, column, code, path, message, params, severity = "error") => {
    const issue = () => locatedAt(code, path, line, column, message, params, severity);
    if (severity === "warning") {
      const seen = (warningCounts.get(code) ?? 0) + 1;
      warningCounts.set(code, seen);
      if (seen <= MAX_WARNINGS_PER_CODE) warnings.push(issue());
      return;
    }
    issues.push(issue());
    if (issues.length >= MAX_ISSUES) throw new TooManyIssues();
  };
  try {
    const election = read(
      text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      report,
      options.grouped === true,
    );
    if (issues.length > 0 || election === undefined) return fail(issues);
    for (const [code, seen] of warningCounts) {
      if (seen > MAX_WARNINGS_PER_CODE) {
        warnings.push(
          // The same code, now counting the warnings it stands for.
          makeWarning(
            code,
            ["VOTES"],
            `${seen - MAX_WARNINGS_PER_CODE} more times: ${code} (${seen} in all)`,
            { count: seen },
          ),
        );
      }
    }
    return ok(election, warnings);
  } catch (error) {
    if (!(error instanceof TooManyIssues)) throw error;
    issues.push(
      ioIssue("too-many-issues", [], `stopped after ${MAX_ISSUES} issues`, {
        limit: MAX_ISSUES,
      }),
    );
    return fail(issues);
  }
}

type Report = <C extends IoIssueCode>(
  line: number,
  column: number,
  code: C,
  path: readonly (string | number)[],
  message: string,
  params?: IoIssueDetails[C],
  severity?: IssueSeverity,
) => void;

function read(
  text: string,
  report: Report,
  grouped: boolean,
): { election: PbElection; locations: PabulibLocations } | undefined {
  if (text.trim() === "") {
    report(1, 1, "empty-file", [], "the file is empty");
    return undefined;
  }
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split("\n").length;
    const column = nul - before.lastIndexOf("\n");
    report(line, column, "binary-content", [], "the file holds binary data, not Pabulib text");
    return undefined;
  }
  const firstBreak = text.indexOf("\n");
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).trim();
  if (firstLine.toUpperCase() !== "META") {
    report(1, 1, "missing-section", ["META"], `expected "META", found "${preview(firstLine)}"`, {
      section: "META",
    });
    return undefined;
  }

  const lines = new LineReader(text);
  let meta: ReturnType<typeof readMeta>;
  let projects: ReturnType<typeof readProjects>;
  let votes: VotesReader | undefined;
  // META and PROJECTS are read when VOTES begins; its rows are read as they come.
  const tables = readSections(lines, report, (section, header, sofar) => {
    if (section !== "VOTES" || sofar.META === undefined || sofar.PROJECTS === undefined)
      return undefined;
    meta = readMeta(sofar.META, report);
    projects = meta === undefined ? undefined : readProjects(sofar.PROJECTS, meta.scale, report);
    if (meta === undefined || projects === undefined) return () => {};
    votes = votesReader(
      header,
      meta.voteType,
      projects.byId,
      projects.list.map((project) => project.id),
      report,
      grouped,
      expectedVoteCount(meta.entries.num_votes, text.length),
    );
    return votes === undefined ? () => {} : votes;
  });
  if (tables === undefined || meta === undefined || projects === undefined || votes === undefined)
    return undefined;
  const ballots = votes.finish();
  if (ballots === undefined) return undefined;

  const scale = projects.scale;
  const budget = rescaleDecimal(meta.budget, scale) ?? 0n;
  const election: PbElection = {
    instance: {
      budget,
      scale,
      projects: projects.list.map((p) => ({ ...p, cost: rescaleDecimal(p.cost, scale) ?? 0n })),
      meta: meta.entries,
      projectColumns: tables.PROJECTS.header.fields,
    },
    profile: {
      voteType: meta.voteType,
      ballots,
      voteColumns: grouped
        ? tables.VOTES.header.fields.filter((name) => VOTE_MODEL_COLUMNS.has(name))
        : tables.VOTES.header.fields,
    },
  };
  const metaLines = idRecord<number>();
  for (const row of tables.META.rows) metaLines[(row.fields[0] ?? "").trim()] = row.line;
  return {
    election,
    locations: {
      meta: metaLines,
      projects: tables.PROJECTS.rows.map((row) => row.line),
      votes: votes.lines,
    },
  };
}

/**
 * Lines of the text, cut on demand: a reader that stops early (too many issues) never
 * splits the rest of a large file. Line ends are `\n` or `\r\n`.
 */
class LineReader {
  private readonly read: string[] = [];
  private position = 0;
  /** Lines marked as read by someone else: `gapLength` of them from line `gapStart`. */
  private gapStart = -1;
  private gapLength = 0;
  constructor(readonly text: string) {}

  /** How many lines have been cut so far, those read by someone else included. */
  private get count(): number {
    return this.read.length + this.gapLength;
  }

  /** Where line `index` starts in the text, when it is the next line to read. */
  startOf(index: number): number | undefined {
    return this.count === index && this.position <= this.text.length ? this.position : undefined;
  }

  /**
   * Marks `count` lines as read by someone else, the next starting at `offset` (once per
   * text: only VOTES is scanned).
   */
  skip(count: number, offset: number): void {
    if (this.gapStart !== -1) throw new Error("LineReader.skip: lines were skipped already");
    this.gapStart = this.count;
    this.gapLength = count;
    this.position = offset;
  }

  /** Line `index` (0-based), or `undefined` past the end; "" for a line read by someone else. */
  at(index: number): string | undefined {
    while (this.count <= index && this.position <= this.text.length) {
      const end = this.text.indexOf("\n", this.position);
      const stop = end === -1 ? this.text.length : end;
      const line = this.text.slice(this.position, stop);
      this.read.push(line.endsWith("\r") ? line.slice(0, -1) : line);
      this.position = stop + 1;
    }
    if (this.gapStart === -1 || index < this.gapStart) return this.read[index];
    return index < this.gapStart + this.gapLength ? "" : this.read[index - this.gapLength];
  }

  /** How many lines the text has (reads to the end). */
  get length(): number {
    this.at(Number.MAX_SAFE_INTEGER);
    return this.count;
  }
}

function sectionOf(line: string): SectionName | undefined {
  // Fast path: a data row is never a section name unless it is that short.
  if (line.length > 12) return undefined;
  const name = line.trim().toUpperCase();
  return (SECTIONS as readonly string[]).includes(name) ? (name as SectionName) : undefined;
}

/**
 * Where a section's rows go instead of its table: VOTES rows are read as they come, so a
 * large file never holds a row object per voter.
 */
type RowSink = (
  section: SectionName,
  header: Row,
  tables: Partial<Record<SectionName, Table>>,
) => ((row: Row) => void) | RowScanner | undefined;

/**
 * A sink that can also read plain rows straight from the text: from `offset` (line
 * `line`), as many as it can, stopping before any line it leaves to the general reader
 * (quoted fields, a wrong number of fields, a section name). Returns the lines and rows it
 * took and where it stopped.
 */
interface RowScanner {
  readonly row: (row: Row) => void;
  readonly scan: (
    text: string,
    offset: number,
    line: number,
    fields: number,
  ) => { lines: number; rows: number; offset: number };
}

function readSections(
  lines: LineReader,
  report: Report,
  sinkOf?: RowSink,
): Record<SectionName, Table> | undefined {
  const tables: Partial<Record<SectionName, Table>> = {};
  let expected = 0;
  let i = 0;
  for (let raw = lines.at(i); raw !== undefined; raw = lines.at(i)) {
    const section = sectionOf(raw);
    if (section === undefined) {
      if (raw.trim() !== "") {
        report(i + 1, 1, "unexpected-content", [], `unexpected line "${preview(raw)}"`);
        return undefined;
      }
      i++;
      continue;
    }
    if (section !== SECTIONS[expected]) {
      report(
        i + 1,
        1,
        "misplaced-section",
        [section],
        `section ${section} found where ${SECTIONS[expected] ?? "the end of the file"} was expected`,
        { section },
      );
      return undefined;
    }
    expected++;
    const sectionLine = i + 1;
    i++;
    // Header line.
    while ((lines.at(i) ?? "x").trim() === "") i++;
    const headerText = lines.at(i);
    if (headerText === undefined || sectionOf(headerText) !== undefined) {
      report(sectionLine, 1, "missing-header", [section], `section ${section} has no header line`, {
        section,
      });
      return undefined;
    }
    const header = readRecord(lines, i, report, section);
    if (header === undefined) return undefined;
    i = header.next;
    const names = header.row.fields.map((f) => f.trim());
    const seen = new Set<string>();
    for (const [k, name] of names.entries()) {
      if (seen.has(name)) {
        report(
          header.row.line,
          column(header.row, k),
          "duplicate-column",
          [section],
          `column "${name}" appears twice in ${section}`,
          { section, name },
        );
      }
      seen.add(name);
    }
    const rows: Row[] = [];
    const given = sinkOf?.(section, { ...header.row, fields: names }, tables);
    const sink = typeof given === "function" ? given : given?.row;
    let count = 0;
    const start = lines.startOf(i);
    if (given !== undefined && typeof given !== "function" && start !== undefined) {
      const scanned = given.scan(lines.text, start, i + 1, names.length);
      lines.skip(scanned.lines, scanned.offset);
      i += scanned.lines;
      count += scanned.rows;
    }
    for (let line = lines.at(i); line !== undefined; line = lines.at(i)) {
      if (sectionOf(line) !== undefined) break;
      if (line.trim() === "") {
        i++;
        continue;
      }
      const record = readRecord(lines, i, report, section);
      if (record === undefined) return undefined;
      i = record.next;
      if (record.row.fields.length !== names.length) {
        report(
          record.row.line,
          1,
          "wrong-field-count",
          [section, count],
          `${record.row.fields.length} fields where the ${section} header has ${names.length}`,
          { section, expected: names.length, found: record.row.fields.length },
        );
        continue;
      }
      count++;
      if (sink === undefined) rows.push(record.row);
      else sink(record.row);
    }
    tables[section] = { header: { ...header.row, fields: names }, rows };
  }
  const missing = SECTIONS.find((name) => tables[name] === undefined);
  if (missing !== undefined) {
    report(
      lines.length,
      1,
      "missing-section",
      [missing],
      `the file ends before the ${missing} section`,
      { section: missing },
    );
    return undefined;
  }
  return tables as Record<SectionName, Table>;
}

function readRecord(
  lines: LineReader,
  start: number,
  report: Report,
  section: SectionName,
): { row: Row; next: number } | undefined {
  let text = lines.at(start) ?? "";
  let end = start;
  for (;;) {
    const split = splitDelimitedRecord(text, ";");
    if (Array.isArray(split))
      return { row: { fields: split, text, line: start + 1 }, next: end + 1 };
    if (lines.at(end + 1) === undefined) {
      report(
        start + 1,
        split.unterminatedQuoteAt,
        "unterminated-quote",
        [section],
        "a quoted field is never closed",
      );
      return undefined;
    }
    end++;
    text += `\n${lines.at(end) ?? ""}`;
  }
}

function column(row: Row, index: number): number {
  return fieldColumn(row.text, index, ";");
}

function readMeta(
  table: Table,
  report: Report,
):
  | { entries: Record<string, string>; budget: Decimal; voteType: VoteType; scale: number }
  | undefined {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  if (table.header.fields.length !== 2) {
    report(
      table.header.line,
      1,
      "wrong-field-count",
      ["META"],
      "the META header must be two columns (key;value)",
    );
    return undefined;
  }
  for (const row of table.rows) {
    const key = (row.fields[0] ?? "").trim();
    if (seen.has(key)) {
      report(row.line, 1, "duplicate-meta-key", ["META", key], `META key "${key}" appears twice`, {
        key,
      });
    }
    seen.add(key);
    entries.push([key, row.fields[1] ?? ""]);
  }
  const meta = idRecordFrom(entries);
  const rowOf = (key: string) => table.rows.find((row) => (row.fields[0] ?? "").trim() === key);
  const budgetRow = rowOf("budget");
  const budgetText = meta.budget?.trim();
  const budget = budgetText === undefined ? undefined : parseDecimal(budgetText);
  if (budgetRow === undefined || budgetText === undefined) {
    report(table.header.line, 1, "missing-budget", ["META", "budget"], "META has no budget");
  } else if (budget === undefined || budget.units < 0n) {
    report(
      budgetRow.line,
      column(budgetRow, 1),
      "invalid-budget",
      ["META", "budget"],
      `the budget "${preview(budgetText)}" is not a non-negative number`,
      { value: budgetText },
    );
  }
  const voteTypeRow = rowOf("vote_type");
  const voteTypeText = meta.vote_type?.trim();
  let voteType: VoteType | undefined;
  if (voteTypeRow === undefined || voteTypeText === undefined) {
    report(
      table.header.line,
      1,
      "missing-vote-type",
      ["META", "vote_type"],
      "META has no vote_type",
    );
  } else if (!(voteTypes as readonly string[]).includes(voteTypeText)) {
    report(
      voteTypeRow.line,
      column(voteTypeRow, 1),
      "unknown-vote-type",
      ["META", "vote_type"],
      `unknown vote_type "${preview(voteTypeText)}" (known: ${voteTypes.join(", ")})`,
      { value: voteTypeText },
    );
  } else {
    voteType = voteTypeText as VoteType;
  }
  if (budget === undefined || budget.units < 0n || voteType === undefined) return undefined;
  return { entries: meta, budget, voteType, scale: minimalScale(budget) };
}

type ParsedProject = Omit<PbProject, "cost"> & { cost: Decimal };

const PROJECT_MODEL_COLUMNS = new Set(["project_id", "cost", "name", "category", "target"]);

function readProjects(
  table: Table,
  budgetScale: number,
  report: Report,
): { list: ParsedProject[]; byId: Map<string, number>; scale: number } | undefined {
  const names = table.header.fields;
  const idIndex = names.indexOf("project_id");
  const costIndex = names.indexOf("cost");
  for (const [required, index] of [
    ["project_id", idIndex],
    ["cost", costIndex],
  ] as const) {
    if (index === -1) {
      report(
        table.header.line,
        1,
        "missing-column",
        ["PROJECTS", required],
        `PROJECTS has no "${required}" column`,
        { name: required },
      );
    }
  }
  if (idIndex === -1 || costIndex === -1) return undefined;
  const nameIndex = names.indexOf("name");
  const categoryIndex = names.indexOf("category");
  const targetIndex = names.indexOf("target");
  const list: ParsedProject[] = [];
  const byId = new Map<string, number>();
  let scale = budgetScale;
  let valid = true;
  for (const [index, row] of table.rows.entries()) {
    const id = (row.fields[idIndex] ?? "").trim();
    const costText = (row.fields[costIndex] ?? "").trim();
    if (id === "") {
      report(
        row.line,
        column(row, idIndex),
        "missing-project-id",
        ["PROJECTS", index, "project_id"],
        "a project has no id",
      );
      valid = false;
      continue;
    }
    if (byId.has(id)) {
      report(
        row.line,
        column(row, idIndex),
        "duplicate-project",
        ["PROJECTS", index, "project_id"],
        `project "${preview(id)}" is listed twice`,
        { project: id },
      );
      valid = false;
      continue;
    }
    const cost = parseDecimal(costText);
    if (cost === undefined) {
      report(
        row.line,
        column(row, costIndex),
        "invalid-cost",
        ["PROJECTS", index, "cost"],
        `the cost of project "${preview(id)}" is not a number: "${preview(costText)}"`,
        { project: id, value: costText },
      );
      valid = false;
      continue;
    }
    if (cost.units < 0n) {
      report(
        row.line,
        column(row, costIndex),
        "negative-cost",
        ["PROJECTS", index, "cost"],
        `the cost of project "${preview(id)}" is negative (${costText})`,
        { project: id, value: costText },
      );
      valid = false;
      continue;
    }
    scale = Math.max(scale, minimalScale(cost));
    const fields: [string, string][] = [];
    for (const [k, name] of names.entries()) {
      if (!PROJECT_MODEL_COLUMNS.has(name)) fields.push([name, row.fields[k] ?? ""]);
    }
    byId.set(id, list.length);
    list.push({
      id,
      cost,
      name: nameIndex === -1 ? "" : (row.fields[nameIndex] ?? ""),
      categories: splitList(categoryIndex === -1 ? "" : (row.fields[categoryIndex] ?? "")),
      targets: splitList(targetIndex === -1 ? "" : (row.fields[targetIndex] ?? "")),
      fields: idRecordFrom(fields),
    });
  }
  return valid ? { list, byId, scale } : undefined;
}

function splitIds(text: string): string[] {
  const ids = text.split(",");
  if (text.includes(" ")) for (let k = 0; k < ids.length; k++) ids[k] = (ids[k] as string).trim();
  return ids;
}

function splitList(text: string): string[] {
  return text.trim() === "" ? [] : text.split(",").map((part) => part.trim());
}

const POINTS_PATTERN = /^[+-]?\d+(?:\.\d+)?$/;
const VOTE_MODEL_COLUMNS = new Set(["voter_id", "vote", "points"]);

/** Reads VOTES rows one by one into ballots. */
interface VotesReader extends RowScanner {
  readonly row: (row: Row) => void;
  /** The ballots, or undefined when a row was invalid (its issues reported). */
  readonly finish: () => PbBallot[] | undefined;
  /** The line of every ballot. */
  readonly lines: number[];
}

function votesReader(
  header: Row,
  voteType: VoteType,
  projects: ReadonlyMap<string, number>,
  ids: readonly string[],
  report: Report,
  grouped: boolean,
  expected: number,
): VotesReader | undefined {
  // Long by design: the VOTES fast path: one closure owning the column buffers and the grouping
  // map that every row reuses, so that no object is made per voter.
  const names = header.fields;
  const voterIndex = names.indexOf("voter_id");
  const voteIndex = names.indexOf("vote");
  const pointsIndex = names.indexOf("points");
  if (voteIndex === -1) {
    report(header.line, 1, "missing-column", ["VOTES", "vote"], 'VOTES has no "vote" column', {
      name: "vote",
    });
    return undefined;
  }
  if (pointsIndex === -1 && (voteType === "cumulative" || voteType === "scoring")) {
    report(
      header.line,
      1,
      "missing-column",
      ["VOTES", "points"],
      `VOTES has no "points" column, which ${voteType} ballots need`,
      { name: "points" },
    );
    return undefined;
  }
  const extra = names.flatMap((name, k) =>
    VOTE_MODEL_COLUMNS.has(name) ? [] : [[name, k] as const],
  );
  // Other columns become each ballot's fields: plain objects with the same keys in the
  // same order (fast to make and to hold), unless a column is named after a member of
  // Object.prototype (then records without a prototype, where such a name is data).
  const plainFields = extra.every(([name]) => !(name in Object.prototype));
  const ballots: PbBallot[] = [];
  const lines: number[] = [];
  let valid = true;
  let index = -1;
  const row = (row: Row): void => {
    index++;
    const voteText = (row.fields[voteIndex] ?? "").trim();
    let chosen = voteText === "" ? [] : splitIds(voteText);
    let repeated: Map<string, number> | undefined;
    for (let k = 0; k < chosen.length; k++) {
      const id = chosen[k] as string;
      const at = projects.get(id);
      if (at === undefined) {
        report(
          row.line,
          column(row, voteIndex),
          "unknown-project",
          ["VOTES", index, "vote"],
          `vote for unknown project "${preview(id)}"`,
          { project: id },
        );
        valid = false;
      } else {
        // Ballots share the PROJECTS section's id strings: later lookups by id then compare
        // one pointer instead of the characters.
        chosen[k] = ids[at] as string;
        if (chosen.indexOf(id) !== k) {
          repeated ??= new Map();
          repeated.set(chosen[k] as string, (repeated.get(chosen[k] as string) ?? 1) + 1);
        }
      }
    }
    let points: number[] | undefined;
    if (pointsIndex !== -1) {
      const pointsText = (row.fields[pointsIndex] ?? "").trim();
      const parts = pointsText === "" ? [] : pointsText.split(",").map((p) => p.trim());
      const bad = parts.find((p) => !POINTS_PATTERN.test(p));
      if (bad !== undefined) {
        report(
          row.line,
          column(row, pointsIndex),
          "invalid-points",
          ["VOTES", index, "points"],
          `points "${preview(bad)}" are not a number`,
          { value: bad },
        );
        valid = false;
      } else if (parts.length !== chosen.length) {
        report(
          row.line,
          column(row, pointsIndex),
          "points-mismatch",
          ["VOTES", index, "points"],
          `${parts.length} points for ${chosen.length} projects`,
          { points: parts.length, projects: chosen.length },
        );
        valid = false;
      } else {
        points = parts.map(Number);
      }
    }
    if (repeated !== undefined && valid) {
      const merged = mergeRepeatedProjects(voteType, chosen, points);
      const [project, times] = repeated.entries().next().value as [string, number];
      const where = ["VOTES", index, "vote"];
      if (merged === undefined) {
        report(
          row.line,
          column(row, voteIndex),
          "repeated-project-in-vote",
          where,
          `project "${preview(project)}" appears ${times} times in one ${voteType} vote, which cannot be read one way only`,
          { project, times },
        );
        valid = false;
      } else {
        chosen = merged.projects;
        points = merged.points;
        report(
          row.line,
          column(row, voteIndex),
          "repeated-project-in-vote",
          where,
          `project "${preview(project)}" appears ${times} times in one vote; ${merged.assumption}`,
          { project, times, repeated: idRecordFrom(repeated) },
          "warning",
        );
      }
    }
    if (voteType === "choose-1" && chosen.length > 1) {
      report(
        row.line,
        column(row, voteIndex),
        "too-many-choices",
        ["VOTES", index, "vote"],
        `a choose-1 ballot names ${chosen.length} projects`,
        { count: chosen.length },
      );
      valid = false;
    }
    if (!valid) return;
    const fields: Record<string, string> = plainFields ? {} : idRecord<string>();
    for (const [name, k] of extra) fields[name] = row.fields[k] ?? "";
    const ballot: { -readonly [K in keyof PbBallot]: PbBallot[K] } = {
      projects: chosen,
      multiplicity: 1,
      fields,
    };
    if (points !== undefined) ballot.points = points;
    if (voterIndex !== -1) ballot.voterId = (row.fields[voterIndex] ?? "").trim();
    ballots.push(ballot);
    lines.push(row.line);
  };
  // The fast path: plain rows read in place, without a row object or a field list; any row
  // that is not plain or not clean (an unknown or repeated project, points that do not
  // match…) goes through `row`, which reports exactly as for any row.
  const columns = names.length;
  const starts = new Int32Array(columns);
  const ends = new Int32Array(columns);
  const slice = (text: string, k: number) =>
    text.slice(starts[k] as number, ends[k] as number).trim();
  // Grouped reading: the ballot read for each vote text (and points text) seen so far.
  const seen = new Map<string, { multiplicity: number }>();
  // Plain numeric ids read from the text; grouped, each distinct vote's ballot by number.
  const numeric = new NumericVotes(ids, expected);
  const numberedBallots: { multiplicity: number }[] = [];
  /** The trimmed extent of column k: [from, to). */
  const trimmedStart = (text: string, k: number): number => {
    let from = starts[k] as number;
    const to = ends[k] as number;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    return from;
  };
  const trimmedEnd = (text: string, k: number, from: number): number => {
    let to = ends[k] as number;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    return to;
  };
  /** Counts a plain numeric vote, its `count` ids just read, in its group. */
  const countNumbered = (count: number, lineNumber: number): boolean => {
    if (voteType === "choose-1" && count > 1) return false;
    const number = numeric.numberOf(count);
    if (number >= 0) (numberedBallots[number] as { multiplicity: number }).multiplicity++;
    else {
      const ballot = { projects: numeric.idsOf(count), multiplicity: 1 };
      numberedBallots.push(ballot);
      ballots.push(ballot);
      lines.push(lineNumber);
    }
    index++;
    return true;
  };
  const clean = (text: string, lineNumber: number): boolean => {
    if (!valid) return false;
    if (grouped && pointsIndex === -1) {
      const from = trimmedStart(text, voteIndex);
      const to = trimmedEnd(text, voteIndex, from);
      const count = numeric.read(text, from, to);
      if (count >= 0) return countNumbered(count, lineNumber);
    }
    const voteText = slice(text, voteIndex);
    let key: string | undefined;
    if (grouped) {
      key = pointsIndex === -1 ? voteText : `${voteText};${slice(text, pointsIndex)}`;
      const known = seen.get(key);
      if (known !== undefined) {
        known.multiplicity++;
        index++;
        return true;
      }
    }
    // Grouped votes without points were tried as plain numbers above, trimmed alike.
    const count = grouped && pointsIndex === -1 ? -1 : numeric.read(voteText, 0, voteText.length);
    const plain = count >= 0 ? numeric.idsOf(count) : undefined;
    const chosen = plain ?? splitIds(voteText);
    for (let k = 0; plain === undefined && k < chosen.length; k++) {
      const at = projects.get(chosen[k] as string);
      if (at === undefined) return false;
      const id = ids[at] as string;
      for (let j = 0; j < k; j++) if (chosen[j] === id) return false;
      chosen[k] = id;
    }
    if (voteType === "choose-1" && chosen.length > 1) return false;
    let points: number[] | undefined;
    if (pointsIndex !== -1) {
      const pointsText = slice(text, pointsIndex);
      const parts = pointsText === "" ? [] : pointsText.split(",");
      if (parts.length !== chosen.length) return false;
      points = new Array<number>(parts.length);
      for (let k = 0; k < parts.length; k++) {
        const part = (parts[k] as string).trim();
        if (!POINTS_PATTERN.test(part)) return false;
        points[k] = Number(part);
      }
    }
    if (key !== undefined) {
      const ballot: { projects: string[]; multiplicity: number; points?: number[] } = {
        projects: chosen,
        multiplicity: 1,
      };
      if (points !== undefined) ballot.points = points;
      seen.set(key, ballot);
      ballots.push(ballot);
      lines.push(lineNumber);
      index++;
      return true;
    }
    const fields: Record<string, string> = plainFields ? {} : idRecord<string>();
    for (const [name, k] of extra)
      fields[name] = text.slice(starts[k] as number, ends[k] as number);
    const ballot: { -readonly [K in keyof PbBallot]: PbBallot[K] } = {
      projects: chosen,
      multiplicity: 1,
      fields,
    };
    if (points !== undefined) ballot.points = points;
    if (voterIndex !== -1) ballot.voterId = slice(text, voterIndex);
    ballots.push(ballot);
    lines.push(lineNumber);
    index++;
    return true;
  };
  const scan = (text: string, offset: number, line: number, fieldCount: number) => {
    let position = offset;
    let taken = 0;
    let rows = 0;
    let quote = text.indexOf('"', position);
    while (position <= text.length) {
      const newline = text.indexOf("\n", position);
      const end = newline === -1 ? text.length : newline;
      let stop = end;
      if (stop > position && text.charCodeAt(stop - 1) === 13) stop--;
      if (quote !== -1 && quote < position) quote = text.indexOf('"', position);
      if (quote !== -1 && quote < stop) break;
      let blank = true;
      for (let k = position; k < stop && blank; k++) blank = isSpace(text.charCodeAt(k));
      if (!blank) {
        if (stop - position <= 12 && sectionOf(text.slice(position, stop)) !== undefined) break;
        let field = 0;
        let from = position;
        for (;;) {
          const semicolon = text.indexOf(";", from);
          const to = semicolon === -1 || semicolon > stop ? stop : semicolon;
          if (field < columns) {
            starts[field] = from;
            ends[field] = to;
          }
          field++;
          if (to === stop) break;
          from = to + 1;
        }
        if (field !== fieldCount) break;
        if (!clean(text, line + taken)) {
          const lineText = text.slice(position, stop);
          row({ fields: lineText.split(";"), text: lineText, line: line + taken });
        }
        rows++;
      }
      taken++;
      position = end + 1;
    }
    return { lines: taken, rows, offset: position };
  };
  return { row, scan, finish: () => (valid ? ballots : undefined), lines };
}
