/**
 * Issue 21's figures: a questionnaire's results for 100,000 responses (every question
 * type; a fifth on paper; broken down by age and district with small groups suppressed),
 * and the synthesis of a consultation with those results, 5,000 proposals and 50,000
 * comments, rendered as HTML. Goal ≤ 1 s each. Median of 5 warm runs and the first (cold)
 * one. Prints the figures and the machine; asserts nothing.
 */
import { cpus } from "node:os";
import {
  consultationSynthesis,
  questionnaireResults,
  synthesisHtml,
} from "../src/consultations/index.js";
import {
  nivellesProposals,
  nivellesQuestionnaire,
  nivellesResponses,
} from "../tests/helpers/consultationResponses.js";

console.log(
  `\ncivitas consultations benchmark — ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores; Node ${process.version}`,
);
const questionnaire = nivellesQuestionnaire();
const responses = nivellesResponses(100_000);
const proposals = nivellesProposals(5_000, 50_000);

function timed<T>(what: string, run: () => T): T {
  const times: number[] = [];
  let value: T | undefined;
  for (let k = 0; k < 6; k++) {
    const start = performance.now();
    value = run();
    times.push((performance.now() - start) / 1000);
  }
  const [cold, ...warm] = times as [number, ...number[]];
  const median = [...warm].sort((a, b) => a - b)[2] as number;
  console.log(
    `  ${what}: ${median.toFixed(3)} s (cold ${cold.toFixed(3)} s); goal ≤ 1 s: ${Math.max(median, cold) <= 1 ? "met" : "missed"}`,
  );
  return value as T;
}

const results = timed("results of 100,000 responses, by age and district", () =>
  questionnaireResults(questionnaire, responses, { breakdownBy: ["age", "district"] }),
);
console.log(
  `    ${results.respondents.total.toLocaleString("en")} respondents (${results.respondents.online.toLocaleString("en")} online, ${results.respondents.paper.toLocaleString("en")} on paper); ${results.questions.length} questions`,
);
const html = timed(
  "synthesis (100,000 responses' results, 5,000 proposals, 50,000 comments) as HTML",
  () =>
    synthesisHtml(
      consultationSynthesis({
        title: "Benchmark",
        lang: "fr",
        proposals,
        questionnaire: { questionnaire, results },
      }),
    ),
);
const synthesis = consultationSynthesis({
  title: "Benchmark",
  proposals,
  questionnaire: { questionnaire, results },
});
console.log(
  `    ${synthesis.totals.participants.toLocaleString("en")} participants, ${synthesis.duplicates.length} groups of near duplicates; ${(html.length / 1024).toFixed(0)} KiB of HTML`,
);
