import * as z from "zod/mini";
import { lazySchema } from "../core/lazySchema.js";

const id = lazySchema(() => z.string());
/** Every event says when it happened (epoch milliseconds). */
const at = lazySchema(() => z.number());

/**
 * The zod schema of what happened to a consultation's proposals, as stored in its event
 * log. Every event carries `at`, the instant it happened (epoch milliseconds). Events that
 * create a proposal from others (`created` with an `origin`) come before the event that
 * closes the others (`merged`, `split`), so a log reads in the order things happened.
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalEventSchema.parse({ type: "supported", proposal: "p1", participant: "ana", at: 0 });
 * ```
 */
export const proposalEventSchema = lazySchema(() =>
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("created"),
      proposal: id,
      author: id,
      title: id,
      body: z.string(),
      component: id,
      scope: z.optional(id),
      coauthors: z.optional(z.array(id)),
      origin: z.optional(
        z.object({
          kind: z.enum(["merge", "split", "copy", "amendment", "collaborative-draft"]),
          from: z.array(id),
        }),
      ),
      at,
    }),
    z.object({ type: z.literal("published"), proposal: id, at }),
    z.object({ type: z.literal("withdrawn"), proposal: id, at }),
    z.object({
      type: z.literal("answered"),
      proposal: id,
      state: id,
      by: id,
      cost: z.optional(z.string()),
      costReport: z.optional(z.string()),
      executionPeriod: z.optional(z.string()),
      at,
    }),
    z.object({ type: z.literal("answer-published"), proposal: id, at }),
    z.object({ type: z.literal("supported"), proposal: id, participant: id, at }),
    z.object({ type: z.literal("unsupported"), proposal: id, participant: id, at }),
    z.object({ type: z.literal("endorsed"), proposal: id, participant: id, at }),
    z.object({
      type: z.literal("commented"),
      proposal: id,
      participant: id,
      comment: id,
      alignment: z.enum(["favour", "against", "neutral"]),
      at,
    }),
    z.object({ type: z.literal("valuator-assigned"), proposal: id, valuator: id, at }),
    z.object({ type: z.literal("valuator-unassigned"), proposal: id, valuator: id, at }),
    z.object({
      type: z.literal("noted"),
      proposal: id,
      note: id,
      author: id,
      text: z.string(),
      at,
    }),
    z.object({
      type: z.literal("amendment-created"),
      amendment: id,
      proposal: id,
      author: id,
      title: id,
      body: z.string(),
      at,
    }),
    z.object({
      type: z.literal("amendment-status"),
      amendment: id,
      status: z.enum(["evaluating", "accepted", "rejected", "withdrawn"]),
      at,
    }),
    z.object({ type: z.literal("amendment-promoted"), amendment: id, proposal: id, at }),
    z.object({
      type: z.literal("versioned"),
      proposal: id,
      title: id,
      body: z.string(),
      amendment: z.optional(id),
      at,
    }),
    z.object({
      type: z.literal("draft-opened"),
      draft: id,
      author: id,
      title: id,
      body: z.string(),
      scope: z.optional(id),
      at,
    }),
    z.object({
      type: z.literal("access"),
      draft: id,
      participant: id,
      status: z.enum(["requested", "accepted", "rejected"]),
      at,
    }),
    z.object({ type: z.literal("draft-edited"), draft: id, title: id, body: z.string(), at }),
    z.object({ type: z.literal("draft-published"), draft: id, proposal: id, at }),
    z.object({ type: z.literal("draft-withdrawn"), draft: id, at }),
    z.object({ type: z.literal("merged"), proposals: z.array(id), into: id, at }),
    z.object({ type: z.literal("split"), proposal: id, into: z.array(id), at }),
  ]),
);

/**
 * One event of a consultation's log (see {@link proposalEventSchema}).
 *
 * @category Proposals
 * @example
 * ```ts
 * const event: ProposalEvent = { type: "published", proposal: "p1", at: 0 };
 * ```
 */
export type ProposalEvent = z.infer<typeof proposalEventSchema>;
