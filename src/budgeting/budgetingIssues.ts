import { issueMaker, type NoDetails, warningMaker } from "../core/issue.js";
/**
 * The codes of the issues civitas/budgeting reports (invalid elections, ballots against
 * the META constraints, work limits), each with an English description; the issue's own
 * message and `params` carry the specifics.
 *
 * @category Issues
 * @example
 * ```ts
 * budgetingIssueMessages["ballot-too-long"]; //=> "a vote names more projects than max_length"
 * ```
 */
export const budgetingIssueMessages = {
  "amount-exceeds-scale": "an amount has more decimals than the election's scale",
  "ballot-cost-too-high": "a vote selects more than max_sum_cost",
  "ballot-cost-too-low": "a vote selects less than min_sum_cost",
  "ballot-too-long": "a vote names more projects than max_length",
  "ballot-too-short": "a vote names fewer projects than min_length",
  "duplicate-project": "a project id appears twice",
  "duplicate-voter": "a voter id appears more than once",
  "ejr-check-too-large": "too many projects for the exact EJR check",
  "equal-shares-rerun-limit": "the add1 completion needed more reruns than its limit",
  "invalid-budget": "the budget is negative",
  "voting-closed": "voting is not open",
  "unknown-budget": "there is no such budget",
  "not-eligible": "the voter may not vote in this budget",
  "order-not-checked-out": "there is no checked-out order to cancel",
  "order-checked-out": "the order is checked out: cancel it to change it",
  "already-voted": "the voter has already voted where the workflow allows one vote",
  "order-in-progress-elsewhere": "the voter has an order in progress in another budget",
  "missing-voter-number": "the random workflow needs each voter's number",
  "not-assigned-budget": "the workflow assigns the voter another budget",
  "invalid-orders": "the orders file does not match its schema",
  "invalid-consul-ballots": "the CONSUL ballots file does not match its schema",
  "invalid-ballot": "the ballot does not match its schema",
  "invalid-ballot-rules": "the ballot rules do not match their schema",
  "invalid-amount": "an amount has more decimals than the rules' scale",
  "minimum-above-maximum": "a minimum is above its maximum",
  "unknown-heading": "a project has no heading of the rule",
  "invalid-election": "the JSON election does not match its schema",
  "invalid-multiplicity": "a ballot multiplicity is not a whole number of voters",
  "invalid-points": "points are not numbers in range",
  "invalid-threshold": "min_project_score_threshold is not a number",
  "maximin-support-too-large": "costs times voters are beyond exact arithmetic in doubles",
  "maximin-support-work-limit": "maximin support's search went past its work limit",
  "meta-count-mismatch": "a META count differs from the file's contents",
  "more-ballot-issues": "more votes have an issue already listed for a few of them",
  "missing-official-rule": "META has no rule to apply",
  "missing-points": "a vote has no points where the vote type needs them",
  "missing-project-id": "a project has no id",
  "missing-threshold": "the rule needs min_project_score_threshold",
  "negative-cost": "a project cost is negative",
  "no-ballots": "the election has no ballots",
  "not-priceable": "the outcome includes projects added without prices",
  "points-mismatch": "a vote has more or fewer points than projects",
  "points-out-of-range": "a vote gives points outside min_points..max_points",
  "points-sum-out-of-range": "a vote's points add up outside min_sum_points..max_sum_points",
  "repeated-project-in-vote": "a vote names a project twice",
  "score-column-mismatch": "the score column differs from the votes",
  "selected-over-budget": "the selected projects cost more than the budget",
  "too-many-choices": "a choose-1 vote names several projects",
  "too-many-voters": "more voters than 2^53 - 1",
  "unknown-project": "a vote names a project the election does not list",
  "unknown-vote-type": "the vote type is not one civitas counts",
  "unsupported-ballot-type": "the rule does not count this vote type",
  "unsupported-official-rule": "the META rule is not one civitas applies",
  "unsupported-satisfaction": "the rule does not take this satisfaction function",
  "utilitarian-search-limit": "the exact welfare search went past its node limit",
  "votes-column-mismatch": "the votes column differs from the votes",
} as const;

/**
 * A code of civitas/budgeting's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: BudgetingIssueCode = "negative-cost";
 * ```
 */
export type BudgetingIssueCode = keyof typeof budgetingIssueMessages;

/**
 * The params of each of civitas/budgeting's issue codes, typed: what an app that words its own
 * messages can rely on.
 *
 * @category Issues
 * @example
 * ```ts
 * type Params = BudgetingIssueParams["amount-exceeds-scale"];
 * ```
 */
