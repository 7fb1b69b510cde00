import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  consultationSynthesis,
  nearDuplicates,
  questionnaireResults,
  type SynthesisProposal,
  synthesisHtml,
  synthesisMarkdown,
  synthesisProposals,
  textTerms,
} from "../../src/consultations/index.js";
import type { ProposalRecord } from "../../src/proposals/index.js";
import { centreResponse, during, questionnaire } from "./fixture.js";

/** Every pair compared, TF-IDF written out again: what nearDuplicates must equal. */
function bruteForce(texts: readonly string[], threshold: number): string[][] {
  const docs = texts.map(textTerms);
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const vectors = docs.map((terms) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map(
      [...tf].map(([t, c]) => [
        t,
        (1 + Math.log(c)) * (Math.log((n + 1) / ((df.get(t) as number) + 1)) + 1),
      ]),
    );
    const norm = Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0));
    return new Map([...v].map(([t, w]) => [t, norm > 0 ? w / norm : 0]));
  });
  const parent = texts.map((_, k) => k);
  const root = (k: number): number => (parent[k] === k ? k : root(parent[k] as number));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      for (const [t, w] of vectors[i] as Map<string, number>)
        dot += w * ((vectors[j] as Map<string, number>).get(t) ?? 0);
      if (dot >= threshold - 1e-9) parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  const groups = new Map<number, string[]>();
  for (let k = 0; k < n; k++) groups.set(root(k), [...(groups.get(root(k)) ?? []), `t${k}`]);
  return [...groups.values()].filter((g) => g.length > 1);
}

describe("near duplicates", () => {
  it("link two texts exactly at the threshold whatever the rounding", () => {
    // "lampe de" and "bus de", each word in three texts: cosine 1/2 exactly,
    // 0.4999999999999999 in doubles (found by the property below).
    const docs = [
      "lampe de",
      "bus de",
      "lampe le",
      "bus nuit",
      "bus le",
      "parc",
      "lampe",
      "fontaine de",
    ];
    const groups = nearDuplicates(
      docs.map((text, k) => ({ id: `t${k}`, text })),
      { threshold: 0.5 },
    );
    expect(groups[0]?.links.find((l) => l.a === "t0" && l.b === "t1")?.similarity).toBeCloseTo(
      0.5,
      12,
    );
    expect(groups.map((g) => g.ids)).toEqual([["t0", "t1", "t2", "t4", "t6"]]);
  });

  it("equal comparing every pair (the pruning loses none), on corpora with common and rare words", () => {
    const words = [
      "de",
      "la",
      "le",
      "parc",
      "banc",
      "vélo",
      "piste",
      "rue",
      "école",
      "arbre",
      "place",
      "bus",
      "nuit",
      "lampe",
      "fontaine",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), {
          minLength: 2,
          maxLength: 60,
        }),
        fc.constantFrom(0.3, 0.5, 0.7, 0.9),
        (docs, threshold) => {
          const texts = docs.map((d) => d.join(" "));
          const groups = nearDuplicates(
            texts.map((text, k) => ({ id: `t${k}`, text })),
            { threshold },
          );
          expect(groups.map((g) => g.ids)).toEqual(bruteForce(texts, threshold));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds the same proposal in other words, in any script", () => {
    const groups = nearDuplicates([
      { id: "fr1", text: "Installer des bancs au parc de la Dodaine" },
      { id: "zh1", text: "在公园里安装长椅" },
      { id: "fr2", text: "Des bancs au parc de la Dodaine, svp" },
      { id: "fr3", text: "Une piste cyclable chaussée de Namur" },
      { id: "zh2", text: "公园里安装更多长椅" },
    ]);
    expect(groups.map((g) => g.ids)).toEqual([
      ["fr1", "fr2"],
      ["zh1", "zh2"],
    ]);
    expect(groups[0]?.links[0]?.similarity).toBeGreaterThan(0.5);
  });
});

