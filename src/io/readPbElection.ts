import { checkPbElection, type PbElection, pbElectionFromJson } from "../budgeting/index.js";
import type { Issue } from "../core/issue.js";
import { ok, type Result } from "../core/result.js";
import { checkPabulib, locatedChecks } from "./checkPabulib.js";
import { parseJsonText } from "./parseJsonText.js";
import {
  type PabulibReadOptions,
  parsePabulib,
  parsePabulibWithLocations,
} from "./parsePabulib.js";

/** Whether a text is the JSON form of an election (it starts with `{`) rather than Pabulib. */
function isJson(text: string): boolean {
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{");
}

/**
 * Reads an election in either of its forms, told apart by content: the JSON form
 * (`pbElectionToJson`, checked by `pbElectionFromJson`; a syntax error has its line and
 * column) or a Pabulib file (`parsePabulib`, with its options). Warnings say what was
 * assumed.
 *
 * @category Pabulib
 * @example
 * ```ts
 * const election = readPbElection(readFileSync(file, "utf8"));
 * if (election.ok) officialRule(election.value.instance, election.value.profile);
 * ```
 */
export function readPbElection(text: string, options: PabulibReadOptions = {}): Result<PbElection> {
  if (!isJson(text)) return parsePabulib(text, options);
  const json = parseJsonText(text);
  return json.ok ? pbElectionFromJson(json.value) : json;
}

/**
 * Checks an election file of either form for consistency: the reader's errors if it
 * cannot be read; otherwise its warnings and those of `checkPbElection` (META counts,
 * votes and score columns, selected projects over budget, ballot constraints, duplicate
 * voters), located by line in a Pabulib file and by path in JSON. An empty list means the
 * file is sound.
 *
 * @category Pabulib
 * @example
 * ```ts
 * checkPbElectionText(text).map((issue) => issue.message);
 * //=> ["line 8, column 1: META num_votes is 487 but VOTES holds 486"]
 * ```
 */
export function checkPbElectionText(text: string): Issue[] {
  if (!isJson(text)) return checkPabulib(text);
  const read = readPbElection(text);
  if (!read.ok) return [...read.issues];
  return [...read.warnings, ...checkPbElection(read.value)];
}

/**
 * {@link readPbElection}, then the consistency checks of `checkPbElection` on counts and
 * columns as warnings: what a count should say about a file before counting it (META
 * counts or a votes column that the ballots do not match, no ballots at all); `pb check`
 * also checks every ballot against the META constraints.
 *
 * @category Pabulib
 * @example
 * ```ts
 * const read = readPbElectionChecked(text);
 * if (read.ok) read.warnings.map((warning) => warning.message);
 * ```
 */
export function readPbElectionChecked(
  text: string,
  options: PabulibReadOptions = {},
): Result<PbElection> {
  if (isJson(text)) {
    const read = readPbElection(text);
    if (!read.ok) return read;
    const checks = checkPbElection(read.value, { ballots: false });
    return checks.length === 0 ? read : ok(read.value, [...read.warnings, ...checks]);
  }
  const parsed = parsePabulibWithLocations(text, options);
  if (!parsed.ok) return parsed;
  const { election, locations } = parsed.value;
  return ok(election, [
    ...parsed.warnings,
    ...locatedChecks(election, locations, { ballots: false }),
  ]);
}
