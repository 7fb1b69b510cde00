import * as z from "zod/mini";
import { lazySchema } from "../core/lazySchema.js";
import type { ProposalRecord } from "../proposals/consultation.js";
import { type NearDuplicateGroup, nearDuplicates } from "./nearDuplicates.js";
import type { Questionnaire } from "./questionnaire.js";
import type { QuestionnaireResults } from "./questionnaireResults.js";

/**
 * A comment on a proposal as a synthesis reads it: who wrote it, for, against or
 * neutral, its text and how many endorsed it.
 *
 * @category Synthesis
 * @example
 * ```ts
 * const comment: SynthesisComment = { id: "c1", author: "bo", alignment: "against", body: "Too costly", endorsements: 4 };
 * ```
 */
export interface SynthesisComment {
  readonly id: string;
  readonly author: string;
  readonly alignment: "favour" | "against" | "neutral";
  readonly body: string;
  readonly endorsements: number;
}

/**
 * A proposal as a synthesis reads it: its theme or category (none: `undefined`), author,
 * supporters (ids, so a person counts once per theme) and comments.
 *
 * @category Synthesis
 * @example
 * ```ts
 * const proposal: SynthesisProposal = { id: "p1", title: "Des bancs", body: "…", category: "Espaces verts", author: "ana", supporters: ["bo", "cy"], comments: [] };
 * ```
 */
export interface SynthesisProposal {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly category?: string | undefined;
  readonly author: string;
  readonly supporters: readonly string[];
  readonly comments: readonly SynthesisComment[];
}

/**
 * The proposals of a `civitas/proposals` consultation for a synthesis: the published ones
 * (not withdrawn, merged or split away), each with its category as the app files it and
 * its comments' texts and endorsements as the app stores them (civitas/proposals keeps
 * each comment's author and alignment).
 *
 * @category Synthesis
 * @example
 * ```ts
 * synthesisProposals(Object.values(replay(log).proposals), { categoryOf: (p) => themes.get(p.id), comment: (id) => comments.get(id) });
 * ```
 */
export function synthesisProposals(
  proposals: readonly ProposalRecord[],
  sources: {
    readonly categoryOf?: ((proposal: ProposalRecord) => string | undefined) | undefined;
    readonly comment?:
      | ((id: string) => { readonly body: string; readonly endorsements: number } | undefined)
      | undefined;
  } = {},
): SynthesisProposal[] {
  return proposals
    .filter((proposal) => proposal.status === "published")
    .map((proposal) => ({
      id: proposal.id,
      title: proposal.title,
      body: proposal.body,
      category: sources.categoryOf?.(proposal),
      author: proposal.author,
      supporters: proposal.supporters,
      comments: proposal.comments.map((comment) => {
        const stored = sources.comment?.(comment.id);
        return {
          id: comment.id,
          author: comment.participant,
          alignment: comment.alignment,
          body: stored?.body ?? "",
          endorsements: stored?.endorsements ?? 0,
        };
      }),
    }));
}

/**
 * One proposal in a synthesis: its supports and its strongest arguments for and against
 * (comments by alignment, most endorsed first).
 *
 * @category Synthesis
 * @example
 * ```ts
 * synthesis.categories[0]?.top[0]?.against[0]?.body; //=> "Too costly"
 * ```
 */
export interface SynthesisTopProposal {
  readonly id: string;
  readonly title: string;
  readonly supports: number;
  readonly favour: readonly SynthesisComment[];
  readonly against: readonly SynthesisComment[];
}

/**
 * One theme of a synthesis: its participants (each person once, whether they proposed,
 * supported or commented), contributions (proposals and comments), supports, and its
 * most supported proposals.
 *
 * @category Synthesis
 * @example
 * ```ts
 * synthesis.categories[0]; //=> { category: "Mobilité", participants: 812, contributions: 1204, proposals: 96, comments: 1108, supports: 5230, top: […] }
 * ```
 */
export interface SynthesisCategory {
  readonly category: string | null;
  readonly participants: number;
  readonly contributions: number;
  readonly proposals: number;
  readonly comments: number;
  readonly supports: number;
  readonly top: readonly SynthesisTopProposal[];
}

/**
 * A consultation's synthesis as data: the totals, each theme (most contributions first,
 * proposals without a theme last), groups of near-duplicate proposals, and the
 * questionnaire's results with the questionnaire that labels them.
 *
 * @category Synthesis
 * @example
 * ```ts
 * consultationSynthesis({ title: "Nivelles 2026", proposals }).totals.participants; //=> 1312
 * ```
 */
export interface ConsultationSynthesis {
  readonly title: string;
  readonly lang: string;
  readonly totals: Omit<SynthesisCategory, "category" | "top">;
  readonly categories: readonly SynthesisCategory[];
  /** Near-duplicate proposals, each group with its proposals' titles (in the same order). */
  readonly duplicates: readonly (NearDuplicateGroup & { readonly titles: readonly string[] })[];
  readonly questionnaire?:
    | { readonly questionnaire: Questionnaire; readonly results: QuestionnaireResults }
    | undefined;
}

