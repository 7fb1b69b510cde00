import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue } from "../core/issue.js";
import type { Role } from "./lifecycle.js";
import type { ProposalCommand } from "./proposalCommand.js";

/** How a role reads in a refusal. */
const roleWords: Record<Role, string> = {
  participant: "a participant",
  author: "its author",
  coauthor: "a co-author",
  admin: "an admin",
  valuator: "a valuator assigned to it",
  "amendment-author": "the amendment's author",
  "draft-author": "the draft's author",
  contributor: "a contributor",
};

/** What each command does, for refusals: `{x}` stands for its target. */
const doing: Record<ProposalCommand["type"], string> = {
  create: "create proposals",
  publish: "publish {x}",
  withdraw: "withdraw {x}",
  answer: "answer {x}",
  "publish-answer": "publish the answer to {x}",
  support: "support {x}",
  unsupport: "take back a support of {x}",
  endorse: "endorse {x}",
  comment: "comment on {x}",
  "assign-valuator": "assign valuators to {x}",
  "unassign-valuator": "unassign valuators from {x}",
  note: "write notes on {x}",
  amend: "amend {x}",
  "publish-amendment": "publish amendment {x}",
  "withdraw-amendment": "withdraw amendment {x}",
  "accept-amendment": "accept amendment {x}",
  "reject-amendment": "reject amendment {x}",
  "promote-amendment": "promote amendment {x}",
  "open-draft": "open drafts",
  "request-access": "ask to contribute to draft {x}",
  "accept-access": "accept contributors to draft {x}",
  "reject-access": "refuse contributors to draft {x}",
  "edit-draft": "edit draft {x}",
  "publish-draft": "publish draft {x}",
  "withdraw-draft": "withdraw draft {x}",
  merge: "merge proposals",
  split: "split {x}",
  copy: "copy {x}",
};

/** "1 support", "3 supports". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * Why a proposals command is refused, by code: the English message of each, made from the
 * issue's `params`. An app that shows refusals in another language keys its own messages
 * on the same codes and params (`ProposalIssueParams<"support-limit-reached">` is
 * `{ participant, limit }`).
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalIssueMessages["support-limit-reached"]({ participant: "ana", limit: 3 });
 * //=> "ana has used all 3 supports"
 * ```
 */
