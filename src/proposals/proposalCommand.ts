import { z } from "zod";

/**
 * The zod schema of a command on a consultation's proposals: create a draft, publish it,
 * withdraw it (its author, before anyone supports it), answer it (evaluating, accepted,
 * rejected or a host's own state), publish the answer, support or stop supporting it,
 * endorse it, comment on it (in favour, against or neutral).
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalCommandSchema.parse({ type: "support", proposal: "p1", participant: "ana" });
 * ```
 */
export const proposalCommandSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("create"),
    proposal: z.string().min(1),
    author: z.string().min(1),
    title: z.string().min(1),
  }),
  z.object({ type: z.literal("publish"), proposal: z.string().min(1), actor: z.string().min(1) }),
  z.object({ type: z.literal("withdraw"), proposal: z.string().min(1), actor: z.string().min(1) }),
  z.object({
    type: z.literal("answer"),
    proposal: z.string().min(1),
    state: z.string().min(1),
    actor: z.string().min(1),
  }),
  z.object({
    type: z.literal("publish-answer"),
    proposal: z.string().min(1),
    actor: z.string().min(1),
  }),
  z.object({
    type: z.literal("support"),
    proposal: z.string().min(1),
    participant: z.string().min(1),
  }),
  z.object({
    type: z.literal("unsupport"),
    proposal: z.string().min(1),
    participant: z.string().min(1),
  }),
  z.object({
    type: z.literal("endorse"),
    proposal: z.string().min(1),
    participant: z.string().min(1),
  }),
  z.object({
    type: z.literal("comment"),
    proposal: z.string().min(1),
    participant: z.string().min(1),
    comment: z.string().min(1),
    alignment: z.enum(["favour", "against", "neutral"]),
  }),
]);

/**
 * A command on a consultation's proposals (see {@link proposalCommandSchema}).
 *
 * @category Proposals
 * @example
 * ```ts
 * const command: ProposalCommand = { type: "publish", proposal: "p1", actor: "ana" };
 * ```
 */
export type ProposalCommand = z.infer<typeof proposalCommandSchema>;
