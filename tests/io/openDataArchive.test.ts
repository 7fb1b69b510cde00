import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Result as AccountabilityResult } from "../../src/accountability/index.js";
import { hmacSha256 } from "../../src/core/index.js";
import { splitDelimitedRecord } from "../../src/io/delimitedRecord.js";
import { parsePabulib } from "../../src/io/index.js";
import { openDataArchive } from "../../src/io/openData.js";
import type { ProposalEvent } from "../../src/proposals/index.js";
import { approvalElection } from "../helpers/elections.js";

const key = "a secret only the city holds";
const events = [
  {
    type: "created",
    proposal: "p1",
    author: "ana.martin",
    title: "Bancs, quai de la Maine",
    body: "Des bancs",
    at: 1,
  },
  { type: "published", proposal: "p1", at: Date.parse("2026-02-01T10:00:00Z") },
  {
    type: "created",
    proposal: "p2",
    author: "ben.roux",
    title: "Composteur",
    body: "Square J.",
    at: 2,
  },
  { type: "supported", proposal: "p1", participant: "chloe.dupont", at: 3 },
  { type: "supported", proposal: "p1", participant: "dara.khan", at: 4 },
  { type: "unsupported", proposal: "p1", participant: "dara.khan", at: 5 },
  {
    type: "commented",
    proposal: "p1",
    participant: "chloe.dupont",
    comment: "c1",
    alignment: "favour",
    at: Date.parse("2026-02-02T08:00:00Z"),
  },
] as unknown as ProposalEvent[];
const results: AccountabilityResult[] = [
  {
    id: "r1",
    title: { fr: "Bancs" },
    description: {},
    statusId: "s1",
    progress: 40,
    proposalIds: ["p1"],
    projectIds: ["i1"],
    timeline: [],
  },
];
const base = approvalElection(100n, { i1: 60n, i2: 50n }, [["i1"], ["i2"], ["i1", "i2"]]);
const election = {
  ...base,
  profile: {
    ...base.profile,
    voteColumns: ["voter_id", "vote", "age"],
    ballots: base.profile.ballots.map((b, k) => ({
      ...b,
      voterId: `elector-${k}`,
      fields: { age: String(30 + k) },
    })),
  },
};
const process = {
  slug: "angers-bp-2026",
  title: "Budget participatif 2026",
  proposals: events,
  results,
  statuses: [{ id: "s1", key: "works", name: { fr: "Travaux" } }],
  budget: { election, selected: ["i1"] },
};

function archive(format?: "csv" | "json") {
  const made = openDataArchive(process, {
    key,
    generatedAt: "2026-12-01T00:00:00Z",
    ...(format ? { format } : {}),
  });
  if (!made.ok) throw new Error(made.issues[0]?.message);
  return made.value;
}

describe("openDataArchive", () => {
  it("writes Decidim-shaped files with a README and a LICENSE, the same bytes for the same inputs", () => {
    const { zip, files } = archive();
    expect(files).toEqual([
      "LICENSE.md",
      "README.md",
      "angers-bp-2026-open-data-projects.csv",
      "angers-bp-2026-open-data-proposal_comments.csv",
      "angers-bp-2026-open-data-proposals.csv",
      "angers-bp-2026-open-data-results.csv",
      "angers-bp-2026-open-data-votes.pb",
    ]);
    expect(archive().zip).toEqual(zip);
    const unzipped = unzipSync(zip);
    const text = (name: string) => strFromU8(unzipped[name] as Uint8Array);
    expect(text("LICENSE.md")).toContain("https://opendatacommons.org/licenses/odbl/1-0/");
    expect(text("README.md")).toContain("## angers-bp-2026-open-data-proposals.csv");
    const rows = (name: string) =>
      text(name)
        .trim()
        .split("\n")
        .map((line) => splitDelimitedRecord(line, ","));
    expect(rows("angers-bp-2026-open-data-proposals.csv")).toEqual([
      [
        "id",
        "title",
        "body",
        "state",
        "published_at",
        "supports",
        "comments_count",
        "endorsements_count",
      ],
      [
        "p1",
        "Bancs, quai de la Maine",
        "Des bancs",
        "published",
        "2026-02-01T10:00:00.000Z",
        "1",
        "1",
        "0",
      ],
      ["p2", "Composteur", "Square J.", "draft", "", "0", "0", "0"],
    ]);
    expect(rows("angers-bp-2026-open-data-proposal_comments.csv")[1]).toEqual([
      "c1",
      "p1",
      "favour",
      hmacSha256(key, "chloe.dupont").slice(0, 32),
      "2026-02-02T08:00:00.000Z",
    ]);
    expect(rows("angers-bp-2026-open-data-projects.csv")).toEqual([
      ["id", "title", "cost", "votes", "selected"],
      ["i1", "i1", "60", "2", "1"],
      ["i2", "i2", "50", "2", "0"],
    ]);
    expect(rows("angers-bp-2026-open-data-results.csv")[1]).toEqual([
      "r1",
      "",
      "s1",
      "works",
      "40",
      "",
      "",
      "Bancs",
      "p1",
      "i1",
    ]);
  });

  it("leaves personal data out: no author, no voter id, no voter column; pseudonyms instead, the vote still counts the same", () => {
    const unzipped = unzipSync(archive().zip);
    const everything = Object.values(unzipped)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    for (const person of [
      "ana.martin",
      "ben.roux",
      "chloe.dupont",
      "dara.khan",
      "elector-0",
      "elector-2",
      "age",
    ])
      expect(everything).not.toContain(person);
    const vote = parsePabulib(
      strFromU8(unzipped["angers-bp-2026-open-data-votes.pb"] as Uint8Array),
    );
    if (!vote.ok) throw new Error(vote.issues[0]?.message);
    expect(vote.value.profile.ballots.map((b) => b.projects)).toEqual(
      election.profile.ballots.map((b) => b.projects),
    );
    expect(vote.value.profile.ballots.map((b) => b.voterId)).toEqual(
      election.profile.ballots.map((b) => hmacSha256(key, b.voterId as string).slice(0, 32)),
    );
  });

  it("writes the same tables as JSON on request", () => {
    const { files, zip } = archive("json");
    expect(files).toContain("angers-bp-2026-open-data-proposals.json");
    const proposals = JSON.parse(
      strFromU8(unzipSync(zip)["angers-bp-2026-open-data-proposals.json"] as Uint8Array),
    );
    expect(proposals[0]).toMatchObject({ id: "p1", state: "published", supports: 1 });
  });
});
