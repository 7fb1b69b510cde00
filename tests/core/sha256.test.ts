import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hmacSha256, sha256 } from "../../src/core/index.js";

describe("sha256", () => {
  it("gives FIPS 180-4's digests, and Node's for any text", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 500, seed: 10 },
    );
  });

  it("gives RFC 4231's HMAC-SHA-256, and Node's for any key and text", () => {
    expect(hmacSha256("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), fc.string({ maxLength: 200 }), (key, text) => {
        expect(hmacSha256(key, text)).toBe(
          createHmac("sha256", key).update(text, "utf8").digest("hex"),
        );
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
