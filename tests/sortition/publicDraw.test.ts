import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawCommitment, publicDraw, verifyPublicDraw } from "../../src/sortition/index.js";

const inputs = {
  candidates: ["ana", "ben", "chloé", "dara", "émile", "fatou", "gus"],
  count: 3,
  secret: "4f1c9a7e2b8d6053a1c4",
  publicRandom: "lottery of 2026-12-05: 4 8 15 16 23 42",
};

describe("publicDraw", () => {
  it("draws the same ids from the same inputs, whatever the order the candidates come in", () => {
    const draw = publicDraw(inputs);
    if (!draw.ok) throw new Error(draw.issues[0]?.message);
    expect(draw.value.drawn).toHaveLength(3);
    expect(draw.value.commitment).toBe(drawCommitment(inputs.secret));
    const reversed = publicDraw({ ...inputs, candidates: [...inputs.candidates].reverse() });
    expect(reversed.ok && reversed.value).toEqual(draw.value);
    // Another public value or secret gives another seed.
    const other = publicDraw({ ...inputs, publicRandom: "lottery of 2026-12-05: 4 8 15 16 23 43" });
    expect(other.ok && other.value.seed).not.toBe(draw.value.seed);
  });

  it("verifies a published draw, and names what differs in a doctored one", () => {
    const draw = publicDraw(inputs);
    if (!draw.ok) throw new Error("no draw");
    const published = { ...inputs, commitment: draw.value.commitment, drawn: draw.value.drawn };
    expect(verifyPublicDraw(published).ok).toBe(true);
    const wrongSecret = verifyPublicDraw({ ...published, secret: "4f1c9a7e2b8d6053a1c5" });
    expect(!wrongSecret.ok && wrongSecret.issues.map((i) => i.code)).toContain(
      "commitment-mismatch",
    );
    const swapped = [draw.value.drawn[1], draw.value.drawn[0], draw.value.drawn[2]] as string[];
    expect(verifyPublicDraw({ ...published, drawn: swapped })).toMatchObject({
      ok: false,
      issues: [{ code: "drawn-mismatch", path: ["drawn", 0] }],
    });
    expect(verifyPublicDraw({ ...published, drawn: swapped.slice(0, 2) })).toMatchObject({
      ok: false,
      issues: [{ code: "drawn-count-mismatch" }],
    });
  });

  it("refuses a short secret, which its commitment would give away, and repeated ids", () => {
    expect(publicDraw({ ...inputs, secret: "1234" })).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-draw", path: ["secret"] }],
    });
    expect(publicDraw({ ...inputs, candidates: ["a", "b", "a"] })).toMatchObject({
      ok: false,
      issues: [{ code: "repeated-candidate", path: ["candidates", 2] }],
    });
  });

  it("draws each candidate first equally often across public values (chi-square, 6 candidates, 6,000 draws, p > 0.001)", () => {
    const candidates = ["a", "b", "c", "d", "e", "f"];
    const firsts = new Map(candidates.map((c) => [c, 0]));
    for (let k = 0; k < 6_000; k++) {
      const draw = publicDraw({
        candidates,
        count: 1,
        secret: "0123456789abcdef",
        publicRandom: `round ${k}`,
      });
      if (!draw.ok) throw new Error("no draw");
      const first = draw.value.drawn[0] as string;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    const chiSquare = [...firsts.values()].reduce((sum, n) => sum + (n - 1_000) ** 2 / 1_000, 0);
    // 5 degrees of freedom: P(χ² > 20.52) = 0.001.
    expect(chiSquare).toBeLessThan(20.52);
  });

  it("draws count distinct candidates, or all of them", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        fc.nat({ max: 15 }),
        fc.string(),
        (candidates, count, publicRandom) => {
          const draw = publicDraw({
            candidates,
            count,
            secret: "0123456789abcdef",
            publicRandom: `r${publicRandom}`,
          });
          if (!draw.ok) throw new Error(draw.issues[0]?.message);
          expect(draw.value.drawn).toHaveLength(Math.min(count, candidates.length));
          expect(new Set(draw.value.drawn).size).toBe(draw.value.drawn.length);
          for (const id of draw.value.drawn) expect(candidates).toContain(id);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});
