import type { Issue } from "../core/issue.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { consultationIssue } from "./consultationIssues.js";
import { firstAnswers, visibility } from "./displayConditions.js";
import { isAnswerable, type Question, type Questionnaire } from "./questionnaire.js";
import {
  type Answer,
  isAnswered,
  type QuestionnaireResponse,
  questionnaireResponseSchema,
} from "./questionnaireResponse.js";

type Path = readonly (string | number)[];

/** Code points, as a person counts characters (an emoji is one). */
function lengthOf(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function tooLong(question: Question, text: string, path: Path): Issue[] {
  const maximum = question.maxCharacters;
  const length = lengthOf(text);
  return maximum > 0 && length > maximum
    ? [consultationIssue("answer-too-long", path, { question: question.id, length, maximum })]
    : [];
}

function kindIssue(question: Question, answer: Answer, path: Path): Issue[] {
  const wants =
    question.type === "short_answer" || question.type === "long_answer"
      ? "text"
      : question.type === "matrix_single" || question.type === "matrix_multiple"
        ? "matrix"
        : "choices";
  const given = (["text", "choices", "matrix"] as const).filter((key) => answer[key] !== undefined);
  if (given.every((key) => key === wants)) return [];
  const expected =
    wants === "text"
      ? "a text"
      : wants === "matrix"
        ? "a choice per row"
        : "choices of its options";
  return [consultationIssue("wrong-answer-kind", path, { question: question.id, expected })];
}

function choiceIssues(
  question: Extract<Question, { readonly options: unknown }>,
  choices: readonly { readonly option: string; readonly text?: string | undefined }[],
  path: Path,
): Issue[] {
  const issues: Issue[] = [];
  const options = new Map(question.options.map((choice) => [choice.id, choice]));
  const seen = new Set<string>();
  choices.forEach((choice, k) => {
    const at = [...path, "choices", k];
    const known = options.get(choice.option);
    const params = { question: question.id, option: choice.option };
    if (known === undefined)
      issues.push(consultationIssue("unknown-option", [...at, "option"], params));
    else if (seen.has(choice.option))
      issues.push(consultationIssue("option-chosen-twice", [...at, "option"], params));
    else if (choice.text !== undefined && choice.text.trim() !== "") {
      if (!known.freeText)
        issues.push(consultationIssue("free-text-not-accepted", [...at, "text"], params));
      else issues.push(...tooLong(question, choice.text, [...at, "text"]));
    }
    seen.add(choice.option);
  });
  const maximum =
    question.type === "single_option"
      ? 1
      : question.type === "multiple_option"
        ? question.maxChoices
        : undefined;
  if (maximum !== undefined && choices.length > maximum)
    issues.push(
      consultationIssue("too-many-choices", [...path, "choices"], {
        question: question.id,
        count: choices.length,
        maximum,
      }),
    );
  if (question.type === "sorting" && choices.length !== question.options.length)
    issues.push(
      consultationIssue("incomplete-sorting", [...path, "choices"], {
        question: question.id,
        ranked: choices.length,
        options: question.options.length,
      }),
    );
  return issues;
}

function matrixIssues(
  question: Extract<Question, { readonly rows: unknown }>,
  matrix: readonly { readonly row: string; readonly options: readonly string[] }[],
  path: Path,
): Issue[] {
  const issues: Issue[] = [];
  const rows = new Set(question.rows.map((row) => row.id));
  const options = new Set(question.options.map((choice) => choice.id));
  const answered = new Set<string>();
  const maximum = question.type === "matrix_single" ? 1 : question.maxChoices;
  matrix.forEach((line, r) => {
    const at = [...path, "matrix", r];
    const params = { question: question.id, row: line.row };
    if (!rows.has(line.row)) {
      issues.push(consultationIssue("unknown-matrix-row", [...at, "row"], params));
      return;
    }
    if (answered.has(line.row)) {
      issues.push(consultationIssue("matrix-row-answered-twice", [...at, "row"], params));
      return;
    }
    if (line.options.length > 0) answered.add(line.row);
    const seen = new Set<string>();
    line.options.forEach((option, o) => {
      const where = [...at, "options", o];
      if (!options.has(option))
        issues.push(consultationIssue("unknown-option", where, { question: question.id, option }));
      else if (seen.has(option))
        issues.push(
          consultationIssue("option-chosen-twice", where, { question: question.id, option }),
        );
      seen.add(option);
    });
    if (maximum !== undefined && line.options.length > maximum)
      issues.push(
        consultationIssue("too-many-choices", [...at, "options"], {
          question: question.id,
          count: line.options.length,
          maximum,
        }),
      );
  });
  if (question.mandatory && answered.size > 0)
    for (const row of question.rows)
      if (!answered.has(row.id))
        issues.push(
          consultationIssue("matrix-row-unanswered", [...path, "matrix"], {
            question: question.id,
            row: row.id,
          }),
        );
  return issues;
}

/** What is wrong with one answer to a shown question. */
function answerIssues(question: Question, answer: Answer, path: Path): Issue[] {
  const kind = kindIssue(question, answer, path);
  if (kind.length > 0) return kind;
  if (answer.text !== undefined) return tooLong(question, answer.text, [...path, "text"]);
  if (answer.choices !== undefined && "options" in question)
    return choiceIssues(question, answer.choices, path);
  if (answer.matrix !== undefined && "rows" in question)
    return matrixIssues(question, answer.matrix, path);
  return [];
}

/**
 * Checks one person's answers against a questionnaire, as a form must before saving them:
 * every answer is to a question of the questionnaire, once, of the kind it takes, within
 * its limits (characters, choices, options that take a text of their own, every option
 * ranked in a sorting, every row of a mandatory matrix); questions its display conditions
 * hide take no answer; every shown mandatory question is answered. Each issue names its
 * question in `params` and the place in the response in `path`; the response comes back
 * unchanged when nothing is wrong.
 *
 * @category Responses
 * @example
 * ```ts
 * checkResponse(questionnaire, { answers: [{ question: "q1", choices: [{ option: "a" }, { option: "b" }] }] });
 * //=> { ok: false, issues: [{ code: "too-many-choices", path: ["answers", 0, "choices"], params: { question: "q1", count: 2, maximum: 1 }, … }] }
 * ```
 */
export function checkResponse(
  questionnaire: Questionnaire,
  response: unknown,
): Result<QuestionnaireResponse> {
  const parsed = parseSchema(questionnaireResponseSchema, response);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-response", "response"));
  const checked = parsed.data;
  const items = new Map(questionnaire.questions.map((item) => [item.id, item]));
  const given = firstAnswers(checked);
  const shown = visibility(questionnaire)(given);
  const issues: Issue[] = [];
  const answered = new Set<string>();
  checked.answers.forEach((answer, k) => {
    const path = ["answers", k];
    const question = answer.question;
    const item = items.get(question);
    if (item === undefined)
      issues.push(consultationIssue("unknown-question", [...path, "question"], { question }));
    else if (!isAnswerable(item))
      issues.push(consultationIssue("not-a-question", [...path, "question"], { question }));
    else if (answered.has(question))
      issues.push(
        consultationIssue("question-answered-twice", [...path, "question"], { question }),
      );
    else if (!shown.has(question)) {
      if (isAnswered(answer))
        issues.push(consultationIssue("hidden-question-answered", path, { question }));
    } else issues.push(...answerIssues(item, answer, path));
    answered.add(question);
  });
  for (const item of questionnaire.questions)
    if (
      isAnswerable(item) &&
      item.mandatory &&
      shown.has(item.id) &&
      !isAnswered(given.get(item.id))
    )
      issues.push(consultationIssue("mandatory-question", ["answers"], { question: item.id }));
  return issues.length > 0 ? fail(issues) : ok(checked);
}
