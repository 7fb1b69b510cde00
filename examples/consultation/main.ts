// A Nivelles-style consultation on the municipal services, synthetic and seeded: 5,000
// respondents answer the questionnaire (4,000 online through the ledger, with the phase and
// eligibility checked; 1,000 on paper, entered in batches), 240 proposals get supports and
// 2,000 comments. Out come the results (broken down by age and district, small groups
// suppressed), Decidim's CSV export, and the synthesis in Markdown and standalone HTML.
// Writes out/results.json, out/results.csv, out/responses.csv, out/synthesis.md and
// out/synthesis.html.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateProcess } from "civitas/calendar";
import {
  type Answer,
  applyResponseEvent,
  consultationSynthesis,
  countedResponses,
  decideResponse,
  emptyLedger,
  frenchSynthesisLabels,
  parseQuestionnaire,
  type QuestionnaireResponse,
  questionnaireResults,
  type SynthesisProposal,
  synthesisHtml,
  synthesisMarkdown,
} from "civitas/consultations";
import { seededRandom } from "civitas/core";
import { questionnaireResultsCsv, questionnaireResultsJson, surveyExportCsv } from "civitas/io";

const here = import.meta.dirname;

export const questionnaire = (() => {
  const parsed = parseQuestionnaire(
    JSON.parse(readFileSync(join(here, "questionnaire.json"), "utf8")),
  );
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
})();

