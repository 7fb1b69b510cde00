import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseAbcvoting,
  parseBlt,
  parsePreflib,
  parseRankedCsv,
  readElection,
  writeAbcvoting,
  writeBlt,
  writePreflib,
  writePreflibCategories,
  writeRankedCsv,
} from "../../src/io/index.js";
import type { RankedProfile } from "../../src/tally/index.js";
import { fixturesDir } from "../helpers/data.js";

/** Random profiles with ids "1".."n", ties, truncation, weights. */
const arbitraryProfile: fc.Arbitrary<RankedProfile> = fc
  .record({
    size: fc.integer({ min: 1, max: 6 }),
    ballots: fc.array(
      fc.record({
        order: fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 6 }),
        cuts: fc.array(fc.boolean(), { maxLength: 6 }),
        weight: fc.integer({ min: 1, max: 9 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    seats: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ size, ballots, seats }) => {
    const candidates = Array.from({ length: size }, (_, k) => String(k + 1));
    return {
      candidates,
      names: Object.fromEntries(
        candidates.map((candidate) => [candidate, `Candidate ${candidate}`]),
      ),
      seats,
      title: "Test",
      ballots: ballots.map(({ order, cuts, weight }) => {
        const ranked = [...new Set(order.map((k) => String((k % size) + 1)))];
        const ranking: string[][] = [];
        ranked.forEach((candidate, k) => {
          if (k > 0 && cuts[k] === true) (ranking[ranking.length - 1] as string[]).push(candidate);
          else ranking.push([candidate]);
        });
        return { ranking, weight };
      }),
    };
  });

describe("writeBlt", () => {
  it("reads back to the same profile", () => {
    fc.assert(
      fc.property(arbitraryProfile, (profile) => {
        const parsed = parseBlt(writeBlt(profile));
        expect(parsed.ok && parsed.value).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });

  it("writes Calton 2007 so that it reads back identically", () => {
    const text = readFileSync(join(fixturesDir, "stv", "Calton-2007.blt"), "utf8");
    const parsed = parseBlt(text);
    if (!parsed.ok) throw new Error("unreadable fixture");
    expect(parseBlt(writeBlt(parsed.value))).toEqual(parsed);
  });
});

describe("parseBlt with weights beyond 2^53", () => {
  it("keeps a huge whole weight exact, as several ballots of the same ranking", () => {
    const parsed = parseBlt('2 1\n9223372036854775807 1 2 0\n1 2 0\n0\n"A"\n"B"\n"t"\n');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const huge = parsed.value.ballots.filter((ballot) => ballot.ranking[0]?.[0] === "1");
    expect(huge.every((ballot) => Number.isSafeInteger(ballot.weight))).toBe(true);
    expect(huge.reduce((sum, ballot) => sum + BigInt(ballot.weight), 0n)).toBe(
      9223372036854775807n,
    );
  });
});

describe("writePreflib", () => {
  it("reads back to the same ballots, identical ones merged", () => {
    fc.assert(
      fc.property(arbitraryProfile, (profile) => {
        const parsed = parsePreflib(writePreflib(profile));
        if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
        const merged = (p: RankedProfile) => {
          const counts = new Map<string, number>();
          for (const ballot of p.ballots) {
            const key = JSON.stringify(ballot.ranking.map((tier) => [...tier].sort()));
            counts.set(key, (counts.get(key) ?? 0) + ballot.weight);
          }
          return [...counts.entries()].sort();
        };
        expect(merged(parsed.value)).toEqual(merged(profile));
        expect(parsed.value.names).toEqual(profile.names);
      }),
      { numRuns: 300 },
    );
  });
});

describe("writeRankedCsv", () => {
  it("reads back to the same ballots, one record per voter, choices by name", () => {
    fc.assert(
      fc.property(arbitraryProfile, (profile) => {
        const strict: RankedProfile = {
          ...profile,
          ballots: profile.ballots.map((ballot) => ({
            ...ballot,
            ranking: ballot.ranking.flatMap((tier) => tier.map((candidate) => [candidate])),
          })),
        };
        const written = writeRankedCsv(strict);
        if (!written.ok) throw new Error(written.issues[0]?.message);
        const parsed = parseRankedCsv(written.value);
        if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
        const expanded = strict.ballots.flatMap((ballot) =>
          Array.from({ length: ballot.weight }, () =>
            ballot.ranking.map((tier) => strict.names[tier[0] as string]),
          ),
        );
        expect(parsed.value.ballots.map((ballot) => ballot.ranking.map((tier) => tier[0]))).toEqual(
          expanded,
        );
        expect(parsed.value.ballots.every((ballot) => ballot.weight === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses equal ranks and fractional weights, naming the ballot", () => {
    const refused = writeRankedCsv({
      candidates: ["a", "b"],
      names: {},
      ballots: [
        { ranking: [["a", "b"]], weight: 1 },
        { ranking: [["a"]], weight: 0.5 },
      ],
    });
    expect(!refused.ok && refused.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["equal-ranks", ["ballots", 0]],
      ["invalid-weight", ["ballots", 1]],
    ]);
  });

  it("quotes names with commas and quotes", () => {
    const written = writeRankedCsv({
      candidates: ["x"],
      names: { x: 'Smith, "Jo"' },
      ballots: [{ ranking: [["x"]], weight: 1 }],
    });
    expect(written.ok && written.value).toBe('ballot_id,rank,choice\n1,1,"Smith, ""Jo"""\n');
    const parsed = parseRankedCsv(written.ok ? written.value : "");
    expect(parsed.ok && parsed.value.candidates).toEqual(['Smith, "Jo"']);
  });
});

describe("writeAbcvoting", () => {
  it("writes every abcvoting instance so that it reads back identically", () => {
    const dir = join(fixturesDir, "abcvoting");
    const files = readdirSync(dir).filter((file) => file.endsWith(".abc.yaml"));
    expect(files).toHaveLength(36);
    for (const file of files) {
      const parsed = parseAbcvoting(readFileSync(join(dir, file), "utf8"));
      if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
      expect(parseAbcvoting(writeAbcvoting(parsed.value)), file).toEqual(parsed);
    }
  });

  it("keeps voter weights", () => {
    const instance = {
      profile: {
        candidates: ["0", "1", "2"],
        names: { "0": "0", "1": "1", "2": "2" },
        ballots: [
          { approved: ["2", "0"], weight: 3 },
          { approved: [], weight: 1 },
        ],
        seats: 2,
      },
      expected: [],
    };
    const text = writeAbcvoting(instance);
    expect(text).toContain("voter_weights: [3, 1]");
    const parsed = parseAbcvoting(text);
    expect(parsed.ok && parsed.value.profile.ballots).toEqual([
      { approved: ["0", "2"], weight: 3 },
      { approved: [], weight: 1 },
    ]);
  });
});

describe("writePreflibCategories", () => {
  it("writes approval ballots that read back as the same voters' approval sets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.record({ mask: fc.nat({ max: 63 }), weight: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (size, drawn) => {
          const candidates = Array.from({ length: size }, (_, k) => String(k + 1));
          const ballots = drawn.map(({ mask, weight }) => ({
            approved: candidates.filter((_, k) => (mask >> k) & 1),
            weight,
          }));
          const text = writePreflibCategories({ candidates, names: {}, ballots });
          const read = readElection("drawn.cat", text);
          if (!read.ok || read.value.type !== "approval") throw new Error(text);
          const voters = (list: readonly { approved: readonly string[]; weight: number }[]) => {
            const counts = new Map<string, number>();
            for (const b of list) {
              const key = [...b.approved].sort().join(",");
              counts.set(key, (counts.get(key) ?? 0) + b.weight);
            }
            return Object.fromEntries([...counts].sort());
          };
          expect(voters(read.value.profile.ballots)).toEqual(voters(ballots));
          expect(read.value.profile.candidates).toEqual(candidates);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });

  it("refuses a weight that is not a count of voters (a programmer error)", () => {
    expect(() =>
      writePreflibCategories({
        candidates: ["a"],
        names: {},
        ballots: [{ approved: ["a"], weight: 1.5 }],
      }),
    ).toThrow(RangeError);
  });
});
