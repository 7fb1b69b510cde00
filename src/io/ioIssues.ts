import { issueMaker, type NoDetails, warningMaker } from "../core/issue.js";
/**
 * The codes of the issues civitas/io reports, each with an English description of the
 * problem (the issue's own message adds the specifics: line, column, the value found). An
 * app that shows problems in another language keys its messages on these codes; `params`
 * carries the specifics (`line`, `column` and what the message names).
 *
 * @category Issues
 * @example
 * ```ts
 * ioIssueMessages["wrong-field-count"]; //=> "a row has more or fewer fields than its section's header"
 * ```
 */
export const ioIssueMessages = {
  "binary-content": "the file holds binary data, not text",
  "commas-as-separators": "commas were read as field separators (assumed)",
  "duplicate-column": "a column name appears twice in a header",
  "duplicate-meta-key": "a META key appears twice",
  "duplicate-project": "a project id appears twice",
  "empty-file": "the file is empty",
  "equal-ranks": "a ballot ranks candidates equal where the format does not allow it",
  "incomplete-order": "a complete order does not rank every candidate",
  "invalid-ballots": "the JSON ballots do not match their schema",
  "invalid-budget": "the budget is not a non-negative number",
  "invalid-commands": "the proposals command file does not match its schema",
  "invalid-cost": "a project cost is not a non-negative number",
  "invalid-count": "a ballot count is not a positive whole number",
  "invalid-events": "the proposals event log does not match its schema",
  "invalid-header": "a header line is malformed",
  "invalid-json": "the text is not valid JSON",
  "invalid-points": "points are not numbers in range",
  "invalid-rank": "a rank is not a positive whole number",
  "invalid-weight": "a ballot weight is not a positive number",
  "invalid-yaml": "the text is not valid YAML",
  "misplaced-header": "a header line comes after the ballots",
  "misplaced-section": "a section is out of order",
  "missing-alternatives": "the file does not name its candidates",
  "missing-budget": "META has no budget",
  "missing-column": "a required column is missing",
  "duplicate-result": "a result id appears twice",
  "duplicate-response": "a response id appears twice in a responses file",
  "invalid-proposals": "the synthesis proposals file does not match its schema",
  "unknown-parent": "a result's parent is not among the results",
  "parent-cycle": "results are each other's ancestors",
  "invalid-progress": "a progress is not a number from 0 to 100",
  "invalid-date": "a date is not a real day written YYYY-MM-DD",
  "unknown-status": "a result's status is not among the statuses",
  "invalid-proposal-url": "a proposal URL does not end with the proposal's id",
  "invalid-weight-value": "a weight is not a number of at least 0",
  "missing-count": "a ballot line has no count",
  "missing-end-of-ballots": "the ballots never end with a line 0",
  "missing-header": "a section has no header line",
  "missing-name": "a candidate has no name",
  "missing-num-cand": "the instance has no num_cand",
  "missing-profile": "the instance has no profile",
  "missing-committeesize": "the instance has no committeesize",
  "missing-voter-weights": "the instance has no voter_weights",
  "missing-description": "the instance has no description",
  "missing-compute": "the instance has no compute",
  "missing-rule-id": "the instance has no rule_id",
  "missing-resolute": "the instance has no resolute",
  "missing-result": "the instance has no result",
  "missing-project-id": "a project has no id",
  "missing-section": "a section the format requires is missing",
  "missing-vote-type": "META has no vote_type",
  "names-from-comments": "candidate names were read from comment lines (assumed)",
  "negative-cost": "a project cost is negative",
  "nested-tie": "a tie opens inside another tie",
  "not-writable": "the data cannot be written in this format without changing it",
  "points-mismatch": "a vote has more or fewer points than projects",
  "repeated-candidate": "a ballot names a candidate twice",
  "repeated-project-in-vote": "a vote names a project twice",
  "tie-in-strict-order": "a strict order has a tie",
  "too-many-candidates": "the number of candidates declared is beyond what the file can hold",
  "too-many-choices": "a choose-1 vote names several projects",
  "too-many-issues": "reading stopped after too many problems",
  "too-many-rows": "the file would have too many rows",
  "unexpected-content": "a line the format does not expect",
  "unknown-candidate": "a ballot names a candidate the file does not list",
  "unknown-data-type": "the PrefLib data type is not one civitas reads",
  "unknown-file-type": "the file type is not one civitas reads",
  "unknown-key": "a key the format does not define (ignored)",
  "unknown-project": "a vote names a project the file does not list",
  "unknown-vote-type": "the vote type is not one civitas counts",
  "unmatched-brace": "a brace closes no tie",
  "unterminated-ballot": "a ballot line does not end with 0",
  "unterminated-quote": "a quoted field is never closed",
  "unterminated-tie": "a tie is never closed",
  "voter-weights-mismatch": "voter_weights does not have one weight per voter",
  "voters-mismatch": "the number of voters declared differs from the ballots",
  "weight-split": "a ballot weight beyond 2^53 is kept as several ballots (assumed)",
  "weight-too-large": "a ballot weight is beyond 2^64",
  "wrong-ballot-type": "the file holds ballots of another kind than the method counts",
  "wrong-field-count": "a row has more or fewer fields than its section's header",
  "no-such-file": "there is no such file",
  "unreadable-file": "the file cannot be read",
  "not-utf8": "the file is not UTF-8 text",
  "invalid-profile": "the abcvoting profile is malformed",
  "invalid-num-cand": "num_cand is not a positive whole number",
  "invalid-committeesize": "committeesize is not a positive whole number",
  "invalid-voter-weights": "voter_weights are not positive numbers",
  "invalid-description": "the description is not text",
  "invalid-compute": "compute is malformed",
  "invalid-rule-id": "rule_id is not text",
  "invalid-resolute": "resolute is not true or false",
  "invalid-result": "result is malformed",
  "invalid-instance": "the instance is malformed",
} as const;

