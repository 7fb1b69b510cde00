import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue, NoDetails } from "../core/issue.js";

/**
 * Why a questionnaire, a response or a command on responses is refused, by code: the
 * English message of each, made from the issue's typed `params`. A form shows the message
 * beside the question the issue's `path` names, or its own translation keyed on the code.
 * Every code has a case in the catalogue test of tests/consultations.
 *
 * @category Issues
 * @example
 * ```ts
 * consultationIssueMessages["too-many-choices"]({ question: "q2", count: 4, maximum: 3 }); //=> "question q2: 4 choices where at most 3 are allowed"
 * ```
 */
export const consultationIssueMessages = {
  // The questionnaire itself.
  "invalid-questionnaire": (p: { readonly reason: string }) => `the questionnaire ${p.reason}`,
  "duplicate-question": (p: { readonly question: string }) =>
    `two questions have the id ${p.question}`,
  "duplicate-option": (p: { readonly question: string; readonly option: string }) =>
    `question ${p.question} has two options ${p.option}`,
  "duplicate-matrix-row": (p: { readonly question: string; readonly row: string }) =>
    `question ${p.question} has two rows ${p.row}`,
  "condition-on-unknown-question": (p: { readonly question: string; readonly on: string }) =>
    `question ${p.question} depends on ${p.on}, which comes later or does not exist`,
  "condition-on-unanswerable-question": (p: { readonly question: string; readonly on: string }) =>
    `question ${p.question} depends on ${p.on}, which takes no answer`,
  "condition-without-option": (p: { readonly question: string; readonly on: string }) =>
    `question ${p.question} compares ${p.on} with an option but names none of its options`,
  "condition-without-text": (p: { readonly question: string; readonly on: string }) =>
    `question ${p.question} matches ${p.on} against an empty text`,
  // A response.
  "invalid-response": (p: { readonly reason: string }) => `the response ${p.reason}`,
  "unknown-question": (p: { readonly question: string }) =>
    `the questionnaire has no question ${p.question}`,
  "question-answered-twice": (p: { readonly question: string }) =>
    `question ${p.question} is answered twice`,
  "not-a-question": (p: { readonly question: string }) =>
    `${p.question} is a title or a separator, which takes no answer`,
  "hidden-question-answered": (p: { readonly question: string }) =>
    `question ${p.question} is not shown for these answers, so it cannot be answered`,
  "mandatory-question": (p: { readonly question: string }) =>
    `question ${p.question} must be answered`,
  "wrong-answer-kind": (p: { readonly question: string; readonly expected: string }) =>
    `question ${p.question} takes ${p.expected}`,
  "answer-too-long": (p: {
    readonly question: string;
    readonly length: number;
    readonly maximum: number;
  }) => `question ${p.question}: ${p.length} characters where at most ${p.maximum} are allowed`,
  "unknown-option": (p: { readonly question: string; readonly option: string }) =>
    `question ${p.question} has no option ${p.option}`,
  "option-chosen-twice": (p: { readonly question: string; readonly option: string }) =>
    `question ${p.question}: option ${p.option} is chosen twice`,
  "too-many-choices": (p: {
    readonly question: string;
    readonly count: number;
    readonly maximum: number;
  }) => `question ${p.question}: ${p.count} choices where at most ${p.maximum} are allowed`,
  "free-text-not-accepted": (p: { readonly question: string; readonly option: string }) =>
    `question ${p.question}: option ${p.option} takes no text of its own`,
  "incomplete-sorting": (p: {
    readonly question: string;
    readonly ranked: number;
    readonly options: number;
  }) => `question ${p.question}: ${p.ranked} of its ${p.options} options are ranked; rank them all`,
  "unknown-matrix-row": (p: { readonly question: string; readonly row: string }) =>
    `question ${p.question} has no row ${p.row}`,
  "matrix-row-answered-twice": (p: { readonly question: string; readonly row: string }) =>
    `question ${p.question}: row ${p.row} is answered twice`,
  "matrix-row-unanswered": (p: { readonly question: string; readonly row: string }) =>
    `question ${p.question}: row ${p.row} must be answered`,
  // Commands on the responses.
  "invalid-response-command": (p: { readonly reason: string }) => `the command ${p.reason}`,
  "already-responded": (p: { readonly respondent: string }) =>
    `${p.respondent} has already responded`,
  "no-response": (p: { readonly respondent: string }) => `${p.respondent} has no response`,
  "editing-not-allowed": (_: NoDetails) =>
    "this questionnaire does not allow changing or withdrawing a response",
  "batch-already-entered": (p: { readonly batch: string }) =>
    `the paper batch ${p.batch} is already entered`,
  "unknown-batch": (p: { readonly batch: string }) => `there is no paper batch ${p.batch}`,
} as const;

/**
 * A code of civitas/consultations' issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: ConsultationIssueCode = "hidden-question-answered";
 * ```
 */
export type ConsultationIssueCode = keyof typeof consultationIssueMessages;

/**
 * One issue, its message from the catalogue.
 *
 * @category Issues
 * @example
 * ```ts
 * consultationIssue("mandatory-question", ["answers"], { question: "q1" }).message; //=> "question q1 must be answered"
 * ```
 */
export function consultationIssue<C extends ConsultationIssueCode>(
  code: C,
  path: readonly (string | number)[],
  params: Parameters<(typeof consultationIssueMessages)[C]>[0],
): Issue {
  return catalogueIssue(consultationIssueMessages, code, path, params);
}