export interface BudgetingIssueParams {
  readonly "amount-exceeds-scale": { readonly value: string; readonly scale: number };
  readonly "ballot-cost-too-high": BallotAt & { readonly sumCost: string };
  readonly "ballot-cost-too-low": BallotAt & { readonly sumCost: string };
  readonly "ballot-too-long": BallotAt & { readonly length: number; readonly maxLength: number };
  readonly "ballot-too-short": BallotAt & { readonly length: number; readonly minLength: number };
  readonly "duplicate-project": { readonly project: string };
  readonly "duplicate-voter": BallotAt;
  readonly "ejr-check-too-large": { readonly projects: number; readonly limit: number };
  readonly "equal-shares-rerun-limit": { readonly limit: number };
  readonly "invalid-budget": { readonly value: string };
  readonly "voting-closed": OrderAt;
  readonly "unknown-budget": OrderAt;
  readonly "not-eligible": OrderAt;
  readonly "order-not-checked-out": OrderAt;
  readonly "order-checked-out": OrderAt;
  readonly "already-voted": OrderAt & { readonly votedIn?: string | undefined };
  readonly "order-in-progress-elsewhere": OrderAt & { readonly inProgress?: string | undefined };
  readonly "missing-voter-number": OrderAt;
  readonly "not-assigned-budget": OrderAt & { readonly assigned?: string | undefined };
  readonly "invalid-orders": NoDetails;
  readonly "invalid-consul-ballots": NoDetails;
  readonly "invalid-ballot": NoDetails;
  readonly "invalid-ballot-rules": NoDetails;
  readonly "invalid-amount": { readonly value: string; readonly scale: number };
  readonly "minimum-above-maximum": { readonly minimum: number; readonly maximum: number };
  readonly "unknown-heading": { readonly heading: string | null; readonly project?: string };
  readonly "invalid-election": NoDetails;
  readonly "invalid-multiplicity": { readonly value: string };
  readonly "invalid-points": NoDetails;
  readonly "invalid-threshold": { readonly value: string };
  readonly "maximin-support-too-large": NoDetails;
  readonly "maximin-support-work-limit": { readonly limit: number };
  readonly "meta-count-mismatch": {
    readonly key: string;
    readonly meta: number;
    readonly actual: number;
  };
  readonly "more-ballot-issues": { readonly code: string; readonly count: number };
  readonly "missing-official-rule": NoDetails;
  readonly "missing-points": BallotAt;
  readonly "missing-project-id": NoDetails;
  readonly "missing-threshold": NoDetails;
  readonly "negative-cost": { readonly project: string; readonly value: string };
  readonly "no-ballots": NoDetails;
  readonly "not-priceable": { readonly completion: string };
  readonly "points-mismatch": BallotAt & { readonly points: number; readonly projects: number };
  readonly "points-out-of-range": BallotAt & { readonly value: number };
  readonly "points-sum-out-of-range": BallotAt & { readonly sum: number };
  readonly "repeated-project-in-vote": BallotAt & { readonly project?: string | undefined };
  readonly "score-column-mismatch": {
    readonly project: string;
    readonly column: string;
    readonly counted: string;
  };
  readonly "selected-over-budget": { readonly cost: string; readonly budget: string };
  readonly "too-many-choices": BallotAt & { readonly count: number };
  readonly "too-many-voters": { readonly voters: number };
  readonly "unknown-project": BallotAt & { readonly project: string };
  readonly "unknown-vote-type": { readonly value: string };
  readonly "unsupported-ballot-type": { readonly voteType: string; readonly rule?: string };
  readonly "unsupported-official-rule": {
    readonly rule: string;
    readonly supported: readonly string[];
  };
  readonly "unsupported-satisfaction": { readonly sat: string };
  readonly "utilitarian-search-limit": { readonly nodeLimit: number; readonly projects: number };
  readonly "votes-column-mismatch": {
    readonly project: string;
    readonly column: string;
    readonly counted: number;
  };
}

/**
 * Where a vote's issue is: the voter's id when the file gives one.
 *
 * @category Issues
 * @example
 * ```ts
 * const at: BallotAt = { voter: "v17" };
 * ```
 */
export interface BallotAt {
  readonly voter?: string | undefined;
}

/**
 * Whom and what an order's refusal is about.
 *
 * @category Issues
 * @example
 * ```ts
 * const at: OrderAt = { voter: "ana", budget: "north", workflow: "one" };
 * ```
 */
export interface OrderAt {
  readonly voter: string;
  readonly budget: string;
  readonly workflow?: string;
}

/**
 * Builds one of civitas/budgeting's issues, its params typed by its code.
 *
 * @internal
 */
export const budgetingIssue = issueMaker<BudgetingIssueParams>();

/**
 * Builds one of civitas/budgeting's warnings (what a check found that does not stop the
 * count), its params typed by its code.
 *
 * @internal
 */
export const budgetingWarning = warningMaker<BudgetingIssueParams>();
