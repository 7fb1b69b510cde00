import * as z from "zod/mini";
import { lazySchema } from "../core/lazySchema.js";

const id = lazySchema(() => z.string().check(z.minLength(1)));
const text = lazySchema(() => z.string());
/** Minor units of money, as a whole number or a string of digits (for amounts beyond 2^53). */
const minorUnits = lazySchema(() =>
  z.pipe(
    z.union([
      z.int().check(z.nonnegative()).check(z.lte(Number.MAX_SAFE_INTEGER)),
      z.string().check(z.regex(/^\d+$/)),
    ]),
    z.transform((value) => String(value)),
  ),
);

/**
 * The zod schema of a command on a consultation's proposals:
 * - proposals: `create` a draft (optionally in a scope), `publish` it, `withdraw` it;
 * - answers: `answer` (a state of the lifecycle, with a cost, cost report and execution
 *   period), `publish-answer`; valuation: `assign-valuator`, `unassign-valuator`, `note`
 *   (private);
 * - participation: `support`, `unsupport`, `endorse`, `comment` (in favour, against or
 *   neutral);
 * - amendments: `amend`, `publish-amendment`, `accept-amendment` (a new version of the
 *   proposal's text), `reject-amendment`, `withdraw-amendment`, `promote-amendment` (a
 *   rejected amendment becomes a proposal of its own);
 * - collaborative drafts: `open-draft`, `request-access`, `accept-access`, `reject-access`,
 *   `edit-draft`, `publish-draft` (becomes a proposal with its contributors as co-authors),
 *   `withdraw-draft`;
 * - admin work: `merge` several proposals into one, `split` one into several, `copy` one to
 *   another component.
 *
 * Amounts are integer minor units (`cost: 250000` is 2,500.00 € at scale 2).
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalCommandSchema.parse({ type: "support", proposal: "p1", participant: "ana" });
 * ```
 */
export const proposalCommandSchema = lazySchema(() =>
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("create"),
      proposal: id,
      author: id,
      title: id,
      body: z._default(text, ""),
      scope: z.optional(id),
    }),
    z.object({ type: z.literal("publish"), proposal: id, actor: id }),
    z.object({ type: z.literal("withdraw"), proposal: id, actor: id }),
    z.object({
      type: z.literal("answer"),
      proposal: id,
      state: id,
      actor: id,
      cost: z.optional(minorUnits),
      costReport: z.optional(text),
      executionPeriod: z.optional(text),
    }),
    z.object({ type: z.literal("publish-answer"), proposal: id, actor: id }),
    z.object({ type: z.literal("support"), proposal: id, participant: id }),
    z.object({ type: z.literal("unsupport"), proposal: id, participant: id }),
    z.object({ type: z.literal("endorse"), proposal: id, participant: id }),
    z.object({
      type: z.literal("comment"),
      proposal: id,
      participant: id,
      comment: id,
      alignment: z.enum(["favour", "against", "neutral"]),
    }),
    z.object({ type: z.literal("assign-valuator"), proposal: id, actor: id, valuator: id }),
    z.object({ type: z.literal("unassign-valuator"), proposal: id, actor: id, valuator: id }),
    z.object({ type: z.literal("note"), proposal: id, actor: id, note: id, text: id }),
    z.object({
      type: z.literal("amend"),
      amendment: id,
      proposal: id,
      author: id,
      title: id,
      body: z._default(text, ""),
    }),
    z.object({ type: z.literal("publish-amendment"), amendment: id, actor: id }),
    z.object({ type: z.literal("withdraw-amendment"), amendment: id, actor: id }),
    z.object({ type: z.literal("accept-amendment"), amendment: id, actor: id }),
    z.object({ type: z.literal("reject-amendment"), amendment: id, actor: id }),
    z.object({ type: z.literal("promote-amendment"), amendment: id, actor: id, proposal: id }),
    z.object({
      type: z.literal("open-draft"),
      draft: id,
      author: id,
      title: id,
      body: z._default(text, ""),
      scope: z.optional(id),
    }),
    z.object({ type: z.literal("request-access"), draft: id, participant: id }),
    z.object({ type: z.literal("accept-access"), draft: id, actor: id, participant: id }),
    z.object({ type: z.literal("reject-access"), draft: id, actor: id, participant: id }),
    z.object({ type: z.literal("edit-draft"), draft: id, actor: id, title: id, body: text }),
    z.object({ type: z.literal("publish-draft"), draft: id, actor: id, proposal: id }),
    z.object({ type: z.literal("withdraw-draft"), draft: id, actor: id }),
    z.object({
      type: z.literal("merge"),
      proposals: z.array(id).check(z.minLength(2)),
      into: id,
      actor: id,
      title: id,
      body: z._default(text, ""),
    }),
    z.object({
      type: z.literal("split"),
      proposal: id,
      actor: id,
      into: z
        .array(z.object({ proposal: id, title: id, body: z._default(text, "") }))
        .check(z.minLength(2)),
    }),
    z.object({ type: z.literal("copy"), proposal: id, actor: id, into: id, component: id }),
  ]),
);

/**
 * A command on a consultation's proposals (see {@link proposalCommandSchema}).
 *
 * @category Proposals
 * @example
 * ```ts
 * const command: ProposalCommand = { type: "publish", proposal: "p1", actor: "ana" };
 * ```
 */
export type ProposalCommand = z.output<typeof proposalCommandSchema>;

/**
 * Every command type, in the order of {@link proposalCommandSchema}.
 *
 * @category Proposals
 * @example
 * ```ts
 * PROPOSAL_COMMAND_TYPES.includes("merge"); //=> true
 * ```
 */
export const PROPOSAL_COMMAND_TYPES = [
  "create",
  "publish",
  "withdraw",
  "answer",
  "publish-answer",
  "support",
  "unsupport",
  "endorse",
  "comment",
  "assign-valuator",
  "unassign-valuator",
  "note",
  "amend",
  "publish-amendment",
  "withdraw-amendment",
  "accept-amendment",
  "reject-amendment",
  "promote-amendment",
  "open-draft",
  "request-access",
  "accept-access",
  "reject-access",
  "edit-draft",
  "publish-draft",
  "withdraw-draft",
  "merge",
  "split",
  "copy",
] as const satisfies readonly ProposalCommand["type"][];

/** Fails to compile when a command type is missing from the list above. */
type MissingCommandTypes = Exclude<
  ProposalCommand["type"],
  (typeof PROPOSAL_COMMAND_TYPES)[number]
>;
const everyCommandTypeListed: MissingCommandTypes extends never ? true : false = true;
void everyCommandTypeListed;
