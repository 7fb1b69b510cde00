import { describe, expect, it } from "vitest";
import { z } from "zod";
import { schemaIssues } from "../../src/core/index.js";

describe("schemaIssues", () => {
  it("gives one issue per problem, with its path, the code and a message starting with the path", () => {
    const schema = z.object({ phases: z.array(z.object({ end: z.string() })) });
    const parsed = schema.safeParse({ phases: [{ end: 3 }] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(schemaIssues(parsed.error, "invalid-process", "process")).toEqual([
      {
        code: "invalid-process",
        path: ["phases", 0, "end"],
        message: "phases.0.end: Invalid input: expected string, received number",
        params: {},
      },
    ]);
    const root = z.string().safeParse(3);
    expect(!root.success && schemaIssues(root.error, "x", "process")[0]?.message).toBe(
      "process: Invalid input: expected string, received number",
    );
  });
});
