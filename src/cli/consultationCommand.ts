import { parseArgs } from "node:util";
import {
  type CountedResponse,
  checkResponse,
  consultationSynthesis,
  englishSynthesisLabels,
  frenchSynthesisLabels,
  type Questionnaire,
  type QuestionnaireResults,
  questionnaireResults,
  synthesisHtml,
  synthesisMarkdown,
  textIn,
} from "../consultations/index.js";
import { makeWarning } from "../core/issue.js";
import { formatRationalAsDecimal, multiplyRational, rational } from "../core/rational.js";
import {
  parseQuestionnaireFile,
  parseResponsesFile,
  parseSynthesisProposals,
  questionnaireResultsCsv,
  questionnaireResultsJson,
  surveyExportCsv,
  surveyExportJson,
} from "../io/index.js";
import { type CliIo, printIssue, readParsed, table, UsageError, withJson } from "./cliSupport.js";

const percent = (value: { num: bigint; den: bigint }) =>
  `${formatRationalAsDecimal(multiplyRational(value, rational(100)), 1)}%`;

/**
 * The responses of a file checked against the questionnaire: the valid ones counted, each
 * refused one printed (an error for `check` and under --strict, else a warning that it is
 * left out of the count). Undefined when the files cannot be read.
 */
function loadResponses(
  questionnaireFile: string | undefined,
  responsesFile: string | undefined,
  io: CliIo,
  refusedAreErrors: boolean,
): { questionnaire: Questionnaire; counted: CountedResponse[]; refused: number } | undefined {
  if (questionnaireFile === undefined || responsesFile === undefined)
    throw new UsageError("give the questionnaire file and the responses file");
  const questionnaire = readParsed(questionnaireFile, io, parseQuestionnaireFile);
  if (questionnaire === undefined) return undefined;
  const entries = readParsed(responsesFile, io, parseResponsesFile);
  if (entries === undefined) return undefined;
  const counted: CountedResponse[] = [];
  let refused = 0;
  for (const [k, entry] of entries.entries()) {
    const checked = checkResponse(questionnaire, { answers: entry.answers });
    if (checked.ok) {
      counted.push({ ...entry, response: checked.value });
      continue;
    }
    refused++;
    for (const issue of checked.issues) {
      const shown = { ...issue, path: [k, ...issue.path] };
      const prefix = `response ${entry.id}: ${shown.path.join(".")}: `;
      printIssue(
        io,
        responsesFile,
        refusedAreErrors
          ? shown
          : makeWarning(issue.code, shown.path, `${issue.message} (not counted)`, issue.params),
        prefix,
      );
    }
  }
  return { questionnaire, counted, refused };
}

function humanResults(
  questionnaire: Questionnaire,
  results: QuestionnaireResults,
  lang: string | undefined,
): string {
  const r = results.respondents;
  const out = [
    `${textIn(questionnaire.title, lang)}: ${r.total} respondents (${r.online} online, ${r.paper} on paper)`,
  ];
  results.questions.forEach((q, k) => {
    out.push(
      "",
      `${k + 1}. ${textIn(q.body, lang)} — answered by ${q.answered.total} of the ${q.shown.total} shown it (${q.answered.online} online, ${q.answered.paper} on paper)`,
    );
    if (q.type === "single_option" || q.type === "multiple_option")
      out.push(
        table(
          [
            ["option", "online", "paper", "total", "of respondents", "of answers"],
            ...q.options.map((o) => [
              textIn(o.body, lang),
              String(o.count.online),
              String(o.count.paper),
              String(o.count.total),
              percent(o.shareOfRespondents),
              percent(o.shareOfAnswers),
            ]),
          ],
          new Set([1, 2, 3, 4, 5]),
        ),
      );
    else if (q.type === "matrix_single" || q.type === "matrix_multiple")
      out.push(
        table(
          [
            ["row", ...(q.rows[0]?.options.map((o) => textIn(o.body, lang)) ?? [])],
            ...q.rows.map((row) => [
              textIn(row.body, lang),
              ...row.options.map((o) => `${o.count.total} (${percent(o.shareOfRespondents)})`),
            ]),
          ],
          new Set(q.rows[0]?.options.map((_, i) => i + 1) ?? []),
        ),
      );
    else if (q.type === "sorting")
      out.push(
        table(
          [
            ["option", "mean position", "Borda"],
            ...q.ranking.map((id) => {
              const o = q.options.find((option) => option.option === id);
              return [
                textIn(o?.body ?? id, lang),
                o?.meanPosition === undefined ? "—" : formatRationalAsDecimal(o.meanPosition, 2),
                String(o?.borda ?? 0),
              ];
            }),
          ],
          new Set([1, 2]),
        ),
      );
    else if (q.type === "short_answer" || q.type === "long_answer")
      for (const text of q.texts.slice(0, 10)) out.push(`  ${text.count} × ${text.text}`);
  });
  return `${out.join("\n")}\n`;
}

