import { describe, expect, it } from "vitest";
import { isSpace } from "../../src/io/isSpace.js";

describe("isSpace", () => {
  it("holds for exactly the UTF-16 code units String.prototype.trim removes", () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isSpace(code) !== (String.fromCharCode(code).trim() === "")) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
});
