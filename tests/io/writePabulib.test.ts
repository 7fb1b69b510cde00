import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compressProfile, type PbElection } from "../../src/budgeting/index.js";
import type { Result } from "../../src/core/index.js";
import { parsePabulib, writePabulib } from "../../src/io/index.js";
import { arbitraryElection } from "../helpers/arbitraries.js";
import { readFixture } from "../helpers/data.js";

function read(written: string | Result<string>): PbElection {
  const text = typeof written === "string" ? written : written.ok ? written.value : "";
  if (typeof written !== "string" && !written.ok)
    throw new Error(written.issues.map((issue) => issue.message).join("\n"));
  const result = parsePabulib(text);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  return result.value;
}

describe("writePabulib", () => {
  for (const name of [
    "Poland_Warszawa_2023_Wola.pb",
    "Poland_Gdansk_2020_Rudniki.pb",
    "Poland_Krakow_2022_Lagiewniki-Borek_Falecki.pb",
    "Switzerland_Zurich_D10.pb",
    "Switzerland_Zurich_S5R.pb",
  ]) {
    it(`write then read gives the same data: ${name}`, () => {
      const election = read(readFixture(name));
      expect(read(writePabulib(election))).toEqual(election);
    });
  }

  it("write then read is the identity on random elections", () => {
    fc.assert(
      fc.property(arbitraryElection(), (election) => {
        expect(read(writePabulib(election))).toEqual({
          ...election,
          // the reader always returns the voter columns it saw, none other
          profile: {
            ...election.profile,
            ballots: election.profile.ballots.map((ballot) => ({ ...ballot, fields: {} })),
          },
        });
      }),
      { numRuns: 300 },
    );
  });

  it("quotes fields that hold separators, quotes, line breaks or edge spaces", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }).filter((s) => s.trim() === s && !/[\r\n]/.test(s)),
        (name, id) => {
          const election = read(
            "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;name\na;1;x\nVOTES\nvoter_id;vote\n1;a\n",
          );
          const [project] = election.instance.projects;
          if (project === undefined || id.includes(",") || id.includes(";") || id.includes('"'))
            return;
          const changed: PbElection = {
            ...election,
            instance: { ...election.instance, projects: [{ ...project, id, name }] },
            profile: {
              ...election.profile,
              ballots: [{ projects: [id], multiplicity: 1, voterId: "1", fields: {} }],
            },
          };
          expect(read(writePabulib(changed))).toEqual(changed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("writes compressed ballots as repeated rows", () => {
    const election = read(readFixture("Poland_Gdansk_2020_Rudniki.pb"));
    const compressed = { ...election, profile: compressProfile(election.profile) };
    const back = read(writePabulib(compressed));
    expect(back.profile.ballots.length).toBe(election.profile.ballots.length);
    expect(compressProfile(back.profile).ballots).toEqual(compressed.profile.ballots);
  });
});
