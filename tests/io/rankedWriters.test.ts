import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBlt, parsePreflib, writeBlt, writePreflib } from "../../src/io/index.js";
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