const proposals: SynthesisProposal[] = [
  {
    id: "p1",
    title: "Bancs au parc",
    body: "",
    category: "Parcs",
    author: "ana",
    supporters: ["bo", "cy", "dee"],
    comments: [
      { id: "c1", author: "bo", alignment: "favour", body: "Oui", endorsements: 1 },
      { id: "c2", author: "eve", alignment: "favour", body: "Pour les aînés", endorsements: 5 },
      { id: "c3", author: "fay", alignment: "against", body: "Trop cher", endorsements: 2 },
      { id: "c4", author: "gus", alignment: "against", body: "", endorsements: 9 },
    ],
  },
  {
    id: "p2",
    title: "Fontaine",
    body: "",
    category: "Parcs",
    author: "bo",
    supporters: ["ana"],
    comments: [],
  },
  {
    id: "p3",
    title: "Piste cyclable",
    body: "",
    category: "Mobilité",
    author: "cy",
    supporters: ["ana", "bo"],
    comments: [],
  },
  { id: "p4", title: "Horaires", body: "", author: "dee", supporters: [], comments: [] },
];

describe("the synthesis", () => {
  const synthesis = consultationSynthesis(
    { title: "Nivelles", lang: "fr", proposals },
    { top: 1, arguments: 1 },
  );

  it("counts each person once per theme, orders themes by contributions, untitled last", () => {
    expect(
      synthesis.categories.map((c) => [c.category, c.participants, c.contributions, c.supports]),
    ).toEqual([
      ["Parcs", 7, 6, 4],
      ["Mobilité", 3, 1, 2],
      [null, 1, 1, 0],
    ]);
    expect(synthesis.totals).toEqual({
      participants: 7,
      contributions: 8,
      proposals: 4,
      comments: 4,
      supports: 6,
    });
  });

  it("gives the most supported proposals with their most endorsed arguments (blank ones left out)", () => {
    expect(synthesis.categories[0]?.top).toEqual([
      {
        id: "p1",
        title: "Bancs au parc",
        supports: 3,
        favour: [proposals[0]?.comments[1]],
        against: [proposals[0]?.comments[2]],
      },
    ]);
  });

  it("renders the same text for the same input, escaping what it prints", () => {
    const tricky = consultationSynthesis({ title: "<script>alert(1)</script> | *x*", proposals });
    const html = synthesisHtml(tricky);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(synthesisMarkdown(tricky).split("\n")[0]).toBe(
      "# \\<script\\>alert\\(1\\)\\</script\\> \\| \\*x\\*",
    );
    expect(
      synthesisHtml(consultationSynthesis({ title: "<script>alert(1)</script> | *x*", proposals })),
    ).toBe(html);
  });

  it("writes decimals the synthesis's language's way", () => {
    const north = { answers: [{ question: "district", choices: [{ option: "nord" }] }] };
    const responses = [centreResponse, centreResponse, north].map((response, k) => ({
      id: `r${k}`,
      channel: "online" as const,
      response,
      attributes: {},
      at: during,
    }));
    const results = questionnaireResults(questionnaire, responses);
    const rendered = (lang: string) =>
      synthesisMarkdown(
        consultationSynthesis({
          title: "T",
          lang,
          proposals: [],
          questionnaire: { questionnaire, results },
        }),
      );
    expect(rendered("fr")).toContain("| Centre | 2 \\(2 online, 0 on paper\\) | 66,7 % | 66,7 % |");
    expect(rendered("en")).toContain("| Centre | 2 \\(2 online, 0 on paper\\) | 66.7 % | 66.7 % |");
  });

  it("reads a civitas/proposals consultation: published proposals only, comments from the app's store", () => {
    const record = (id: string, status: ProposalRecord["status"]) =>
      ({
        id,
        status,
        title: id,
        body: "",
        author: "ana",
        supporters: ["bo"],
        comments: [{ id: `${id}-c`, participant: "cy", alignment: "against", at: 0 }],
      }) as unknown as ProposalRecord;
    const read = synthesisProposals([record("a", "published"), record("b", "withdrawn")], {
      categoryOf: () => "Parcs",
      comment: (id) => (id === "a-c" ? { body: "Non", endorsements: 2 } : undefined),
    });
    expect(read).toEqual([
      {
        id: "a",
        title: "a",
        body: "",
        category: "Parcs",
        author: "ana",
        supporters: ["bo"],
        comments: [{ id: "a-c", author: "cy", alignment: "against", body: "Non", endorsements: 2 }],
      },
    ]);
  });
});