/**
 * A code of civitas/io's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: IoIssueCode = "unknown-candidate";
 * ```
 */
export type IoIssueCode = keyof typeof ioIssueMessages;

/**
 * Where in a file a problem is: every issue a reader reports carries the line and column
 * (1-based) in its params.
 *
 * @category Issues
 * @example
 * ```ts
 * const where: Located = { line: 12, column: 3 };
 * ```
 */
export interface Located {
  readonly line: number;
  readonly column: number;
}

/**
 * What each of civitas/io's issue codes carries in its params besides the line and column
 * (see {@link IoIssueParams}).
 *
 * @category Issues
 * @example
 * ```ts
 * const details: IoIssueDetails["unknown-candidate"] = { candidate: "7" };
 * ```
 */
export interface IoIssueDetails {
  readonly "binary-content": NoDetails;
  readonly "commas-as-separators": NoDetails;
  readonly "duplicate-column": {
    readonly section: "VOTES" | "META" | "PROJECTS";
    readonly name: string;
  };
  readonly "duplicate-meta-key": { readonly key: string };
  readonly "duplicate-project": { readonly project: string };
  readonly "empty-file": NoDetails;
  readonly "equal-ranks": NoDetails;
  readonly "incomplete-order": NoDetails;
  readonly "invalid-ballots": NoDetails;
  readonly "invalid-budget": { readonly value: string };
  readonly "invalid-commands": NoDetails;
  readonly "invalid-cost": { readonly project: string; readonly value: string };
  readonly "invalid-count": { readonly value: string };
  readonly "invalid-events": NoDetails;
  readonly "invalid-header": { readonly candidates?: number; readonly lines?: number };
  readonly "invalid-json": NoDetails;
  readonly "invalid-points": { readonly value: string };
  readonly "invalid-rank": { readonly value: string };
  readonly "invalid-weight": NoDetails;
  readonly "invalid-yaml": NoDetails;
  readonly "misplaced-header": NoDetails;
  readonly "misplaced-section": { readonly section: "VOTES" | "META" | "PROJECTS" };
  readonly "missing-alternatives": NoDetails;
  readonly "missing-budget": NoDetails;
  readonly "missing-column": { readonly name: string };
  readonly "duplicate-result": { readonly result: string };
  readonly "duplicate-response": { readonly id: string };
  readonly "invalid-proposals": NoDetails;
  readonly "unknown-parent": { readonly parent: string };
  readonly "parent-cycle": { readonly result: string };
  readonly "invalid-progress": { readonly value: string };
  readonly "invalid-date": { readonly value: string };
  readonly "unknown-status": { readonly status: string };
  readonly "invalid-proposal-url": { readonly value: string };
  readonly "invalid-weight-value": { readonly value: string };
  readonly "missing-count": NoDetails;
  readonly "missing-end-of-ballots": NoDetails;
  readonly "missing-header": { readonly section: "VOTES" | "META" | "PROJECTS" };
  readonly "missing-name": NoDetails;
  readonly "missing-num-cand": NoDetails;
  readonly "missing-profile": NoDetails;
  readonly "missing-committeesize": NoDetails;
  readonly "missing-voter-weights": NoDetails;
  readonly "missing-description": NoDetails;
  readonly "missing-compute": NoDetails;
  readonly "missing-rule-id": NoDetails;
  readonly "missing-resolute": NoDetails;
  readonly "missing-result": NoDetails;
  readonly "missing-project-id": NoDetails;
  readonly "missing-section": { readonly section: "VOTES" | "META" | "PROJECTS" };
  readonly "missing-vote-type": NoDetails;
  readonly "names-from-comments": NoDetails;
  readonly "negative-cost": { readonly project: string; readonly value: string };
  readonly "nested-tie": NoDetails;
  readonly "not-writable": { readonly value?: string; readonly key?: string };
  readonly "points-mismatch": { readonly points: number; readonly projects: number };
  readonly "repeated-candidate": {
    readonly value: string;
    readonly voter?: number;
    readonly candidate?: number;
  };
  readonly "repeated-project-in-vote": {
    readonly project: string;
    readonly times: number;
    readonly repeated?: Readonly<Record<string, number>>;
  };
  readonly "tie-in-strict-order": NoDetails;
  readonly "too-many-candidates": NoDetails;
  readonly "too-many-choices": { readonly count: number };
  readonly "too-many-issues": { readonly limit: number };
  readonly "too-many-rows": { readonly rows: number; readonly limit: number };
  readonly "unexpected-content": NoDetails;
  readonly "unknown-candidate": { readonly value: string };
  readonly "unknown-data-type": { readonly value: string };
  readonly "unknown-file-type": { readonly extension: string };
  readonly "unknown-key": { readonly key: string };
  readonly "unknown-project": { readonly project: string };
  readonly "unknown-vote-type": { readonly value: string };
  readonly "unmatched-brace": NoDetails;
  readonly "unterminated-ballot": NoDetails;
  readonly "unterminated-quote": NoDetails;
  readonly "unterminated-tie": NoDetails;
  readonly "voter-weights-mismatch": NoDetails;
  readonly "voters-mismatch": { readonly declared: number; readonly counted: number };
  readonly "weight-split": { readonly ballots: number };
  readonly "weight-too-large": { readonly value: string };
  readonly "wrong-ballot-type": {
    readonly found: "approval" | "score" | "ranked" | "referendum";
    readonly expected: "approval" | "score" | "ranked" | "referendum";
  };
  readonly "wrong-field-count": {
    /** Pabulib's section; ranked CSV files have one. */
    readonly section?: "VOTES" | "META" | "PROJECTS";
    readonly expected: number;
    readonly found: number;
  };
  readonly "no-such-file": NoDetails;
  readonly "unreadable-file": NoDetails;
  readonly "not-utf8": NoDetails;
  readonly "invalid-profile": NoDetails;
  readonly "invalid-num-cand": NoDetails;
  readonly "invalid-committeesize": NoDetails;
  readonly "invalid-voter-weights": NoDetails;
  readonly "invalid-description": NoDetails;
  readonly "invalid-compute": NoDetails;
  readonly "invalid-rule-id": NoDetails;
  readonly "invalid-resolute": NoDetails;
  readonly "invalid-result": NoDetails;
  readonly "invalid-instance": NoDetails;
}

