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
