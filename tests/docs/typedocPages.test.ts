import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/data.js";

describe("the API site", () => {
  it("has every page of docs/ (typedoc's projectDocuments)", () => {
    const config = JSON.parse(readFileSync(join(repoRoot, "typedoc.json"), "utf8")) as {
      projectDocuments: string[];
    };
    const pages = readdirSync(join(repoRoot, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`);
    expect([...config.projectDocuments].sort()).toEqual(pages.sort());
  });
});
