import { barChart } from "../accountability/charts.js";
import { escapeXml } from "../core/escapeXml.js";
import {
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
} from "../core/rational.js";
import { textIn } from "./questionnaire.js";
import type { QuestionResult } from "./questionnaireResults.js";
import type { ConsultationSynthesis, SynthesisTopProposal } from "./synthesis.js";

/**
 * The words a rendered synthesis uses around the data, so it can be published in the
 * consultation's language: English by default, French in {@link frenchSynthesisLabels},
 * any other by passing your own.
 *
 * @category Synthesis
 * @example
 * ```ts
 * synthesisMarkdown(synthesis, { labels: { ...englishSynthesisLabels, themes: "Topics" } });
 * ```
 */
export const englishSynthesisLabels = {
  summary: "In figures",
  participants: "participants",
  contributions: "contributions",
  proposals: "proposals",
  comments: "comments",
  supports: "supports",
  themes: "Themes",
  noTheme: "Without a theme",
  mostSupported: "Most supported proposals",
  favour: "For",
  against: "Against",
  noArguments: "no argument given",
  duplicates: "Proposals that say nearly the same",
  similarity: "similarity",
  questionnaire: "Questionnaire",
  respondents: "respondents",
  online: "online",
  paper: "on paper",
  answered: "answered",
  option: "Option",
  count: "Count",
  ofRespondents: "of respondents",
  ofAnswers: "of answers",
  meanPosition: "Mean position",
  borda: "Borda score",
  row: "Row",
  answers: "Answers",
} as const;

/**
 * The words of a synthesis, by role (see {@link englishSynthesisLabels}).
 *
 * @category Synthesis
 * @example
 * ```ts
 * const labels: SynthesisLabels = frenchSynthesisLabels;
 * ```
 */
export type SynthesisLabels = { readonly [K in keyof typeof englishSynthesisLabels]: string };

/**
 * The words of a synthesis in French.
 *
 * @category Synthesis
 * @example
 * ```ts
 * synthesisHtml(synthesis, { labels: frenchSynthesisLabels });
 * ```
 */
export const frenchSynthesisLabels: SynthesisLabels = {
  summary: "En chiffres",
  participants: "participants",
  contributions: "contributions",
  proposals: "propositions",
  comments: "commentaires",
  supports: "soutiens",
  themes: "Thèmes",
  noTheme: "Sans thème",
  mostSupported: "Propositions les plus soutenues",
  favour: "Pour",
  against: "Contre",
  noArguments: "aucun argument",
  duplicates: "Propositions presque identiques",
  similarity: "similarité",
  questionnaire: "Questionnaire",
  respondents: "répondants",
  online: "en ligne",
  paper: "sur papier",
  answered: "ont répondu",
  option: "Option",
  count: "Nombre",
  ofRespondents: "des répondants",
  ofAnswers: "des réponses",
  meanPosition: "Position moyenne",
  borda: "Score de Borda",
  row: "Ligne",
  answers: "Réponses",
};

/**
 * Options of the renderings: the labels (default English) and how many texts of a text
 * question to list (default 10).
 *
 * @category Synthesis
 * @example
 * ```ts
 * const options: RenderOptions = { labels: frenchSynthesisLabels, texts: 5 };
 * ```
 */
export interface RenderOptions {
  readonly labels?: SynthesisLabels | undefined;
  readonly texts?: number | undefined;
}

/** A decimal written with the language's decimal separator ("62,5" in French). */
function decimal(value: Rational, digits: number, lang: string): string {
  const separator =
    new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === "decimal")?.value ??
    ".";
  return formatRationalAsDecimal(value, digits).replace(".", separator);
}

const percent = (share: Rational, lang: string) =>
  `${decimal(multiplyRational(share, rational(100)), 1, lang)} %`;

