import { describe, expect, it, vi } from "vitest";
import { methodOfEqualShares } from "../../../../src/budgeting/index.js";
import { equalSharesStableUntil } from "../../../../src/budgeting/rules/equalShares/equalSharesStability.js";
import { parsePabulib } from "../../../../src/io/index.js";
import { readFixture } from "../../../helpers/data.js";

// add1 analyses how long an outcome stays put (equalSharesStableUntil, costing about as much
// as 16 runs per purchase) only after 16 reruns per purchase of a whole run in a row gave
// the same outcome. Reruns stop as soon as their cost is settled, often after a few
// purchases: the wait must still count the purchases of a whole run (Toulouse 2022 once
// took a minute in a scratch timing, analysing again and again, instead of 0.3 s).
vi.mock(
  "../../../../src/budgeting/rules/equalShares/equalSharesStability.js",
  async (importOriginal) => {
    const original =
      await importOriginal<
        typeof import("../../../../src/budgeting/rules/equalShares/equalSharesStability.js")
      >();
    return { ...original, equalSharesStableUntil: vi.fn(original.equalSharesStableUntil) };
  },
);

describe("add1 waits for whole runs' worth of equal outcomes before analysing", () => {
  it("does not analyse Toulouse 2022 within its 1,618 steps (whole runs buy over 100 projects)", () => {
    const parsed = parsePabulib(readFixture("France_Toulouse_2022.pb"));
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const analysed = vi.mocked(equalSharesStableUntil);
    analysed.mockClear();
    const outcome = methodOfEqualShares(parsed.value.instance, parsed.value.profile, {
      completion: "add1",
    });
    if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
    expect(outcome.value.notes.join(" ")).toContain("budget step 1618, 1618 runs");
    expect(outcome.value.selected.length).toBeGreaterThan(100);
    // 16 × (purchases + 1) equal runs in a row is more than 1,618.
    expect(analysed).not.toHaveBeenCalled();
  });
});
