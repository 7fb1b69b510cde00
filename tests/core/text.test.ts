import { describe, expect, it } from "vitest";
import { csvField, escapeXml } from "../../src/core/index.js";

describe("csvField", () => {
  it("quotes a field holding the separator, a quote or a line break, and nothing else", () => {
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b", ";")).toBe("a, b");
    expect(csvField("a; b", ";")).toBe('"a; b"');
    expect(csvField("two\nlines", ";")).toBe('"two\nlines"');
  });
});

describe("escapeXml", () => {
  it("escapes the five special characters and drops forbidden control characters", () => {
    expect(escapeXml(`<a href="x">'O' & co</a>\u0000\u0007`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;O&apos; &amp; co&lt;/a&gt;",
    );
    expect(escapeXml("tab\tand\nline")).toBe("tab\tand\nline");
  });
});