/** Markdown text with its special characters escaped and on one line. */
function md(text: string): string {
  return text.replace(/\s+/g, " ").replace(/([\\`*_{}[\]<>()#+!|~])/g, "\\$1");
}

/** A table: header and rows of cells (already escaped for the target). */
interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Each question's tables and the bars of its chart, whatever the output. */
function questionTables(
  result: QuestionResult,
  lang: string,
  labels: SynthesisLabels,
  texts: number,
): {
  tables: { caption?: string; table: Table }[];
  bars: { label: string; value: number; text: string }[];
} {
  const channels = (c: { online: number; paper: number; total: number }) =>
    `${c.total} (${c.online} ${labels.online}, ${c.paper} ${labels.paper})`;
  switch (result.type) {
    case "single_option":
    case "multiple_option":
      return {
        tables: [
          {
            table: {
              head: [labels.option, labels.count, labels.ofRespondents, labels.ofAnswers],
              rows: result.options.map((option) => [
                textIn(option.body, lang),
                channels(option.count),
                percent(option.shareOfRespondents, lang),
                percent(option.shareOfAnswers, lang),
              ]),
            },
          },
        ],
        bars: result.options.map((option) => ({
          label: textIn(option.body, lang),
          value: option.count.total,
          text: `${option.count.total} (${percent(option.shareOfRespondents, lang)})`,
        })),
      };
    case "matrix_single":
    case "matrix_multiple":
      return {
        tables: result.rows.map((row) => ({
          caption: `${labels.row}: ${textIn(row.body, lang)}`,
          table: {
            head: [labels.option, labels.count, labels.ofRespondents],
            rows: row.options.map((option) => [
              textIn(option.body, lang),
              channels(option.count),
              percent(option.shareOfRespondents, lang),
            ]),
          },
        })),
        bars: [],
      };
    case "sorting":
      return {
        tables: [
          {
            table: {
              head: [labels.option, labels.meanPosition, labels.borda],
              rows: result.ranking.map((id) => {
                const option = result.options.find((o) => o.option === id);
                return [
                  textIn(option?.body ?? id, lang),
                  option?.meanPosition === undefined ? "—" : decimal(option.meanPosition, 2, lang),
                  String(option?.borda ?? 0),
                ];
              }),
            },
          },
        ],
        bars: result.ranking.map((id) => {
          const option = result.options.find((o) => o.option === id);
          return {
            label: textIn(option?.body ?? id, lang),
            value: option?.borda ?? 0,
            text: String(option?.borda ?? 0),
          };
        }),
      };
    default:
      return {
        tables: [
          {
            table: {
              head: [labels.answers, labels.count],
              rows: result.texts.slice(0, texts).map((text) => [text.text, String(text.count)]),
            },
          },
        ],
        bars: [],
      };
  }
}

function argumentsOf(proposal: SynthesisTopProposal, side: "favour" | "against") {
  return proposal[side].map((comment) => ({
    body: comment.body,
    endorsements: comment.endorsements,
  }));
}

/**
 * A synthesis as Markdown: the figures, each theme with its most supported proposals and
 * their arguments for and against, the near duplicates, and every question's results
 * (options with counts online and on paper and both shares, matrices row by row, sorting
 * by Borda score, the most frequent texts). Deterministic.
 *
 * @category Synthesis
 * @example
 * ```ts
 * writeFileSync("synthesis.md", synthesisMarkdown(synthesis, { labels: frenchSynthesisLabels }));
 * ```
 */
export function synthesisMarkdown(
  synthesis: ConsultationSynthesis,
  options: RenderOptions = {},
): string {
  const labels = options.labels ?? englishSynthesisLabels;
  const lang = synthesis.lang;
  const out: string[] = [`# ${md(synthesis.title)}`, "", `## ${labels.summary}`, ""];
  const t = synthesis.totals;
  out.push(
    `- ${t.participants} ${labels.participants}`,
    `- ${t.contributions} ${labels.contributions} (${t.proposals} ${labels.proposals}, ${t.comments} ${labels.comments})`,
    `- ${t.supports} ${labels.supports}`,
    "",
    `## ${labels.themes}`,
    "",
  );
  const mdTable = (table: Table) => [
    `| ${table.head.map(md).join(" | ")} |`,
    `|${table.head.map(() => " --- ").join("|")}|`,
    ...table.rows.map((row) => `| ${row.map(md).join(" | ")} |`),
  ];
  for (const category of synthesis.categories) {
    out.push(
      `### ${md(category.category ?? labels.noTheme)}`,
      "",
      `${category.participants} ${labels.participants} · ${category.contributions} ${labels.contributions} · ${category.supports} ${labels.supports}`,
      "",
      `${labels.mostSupported}:`,
      "",
    );
    category.top.forEach((proposal, k) => {
      out.push(`${k + 1}. **${md(proposal.title)}** (${proposal.supports} ${labels.supports})`);
      for (const side of ["favour", "against"] as const) {
        const list = argumentsOf(proposal, side);
        out.push(
          `   - ${labels[side]}: ${list.length === 0 ? `_${labels.noArguments}_` : list.map((a) => `${md(a.body)} (${a.endorsements})`).join("; ")}`,
        );
      }
    });
    out.push("");
  }
  if (synthesis.duplicates.length > 0) {
    out.push(`## ${labels.duplicates}`, "");
    for (const group of synthesis.duplicates)
      out.push(
        `- « ${md(group.titles[0] ?? "")} »: ${group.ids.map(md).join(", ")} (${labels.similarity} ${(group.links[0]?.similarity ?? 0).toFixed(2)})`,
      );
    out.push("");
  }
  const questionnaire = synthesis.questionnaire;
  if (questionnaire !== undefined) {
    const r = questionnaire.results.respondents;
    out.push(
      `## ${labels.questionnaire}: ${md(textIn(questionnaire.questionnaire.title, lang))}`,
      "",
      `${r.total} ${labels.respondents} (${r.online} ${labels.online}, ${r.paper} ${labels.paper})`,
      "",
    );
    questionnaire.results.questions.forEach((result, k) => {
      out.push(
        `### ${k + 1}. ${md(textIn(result.body, lang))}`,
        "",
        `${result.answered.total} ${labels.answered}`,
        "",
      );
      for (const { caption, table } of questionTables(result, lang, labels, options.texts ?? 10)
        .tables) {
        if (caption !== undefined) out.push(`${md(caption)}`, "");
        out.push(...mdTable(table), "");
      }
    });
  }
  return `${out.join("\n").trimEnd()}\n`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
td:not(:first-child){text-align:right}.figures{display:flex;gap:2rem;flex-wrap:wrap}.figures strong{font-size:1.6rem;display:block}
.arguments{margin:.2rem 0 .6rem 1rem;font-size:.95rem}figure{margin:1rem 0}`;

/**
 * A synthesis as one standalone HTML page (no script, no outside file): the Markdown's
 * content with a bar chart of contributions per theme and one per option question (the
 * SVG charts of civitas/accountability), in the synthesis's language. Deterministic.
 *
 * @category Synthesis
 * @example
 * ```ts
 * writeFileSync("synthesis.html", synthesisHtml(synthesis, { labels: frenchSynthesisLabels }));
 * ```
 */
export function synthesisHtml(
  synthesis: ConsultationSynthesis,
  options: RenderOptions = {},
): string {
  const labels = options.labels ?? englishSynthesisLabels;
  const lang = synthesis.lang;
  const t = synthesis.totals;
  const body: string[] = [
    `<h1>${escapeXml(synthesis.title)}</h1>`,
    `<h2>${escapeXml(labels.summary)}</h2>`,
    `<div class="figures">${[
      [t.participants, labels.participants],
      [t.proposals, labels.proposals],
      [t.comments, labels.comments],
      [t.supports, labels.supports],
    ]
      .map(([value, label]) => `<p><strong>${value}</strong>${escapeXml(String(label))}</p>`)
      .join("")}</div>`,
    `<h2>${escapeXml(labels.themes)}</h2>`,
    `<figure>${barChart(
      synthesis.categories.map((category) => ({
        label: category.category ?? labels.noTheme,
        value: category.contributions,
      })),
      { title: `${labels.themes}: ${labels.contributions}`, lang },
    )}</figure>`,
  ];
  const htmlTable = (table: Table) =>
    `<table><thead><tr>${table.head.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr></thead><tbody>${table.rows
      .map((row) => `<tr>${row.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`)
      .join("")}</tbody></table>`;
  for (const category of synthesis.categories) {
    body.push(
      `<h3>${escapeXml(category.category ?? labels.noTheme)}</h3>`,
      `<p>${category.participants} ${escapeXml(labels.participants)} · ${category.contributions} ${escapeXml(labels.contributions)} · ${category.supports} ${escapeXml(labels.supports)}</p>`,
      `<p>${escapeXml(labels.mostSupported)}</p><ol>`,
    );
    for (const proposal of category.top) {
      const sides = (["favour", "against"] as const).map((side) => {
        const list = argumentsOf(proposal, side);
        return `<li>${escapeXml(labels[side])}: ${list.length === 0 ? `<em>${escapeXml(labels.noArguments)}</em>` : list.map((a) => `${escapeXml(a.body)} (${a.endorsements})`).join("; ")}</li>`;
      });
      body.push(
        `<li><strong>${escapeXml(proposal.title)}</strong> (${proposal.supports} ${escapeXml(labels.supports)})<ul class="arguments">${sides.join("")}</ul></li>`,
      );
    }
    body.push("</ol>");
  }
  if (synthesis.duplicates.length > 0) {
    body.push(`<h2>${escapeXml(labels.duplicates)}</h2><ul>`);
    for (const group of synthesis.duplicates)
      body.push(
        `<li>« ${escapeXml(group.titles[0] ?? "")} »: ${group.ids.map(escapeXml).join(", ")} (${escapeXml(labels.similarity)} ${(group.links[0]?.similarity ?? 0).toFixed(2)})</li>`,
      );
    body.push("</ul>");
  }
  const questionnaire = synthesis.questionnaire;
  if (questionnaire !== undefined) {
    const r = questionnaire.results.respondents;
    body.push(
      `<h2>${escapeXml(labels.questionnaire)}: ${escapeXml(textIn(questionnaire.questionnaire.title, lang))}</h2>`,
      `<p>${r.total} ${escapeXml(labels.respondents)} (${r.online} ${escapeXml(labels.online)}, ${r.paper} ${escapeXml(labels.paper)})</p>`,
    );
    questionnaire.results.questions.forEach((result, k) => {
      const title = `${k + 1}. ${textIn(result.body, lang)}`;
      body.push(
        `<h3>${escapeXml(title)}</h3>`,
        `<p>${result.answered.total} ${escapeXml(labels.answered)}</p>`,
      );
      const { tables, bars } = questionTables(result, lang, labels, options.texts ?? 10);
      if (bars.length > 0) body.push(`<figure>${barChart(bars, { title, lang })}</figure>`);
      for (const { caption, table } of tables) {
        if (caption !== undefined) body.push(`<p>${escapeXml(caption)}</p>`);
        body.push(htmlTable(table));
      }
    });
  }
  return [
    "<!doctype html>",
    `<html lang="${escapeXml(lang)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(synthesis.title)}</title><style>${STYLE}</style></head>`,
    `<body>`,
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
