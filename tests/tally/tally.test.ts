import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePreflib } from "../../src/io/index.js";
import {
  approvalProfileSchema,
  borda,
  bordaElimination,
  bucklin,
  condorcetWinner,
  coombs,
  copeland,
  instantRunoff,
  meekStv,
  minimax,
  pairwiseMatrix,
  plurality,
  prfMeekStv,
  prfWigmStv,
  type RankedProfile,
  rankedPairs,
  rankedProfileSchema,
  schulze,
  schwartzSet,
  scoreProfileSchema,
  scottishStv,
  smithSet,
  splitCycle,
  stableVoting,
  twoRoundRunoff,
  wigmStv,
} from "../../src/tally/index.js";

const nanson = (profile: RankedProfile) => bordaElimination(profile, { nanson: true });
const rules = {
  plurality,
  instantRunoff,
  borda,
  condorcetWinner,
  copeland,
  minimax,
  schulze,
  rankedPairs,
  splitCycle,
  stableVoting,
  bordaElimination,
  nanson,
  coombs,
  bucklin,
  twoRoundRunoff,
};

const arbitraryProfile: fc.Arbitrary<RankedProfile> = fc
  .record({
    size: fc.integer({ min: 2, max: 5 }),
    ballots: fc.array(
      fc.record({
        order: fc.array(fc.nat({ max: 4 }), { maxLength: 5 }),
        weight: fc.integer({ min: 1, max: 4 }),
      }),
      { minLength: 1, maxLength: 9 },
    ),
  })
  .map(({ size, ballots }) => {
    const candidates = Array.from({ length: size }, (_, k) => `c${k}`);
    return {
      candidates,
      names: {},
      ballots: ballots.map(({ order, weight }) => ({
        ranking: [...new Set(order.map((k) => `c${k % size}`))].map((candidate) => [candidate]),
        weight,
      })),
    };
  });

