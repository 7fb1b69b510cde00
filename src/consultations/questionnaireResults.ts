import { type Rational, rational } from "../core/rational.js";
import { borda } from "../tally/ranked/borda.js";
import { firstAnswers, visibility } from "./displayConditions.js";
import {
  isAnswerable,
  type LocalizedText,
  type Question,
  type Questionnaire,
} from "./questionnaire.js";
import { type Answer, isAnswered } from "./questionnaireResponse.js";
import type { CountedResponse } from "./responseLedger.js";
import { smallGroupSuppression } from "./smallGroupSuppression.js";

/**
 * A figure online, on paper and in all (`total` is always `online + paper`).
 *
 * @category Results
 * @example
 * ```ts
 * const respondents: ChannelCounts = { online: 4210, paper: 790, total: 5000 };
 * ```
 */
export interface ChannelCounts {
  readonly online: number;
  readonly paper: number;
  readonly total: number;
}

/**
 * How often an option was chosen, with its two shares, both exact: over the respondents
 * who answered the question (`shareOfRespondents`; they add up to 1 or more where
 * several choices are allowed) and over all the choices made (`shareOfAnswers`; they add
 * up to 1). Options that take a text of their own list those texts with their counts.
 *
 * @category Results
 * @example
 * ```ts
 * const yes: OptionResult = { option: "yes", body: "Oui", count: { online: 60, paper: 15, total: 75 }, shareOfRespondents: rational(3, 4), shareOfAnswers: rational(3, 4), texts: [] };
 * ```
 */
export interface OptionResult {
  readonly option: string;
  readonly body: LocalizedText;
  readonly count: ChannelCounts;
  readonly shareOfRespondents: Rational;
  readonly shareOfAnswers: Rational;
  readonly texts: readonly TextCount[];
}

/**
 * A text answer and how many gave it (texts equal but for case and spacing are one,
 * shown as most gave it).
 *
 * @category Results
 * @example
 * ```ts
 * const text: TextCount = { text: "More benches", count: 12 };
 * ```
 */
export interface TextCount {
  readonly text: string;
  readonly count: number;
}

/**
 * A sorting question's option: rankings counted, mean position (1 is first) exactly, its
 * Borda score (civitas/tally's `borda`: one point per option ranked below it) and how
 * many ranked it at each position.
 *
 * @category Results
 * @example
 * ```ts
 * const park: SortingOptionResult = { option: "park", body: "Parc", rankings: 80, meanPosition: rational(3, 2), borda: 200, positions: [40, 40, 0] };
 * ```
 */
export interface SortingOptionResult {
  readonly option: string;
  readonly body: LocalizedText;
  readonly rankings: number;
  readonly meanPosition: Rational | undefined;
  readonly borda: number;
  readonly positions: readonly number[];
}

/**
 * The results of one question: to how many respondents it was shown and how many answered
 * (online, on paper, in all), then by type — options, a table per matrix row, sorting
 * aggregates in Borda order, or the texts given.
 *
 * @category Results
 * @example
 * ```ts
 * results.questions.find((q) => q.question === "q1")?.answered.total; //=> 4870
 * ```
 */
export type QuestionResult = {
  readonly question: string;
  readonly body: LocalizedText;
  readonly shown: ChannelCounts;
  readonly answered: ChannelCounts;
} & (
  | {
      readonly type: "single_option" | "multiple_option";
      readonly choices: number;
      readonly options: readonly OptionResult[];
    }
  | {
      readonly type: "matrix_single" | "matrix_multiple";
      readonly rows: readonly {
        readonly row: string;
        readonly body: LocalizedText;
        readonly answered: ChannelCounts;
        readonly choices: number;
        readonly options: readonly OptionResult[];
      }[];
    }
  | {
      readonly type: "sorting";
      readonly options: readonly SortingOptionResult[];
      /** Option ids, best Borda score first (ties by the questionnaire's order). */
      readonly ranking: readonly string[];
    }
  | { readonly type: "short_answer" | "long_answer"; readonly texts: readonly TextCount[] }
);