/**
 * Options of {@link consultationSynthesis}: proposals per theme (default 5), arguments per
 * side (default 3), and the similarity from which proposals are near duplicates (default
 * 0.5; see {@link nearDuplicates}).
 *
 * @category Synthesis
 * @example
 * ```ts
 * const options: SynthesisOptions = { top: 3, arguments: 2, similarity: 0.6 };
 * ```
 */
export interface SynthesisOptions {
  readonly top?: number | undefined;
  readonly arguments?: number | undefined;
  readonly similarity?: number | undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function strongest(comments: readonly SynthesisComment[], alignment: string, count: number) {
  return comments
    .filter((comment) => comment.alignment === alignment && comment.body.trim() !== "")
    .sort((a, b) => b.endorsements - a.endorsements || byText(a.id, b.id))
    .slice(0, count);
}

function figures(proposals: readonly SynthesisProposal[]) {
  const people = new Set<string>();
  let comments = 0;
  let supports = 0;
  for (const proposal of proposals) {
    people.add(proposal.author);
    for (const supporter of proposal.supporters) people.add(supporter);
    for (const comment of proposal.comments) people.add(comment.author);
    comments += proposal.comments.length;
    supports += proposal.supporters.length;
  }
  return {
    participants: people.size,
    contributions: proposals.length + comments,
    proposals: proposals.length,
    comments,
    supports,
  };
}

/**
 * The structured synthesis a parliament or a city publishes after a consultation: per
 * theme, participants, contributions and supports, the most supported proposals (ties by
 * id) with the most endorsed arguments for and against each; the questionnaire's results;
 * the groups of proposals that say nearly the same thing ({@link nearDuplicates} over
 * title and text). Deterministic: the same input gives the same synthesis.
 *
 * @category Synthesis
 * @example
 * ```ts
 * const synthesis = consultationSynthesis({ title: "Nivelles 2026", lang: "fr", proposals, questionnaire: { questionnaire, results } });
 * synthesisHtml(synthesis); // a standalone page with its charts
 * ```
 */
export function consultationSynthesis(
  input: {
    readonly title: string;
    readonly lang?: string | undefined;
    readonly proposals: readonly SynthesisProposal[];
    readonly questionnaire?:
      | { readonly questionnaire: Questionnaire; readonly results: QuestionnaireResults }
      | undefined;
  },
  options: SynthesisOptions = {},
): ConsultationSynthesis {
  const top = options.top ?? 5;
  const argumentsPerSide = options.arguments ?? 3;
  const themes = new Map<string | null, SynthesisProposal[]>();
  for (const proposal of input.proposals) {
    const key = proposal.category ?? null;
    const list = themes.get(key) ?? [];
    list.push(proposal);
    themes.set(key, list);
  }
  const titles = new Map(input.proposals.map((proposal) => [proposal.id, proposal.title]));
  const categories = [...themes].map(([category, proposals]) => ({
    category,
    ...figures(proposals),
    top: [...proposals]
      .sort((a, b) => b.supporters.length - a.supporters.length || byText(a.id, b.id))
      .slice(0, top)
      .map((proposal) => ({
        id: proposal.id,
        title: proposal.title,
        supports: proposal.supporters.length,
        favour: strongest(proposal.comments, "favour", argumentsPerSide),
        against: strongest(proposal.comments, "against", argumentsPerSide),
      })),
  }));
  categories.sort(
    (a, b) =>
      (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0) ||
      b.contributions - a.contributions ||
      byText(a.category ?? "", b.category ?? ""),
  );
  return {
    title: input.title,
    lang: input.lang ?? "en",
    totals: figures(input.proposals),
    categories,
    duplicates: nearDuplicates(
      input.proposals.map((proposal) => ({
        id: proposal.id,
        text: `${proposal.title}\n${proposal.body}`,
      })),
      { threshold: options.similarity },
    ).map((group) => ({
      ...group,
      titles: group.ids.map((id) => titles.get(id) ?? ""),
    })),
    questionnaire: input.questionnaire,
  };
}

/**
 * The zod schema of a synthesis's proposals as JSON (a file `civitas consultation
 * synthesis` reads): an array of {@link SynthesisProposal}s, comments' endorsements and
 * supporters defaulting to none.
 *
 * @category Synthesis
 * @example
 * ```ts
 * parseSchema(synthesisProposalsSchema, [{ id: "p1", title: "Bancs", body: "", author: "ana" }]).success; //=> true
 * ```
 */
export const synthesisProposalsSchema = lazySchema(() => {
  const id = z.string().check(z.minLength(1));
  return z.array(
    z.object({
      id,
      title: z.string(),
      body: z._default(z.string(), ""),
      category: z.optional(z.string()),
      author: id,
      supporters: z._default(z.array(id), []),
      comments: z._default(
        z.array(
          z.object({
            id,
            author: id,
            alignment: z.enum(["favour", "against", "neutral"]),
            body: z._default(z.string(), ""),
            endorsements: z._default(z.int().check(z.gte(0)), 0),
          }),
        ),
        [],
      ),
    }),
  );
});
