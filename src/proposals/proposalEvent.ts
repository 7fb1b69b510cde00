import { z } from "zod";

/**
 * The zod schema of what happened to a consultation's proposals, as stored in its event
 * log: a proposal created, published, withdrawn, answered, its answer published, a support
 * given or taken back, an endorsement, a comment.
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalEventSchema.parse({ type: "supported", proposal: "p1", participant: "ana" });
 * ```
 */
export const proposalEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("created"),
    proposal: z.string(),
    author: z.string(),
    title: z.string(),
  }),
  z.object({ type: z.literal("published"), proposal: z.string() }),
  z.object({ type: z.literal("withdrawn"), proposal: z.string() }),
  z.object({ type: z.literal("answered"), proposal: z.string(), state: z.string() }),
  z.object({ type: z.literal("answer-published"), proposal: z.string() }),
  z.object({ type: z.literal("supported"), proposal: z.string(), participant: z.string() }),
  z.object({ type: z.literal("unsupported"), proposal: z.string(), participant: z.string() }),
  z.object({ type: z.literal("endorsed"), proposal: z.string(), participant: z.string() }),
  z.object({
    type: z.literal("commented"),
    proposal: z.string(),
    participant: z.string(),
    comment: z.string(),
    alignment: z.enum(["favour", "against", "neutral"]),
  }),
]);

/**
 * One event of a consultation's log (see {@link proposalEventSchema}).
 *
 * @category Proposals
 * @example
 * ```ts
 * const event: ProposalEvent = { type: "published", proposal: "p1" };
 * ```
 */
export type ProposalEvent = z.infer<typeof proposalEventSchema>;