/**
 * One question's figures by the groups of a respondent attribute: each group's
 * respondents who answered and its counts per option (per `row/option` for matrices),
 * or `suppressed` where the group is too small or hidden to protect another; `withheld`
 * when the whole breakdown must stay unpublished (see {@link smallGroupSuppression}).
 * Respondents without the attribute form the group `null`.
 *
 * @category Results
 * @example
 * ```ts
 * const byAge: QuestionBreakdown = { question: "q1", withheld: false, groups: [{ value: "18-29", answered: 412, counts: { yes: 300, no: 112 } }, { value: "80+", suppressed: true }] };
 * ```
 */
export interface QuestionBreakdown {
  readonly question: string;
  readonly withheld: boolean;
  readonly groups: readonly (
    | {
        readonly value: string | null;
        readonly answered: number;
        readonly counts: Readonly<Record<string, number>>;
      }
    | { readonly value: string | null; readonly suppressed: true }
  )[];
}

/**
 * Everything {@link questionnaireResults} computes.
 *
 * @category Results
 * @example
 * ```ts
 * questionnaireResults(questionnaire, responses).respondents; //=> { online: 4210, paper: 790, total: 5000 }
 * ```
 */
export interface QuestionnaireResults {
  readonly questionnaire: string;
  readonly respondents: ChannelCounts;
  readonly questions: readonly QuestionResult[];
  readonly breakdowns: readonly {
    readonly attribute: string;
    readonly threshold: number;
    readonly questions: readonly QuestionBreakdown[];
  }[];
}

/**
 * Options of {@link questionnaireResults}: the respondent attributes to break results
 * down by, and the smallest group shown (default 10).
 *
 * @category Results
 * @example
 * ```ts
 * const options: ResultsOptions = { breakdownBy: ["age", "district"], threshold: 10 };
 * ```
 */
export interface ResultsOptions {
  readonly breakdownBy?: readonly string[] | undefined;
  readonly threshold?: number | undefined;
}

/** Counts per channel, mutable while counting. */
class Tally {
  online = 0;
  paper = 0;
  add(channel: "online" | "paper", by = 1) {
    if (channel === "online") this.online += by;
    else this.paper += by;
  }
  get total() {
    return this.online + this.paper;
  }
  counts(): ChannelCounts {
    return { online: this.online, paper: this.paper, total: this.total };
  }
}

