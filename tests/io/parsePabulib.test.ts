import { describe, expect, it } from "vitest";
import { parsePabulib } from "../../src/io/index.js";
import { readFixture } from "../helpers/data.js";

describe("parsePabulib", () => {
  it("reads a byte-order mark, CRLF line ends, quoted fields and decimal commas", () => {
    const text =
      "\uFEFFMETA\r\nkey;value\r\nbudget;1000,50\r\nvote_type;approval\r\n" +
      'PROJECTS\r\nproject_id;cost;name;category;district\r\n7;250,25;"Park; with ""trees""";green,sport;North\r\n8;100;"Two\nlines";;South\r\n' +
      "VOTES\r\nvoter_id;vote;age\r\nv1;7,8;33\r\nv2;8;\r\n";
    const result = parsePabulib(text);
    if (!result.ok) throw new Error(result.issues[0]?.message);
    const { instance, profile } = result.value;
    expect(instance.scale).toBe(2);
    expect(instance.budget).toBe(100050n);
    expect(instance.projects.map((p) => [p.id, p.cost, p.name, p.categories, p.fields])).toEqual([
      ["7", 25025n, 'Park; with "trees"', ["green", "sport"], { district: "North" }],
      ["8", 10000n, "Two\nlines", [], { district: "South" }],
    ]);
    expect(profile.ballots).toEqual([
      { projects: ["7", "8"], multiplicity: 1, voterId: "v1", fields: { age: "33" } },
      { projects: ["8"], multiplicity: 1, voterId: "v2", fields: { age: "" } },
    ]);
  });

  it("keeps project ids as strings and every unknown column", () => {
    const result = parsePabulib(readFixture("Poland_Warszawa_2023_Wola.pb"));
    if (!result.ok) throw new Error(result.issues[0]?.message);
    const first = result.value.instance.projects[0];
    expect(typeof first?.id).toBe("string");
    expect(Object.keys(first?.fields ?? {})).toEqual(expect.arrayContaining(["votes", "selected"]));
    expect(result.value.profile.ballots.length).toBe(6760);
  });

  it("reads cumulative points with CRLF line ends", () => {
    const result = parsePabulib(readFixture("Poland_Gdansk_2020_Rudniki.pb"));
    if (!result.ok) throw new Error(result.issues[0]?.message);
    expect(result.value.profile.voteType).toBe("cumulative");
    expect(result.value.profile.ballots[4]).toMatchObject({ projects: ["1", "2"], points: [3, 2] });
  });

  it("does not let a column named __proto__ change an object's prototype", () => {
    const result = parsePabulib(
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;__proto__\na;1;x\n" +
        "VOTES\nvoter_id;vote;__proto__\n1;a;y\n",
    );
    if (!result.ok) throw new Error(result.issues[0]?.message);
    // Column names are data: the record has no prototype to change.
    expect(Object.getPrototypeOf(result.value.profile.ballots[0]?.fields)).toBe(null);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    const fields = result.value.profile.ballots[0]?.fields ?? {};
    expect(Object.getOwnPropertyDescriptor(fields, "__proto__")?.value).toBe("y");
  });
});
