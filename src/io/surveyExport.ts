import { isAnswerable, type Questionnaire, textIn } from "../consultations/questionnaire.js";
import type { Answer } from "../consultations/questionnaireResponse.js";
import type { OptionResult, QuestionnaireResults } from "../consultations/questionnaireResults.js";
import type { CountedResponse } from "../consultations/responseLedger.js";
import { csvField } from "../core/csvField.js";
import { formatRational } from "../core/rational.js";

/**
 * Options of the survey exports: the language of the questions' and options' labels
 * (default English, else the first given).
 *
 * @category Consultations
 * @example
 * ```ts
 * const options: SurveyExportOptions = { lang: "fr" };
 * ```
 */
export interface SurveyExportOptions {
  readonly lang?: string | undefined;
}

type Cell = string | string[] | Record<string, string[]>;

/** Decidim's export of one response: its answers by "position. question". */
function exportRow(
  questionnaire: Questionnaire,
  counted: CountedResponse,
  lang: string | undefined,
): Record<string, Cell> {
  const row: Record<string, Cell> = Object.create(null);
  row["Answer ID"] = counted.id;
  row["Answered on"] = new Date(counted.at).toISOString().replace("T", " ").slice(0, 19);
  row["User status"] = counted.channel === "paper" ? `Paper (${counted.batch ?? ""})` : "Online";
  const answers = new Map<string, Answer>();
  for (const answer of counted.response.answers)
    if (!answers.has(answer.question)) answers.set(answer.question, answer);
  questionnaire.questions.forEach((item, position) => {
    if (!isAnswerable(item)) return;
    const key = `${position + 1}. ${textIn(item.body, lang)}`;
    const answer = answers.get(item.id);
    if ("rows" in item) {
      const table: Record<string, string[]> = Object.create(null);
      for (const line of item.rows) {
        const chosen = answer?.matrix?.find((m) => m.row === line.id)?.options ?? [];
        table[textIn(line.body, lang)] = item.options
          .filter((option) => chosen.includes(option.id))
          .map((option) => textIn(option.body, lang));
      }
      row[key] = table;
    } else if ("options" in item) {
      row[key] = (answer?.choices ?? []).map((choice) => {
        const option = item.options.find((o) => o.id === choice.option);
        const label = option === undefined ? choice.option : textIn(option.body, lang);
        return choice.text === undefined || choice.text.trim() === ""
          ? label
          : `${label} (${choice.text})`;
      });
    } else row[key] = answer?.text ?? "";
  });
  return row;
}

/**
 * Responses exported as JSON shaped like Decidim's survey export: one object per response
 * with "Answer ID", "Answered on" (UTC), "User status" (online, or paper and its batch),
 * then "N. question" for every question (N its position in the questionnaire): the text,
 * the options chosen as labels ("label (own text)" where an option takes a text, in rank
 * order for a sorting), or per matrix row the options chosen.
 *
 * @category Consultations
 * @example
 * ```ts
 * surveyExportJson(questionnaire, countedResponses(ledger), { lang: "fr" });
 * //=> '[{"Answer ID":"ana","Answered on":"2026-03-02 09:14:00","User status":"Online","1. Votre quartier":["Centre"],…}]'
 * ```
 */
export function surveyExportJson(
  questionnaire: Questionnaire,
  responses: readonly CountedResponse[],
  options: SurveyExportOptions = {},
): string {
  return `${JSON.stringify(
    responses.map((counted) => exportRow(questionnaire, counted, options.lang)),
    null,
    2,
  )}\n`;
}