/** Texts counted as one when equal but for case and spacing; shown as most wrote them. */
class TextTally {
  readonly forms = new Map<string, Map<string, number>>();
  add(text: string) {
    const shown = text.trim().replace(/\s+/g, " ");
    if (shown === "") return;
    const key = shown.toLowerCase();
    let forms = this.forms.get(key);
    if (forms === undefined) {
      forms = new Map();
      this.forms.set(key, forms);
    }
    forms.set(shown, (forms.get(shown) ?? 0) + 1);
  }
  list(): TextCount[] {
    const out = [...this.forms.values()].map((forms) => {
      let best = "";
      let bestCount = -1;
      let count = 0;
      for (const [form, n] of forms) {
        count += n;
        if (n > bestCount || (n === bestCount && form < best)) {
          best = form;
          bestCount = n;
        }
      }
      return { text: best, count };
    });
    return out.sort(
      (a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    );
  }
}

const share = (count: number, of: number): Rational =>
  of === 0 ? rational(0) : rational(count, of);

/**
 * The counting state of one question, by index: options (and, for a matrix, row × options
 * cells) counted online and on paper; a key is `option` or `row × options + option`.
 */
interface QuestionTally {
  readonly question: Question;
  readonly optionIndex: ReadonlyMap<string, number>;
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly shown: Tally;
  readonly answered: Tally;
  readonly online: Int32Array;
  readonly paper: Int32Array;
  readonly rowOnline: Int32Array;
  readonly rowPaper: Int32Array;
  /** The stamp of the response that last counted each key: a key counts once per response. */
  readonly seen: Int32Array;
  readonly texts: (TextTally | undefined)[];
  /** Sortings: identical rankings merged, by their options' indexes. */
  readonly rankings: Map<string, { ranking: string[][]; weight: number }>;
  readonly positions: Int32Array;
  readonly freeText: TextTally;
}

function newTally(question: Question): QuestionTally {
  const options = "options" in question ? question.options.length : 0;
  const rows = "rows" in question ? question.rows.length : 0;
  const keys = options * Math.max(1, rows);
  return {
    question,
    optionIndex: new Map("options" in question ? question.options.map((o, k) => [o.id, k]) : []),
    rowIndex: new Map("rows" in question ? question.rows.map((row, k) => [row.id, k]) : []),
    shown: new Tally(),
    answered: new Tally(),
    online: new Int32Array(keys),
    paper: new Int32Array(keys),
    rowOnline: new Int32Array(rows),
    rowPaper: new Int32Array(rows),
    seen: new Int32Array(keys + rows).fill(-1),
    texts: [],
    rankings: new Map(),
    positions: new Int32Array(options * options),
    freeText: new TextTally(),
  };
}

/** Adds one at an index. */
function bump(counts: Int32Array, at: number) {
  counts[at] = (counts[at] as number) + 1;
}

/** Whether key `key` is new in response `stamp` (and marks it seen). */
function firstTime(tally: QuestionTally, key: number, stamp: number): boolean {
  if (tally.seen[key] === stamp) return false;
  tally.seen[key] = stamp;
  return true;
}

function countMatrix(tally: QuestionTally, answer: Answer, paper: boolean, stamp: number) {
  const keys: number[] = [];
  const options = tally.optionIndex.size;
  const cells = tally.online.length;
  for (const line of answer.matrix ?? []) {
    const row = tally.rowIndex.get(line.row);
    if (row === undefined || !firstTime(tally, cells + row, stamp)) continue;
    let any = false;
    for (const option of line.options) {
      const o = tally.optionIndex.get(option);
      if (o === undefined) continue;
      const key = row * options + o;
      if (!firstTime(tally, key, stamp)) continue;
      bump(paper ? tally.paper : tally.online, key);
      keys.push(key);
      any = true;
      if (tally.question.type === "matrix_single") break;
    }
    if (any) bump(paper ? tally.rowPaper : tally.rowOnline, row);
  }
  return keys.length > 0 ? keys : undefined;
}

/**
 * Counts one shown question's answer in one response (`stamp`: its number): the keys its
 * groups count, or undefined when nothing in it could be counted (no known option, a
 * blank text). Unknown options and repeated ones are left out.
 */
function count(
  tally: QuestionTally,
  answer: Answer,
  paper: boolean,
  stamp: number,
): number[] | undefined {
  const { question } = tally;
  if (question.type === "short_answer" || question.type === "long_answer") {
    if ((answer.text ?? "").trim() === "") return undefined;
    tally.freeText.add(answer.text ?? "");
    return [];
  }
  if (question.type === "matrix_single" || question.type === "matrix_multiple")
    return countMatrix(tally, answer, paper, stamp);
  const keys: number[] = [];
  for (const choice of answer.choices ?? []) {
    const o = tally.optionIndex.get(choice.option);
    if (o === undefined || !firstTime(tally, o, stamp)) continue;
    if (question.type === "single_option" && keys.length > 0) break;
    keys.push(o);
    if (question.type === "sorting") continue;
    bump(paper ? tally.paper : tally.online, o);
    if (choice.text !== undefined && choice.text.trim() !== "") {
      const texts = tally.texts[o] ?? new TextTally();
      tally.texts[o] = texts;
      texts.add(choice.text);
    }
  }
  if (keys.length === 0) return undefined;
  if (question.type === "sorting") {
    const options = tally.optionIndex.size;
    keys.forEach((o, position) => {
      bump(tally.positions, o * options + position);
    });
    const id = keys.join(",");
    const merged = tally.rankings.get(id);
    if (merged !== undefined) merged.weight++;
    else
      tally.rankings.set(id, {
        ranking: keys.map((o) => [(question.options[o] as { id: string }).id]),
        weight: 1,
      });
    return [];
  }
  return keys;
}

/** A key's count online, on paper and in all. */
function keyCounts(tally: QuestionTally, key: number): ChannelCounts {
  const online = tally.online[key] as number;
  const paper = tally.paper[key] as number;
  return { online, paper, total: online + paper };
}

function optionResults(
  tally: QuestionTally,
  first: number,
  answered: number,
  textsOf: (option: number) => TextCount[],
): { options: OptionResult[]; choices: number } {
  const options = "options" in tally.question ? tally.question.options : [];
  const counts = options.map((_, o) => keyCounts(tally, first + o));
  const choices = counts.reduce((sum, c) => sum + c.total, 0);
  return {
    choices,
    options: options.map((choice, o) => {
      const counted = counts[o] as ChannelCounts;
      return {
        option: choice.id,
        body: choice.body,
        count: counted,
        shareOfRespondents: share(counted.total, answered),
        shareOfAnswers: share(counted.total, choices),
        texts: textsOf(o),
      };
    }),
  };
}

function sortingResults(tally: QuestionTally, question: Extract<Question, { type: "sorting" }>) {
  const candidates = question.options.map((choice) => choice.id);
  const ballots = [...tally.rankings.values()];
  const outcome = ballots.length === 0 ? undefined : borda({ candidates, names: {}, ballots });
  const scores = outcome?.ok ? (outcome.value.rounds[0]?.tallies ?? {}) : {};
  const n = candidates.length;
  const options = question.options.map((choice, o) => {
    const positions = [...tally.positions.subarray(o * n, o * n + n)];
    const rankings = positions.reduce((a, b) => a + b, 0);
    const sum = positions.reduce((a, count, k) => a + count * (k + 1), 0);
    return {
      option: choice.id,
      body: choice.body,
      rankings,
      meanPosition: rankings === 0 ? undefined : rational(sum, rankings),
      borda: Object.hasOwn(scores, choice.id) ? (scores[choice.id] as number) : 0,
      positions,
    };
  });
  const ranking = options
    .map((option, k) => ({ option: option.option, borda: option.borda, k }))
    .sort((a, b) => b.borda - a.borda || a.k - b.k)
    .map((entry) => entry.option);
  return { type: "sorting" as const, options, ranking };
}

function questionResult(tally: QuestionTally): QuestionResult {
  const { question } = tally;
  const head = {
    question: question.id,
    body: question.body,
    shown: tally.shown.counts(),
    answered: tally.answered.counts(),
  };
  switch (question.type) {
    case "short_answer":
    case "long_answer":
      return { ...head, type: question.type, texts: tally.freeText.list() };
    case "sorting":
      return { ...head, ...sortingResults(tally, question) };
    case "matrix_single":
    case "matrix_multiple": {
      const options = question.options.length;
      return {
        ...head,
        type: question.type,
        rows: question.rows.map((row, r) => {
          const online = tally.rowOnline[r] as number;
          const paper = tally.rowPaper[r] as number;
          return {
            row: row.id,
            body: row.body,
            answered: { online, paper, total: online + paper },
            ...optionResults(tally, r * options, online + paper, () => []),
          };
        }),
      };
    }
    default:
      return {
        ...head,
        type: question.type,
        ...optionResults(tally, 0, tally.answered.total, (o) => tally.texts[o]?.list() ?? []),
      };
  }
}

/** Per attribute and question: group → answered and counts per key. */
type GroupCounts = Map<string | null, { answered: number; counts: Map<number, number> }>;

/** The name of each key of a question: its option's id, or `row/option` in a matrix. */
function keyNames(question: Question): string[] {
  if (!("options" in question)) return [];
  const options = question.options.map((option) => option.id);
  return "rows" in question
    ? question.rows.flatMap((row) => options.map((option) => `${row.id}/${option}`))
    : options;
}

function breakdown(question: Question, groups: GroupCounts, threshold: number): QuestionBreakdown {
  const names = keyNames(question);
  const sizes = new Map([...groups].map(([value, group]) => [value, group.answered]));
  const { hidden, withheld } = smallGroupSuppression(sizes, threshold);
  const order = [...groups.keys()].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  return {
    question: question.id,
    withheld,
    groups: withheld
      ? []
      : order.map((value) => {
          const group = groups.get(value) as { answered: number; counts: Map<number, number> };
          if (hidden.has(value)) return { value, suppressed: true as const };
          const counts: Record<string, number> = Object.create(null);
          for (const [key, n] of [...group.counts].sort(([a], [b]) => a - b))
            counts[names[key] as string] = n;
          return { value, answered: group.answered, counts };
        }),
  };
}

/**
 * A questionnaire's results from its counted responses (online and paper alike, each
 * channel also counted apart): per question, to whom it was shown and who answered;
 * options with counts and both shares (over respondents and over answers), the texts of
 * options that take one; matrices row by row; sorting questions by mean position and by
 * Borda score; text answers listed with their counts. Only what a respondent could see is
 * counted: an answer to a question its display conditions hide, to an unknown question,
 * or naming an unknown option is left out, as is any answer after the first to a
 * question and any choice after the first where only one is allowed (single option, a
 * row of a single-choice matrix): results stay whole even on unchecked responses. With `breakdownBy`, each question's figures by the groups of each respondent
 * attribute, small groups suppressed with their complements ({@link smallGroupSuppression}).
 *
 * @category Results
 * @example
 * ```ts
 * const results = questionnaireResults(questionnaire, countedResponses(ledger), { breakdownBy: ["age"] });
 * results.questions[0]; //=> { question: "q1", type: "single_option", answered: { online: 4100, paper: 770, total: 4870 }, options: […] }
 * ```
 */
export function questionnaireResults(
  questionnaire: Questionnaire,
  responses: readonly CountedResponse[],
  options: ResultsOptions = {},
): QuestionnaireResults {
  const threshold = options.threshold ?? 10;
  const attributes = options.breakdownBy ?? [];
  const questions = questionnaire.questions.filter(isAnswerable);
  const tallies = new Map(questions.map((question) => [question.id, newTally(question)]));
  const groups = attributes.map(
    () => new Map(questions.map((q) => [q.id, new Map()] as [string, GroupCounts])),
  );
  const respondents = new Tally();
  const shownIn = visibility(questionnaire);
  for (const [stamp, counted] of responses.entries()) {
    const { channel, response } = counted;
    respondents.add(channel);
    const first = firstAnswers(response);
    const shown = shownIn(first);
    for (const question of questions) {
      if (!shown.has(question.id)) continue;
      const tally = tallies.get(question.id) as QuestionTally;
      tally.shown.add(channel);
      const answer = first.get(question.id);
      if (!isAnswered(answer) || answer === undefined) continue;
      const keys = count(tally, answer, channel === "paper", stamp);
      if (keys === undefined) continue;
      tally.answered.add(channel);
      attributes.forEach((attribute, a) => {
        const value = Object.hasOwn(counted.attributes, attribute)
          ? (counted.attributes[attribute] as string)
          : null;
        const byGroup = (groups[a] as Map<string, GroupCounts>).get(question.id) as GroupCounts;
        let group = byGroup.get(value);
        if (group === undefined) {
          group = { answered: 0, counts: new Map() };
          byGroup.set(value, group);
        }
        group.answered++;
        for (const key of keys) group.counts.set(key, (group.counts.get(key) ?? 0) + 1);
      });
    }
  }
  return {
    questionnaire: questionnaire.id,
    respondents: respondents.counts(),
    questions: questions.map((question) =>
      questionResult(tallies.get(question.id) as QuestionTally),
    ),
    breakdowns: attributes.map((attribute, a) => ({
      attribute,
      threshold,
      questions: questions.map((question) =>
        breakdown(
          question,
          (groups[a] as Map<string, GroupCounts>).get(question.id) as GroupCounts,
          threshold,
        ),
      ),
    })),
  };
}
