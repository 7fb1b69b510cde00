import { describe, expect, it } from "vitest";
import { countedSupports } from "../../src/proposals/index.js";
import { context, play, publishedTwo } from "./fixture.js";

describe("countedSupports", () => {
  const rules = { voteLimit: 3, minimumSupports: 2 };
  const own = { context: { ...context, rules } };

  it("supports stay provisional below the minimum, count once it is reached, and become provisional again", () => {
    const one = play(
      [...publishedTwo, { type: "support", proposal: "p1", participant: "bo" }],
      own,
    );
    expect(countedSupports(one.state, rules)).toEqual({ p1: 0, p2: 0, p3: 0 });
    const two = play([{ type: "support", proposal: "p2", participant: "bo" }], {
      ...own,
      from: one.state,
    });
    expect(countedSupports(two.state, rules)).toEqual({ p1: 1, p2: 1, p3: 0 });
    const back = play([{ type: "unsupport", proposal: "p2", participant: "bo" }], {
      ...own,
      from: two.state,
    });
    expect(countedSupports(back.state, rules)).toEqual({ p1: 0, p2: 0, p3: 0 });
  });

  it("a threshold caps the count unless supports accumulate beyond it", () => {
    const { state } = play(
      [
        ...publishedTwo,
        ...["bo", "cy", "dé"].map((who) => ({ type: "support", proposal: "p1", participant: who })),
      ],
      own,
    );
    expect(
      countedSupports(state, { threshold: 2, accumulateBeyondThreshold: false }),
    ).toMatchObject({ p1: 2 });
    expect(countedSupports(state, { threshold: 2 })).toMatchObject({ p1: 3 });
  });
});