/**
 * `civitas consultation check|results|export|synthesis`: responses checked against their
 * questionnaire, results, Decidim's survey export, a synthesis in Markdown or HTML.
 */
export function consultationCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      csv: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      by: { type: "string", multiple: true },
      threshold: { type: "string" },
      lang: { type: "string" },
      format: { type: "string" },
      title: { type: "string" },
      questionnaire: { type: "string" },
      responses: { type: "string" },
    },
  });
  const io = withJson(cli, values.json && command === "check");
  const [first, second] = positionals;
  if (command === "check") {
    const loaded = loadResponses(first, second, io, true);
    if (loaded === undefined) return 1;
    io.stderr(`${second}: ${loaded.counted.length} valid, ${loaded.refused} refused\n`);
    return loaded.refused > 0 ? 1 : 0;
  }
  if (command === "results" || command === "export") {
    const loaded = loadResponses(first, second, io, values.strict);
    if (loaded === undefined || (values.strict && loaded.refused > 0)) return 1;
    const { questionnaire, counted } = loaded;
    if (command === "export") {
      const format = values.format ?? "csv";
      if (format !== "csv" && format !== "json") throw new UsageError("--format takes csv or json");
      io.stdout(
        (format === "csv" ? surveyExportCsv : surveyExportJson)(questionnaire, counted, {
          lang: values.lang,
        }),
      );
      return 0;
    }
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
    if (threshold !== undefined && !(Number.isSafeInteger(threshold) && threshold >= 1))
      throw new UsageError("--threshold takes a whole number of at least 1");
    const results = questionnaireResults(questionnaire, counted, {
      breakdownBy: values.by,
      threshold,
    });
    if (values.json) io.stdout(questionnaireResultsJson(results));
    else if (values.csv) io.stdout(questionnaireResultsCsv(results, { lang: values.lang }));
    else io.stdout(humanResults(questionnaire, results, values.lang));
    return 0;
  }
  if (command === "synthesis") {
    if (first === undefined)
      throw new UsageError("consultation synthesis needs the proposals file");
    const format = values.format ?? "md";
    if (format !== "md" && format !== "html") throw new UsageError("--format takes md or html");
    const proposals = readParsed(first, io, parseSynthesisProposals);
    if (proposals === undefined) return 1;
    let questionnaire: { questionnaire: Questionnaire; results: QuestionnaireResults } | undefined;
    if (values.questionnaire !== undefined || values.responses !== undefined) {
      const loaded = loadResponses(values.questionnaire, values.responses, io, values.strict);
      if (loaded === undefined || (values.strict && loaded.refused > 0)) return 1;
      questionnaire = {
        questionnaire: loaded.questionnaire,
        results: questionnaireResults(loaded.questionnaire, loaded.counted),
      };
    }
    const lang = values.lang ?? "en";
    const synthesis = consultationSynthesis({
      title: values.title ?? "Consultation",
      lang,
      proposals,
      questionnaire,
    });
    const labels = lang === "fr" ? frenchSynthesisLabels : englishSynthesisLabels;
    io.stdout((format === "md" ? synthesisMarkdown : synthesisHtml)(synthesis, { labels }));
    return 0;
  }
  throw new UsageError(`unknown consultation command "${command ?? ""}"`);
}
