import { checkPbElection, type PbElection } from "../budgeting/index.js";
import type { Issue } from "../core/issue.js";
import { type PabulibLocations, parsePabulibWithLocations } from "./parsePabulib.js";

function lineOf(issue: Issue, locations: PabulibLocations): number | undefined {
  const [section, key] = issue.path;
  if (section === "META" && typeof key === "string") return locations.meta[key];
  if (section === "PROJECTS" && typeof key === "number") return locations.projects[key];
  if (section === "VOTES" && typeof key === "number") return locations.votes[key];
  return undefined;
}

/**
 * Reads a Pabulib file and checks it for consistency: the reader's issues if it cannot be
 * read, otherwise its warnings and those of `checkPbElection` (counts, votes and score
 * columns, selected projects over budget, ballot constraints, duplicate voters), each
 * with the line it concerns where there is one. An empty list means the file is sound.
 *
 * @category Pabulib
 * @example
 * ```ts
 * checkPabulib(text).map((issue) => issue.message);
 * //=> ["line 8, column 1: META num_votes is 487 but VOTES holds 486"]
 * ```
 */
export function checkPabulib(text: string): Issue[] {
  const parsed = parsePabulibWithLocations(text);
  if (!parsed.ok) return [...parsed.issues];
  return [...parsed.warnings, ...locatedChecks(parsed.value.election, parsed.value.locations)];
}

/**
 * `checkPbElection`'s issues, each with the line of the file it concerns where there is
 * one.
 *
 * @internal
 */
export function locatedChecks(
  election: PbElection,
  locations: PabulibLocations,
  options: { readonly ballots?: boolean } = {},
): Issue[] {
  return checkPbElection(election, options).map((issue) => {
    const line = lineOf(issue, locations);
    if (line === undefined) return issue;
    return {
      ...issue,
      message: `line ${line}, column 1: ${issue.message}`,
      params: { ...issue.params, line, column: 1 },
    };
  });
}
