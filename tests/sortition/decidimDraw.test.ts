import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decidimCandidates,
  decidimDraw,
  MersenneTwister,
  rubySample,
} from "../../src/sortition/index.js";
import { fixturesDir } from "../helpers/data.js";

/** Draws computed by Ruby 3.1 (Debian's ruby) with scripts/decidim-draw-fixtures.rb. */
const fixtures = JSON.parse(
  readFileSync(join(fixturesDir, "sortition", "decidim-draws.json"), "utf8"),
) as {
  ruby: string;
  candidateLists: Record<string, number[]>;
  draws: {
    timestamp: number;
    dice: number;
    seed: string;
    candidates: string;
    count: number;
    drawn: number[];
  }[];
  words: { seed: string; uint32: number[] }[];
};

describe("Ruby's Random, word for word", () => {
  it("gives Ruby 3's first words for seeds below and above 2^32 and 2^64 (init_genrand, init_by_array, the leading-zero guard)", () => {
    expect(fixtures.ruby).toMatch(/^ruby 3\./);
    for (const { seed, uint32 } of fixtures.words) {
      const random = MersenneTwister.fromRubySeed(BigInt(seed));
      expect(
        uint32.map(() => random.nextUint32()),
        seed,
      ).toEqual(uint32);
    }
    // Ruby drops a top word of 1: Random.new(2**32 + 5) is Random.new(5).
    const guarded = MersenneTwister.fromRubySeed(2n ** 32n + 5n);
    const five = MersenneTwister.fromRubySeed(5n);
    expect(guarded.nextUint32()).toBe(five.nextUint32());
  });

  it("matches MT19937's reference outputs", () => {
    const byArray = new MersenneTwister();
    byArray.initByArray([0x123, 0x234, 0x345, 0x456]);
    expect([byArray.nextUint32(), byArray.nextUint32()]).toEqual([1067595299, 955945823]);
    const byWord = new MersenneTwister();
    byWord.initGenrand(5489);
    expect(byWord.nextUint32()).toBe(3499211612);
    expect(() => new MersenneTwister().nextUint32()).toThrow();
  });
});

describe("decidimDraw", () => {
  it(`reproduces ${fixtures.draws.length} Decidim draws computed by real Ruby: five timestamps, every die, lists of 1 to 3,000, counts from 0 to past the list`, () => {
    const seen = { small: 0, large: 0, seedsAbove32Bits: 0, pastTheList: 0 };
    for (const draw of fixtures.draws) {
      const candidates = fixtures.candidateLists[draw.candidates] as number[];
      const result = decidimDraw({
        candidates,
        count: draw.count,
        timestamp: draw.timestamp,
        dice: draw.dice,
      });
      if (!result.ok) throw new Error(result.issues[0]?.message);
      expect(result.value.seed).toBe(draw.seed);
      expect(result.value.drawn, `${draw.candidates} ${draw.count} ${draw.seed}`).toEqual(
        draw.drawn,
      );
      if (draw.count <= 10) seen.small++;
      else seen.large++;
      if (BigInt(draw.seed) >= 2n ** 32n) seen.seedsAbove32Bits++;
      if (draw.count > candidates.length) seen.pastTheList++;
    }
    expect(Math.min(...Object.values(seen))).toBeGreaterThan(50);
  });

  it("sorts unsorted ids with a warning, as Decidim lists them; refuses repeated ids and a die outside 1 to 6", () => {
    const sorted = decidimDraw({
      candidates: [3, 8, 15, 16],
      count: 2,
      timestamp: 1733577600,
      dice: 4,
    });
    const unsorted = decidimDraw({
      candidates: [16, 3, 15, 8],
      count: 2,
      timestamp: 1733577600,
      dice: 4,
    });
    expect(unsorted.ok && unsorted.value).toEqual(sorted.ok && sorted.value);
    expect(unsorted.ok && unsorted.warnings.map((w) => w.code)).toEqual(["candidates-sorted"]);
    expect(decidimDraw({ candidates: [3, 8, 3], count: 1, timestamp: 1, dice: 1 })).toMatchObject({
      ok: false,
      issues: [
        {
          code: "repeated-candidate",
          path: ["candidates", 2],
          message: "candidate 3 is listed twice",
        },
      ],
    });
    const die = decidimDraw({ candidates: [3], count: 1, timestamp: 1, dice: 7 });
    expect(!die.ok && die.issues[0]).toMatchObject({ code: "invalid-draw", path: ["dice"] });
  });

  it("selects the candidates as Decidim does: published, not withdrawn, rejected or hidden, created before the draw, of the category", () => {
    const proposal = (id: number, changes: object = {}) => ({
      id,
      published: true,
      withdrawn: false,
      rejected: false,
      hidden: false,
      createdAt: "2026-03-01T10:00:00Z",
      category: "parks",
      ...changes,
    });
    const proposals = [
      proposal(30),
      proposal(4),
      proposal(5, { published: false }),
      proposal(6, { withdrawn: true }),
      proposal(7, { rejected: true }),
      proposal(8, { hidden: true }),
      proposal(9, { createdAt: "2026-12-07T10:00:00Z" }),
      proposal(10, { category: "streets" }),
    ];
    expect(decidimCandidates(proposals, { drawAt: "2026-12-07T10:00:00Z" })).toEqual([4, 10, 30]);
    expect(
      decidimCandidates(proposals, { drawAt: "2026-12-07T10:00:01Z", category: "parks" }),
    ).toEqual([4, 9, 30]);
  });

  it("samples as Ruby for any list the library is given", () => {
    const letters = ["a", "b", "c", "d", "e"];
    expect(rubySample(letters, 0, MersenneTwister.fromRubySeed(1n))).toEqual([]);
    expect(rubySample(letters, 9, MersenneTwister.fromRubySeed(1n)).sort()).toEqual(letters);
  });
});