/** Decidim's CSV cell guard: a value starting with = + - @ gets a leading quote. */
function guarded(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Responses exported as CSV the way Decidim writes its survey export: `;`-separated, nested
 * values flattened (a matrix row becomes the column "N. question/row"), lists joined with
 * ", ", and values starting with = + - @ prefixed with `'` so spreadsheets never run them.
 *
 * @category Consultations
 * @example
 * ```ts
 * surveyExportCsv(questionnaire, countedResponses(ledger), { lang: "fr" }).split("\n")[0];
 * //=> "Answer ID;Answered on;User status;1. Votre quartier;2. Les services/Propreté;…"
 * ```
 */
export function surveyExportCsv(
  questionnaire: Questionnaire,
  responses: readonly CountedResponse[],
  options: SurveyExportOptions = {},
): string {
  const flatten = (counted: CountedResponse) => {
    const flat = new Map<string, string>();
    for (const [key, value] of Object.entries(exportRow(questionnaire, counted, options.lang))) {
      if (typeof value === "string") flat.set(key, value);
      else if (Array.isArray(value)) flat.set(key, value.join(", "));
      else
        for (const [row, chosen] of Object.entries(value))
          flat.set(`${key}/${row}`, chosen.join(", "));
    }
    return flat;
  };
  const rows = responses.map(flatten);
  // Every response has every column: the header is an empty response's.
  const header = [
    ...flatten({
      id: "",
      channel: "online",
      response: { answers: [] },
      attributes: {},
      at: 0,
    }).keys(),
  ];
  const lines = [
    header.map((name) => csvField(name, ";")).join(";"),
    ...rows.map((flat) =>
      header.map((key) => csvField(guarded(flat.get(key) ?? ""), ";")).join(";"),
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Results as a CSV table, one line per option (per matrix row and option; sorting options
 * with their mean position and Borda score): counts online, on paper and in all, and both
 * exact shares as fractions.
 *
 * @category Consultations
 * @example
 * ```ts
 * questionnaireResultsCsv(results, { lang: "fr" }).split("\n")[0];
 * //=> "question,row,option,online,paper,total,share_of_respondents,share_of_answers,mean_position,borda"
 * ```
 */
export function questionnaireResultsCsv(
  results: QuestionnaireResults,
  options: SurveyExportOptions = {},
): string {
  const lang = options.lang;
  const lines = [
    "question,row,option,online,paper,total,share_of_respondents,share_of_answers,mean_position,borda",
  ];
  const line = (cells: readonly (string | number)[]) =>
    lines.push(cells.map((cell) => csvField(guarded(String(cell)))).join(","));
  const option = (question: string, row: string, o: OptionResult) =>
    line([
      question,
      row,
      textIn(o.body, lang),
      o.count.online,
      o.count.paper,
      o.count.total,
      formatRational(o.shareOfRespondents),
      formatRational(o.shareOfAnswers),
      "",
      "",
    ]);
  for (const q of results.questions) {
    const question = textIn(q.body, lang);
    if (q.type === "single_option" || q.type === "multiple_option")
      for (const o of q.options) option(question, "", o);
    else if (q.type === "matrix_single" || q.type === "matrix_multiple")
      for (const row of q.rows)
        for (const o of row.options) option(question, textIn(row.body, lang), o);
    else if (q.type === "sorting")
      for (const o of q.options)
        line([
          question,
          "",
          textIn(o.body, lang),
          "",
          "",
          o.rankings,
          "",
          "",
          o.meanPosition === undefined ? "" : formatRational(o.meanPosition),
          o.borda,
        ]);
    else
      line([
        question,
        "",
        "",
        q.answered.online,
        q.answered.paper,
        q.answered.total,
        "",
        "",
        "",
        "",
      ]);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Results as JSON: the same data with every exact share written as a fraction ("3/4").
 *
 * @category Consultations
 * @example
 * ```ts
 * JSON.parse(questionnaireResultsJson(results)).questions[0].options[0].shareOfAnswers; //=> "3/4"
 * ```
 */
export function questionnaireResultsJson(results: QuestionnaireResults): string {
  return `${JSON.stringify(
    results,
    (_, value) =>
      value !== null && typeof value === "object" && typeof value.num === "bigint"
        ? formatRational(value)
        : value,
    2,
  )}\n`;
}
