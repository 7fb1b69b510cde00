import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/io/jsonErrorOffset.js";

describe("jsonErrorOffset", () => {
  it("points at the first character that cannot continue the JSON", () => {
    expect(jsonErrorOffset('{"a": ]')).toBe(6);
    expect(jsonErrorOffset("[1,2,,3]")).toBe(5);
    expect(jsonErrorOffset('{"x": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a":')).toBe(5);
    expect(jsonErrorOffset('"\\q"')).toBe(2);
    expect(jsonErrorOffset("{} x")).toBe(3);
  });

  it("finds a place inside the text for any text JSON.parse refuses", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 2 }), (json, cut, junk) => {
        const text = json.slice(0, cut % (json.length + 1)) + junk;
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (valid) return;
        const offset = jsonErrorOffset(text);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