const calendar = (() => {
  const checked = validateProcess({
    id: "nivelles-2026",
    title: "Consultation sur les services communaux",
    timeZone: "Europe/Brussels",
    phases: [
      {
        id: "survey",
        title: "Questionnaire",
        start: "2026-03-01",
        end: "2026-03-31",
        permits: ["consultation.respond"],
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
})();

const DISTRICTS = ["centre", "baulers", "bornival", "monstreux", "thines"];
const AGES: [string, number][] = [
  ["16-29", 0.2],
  ["30-44", 0.27],
  ["45-64", 0.33],
  ["65-79", 0.18],
  ["80+", 0.02],
];

/** One respondent's answers, as the questionnaire's conditions allow them. */
function answers(random: () => number, district: string): QuestionnaireResponse {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const list: Answer[] = [
    district === "other"
      ? {
          question: "district",
          choices: [{ option: "other", text: pick(["Nivelles-Sud", "Hors commune", "Ittre"]) }],
        }
      : { question: "district", choices: [{ option: district }] },
  ];
  const use: [string, number][] = [
    ["population", 0.6],
    ["proprete", 0.35],
    ["travaux", 0.25],
    ["culture", 0.3],
    ["sport", 0.2],
  ];
  const services = use.filter(([, share]) => random() < share).map(([service]) => service);
  if (services.length > 0) {
    list.push({
      question: "services",
      choices: services.slice(0, 4).map((option) => ({ option })),
    });
    const mood = random();
    list.push({
      question: "satisfaction",
      matrix: ["accueil", "delais", "information"].map((row, k) => ({
        row,
        options: [mood + 0.1 * k < 0.55 ? "good" : mood + 0.1 * k < 0.85 ? "average" : "bad"],
      })),
    });
  } else if (random() < 0.5)
    list.push({
      question: "why-not",
      text: pick([
        "Pas eu besoin",
        "Tout se fait en ligne",
        "pas eu besoin",
        "Horaires incompatibles",
      ]),
    });
  if (random() < 0.8) {
    const order = ["voirie", "mobilite", "nature", "commerces"].sort(
      () => random() - 0.5 + (district === "centre" ? 0.1 : 0),
    );
    list.push({ question: "priorities", choices: order.map((option) => ({ option })) });
  }
  if (random() < 0.9)
    list.push({
      question: "opening",
      choices: [{ option: random() < 0.62 ? "yes" : random() < 0.6 ? "no" : "unsure" }],
    });
  if (district === "centre" && random() < 0.3)
    list.push({
      question: "centre-idea",
      text: pick([
        "Plus de bancs sur la Grand-Place",
        "Un marché le dimanche",
        "plus de bancs sur la grand-place",
        "Moins de voitures",
      ]),
    });
  return { answers: list };
}

/** The consultation, seeded: the ledger of responses, its refusals, and the proposals. */
export function nivelles(seed = "nivelles-2026") {
  const random = seededRandom(seed);
  const day = 86_400_000;
  const march = Date.parse("2026-03-01T08:00:00Z");
  const respondents = Array.from({ length: 5_000 }, (_, k) => {
    const r = random();
    let below = 0;
    const age =
      AGES.find(([, share]) => {
        below += share;
        return r < below;
      })?.[0] ?? "45-64";
    const district =
      random() < 0.01 ? "other" : (DISTRICTS[Math.floor(random() * DISTRICTS.length)] as string);
    return { id: `resident-${k}`, age, district, paper: k >= 4_000 };
  });
  let ledger = emptyLedger();
  const refusals = new Map<string, number>();
  const context = {
    questionnaire,
    process: calendar,
    policies: { "consultation.respond": { residentOf: ["nivelles"] } },
  };
  const decide = (command: unknown) => {
    const decided = decideResponse(ledger, command, context);
    if (!decided.ok) {
      for (const issue of decided.issues)
        refusals.set(issue.code, (refusals.get(issue.code) ?? 0) + 1);
      return;
    }
    for (const event of decided.value) ledger = applyResponseEvent(ledger, event);
  };
  for (const person of respondents.filter((p) => !p.paper)) {
    const respondent = { id: person.id, scopes: ["nivelles"] };
    const attributes = { age: person.age, district: person.district };
    const at = march + Math.floor(random() * 30 * day);
    decide({
      type: "respond",
      respondent,
      response: answers(random, person.district),
      attributes,
      at,
    });
    // Some try again, some change their mind, some withdraw and answer anew.
    if (random() < 0.02)
      decide({
        type: "respond",
        respondent,
        response: answers(random, person.district),
        attributes,
        at: at + 1,
      });
    if (random() < 0.03)
      decide({
        type: "replace",
        respondent,
        response: answers(random, person.district),
        attributes,
        at: at + 2,
      });
    if (random() < 0.01) {
      decide({ type: "withdraw", respondent, at: at + 3 });
      decide({
        type: "respond",
        respondent,
        response: answers(random, person.district),
        attributes,
        at: at + 4,
      });
    }
  }
  // Refused: too late, and someone from elsewhere.
  decide({
    type: "respond",
    respondent: { id: "late", scopes: ["nivelles"] },
    response: answers(random, "centre"),
    at: Date.parse("2026-04-02T10:00:00Z"),
  });
  decide({
    type: "respond",
    respondent: { id: "visitor", scopes: ["ittre"] },
    response: answers(random, "centre"),
    at: march,
  });
  const paper = respondents.filter((p) => p.paper);
  for (let b = 0; b < paper.length / 50; b++)
    decide({
      type: "enter-paper-batch",
      batch: `papier-${String(b + 1).padStart(2, "0")}`,
      enteredBy: b % 2 === 0 ? "agent-1" : "agent-2",
      responses: paper.slice(b * 50, b * 50 + 50).map((person) => ({
        response: answers(random, person.district),
        attributes: { age: person.age, district: person.district },
      })),
      at: Date.parse("2026-04-07T09:00:00Z") + b * 600_000,
    });
  return { ledger, refusals, proposals: proposals(random) };
}

const THEMES: [string, string[]][] = [
  [
    "Mobilité",
    [
      "Une piste cyclable chaussée de Mons",
      "Des arceaux vélo à la gare",
      "Une zone 30 autour des écoles",
      "Plus de bus le soir vers Baulers",
    ],
  ],
  [
    "Espaces verts",
    [
      "Des bancs au parc de la Dodaine",
      "Planter des arbres rue de Namur",
      "Un potager partagé à Thines",
      "Des toilettes au parc de la Dodaine",
    ],
  ],
  [
    "Propreté",
    [
      "Plus de poubelles sur la Grand-Place",
      "Un ramassage des encombrants chaque mois",
      "Des cendriers de rue au centre",
    ],
  ],
  [
    "Culture",
    [
      "Des concerts gratuits l'été",
      "La bibliothèque ouverte le dimanche",
      "Un festival de rue à Bornival",
    ],
  ],
  [
    "Services",
    [
      "Les guichets ouverts le samedi",
      "Des démarches en ligne plus simples",
      "Un accueil unique à l'hôtel de ville",
    ],
  ],
  ["Commerces", ["Un marché du soir au centre", "Des loyers aidés pour les commerces vides"]],
];
const REPHRASE = ["", " svp", " pour tous", " (proposition)", " rapidement"];
const REASONS_FOR = [
  "Excellente idée",
  "Indispensable pour les familles",
  "Enfin !",
  "Les aînés en ont besoin",
  "Ça rendra le quartier plus vivant",
];
const REASONS_AGAINST = [
  "Trop cher pour la commune",
  "Il y a d'autres priorités",
  "Le quartier est déjà bien équipé",
  "Cela gênera les riverains",
];

/** 240 proposals, some the same idea written again, with supports and 2,000 comments. */
function proposals(random: () => number): SynthesisProposal[] {
  const list: SynthesisProposal[] = [];
  for (let k = 0; k < 240; k++) {
    const [category, ideas] = THEMES[Math.floor(random() * THEMES.length)] as [string, string[]];
    const idea = ideas[Math.floor(random() * ideas.length)] as string;
    // Most proposals are one idea worded anew with an own detail; the same idea comes back.
    const title = `${idea}${REPHRASE[Math.floor(random() * REPHRASE.length)]}`;
    const detail = `Proposition ${k + 1} : ${["dès cette année", "avec les habitants", "à tester six mois", "avec un budget participatif"][k % 4]}, quartier ${DISTRICTS[k % 5]}.`;
    const supporters = new Set<string>();
    const wanted = Math.floor(random() ** 3 * 400);
    while (supporters.size < wanted) supporters.add(`resident-${Math.floor(random() * 5_000)}`);
    list.push({
      id: `p${k + 1}`,
      title,
      body: `${title}. ${detail}`,
      category,
      author: `resident-${Math.floor(random() * 5_000)}`,
      supporters: [...supporters],
      comments: [],
    });
  }
  for (let c = 0; c < 2_000; c++) {
    const proposal = list[Math.floor(random() ** 2 * list.length)] as unknown as {
      comments: SynthesisProposal["comments"][number][];
    };
    const favour = random() < 0.6;
    proposal.comments.push({
      id: `c${c + 1}`,
      author: `resident-${Math.floor(random() * 5_000)}`,
      alignment: random() < 0.1 ? "neutral" : favour ? "favour" : "against",
      body: (favour ? REASONS_FOR : REASONS_AGAINST)[
        Math.floor(random() * (favour ? REASONS_FOR : REASONS_AGAINST).length)
      ] as string,
      endorsements: Math.floor(random() ** 2 * 30),
    });
  }
  return list;
}

/** Everything the example publishes. */
export function report(seed?: string) {
  const { ledger, refusals, proposals } = nivelles(seed);
  const responses = countedResponses(ledger);
  const results = questionnaireResults(questionnaire, responses, {
    breakdownBy: ["age", "district"],
    threshold: 10,
  });
  const synthesis = consultationSynthesis(
    {
      title: "Nivelles : vos services communaux (2026)",
      lang: "fr",
      proposals,
      questionnaire: { questionnaire, results },
    },
    { top: 3, arguments: 2, similarity: 0.6 },
  );
  return {
    ledger,
    refusals,
    responses,
    results,
    synthesis,
    files: {
      "results.json": questionnaireResultsJson(results),
      "results.csv": questionnaireResultsCsv(results, { lang: "fr" }),
      "responses.csv": surveyExportCsv(questionnaire, responses, { lang: "fr" }),
      "synthesis.md": synthesisMarkdown(synthesis, { labels: frenchSynthesisLabels }),
      "synthesis.html": synthesisHtml(synthesis, { labels: frenchSynthesisLabels }),
    },
  };
}

if (process.argv[1] === import.meta.filename) {
  const { results, files } = report();
  mkdirSync(join(here, "out"), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(here, "out", name), text);
  const r = results.respondents;
  console.log(
    `${r.total} respondents (${r.online} online, ${r.paper} on paper); wrote out/${Object.keys(files).join(", out/")}`,
  );
}
