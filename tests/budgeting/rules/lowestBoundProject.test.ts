import { describe, expect, it } from "vitest";
import { lowestBoundProject } from "../../../src/budgeting/rules/lowestBoundProject.js";

describe("lowestBoundProject", () => {
  it("picks the live, unevaluated project with the lowest bound, the first on a tie", () => {
    const alive = Uint8Array.of(1, 0, 1, 1, 1);
    const fresh = Uint8Array.of(0, 0, 1, 0, 0);
    // Project 1 is out of play and project 2 already evaluated, whatever their bounds.
    expect(lowestBoundProject(alive, fresh, Float64Array.of(3, 0, 0, 2, 2))).toBe(3);
  });

  it("returns -1 when every project is out of play or evaluated", () => {
    expect(
      lowestBoundProject(Uint8Array.of(0, 1), Uint8Array.of(0, 1), Float64Array.of(1, 1)),
    ).toBe(-1);
  });
});