describe("tally rules", () => {
  it("give the same winners when a ballot of weight w is split into w ballots, and in any ballot order", () => {
    fc.assert(
      fc.property(arbitraryProfile, fc.array(fc.nat()), (profile, keys) => {
        const expanded: RankedProfile = {
          ...profile,
          ballots: profile.ballots.flatMap((ballot) =>
            Array.from({ length: ballot.weight }, () => ({ ranking: ballot.ranking, weight: 1 })),
          ),
        };
        const shuffled: RankedProfile = {
          ...profile,
          ballots: profile.ballots
            .map((ballot, k) => ({ ballot, key: keys[k % Math.max(keys.length, 1)] ?? 0, k }))
            .sort((a, b) => a.key - b.key || a.k - b.k)
            .map(({ ballot }) => ballot),
        };
        for (const rule of Object.values(rules)) {
          const base = rule(profile);
          expect(rule(expanded)).toEqual(base);
          const reordered = rule(shuffled);
          expect(reordered.ok && [...reordered.value.winners].sort()).toEqual(
            base.ok && [...base.value.winners].sort(),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("elect the Condorcet winner whenever there is one (the Condorcet methods)", () => {
    fc.assert(
      fc.property(arbitraryProfile, (profile) => {
        const winner = condorcetWinner(profile);
        if (!winner.ok || winner.value.winners.length === 0) return;
        for (const rule of [
          copeland,
          minimax,
          schulze,
          rankedPairs,
          splitCycle,
          stableVoting,
          bordaElimination,
          nanson,
        ]) {
          const result = rule(profile);
          expect(result.ok && result.value.winners).toEqual(winner.value.winners);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keep the Smith inclusions: Schwartz, Schulze, Ranked Pairs, Split Cycle, Stable Voting and Copeland winners are in the Smith set, and Stable Voting's in Split Cycle's", () => {
    fc.assert(
      fc.property(arbitraryProfile, (profile) => {
        const smith = smithSet(profile);
        if (!smith.ok) throw new Error("smith failed");
        const inSmith = new Set(smith.value.winners);
        expect(smith.value.winners.length).toBeGreaterThan(0);
        for (const rule of [
          schwartzSet,
          schulze,
          rankedPairs,
          splitCycle,
          stableVoting,
          copeland,
        ]) {
          const result = rule(profile);
          if (!result.ok) throw new Error("rule failed");
          for (const winner of result.value.winners) expect(inSmith.has(winner)).toBe(true);
        }
        // Stable Voting winners are Split Cycle winners (Holliday and Pacuit 2023).
        const stable = stableVoting(profile);
        const split = splitCycle(profile);
        if (!stable.ok || !split.ok) throw new Error("rule failed");
        expect(split.value.winners).toEqual(expect.arrayContaining([...stable.value.winners]));
        expect(stable.value.winners.length).toBeGreaterThan(0);
        const condorcet = condorcetWinner(profile);
        if (condorcet.ok && condorcet.value.winners.length === 1)
          expect(smith.value.winners).toEqual(condorcet.value.winners);
      }),
      { numRuns: 500 },
    );
  });

  it("are neutral: renaming the candidates renames the winners", () => {
    fc.assert(
      fc.property(arbitraryProfile, fc.array(fc.nat()), (profile, keys) => {
        const order = profile.candidates
          .map((candidate, k) => ({ candidate, key: keys[k % Math.max(keys.length, 1)] ?? 0, k }))
          .sort((a, b) => a.key - b.key || a.k - b.k);
        const rename = new Map(order.map(({ candidate }, k) => [candidate, `d${k}`]));
        const to = (candidate: string) => rename.get(candidate) as string;
        const renamed: RankedProfile = {
          ...profile,
          candidates: profile.candidates.map(to),
          ballots: profile.ballots.map((ballot) => ({
            ...ballot,
            ranking: ballot.ranking.map((tier) => tier.map(to)),
          })),
        };
        for (const rule of [...Object.values(rules), smithSet, schwartzSet]) {
          const before = rule(profile);
          const after = rule(renamed);
          expect(after.ok && [...after.value.winners].sort()).toEqual(
            before.ok && before.value.winners.map(to).sort(),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fill exactly the seats by STV whenever there are enough candidates", () => {
    fc.assert(
      fc.property(arbitraryProfile, fc.integer({ min: 1, max: 3 }), (profile, seats) => {
        if (profile.candidates.length < seats) return;
        for (const rule of [
          scottishStv,
          wigmStv,
          (p: RankedProfile, o: { seats: number }) => meekStv(p, { ...o, omegaDigits: 6 }),
          (p: RankedProfile, o: { seats: number }) =>
            meekStv(p, { ...o, arithmetic: { kind: "guarded", precision: 18 } }),
          (p: RankedProfile, o: { seats: number }) =>
            meekStv(p, { ...o, transfer: "warren", arithmetic: { kind: "fixed", precision: 9 } }),
          (p: RankedProfile, o: { seats: number }) =>
            wigmStv(p, {
              ...o,
              arithmetic: { kind: "fixed", precision: 4 },
              defeatSureLosers: true,
            }),
          prfMeekStv,
          prfWigmStv,
        ]) {
          const outcome = rule(profile, { seats });
          // Exact Meek may stop at its documented precision limit; every other count must finish.
          if (!outcome.ok && outcome.issues[0]?.code === "meek-precision-limit") continue;
          if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
          expect(new Set(outcome.value.winners).size).toBe(seats);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("elect by Stable Voting the first candidate who beats another and still wins without them", () => {
    // a beats b by 6, b beats c by 4, c beats a by 2: a loses to c once b is gone, b loses
    // to a once c is gone, c loses to b once a is gone; at margin -2, a vs c: without c, a wins.
    const profile: RankedProfile = {
      candidates: ["a", "b", "c"],
      names: {},
      ballots: [
        { ranking: [["a"], ["b"], ["c"]], weight: 5 },
        { ranking: [["b"], ["c"], ["a"]], weight: 3 },
        { ranking: [["c"], ["a"], ["b"]], weight: 4 },
      ],
    };
    const matrix = pairwiseMatrix(profile);
    expect([matrix.margin("a", "b"), matrix.margin("b", "c"), matrix.margin("c", "a")]).toEqual([
      6, 4, 2,
    ]);
    const outcome = stableVoting(profile);
    expect(outcome.ok && outcome.value.winners).toEqual(["a"]);
  });

  it("count equal ranks in Meek STV as droop does, or as every order of them equally (equalize)", () => {
    const profile = {
      candidates: ["a", "b", "c", "d"],
      names: {},
      ballots: [
        { ranking: [["a", "b"], ["c"]], weight: 6 },
        { ranking: [["a"], ["d"]], weight: 5 },
        { ranking: [["c"]], weight: 3 },
        { ranking: [["d"]], weight: 4 },
      ],
    };
    // Equalized counting in exact fractions is the average over the orders of a and b.
    const expanded = {
      ...profile,
      ballots: [
        { ranking: [["a"], ["b"], ["c"]], weight: 3 },
        { ranking: [["b"], ["a"], ["c"]], weight: 3 },
        ...profile.ballots.slice(1),
      ],
    };
    const exact = { kind: "rational" } as const;
    const equalized = meekStv(profile, { seats: 2, equalRanks: "equalize", arithmetic: exact });
    const orders = meekStv(expanded, { seats: 2, arithmetic: exact });
    if (!equalized.ok || !orders.ok) throw new Error("count failed");
    expect(equalized.value.rounds.map((round) => round.exactTallies)).toEqual(
      orders.value.rounds.map((round) => round.exactTallies),
    );
    // droop shares the weight between a and b; what a elected a does not keep goes to c.
    const droop = meekStv(profile, { seats: 2, arithmetic: exact });
    if (!droop.ok) throw new Error("count failed");
    expect(droop.value.rounds[0]?.exactTallies).toEqual({ a: "8", b: "3", c: "3", d: "4" });
  });

  it("fill exactly the seats by Meek STV: always by default, exactly or at a documented limit", () => {
    let finished = 0;
    fc.assert(
      fc.property(arbitraryProfile, fc.integer({ min: 1, max: 3 }), (profile, seats) => {
        if (profile.candidates.length < seats) return;
        const guarded = meekStv(profile, { seats });
        if (!guarded.ok) throw new Error(guarded.issues[0]?.message);
        expect(new Set(guarded.value.winners).size).toBe(seats);
        const outcome = meekStv(profile, {
          seats,
          omegaDigits: 6,
          arithmetic: { kind: "rational" },
        });
        if (!outcome.ok) {
          expect(["meek-precision-limit", "stv-work-limit"]).toContain(outcome.issues[0]?.code);
          return;
        }
        finished++;
        expect(new Set(outcome.value.winners).size).toBe(seats);
      }),
      { numRuns: 100 },
    );
    expect(finished).toBeGreaterThan(50);
  });

  it("explain instant runoff round by round", () => {
    const profile: RankedProfile = {
      candidates: ["a", "b", "c"],
      names: {},
      ballots: [
        { ranking: [["a"], ["b"]], weight: 4 },
        { ranking: [["b"], ["a"]], weight: 3 },
        { ranking: [["c"], ["b"]], weight: 2 },
      ],
    };
    const outcome = instantRunoff(profile);
    expect(outcome.ok && outcome.value.rounds).toEqual([
      {
        tallies: { a: 4, b: 3, c: 2 },
        exhausted: 0,
        eliminated: ["c"],
        note: "c has the fewest votes (2)",
      },
      {
        tallies: { a: 4, b: 5 },
        exhausted: 0,
        elected: ["b"],
        note: "b has a majority of the 9 ballots still in the count",
      },
    ]);
  });
});

describe("rankedProfileSchema", () => {
  it("locates unknown and repeated candidates", () => {
    const result = rankedProfileSchema.safeParse({
      candidates: ["a", "b"],
      names: {},
      ballots: [{ ranking: [["a"], ["z", "a"]], weight: 1 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ["ballots", 0, "ranking", 1, 0],
      ["ballots", 0, "ranking", 1, 1],
    ]);
  });
});

describe("approval and score profile schemas", () => {
  it("locate unknown, repeated and out-of-range entries", () => {
    const approval = approvalProfileSchema.safeParse({
      candidates: ["a", "b"],
      names: {},
      ballots: [{ approved: ["a", "a", "z"], weight: 1 }],
    });
    expect(approval.error?.issues.map((issue) => issue.path)).toEqual([
      ["ballots", 0, "approved", 1],
      ["ballots", 0, "approved", 2],
    ]);
    const score = scoreProfileSchema.safeParse({
      candidates: ["a"],
      names: {},
      maxScore: 5,
      ballots: [{ scores: { a: 7, q: 1 }, weight: 1 }],
    });
    expect(score.error?.issues.map((issue) => issue.message)).toEqual([
      "score 7 is above the maximum 5",
      'unknown candidate "q"',
    ]);
  });
});

describe("parsePreflib on broken files", () => {
  const header = "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 3\n";
  const cases: [string, string, string, number][] = [
    ["no alternatives count", "# DATA TYPE: soi\n1: 1,2\n", "missing-alternatives", 1],
    ["a line without a count", `${header}1,2,3\n`, "missing-count", 4],
    ["a zero count", `${header}0: 1,2\n`, "invalid-count", 4],
    ["an unknown candidate", `${header}3: 1,7\n`, "unknown-candidate", 4],
    ["a repeated candidate", `${header}3: 1,2,1\n`, "repeated-candidate", 4],
    [
      "an unclosed tie",
      "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 3\n3: 1,{2,3\n",
      "unterminated-tie",
      3,
    ],
    ["a tie in a strict order", `${header}3: 1,{2,3}\n`, "tie-in-strict-order", 4],
    [
      "an incomplete SOC order",
      "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n3: 1,2\n",
      "incomplete-order",
      3,
    ],
    ["counts that disagree with the header", `${header}2: 1,2\n`, "voters-mismatch", 1],
  ];
  for (const [name, text, code, line] of cases) {
    it(`${name}: ${code} on line ${line}`, () => {
      const parsed = parsePreflib(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.issues[0]?.code).toBe(code);
      expect(parsed.issues[0]?.message).toMatch(new RegExp(`^line ${line}, column \\d+: `));
    });
  }
});
