import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Answer,
  type CountedResponse,
  parseQuestionnaire,
  type Questionnaire,
  type SynthesisProposal,
} from "../../src/consultations/index.js";
import { seededRandom } from "../../src/core/index.js";
import { repoRoot } from "./data.js";

/** examples/consultation's questionnaire (Nivelles' services, every question type). */
export function nivellesQuestionnaire(): Questionnaire {
  const parsed = parseQuestionnaire(
    JSON.parse(
      readFileSync(join(repoRoot, "examples", "consultation", "questionnaire.json"), "utf8"),
    ),
  );
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
}

const DISTRICTS = ["centre", "baulers", "bornival", "monstreux", "thines"];
const AGES = ["16-29", "30-44", "45-64", "65-79", "80+"];

/** `count` synthetic responses to {@link nivellesQuestionnaire}, a fifth on paper, seeded. */
export function nivellesResponses(count: number, seed = 1): CountedResponse[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, k) => {
    const district = pick(DISTRICTS);
    const answers: Answer[] = [{ question: "district", choices: [{ option: district }] }];
    const services = ["population", "proprete", "travaux", "culture", "sport"].filter(
      () => random() < 0.35,
    );
    if (services.length > 0) {
      answers.push({
        question: "services",
        choices: services.slice(0, 4).map((option) => ({ option })),
      });
      answers.push({
        question: "satisfaction",
        matrix: ["accueil", "delais", "information"].map((row) => ({
          row,
          options: [pick(["good", "average", "bad"])],
        })),
      });
    } else
      answers.push({
        question: "why-not",
        text: pick(["Pas eu besoin", "pas eu besoin ", "Tout en ligne"]),
      });
    const order = ["voirie", "mobilite", "nature", "commerces"];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as string, order[i] as string];
    }
    answers.push({ question: "priorities", choices: order.map((option) => ({ option })) });
    answers.push({ question: "opening", choices: [{ option: pick(["yes", "no", "unsure"]) }] });
    if (district === "centre" && random() < 0.3)
      answers.push({
        question: "centre-idea",
        text: pick(["Des bancs", "Un marché", "des bancs"]),
      });
    const paper = k % 5 === 4;
    return {
      id: paper ? `b${Math.floor(k / 50)}#${k % 50}` : `r${k}`,
      channel: paper ? "paper" : "online",
      ...(paper ? { batch: `b${Math.floor(k / 50)}` } : {}),
      response: { answers },
      attributes: { age: pick(AGES), district },
      at: Date.UTC(2026, 2, 1) + k * 1000,
    };
  });
}

/**
 * `count` synthetic proposals in six themes with `comments` comments, seeded: words drawn
 * from a 20,000-word vocabulary by Zipf's law (real texts of this length use about as many words, by Heaps' law), and one proposal in ten a
 * near copy of an earlier one (a word or two changed), as people propose the same idea.
 */
export function nivellesProposals(count: number, comments: number, seed = 1): SynthesisProposal[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: 20_000 }, (_, k) => `mot${k.toString(36)}`);
  const cumulative: number[] = [];
  for (let k = 0; k < vocabulary.length; k++)
    cumulative.push((cumulative[k - 1] ?? 0) + 1 / (k + 1));
  const word = () => {
    const r = random() * (cumulative.at(-1) as number);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] as string;
  };
  const texts: string[][] = [];
  const proposals = Array.from({ length: count }, (_, k) => {
    const earlier = texts[Math.floor(random() * texts.length)];
    const words =
      k > 0 && random() < 0.1 && earlier !== undefined
        ? earlier.map((w) => (random() < 0.1 ? word() : w))
        : Array.from({ length: 20 + Math.floor(random() * 20) }, word);
    texts.push(words);
    const supporters = Array.from(
      { length: Math.floor(random() ** 3 * 200) },
      (_, s) => `resident-${(k * 7919 + s * 104729) % 100_000}`,
    );
    return {
      id: `p${k}`,
      title: words.slice(0, 6).join(" "),
      body: words.slice(6).join(" "),
      category: `theme-${k % 6}`,
      author: `resident-${k}`,
      supporters: [...new Set(supporters)],
      comments: [] as SynthesisProposal["comments"][number][],
    };
  });
  for (let c = 0; c < comments; c++)
    (proposals[Math.floor(random() ** 2 * count)] as (typeof proposals)[number]).comments.push({
      id: `c${c}`,
      author: `resident-${Math.floor(random() * 100_000)}`,
      alignment: random() < 0.5 ? "favour" : random() < 0.8 ? "against" : "neutral",
      body: "Un argument",
      endorsements: Math.floor(random() * 20),
    });
  return proposals;
}
