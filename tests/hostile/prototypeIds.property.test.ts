import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  type PbElection,
  pbElectionFromJson,
  pbElectionToJson,
  pbRules,
} from "../../src/budgeting/index.js";
import { isAllowed, validateProcess } from "../../src/calendar/index.js";
import {
  applyResponseEvent,
  checkResponse,
  consultationSynthesis,
  countedResponses,
  decideResponse,
  emptyLedger,
  parseQuestionnaire,
  questionnaireResults,
  synthesisHtml,
} from "../../src/consultations/index.js";
import {
  parseAbcvoting,
  parseBallotsJson,
  parseBlt,
  parsePabulib,
  parsePreflib,
  parseRankedCsv,
  writeAbcvoting,
  writeBlt,
  writePabulib,
  writePreflib,
  writeRankedCsv,
} from "../../src/io/index.js";
import {
  emptyConsultation,
  participationFigures,
  replay,
  transition,
} from "../../src/proposals/index.js";
import {
  type ApprovalProfile,
  committeeMethods,
  type RankedProfile,
  referendumQuestions,
  type ScoreProfile,
  scoreMethods,
  tallyMethods,
} from "../../src/tally/index.js";
import { arbitraryElection } from "../helpers/arbitraries.js";
import { context as proposalsContext } from "../proposals/fixture.js";

/**
 * Ids are data, never object keys: every module must treat a project, candidate, proposal,
 * participant, question or capability named after a member of `Object.prototype` exactly
 * as any other id. Each property runs a module twice, once with plain ids and once with
 * the same ids renamed to those names (order kept, so tie-breaking by id is unchanged),
 * and requires the same result under the renaming. Object.prototype must come out of the
 * whole file untouched.
 */

/** Every own member of Object.prototype, in code-unit order. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const prototypeBefore = PROTOTYPE_NAMES.map((name) => [
  name,
  Object.getOwnPropertyDescriptor(Object.prototype, name),
]);

/** Renames plain ids (in code-unit order) to prototype names (in code-unit order). */
function renamingOf(ids: readonly string[]): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length > PROTOTYPE_NAMES.length) throw new Error("too many ids to rename");
  return new Map(sorted.map((id, k) => [id, PROTOTYPE_NAMES[k] as string]));
}

/** Applies a renaming everywhere: exact strings, object keys, and whole words in text. */
function rename<T>(value: T, renaming: ReadonlyMap<string, string>): T {
  const words = new RegExp(
    `(?<![\\w])(${[...renaming.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w])`,
    "g",
  );
  const text = (s: string) => renaming.get(s) ?? s.replace(words, (id) => renaming.get(id) ?? id);
  const walk = (x: unknown): unknown => {
    if (typeof x === "string") return text(x);
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === "object" && typeof x !== "bigint") {
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(x)) out[text(key)] = walk((x as Record<string, unknown>)[key]);
      return out;
    }
    return x;
  };
  return walk(value) as T;
}

/** Plain data for comparison (no prototypes, no undefined). */
const plain = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v)));

const expectSameUnder = (renaming: ReadonlyMap<string, string>, safe: unknown, hostile: unknown) =>
  expect(plain(hostile)).toEqual(plain(rename(safe, renaming)));

const arbitraryRanked: fc.Arbitrary<RankedProfile> = fc
  .record({
    size: fc.integer({ min: 2, max: 6 }),
    ballots: fc.array(
      fc.record({
        order: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 6 }),
        weight: fc.integer({ min: 1, max: 9 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    seats: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ size, ballots, seats }) => {
    const candidates = Array.from({ length: size }, (_, c) => `c${c}`);
    return {
      candidates,
      names: Object.fromEntries(candidates.map((c) => [c, c])),
      ballots: ballots.map(({ order, weight }) => ({
        ranking: order.filter((c) => c < size).map((c) => [`c${c}`]),
        weight,
      })),
      seats: Math.min(seats, size),
    };
  });

afterAll(() => {
  expect(
    PROTOTYPE_NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)]),
  ).toEqual(prototypeBefore);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
});

