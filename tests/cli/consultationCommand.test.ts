import { describe, expect, it } from "vitest";
import { centreResponse, questionnaireData } from "../consultations/fixture.js";
import { runCliInProcess } from "../helpers/runCliInProcess.js";

const responses = [
  { id: "ana", attributes: { age: "30-49" }, at: "2026-03-10T12:00:00+01:00", ...centreResponse },
  { id: "bo", channel: "paper", batch: "b1", ...centreResponse },
  {
    id: "cy",
    answers: [{ question: "district", choices: [{ option: "centre" }, { option: "nord" }] }],
  },
];
const files = {
  "q.json": JSON.stringify(questionnaireData),
  "r.json": JSON.stringify(responses),
  "p.json": JSON.stringify([
    {
      id: "p1",
      title: "Des bancs au parc de la Dodaine",
      body: "Pour s'asseoir au parc",
      category: "Parcs",
      author: "ana",
      supporters: ["bo", "cy"],
      comments: [
        { id: "c1", author: "dee", alignment: "against", body: "Trop cher", endorsements: 3 },
        { id: "c2", author: "eve", alignment: "favour", body: "Enfin !", endorsements: 1 },
      ],
    },
    {
      id: "p2",
      title: "Des bancs dans le parc de la Dodaine",
      body: "Pour s'asseoir",
      category: "Parcs",
      author: "bo",
    },
    {
      id: "p3",
      title: "Une piste cyclable rue de Namur",
      body: "Sécurité des cyclistes",
      author: "cy",
      supporters: ["ana"],
    },
  ]),
};

describe("civitas consultation", () => {
  it("check: one line per problem with the response and its JSON path, exit 1", () => {
    const run = runCliInProcess(["consultation", "check", "q.json", "r.json"], files);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toContain(
      "r.json: response cy: 2.answers.0.choices: question district: 2 choices where at most 1 are allowed",
    );
    expect(lines.at(-1)).toBe("r.json: 2 valid, 1 refused");
    const json = runCliInProcess(["consultation", "check", "q.json", "r.json", "--json"], files);
    expect(JSON.parse(json.stderr.split("\n")[0] as string)).toMatchObject({
      code: "too-many-choices",
      path: [2, "answers", 0, "choices"],
    });
  });

  it("results: the refused response left out with a warning; --strict refuses", () => {
    const run = runCliInProcess(
      ["consultation", "results", "q.json", "r.json", "--lang", "fr"],
      files,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("r.json: warning: response cy: 2.answers.0.choices:");
    expect(run.stdout).toContain("Vos services communaux: 2 respondents (1 online, 1 on paper)");
    expect(run.stdout).toMatch(/Parcs\s+1\s+1\s+2\s+100%\s+50%/);
    expect(
      runCliInProcess(["consultation", "results", "q.json", "r.json", "--strict"], files).code,
    ).toBe(1);
    const json = JSON.parse(
      runCliInProcess(
        [
          "consultation",
          "results",
          "q.json",
          "r.json",
          "--json",
          "--by",
          "age",
          "--threshold",
          "1",
        ],
        files,
      ).stdout,
    );
    expect(
      json.breakdowns[0].questions[0].groups.map((g: { value: string | null }) => g.value),
    ).toEqual(["30-49", null]);
    expect(
      runCliInProcess(["consultation", "results", "q.json", "r.json", "--csv"], files).stdout.split(
        "\n",
      )[0],
    ).toBe(
      "question,row,option,online,paper,total,share_of_respondents,share_of_answers,mean_position,borda",
    );
  });

  it("export: Decidim's survey export", () => {
    const csv = runCliInProcess(
      ["consultation", "export", "q.json", "r.json", "--lang", "fr"],
      files,
    ).stdout;
    expect(csv.split("\n")[1]).toMatch(/^ana;2026-03-10 11:00:00;Online;Centre;Parcs, Culture;/);
    const json = JSON.parse(
      runCliInProcess(["consultation", "export", "q.json", "r.json", "--format", "json"], files)
        .stdout,
    );
    expect(json[1]["User status"]).toBe("Paper (b1)");
  });

  it("synthesis: Markdown and HTML, the same bytes every time", () => {
    const md = runCliInProcess(
      [
        "consultation",
        "synthesis",
        "p.json",
        "--format",
        "md",
        "--lang",
        "fr",
        "--title",
        "Nivelles",
      ],
      files,
    );
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("1. **Des bancs au parc de la Dodaine** (2 soutiens)");
    expect(md.stdout).toContain("   - Contre: Trop cher (3)");
    expect(md.stdout).toMatch(
      /## Propositions presque identiques\n\n- «\u00a0Des bancs au parc de la Dodaine\u00a0»: p1, p2 \(similarité 0\.\d\d\)/,
    );
    const withResults = [
      "consultation",
      "synthesis",
      "p.json",
      "--questionnaire",
      "q.json",
      "--responses",
      "r.json",
      "--format",
      "html",
    ];
    const html = runCliInProcess(withResults, files);
    expect(html.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(html.stdout).toContain("<svg");
    expect(runCliInProcess(withResults, files).stdout).toBe(html.stdout);
  });

  it("usage errors", () => {
    expect(runCliInProcess(["consultation", "results", "q.json"], files).code).toBe(2);
    expect(
      runCliInProcess(["consultation", "synthesis", "p.json", "--format", "pdf"], files).code,
    ).toBe(2);
    expect(runCliInProcess(["consultation", "tally"], files).code).toBe(2);
  });
});