export const proposalIssueMessages = {
  "phase-forbids": (p: {
    readonly reasons: readonly string[];
    readonly codes: readonly string[];
  }) => p.reasons.join("; "),
  "not-permitted": (p: {
    readonly actor: string;
    readonly command: ProposalCommand["type"];
    readonly target: string;
    readonly roles: readonly Role[];
  }) =>
    `${p.actor} may not ${doing[p.command].replace("{x}", p.target)}: only ${p.roles
      .map((role) => roleWords[role])
      .join(" or ")} may`,
  "unknown-proposal": (p: { readonly proposal: string }) => `there is no proposal ${p.proposal}`,
  "unknown-draft": (p: { readonly draft: string }) => `there is no draft ${p.draft}`,
  "unknown-amendment": (p: { readonly amendment: string }) =>
    `there is no amendment ${p.amendment}`,
  "proposal-exists": (p: { readonly proposal: string }) => `proposal ${p.proposal} already exists`,
  "draft-exists": (p: { readonly draft: string }) => `draft ${p.draft} already exists`,
  "amendment-exists": (p: { readonly amendment: string }) =>
    `amendment ${p.amendment} already exists`,
  "comment-exists": (p: { readonly comment: string }) => `comment ${p.comment} already exists`,
  "note-exists": (p: { readonly note: string }) => `note ${p.note} already exists`,
  "proposal-limit-reached": (p: { readonly author: string; readonly limit: number }) =>
    `${p.author} already has ${plural(p.limit, "proposal")}`,
  "not-published": (p: {
    readonly proposal: string;
    readonly status: string;
    readonly verb: string;
  }) => `${p.proposal} is ${p.status} and cannot be ${p.verb}`,
  "not-a-draft": (p: { readonly proposal: string; readonly status: string }) =>
    `${p.proposal} is ${p.status}, not a draft`,
  "already-closed": (p: { readonly proposal: string; readonly status: string }) =>
    `${p.proposal} is already ${p.status}`,
  "has-supports": (p: { readonly proposal: string }) =>
    `${p.proposal} has supports and can no longer be withdrawn`,
  "unknown-answer-state": (p: { readonly state: string; readonly known: readonly string[] }) =>
    `there is no answer state ${p.state} (known: ${p.known.join(", ")})`,
  "answer-not-allowed": (p: {
    readonly proposal: string;
    readonly state: string;
    readonly current: string;
  }) =>
    `${p.proposal} cannot be answered ${p.state} after ${p.current === "none" ? "no answer" : p.current}`,
  "cost-required": (p: { readonly state: string; readonly phase?: string }) =>
    `an answer ${p.state} needs a cost${p.phase === undefined ? "" : ` in the phase "${p.phase}"`}`,
  "no-answer": (p: { readonly proposal: string }) => `${p.proposal} has no answer to publish`,
  "answer-already-published": (p: { readonly proposal: string }) =>
    `the answer to ${p.proposal} is already published`,
  "answer-closes-supports": (p: { readonly proposal: string; readonly state: string }) =>
    `${p.proposal} was answered ${p.state} and cannot be supported`,
  "already-supports": (p: { readonly participant: string; readonly proposal: string }) =>
    `${p.participant} already supports ${p.proposal}`,
  "threshold-reached": (p: { readonly proposal: string; readonly threshold: number }) =>
    `${p.proposal} has reached its threshold of ${plural(p.threshold, "support")}`,
  "support-limit-reached": (p: { readonly participant: string; readonly limit: number }) =>
    p.limit === 1
      ? `${p.participant} has used their one support`
      : `${p.participant} has used all ${p.limit} supports`,
  archived: (p: { readonly proposal: string }) =>
    `${p.proposal} is archived and cannot be supported`,
  "not-supporting": (p: { readonly participant: string; readonly proposal: string }) =>
    `${p.participant} does not support ${p.proposal}`,
  "already-endorses": (p: { readonly participant: string; readonly proposal: string }) =>
    `${p.participant} already endorses ${p.proposal}`,
  "not-a-valuator": (p: { readonly valuator: string }) => `${p.valuator} is not a valuator`,
  "already-evaluates": (p: { readonly valuator: string; readonly proposal: string }) =>
    `${p.valuator} already evaluates ${p.proposal}`,
  "not-evaluating": (p: { readonly valuator: string; readonly proposal: string }) =>
    `${p.valuator} does not evaluate ${p.proposal}`,
  "repeated-parts": (_: Record<string, never>) => "the parts of a split need distinct ids",
  "same-component": (p: { readonly proposal: string; readonly component: string }) =>
    `${p.proposal} is already in ${p.component}`,
  "draft-closed": (p: { readonly draft: string; readonly status: string }) =>
    `draft ${p.draft} is ${p.status}`,
  "already-contributes": (p: { readonly participant: string; readonly draft: string }) =>
    `${p.participant} already writes draft ${p.draft}`,
  "access-already-requested": (p: { readonly participant: string; readonly draft: string }) =>
    `${p.participant} already asked to contribute to draft ${p.draft}`,
  "no-access-request": (p: { readonly participant: string; readonly draft: string }) =>
    `${p.participant} has not asked to contribute to draft ${p.draft}`,
  "wrong-amendment-status": (p: {
    readonly amendment: string;
    readonly status: string;
    readonly expected: readonly string[];
  }) => `amendment ${p.amendment} is ${p.status}, not ${p.expected.join(" or ")}`,
  "amended-proposal-closed": (p: { readonly proposal: string; readonly status: string }) =>
    `${p.proposal} is ${p.status} and cannot take amendments`,
  "amendment-already-promoted": (p: { readonly amendment: string; readonly proposal: string }) =>
    `amendment ${p.amendment} is already proposal ${p.proposal}`,
  "repeated-merge": (_: Record<string, never>) => "a merge needs distinct proposals",
  "merge-across-components": (_: Record<string, never>) =>
    "only proposals of one component can be merged",
};

/**
 * The code of a proposals refusal: a closed set, each with its message and typed params in
 * {@link proposalIssueMessages}. A malformed command is `invalid-command` (a schema issue
 * with the command's path).
 *
 * @category Proposals
 * @example
 * ```ts
 * const code: ProposalIssueCode = "support-limit-reached";
 * ```
 */
export type ProposalIssueCode = keyof typeof proposalIssueMessages;

/**
 * The params of a proposals refusal with code `C`.
 *
 * @category Proposals
 * @example
 * ```ts
 * const params: ProposalIssueParams<"already-supports"> = { participant: "ana", proposal: "p1" };
 * ```
 */
export type ProposalIssueParams<C extends ProposalIssueCode> = Parameters<
  (typeof proposalIssueMessages)[C]
>[0];

/**
 * A refusal as an issue: its code, the path `["command"]`, the English message and the
 * params it was made from.
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalIssue("unknown-proposal", { proposal: "p9" }).message; //=> "there is no proposal p9"
 * ```
 */
export function proposalIssue<C extends ProposalIssueCode>(
  code: C,
  params: ProposalIssueParams<C>,
): Issue {
  return catalogueIssue(proposalIssueMessages, code, ["command"], params);
}

/**
 * The codes of civitas/proposals' other issues (malformed commands and lifecycles, budget
 * projects without a cost), each with an English description.
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalDataIssueMessages["missing-cost"]; //=> "an accepted proposal has no cost"
 * ```
 */
export const proposalDataIssueMessages = {
  "invalid-command": "the command does not match its schema",
  "invalid-lifecycle": "the lifecycle does not match its schema",
  "duplicate-answer-state": "an answer state id appears twice",
  "missing-cost": "an accepted proposal has no cost",
} as const;