/**
 * Codes of issues about a whole file or a value to write, not a place in a text: their
 * params have no line and column.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: UnlocatedIoIssueCode = "not-writable";
 * ```
 */
export type UnlocatedIoIssueCode =
  | "not-writable"
  | "too-many-rows"
  | "unknown-file-type"
  | "wrong-ballot-type"
  | "no-such-file"
  | "unreadable-file"
  | "not-utf8"
  | "too-many-issues"
  | "weight-split"
  | "duplicate-response";

/**
 * Codes a reader reports at a place in a text and a writer about a value: their params
 * have a line and column when a reader reports them.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: SometimesLocatedIoIssueCode = "equal-ranks";
 * ```
 */
export type SometimesLocatedIoIssueCode = "invalid-weight" | "equal-ranks";

/**
 * The params of each of civitas/io's issue codes, typed: what an app that words its own
 * messages can rely on (`IoIssueParams["unknown-candidate"]` is the line, the column and
 * the candidate).
 *
 * @category Issues
 * @example
 * ```ts
 * const params: IoIssueParams["unknown-candidate"] = { line: 7, column: 1, candidate: "7" };
 * ```
 */
export type IoIssueParams = {
  readonly [C in IoIssueCode]: C extends UnlocatedIoIssueCode
    ? IoIssueDetails[C]
    : C extends SometimesLocatedIoIssueCode
      ? Partial<Located> & DetailsOf<C>
      : Located & DetailsOf<C>;
};

/**
 * A code's details as they join its location: `unknown` (nothing to add) when it has none.
 *
 * @category Issues
 * @example
 * ```ts
 * const details: DetailsOf<"unknown-candidate"> = { value: "7" };
 * ```
 */
export type DetailsOf<C extends IoIssueCode> = IoIssueDetails[C] extends NoDetails
  ? unknown
  : IoIssueDetails[C];

/**
 * Builds one of civitas/io's issues, its params typed by its code.
 *
 * @internal
 */
export const ioIssue = issueMaker<IoIssueParams>();

/**
 * Builds one of civitas/io's warnings (an assumption a reader made), its params typed by
 * its code.
 *
 * @internal
 */
export const ioWarning = warningMaker<IoIssueParams>();