describe("ids named after Object.prototype members work like any other id", () => {
  it("budgeting: every rule selects the same projects", () => {
    fc.assert(
      fc.property(arbitraryElection(), (election) => {
        const renaming = renamingOf(election.instance.projects.map((project) => project.id));
        const hostile = rename(election, renaming);
        const back = pbElectionFromJson(pbElectionToJson(hostile));
        if (!back.ok) throw new Error(back.issues[0]?.message);
        for (const rule of pbRules) {
          const safe = rule.run(election.instance, election.profile, {});
          const named = rule.run(back.value.instance, back.value.profile, {});
          expect(named.ok).toBe(safe.ok);
          if (safe.ok && named.ok) {
            expectSameUnder(renaming, safe.value.selected, named.value.selected);
            expectSameUnder(
              renaming,
              safe.value.explanation.map((step) => [step.project, step.action, step.reason]),
              named.value.explanation.map((step) => [step.project, step.action, step.reason]),
            );
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("io: Pabulib, BLT, PrefLib, ranked CSV and abcvoting files read back the same", () => {
    fc.assert(
      fc.property(arbitraryElection({ voteTypes: ["approval", "cumulative"] }), (election) => {
        const renaming = renamingOf(election.instance.projects.map((project) => project.id));
        const hostile: PbElection = rename(election, renaming);
        const written = writePabulib(hostile);
        if (!written.ok) throw new Error(written.issues[0]?.message);
        const read = parsePabulib(written.value);
        const safe = writePabulib(election);
        const readSafe = parsePabulib(safe.ok ? safe.value : "");
        expect(read.ok && readSafe.ok).toBe(true);
        if (read.ok && readSafe.ok)
          expectSameUnder(renaming, pbElectionToJson(readSafe.value), pbElectionToJson(read.value));
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(arbitraryRanked, (profile) => {
        const renaming = renamingOf(profile.candidates);
        const hostile = rename(profile, renaming);
        // BLT numbers candidates and keeps their names; CSV and PrefLib name them.
        const names = Object.fromEntries(profile.candidates.map((c) => [c, renaming.get(c)]));
        const blt = parseBlt(writeBlt({ ...profile, names: names as Record<string, string> }));
        expect(blt.ok && plain(Object.values(blt.value.names))).toEqual(
          plain(Object.values(names)),
        );
        const csvOf = (p: RankedProfile) => {
          const written = writeRankedCsv(p);
          if (!written.ok) throw new Error(written.issues[0]?.message);
          return parseRankedCsv(written.value);
        };
        expectSameUnder(renaming, csvOf(profile), csvOf(hostile));
        expectSameUnder(
          renaming,
          parsePreflib(writePreflib(profile)),
          parsePreflib(writePreflib(hostile)),
        );
      }),
      { numRuns: 60 },
    );
    const abc = parseAbcvoting(
      writeAbcvoting({
        profile: {
          candidates: ["0", "1"],
          names: {},
          ballots: [{ approved: ["1"], weight: 1 }],
          seats: 1,
        },
        expected: [{ rule: "constructor", resolute: false, committees: [["1"]] }],
      }),
    );
    expect(abc.ok && abc.value.expected[0]?.rule).toBe("constructor");
  });

  it("tally: every ranked method elects the same candidates", () => {
    fc.assert(
      fc.property(arbitraryRanked, (profile) => {
        const renaming = renamingOf(profile.candidates);
        const hostile = rename(profile, renaming);
        for (const method of tallyMethods) {
          const safe = method.run(profile, { seats: profile.seats ?? 1 });
          const named = method.run(hostile, { seats: hostile.seats ?? 1 });
          expect(named.ok, method.id).toBe(safe.ok);
          if (safe.ok && named.ok) {
            expectSameUnder(renaming, safe.value.winners, named.value.winners);
            expectSameUnder(
              renaming,
              safe.value.rounds.map((round) => round.tallies ?? null),
              named.value.rounds.map((round) => round.tallies ?? null),
            );
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("tally: every committee method elects the same committees", () => {
    fc.assert(
      fc.property(arbitraryRanked, (ranked) => {
        const profile: ApprovalProfile = {
          candidates: ranked.candidates,
          names: ranked.names,
          ballots: ranked.ballots.map((ballot) => ({
            approved: ballot.ranking.flat().slice(0, 2),
            weight: ballot.weight,
          })),
        };
        const renaming = renamingOf(profile.candidates);
        const hostile = rename(profile, renaming);
        const seats = Math.min(2, profile.candidates.length);
        for (const method of committeeMethods) {
          const safe = method.run(profile, seats);
          const named = method.run(hostile, seats);
          expect(named.ok, method.id).toBe(safe.ok);
          if (safe.ok && named.ok)
            expectSameUnder(
              renaming,
              safe.value.committees ?? [safe.value.winners],
              named.value.committees ?? [named.value.winners],
            );
        }
      }),
      { numRuns: 30 },
    );
  });

  it("tally: score methods and referendum questions", () => {
    fc.assert(
      fc.property(arbitraryRanked, (ranked) => {
        const profile: ScoreProfile = {
          candidates: ranked.candidates,
          names: ranked.names,
          maxScore: 5,
          ballots: ranked.ballots.map((ballot) => ({
            scores: Object.fromEntries(
              ballot.ranking.flat().map((candidate, k) => [candidate, Math.max(0, 5 - k)]),
            ),
            weight: ballot.weight,
          })),
        } as ScoreProfile;
        const renaming = renamingOf(profile.candidates);
        const hostile = rename(profile, renaming);
        for (const method of scoreMethods) {
          const safe = method.run(profile);
          const named = method.run(hostile);
          expect(named.ok, method.id).toBe(safe.ok);
          if (safe.ok && named.ok)
            expectSameUnder(renaming, safe.value.winners, named.value.winners);
        }
        const questions = ranked.candidates;
        const ballots = {
          questions,
          ballots: ranked.ballots.map((ballot) => ({
            answers: Object.fromEntries(
              ballot.ranking.flat().map((question, k) => [question, k % 2 === 0 ? "yes" : "no"]),
            ),
            weight: ballot.weight,
          })),
        };
        const rules = Object.fromEntries(
          questions.map((q, k) => [q, { majority: [k + 1, k + 3] }]),
        );
        const safe = referendumQuestions(ballots as never, rules as never);
        const named = referendumQuestions(
          rename(ballots, renaming) as never,
          rename(rules, renaming) as never,
        );
        expect(named.ok).toBe(safe.ok);
        if (safe.ok && named.ok)
          expectSameUnder(
            renaming,
            safe.value.map((result) => [result.question, result.count, result.outcome.winners]),
            named.value.map((result) => [result.question, result.count, result.outcome.winners]),
          );
        // One rule for every question: a question named after a prototype member keeps it.
        const flat = { majority: [2, 3] };
        const safeFlat = referendumQuestions(ballots as never, flat as never);
        const namedFlat = referendumQuestions(rename(ballots, renaming) as never, flat as never);
        if (safeFlat.ok && namedFlat.ok)
          expectSameUnder(
            renaming,
            safeFlat.value.map((result) => [
              result.question,
              result.outcome.winners,
              result.outcome.notes,
            ]),
            namedFlat.value.map((result) => [
              result.question,
              result.outcome.winners,
              result.outcome.notes,
            ]),
          );
        else expect(namedFlat.ok).toBe(safeFlat.ok);
        // Score ballots read from JSON keep a candidate named __proto__.
        const json = (p: ScoreProfile) =>
          parseBallotsJson(JSON.stringify({ type: "score", profile: p }));
        expectSameUnder(renaming, json(profile), json(hostile));
      }),
      { numRuns: 40 },
    );
  });

  it("proposals: random commands give the same events and state", () => {
    const proposals = ["p1", "p2", "p3"];
    const people = ["ana", "bo", "cy"];
    const command = fc.oneof(
      fc.record({
        type: fc.constant("create"),
        proposal: fc.constantFrom(...proposals),
        author: fc.constantFrom(...people),
        title: fc.constant("Benches"),
      }),
      fc.record({
        type: fc.constant("publish"),
        proposal: fc.constantFrom(...proposals),
        actor: fc.constantFrom(...people),
      }),
      fc.record({
        type: fc.constantFrom("support", "unsupport", "endorse"),
        proposal: fc.constantFrom(...proposals),
        participant: fc.constantFrom(...people),
      }),
      fc.record({
        type: fc.constant("comment"),
        proposal: fc.constantFrom(...proposals),
        participant: fc.constantFrom(...people),
        text: fc.constant("yes"),
        alignment: fc.constantFrom("favour", "against", "neutral"),
      }),
      fc.record({
        type: fc.constant("withdraw"),
        proposal: fc.constantFrom(...proposals),
        actor: fc.constantFrom(...people),
      }),
      fc.record({
        type: fc.constant("merge"),
        proposals: fc.constant(["p1", "p2"]),
        into: fc.constant("p3"),
        actor: fc.constant("city"),
      }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), fc.boolean(), (commands, flip) => {
        // Either proposals or participants get the names __proto__ and constructor.
        const renaming = new Map(
          (flip ? [...people, ...proposals] : [...proposals, ...people]).map((id, k) => [
            id,
            PROTOTYPE_NAMES[(k + 4) % PROTOTYPE_NAMES.length] as string,
          ]),
        );
        const run = (list: readonly unknown[]) => {
          let state = emptyConsultation;
          const accepted: boolean[] = [];
          const log = [];
          for (const entry of list) {
            const step = transition(state, entry, proposalsContext);
            accepted.push(step.ok);
            if (step.ok) {
              state = step.value.state;
              log.push(...step.value.events);
            }
          }
          return { state, accepted, log };
        };
        const safe = run(commands);
        const named = run(rename(commands, renaming));
        expect(named.accepted).toEqual(safe.accepted);
        expectSameUnder(renaming, safe.log, named.log);
        expectSameUnder(renaming, safe.state, named.state);
        expectSameUnder(renaming, replay(safe.log), replay(named.log));
        expectSameUnder(renaming, participationFigures(safe.log), participationFigures(named.log));
      }),
      { numRuns: 80 },
    );
  });

  it("calendar: phases and components named after prototype members", () => {
    for (const name of PROTOTYPE_NAMES) {
      const process = validateProcess({
        id: name,
        title: "Process",
        timeZone: "Europe/Paris",
        phases: [
          {
            id: name,
            title: "Phase",
            start: "2026-03-01",
            end: "2026-03-31",
            permits: ["proposals.support"],
            settings: { [name]: { answersWithCosts: true } },
          },
        ],
      });
      if (!process.ok) throw new Error(`${name}: ${process.issues[0]?.message}`);
      expect(Object.keys(process.value.definition.phases[0]?.settings ?? {})).toEqual([name]);
      const at = Date.parse("2026-03-10T10:00:00Z");
      expect(isAllowed(process.value, "proposals.support", at)).toMatchObject({
        allowed: true,
        phase: name,
      });
      expect(isAllowed(process.value, name, at).allowed).toBe(false);
      const verified = isAllowed(
        process.value,
        "proposals.support",
        at,
        { id: name },
        {
          "proposals.support": { verified: true },
        },
      );
      expect(verified.allowed).toBe(false);
    }
  });

  it("consultations: questions, options, rows, respondents, attributes and proposals", () => {
    const questionnaire = {
      id: "q0",
      title: "Q",
      allowEditing: true,
      questions: [
        {
          id: "q1",
          type: "single_option",
          body: "q1?",
          options: [
            { id: "o1", body: "o1" },
            { id: "o2", body: "o2", freeText: true },
          ],
        },
        {
          id: "q2",
          type: "matrix_multiple",
          body: "q2?",
          rows: [
            { id: "r1", body: "r1" },
            { id: "r2", body: "r2" },
          ],
          options: [
            { id: "o1", body: "o1" },
            { id: "o2", body: "o2" },
          ],
        },
        {
          id: "q3",
          type: "sorting",
          body: "q3?",
          options: [
            { id: "o1", body: "o1" },
            { id: "o2", body: "o2" },
          ],
        },
        {
          id: "q4",
          type: "short_answer",
          body: "q4?",
          displayConditions: [{ question: "q1", type: "equal", option: "o1", mandatory: true }],
        },
      ],
    };
    // Sorted, "o1" becomes __proto__ and "o2" constructor: option ids are keys of counts.
    const ids = ["a1", "b1", "b2", "b3", "o1", "o2", "q1", "q2", "q3", "q4", "r1", "r2"];
    const renaming = renamingOf(ids);
    const answer = fc.oneof(
      fc.record({
        question: fc.constantFrom("q1", "q3"),
        choices: fc.array(fc.record({ option: fc.constantFrom("o1", "o2", "b3") }), {
          maxLength: 3,
        }),
      }),
      fc.record({
        question: fc.constant("q2"),
        matrix: fc.array(
          fc.record({
            row: fc.constantFrom("r1", "r2"),
            options: fc.array(fc.constantFrom("o1", "o2"), { maxLength: 2 }),
          }),
          { maxLength: 2 },
        ),
      }),
      fc.record({ question: fc.constantFrom("q4", "b3"), text: fc.constantFrom("text", "") }),
    );
    const entry = fc.record({
      who: fc.constantFrom(...ids),
      group: fc.constantFrom("b1", "b2"),
      answers: fc.array(answer, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const run = (rename_: <T>(x: T) => T) => {
          const parsed = parseQuestionnaire(rename_(questionnaire));
          if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
          const q = parsed.value;
          let ledger = emptyLedger();
          const decisions = entries.map((e) => {
            const response = { answers: rename_(e.answers) };
            const command = {
              type: "respond",
              respondent: { id: rename_(e.who) },
              response,
              attributes: { [rename_("a1")]: rename_(e.group) },
              at: 0,
            };
            const decided = decideResponse(ledger, command, { questionnaire: q });
            if (decided.ok)
              for (const event of decided.value) ledger = applyResponseEvent(ledger, event);
            return { checked: checkResponse(q, response), decided };
          });
          const results = questionnaireResults(q, countedResponses(ledger), {
            breakdownBy: [rename_("a1")],
            threshold: 1,
          });
          const proposals = entries.map((e, k) => ({
            id: `${rename_(e.who)}`,
            title: `t${k}`,
            body: "b",
            category: rename_(e.group),
            author: rename_(e.who),
            supporters: [rename_(e.group)],
            comments: [],
          }));
          const unique = proposals.filter(
            (p, k) => proposals.findIndex((o) => o.id === p.id) === k,
          );
          const synthesis = consultationSynthesis({ title: "s", proposals: unique });
          return { decisions, results, synthesis, html: synthesisHtml(synthesis) };
        };
        const safe = run((x) => x);
        const hostile = run((x) => rename(x, renaming));
        expectSameUnder(renaming, safe, hostile);
      }),
      { numRuns: 60 },
    );
  });
});
