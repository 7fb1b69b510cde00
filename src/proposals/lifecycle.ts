import * as z from "zod/mini";
import { makeIssue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { PROPOSAL_COMMAND_TYPES, type ProposalCommand } from "./proposalCommand.js";

/**
 * Who may run a command, relative to its target: anyone identified (`participant`), the
 * proposal's `author` or a `coauthor`, an `admin`, a `valuator` assigned to the proposal,
 * the author of the amendment (`amendment-author`), the author of a collaborative draft
 * (`draft-author`) or one of its accepted `contributor`s.
 *
 * @category Proposals
 * @example
 * ```ts
 * const roles: Role[] = ["author", "coauthor", "admin"];
 * ```
 */
export type Role =
  | "participant"
  | "author"
  | "coauthor"
  | "admin"
  | "valuator"
  | "amendment-author"
  | "draft-author"
  | "contributor";

const roleSchema = lazySchema(() =>
  z.enum([
    "participant",
    "author",
    "coauthor",
    "admin",
    "valuator",
    "amendment-author",
    "draft-author",
    "contributor",
  ]),
);

const answerStateSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: z.optional(z.string()),
    /** Whether a proposal may still be supported once this answer is published. */
    supportable: z._default(z.boolean(), true),
    /** `required`: an answer in this state needs a cost; `phase`: when the running phase's component settings say `answersWithCosts: true`. */
    cost: z._default(z.enum(["required", "phase", "optional"]), "optional"),
    /** Whether a proposal answered (and published) in this state becomes a budget project. */
    fundable: z._default(z.boolean(), false),
    /** The answer states it may follow (`"none"` for an unanswered proposal); any when absent. */
    from: z.optional(z.array(z.string().check(z.minLength(1)))),
  }),
);

const commandRuleSchema = lazySchema(() =>
  z.object({
    roles: z.optional(z.array(roleSchema).check(z.minLength(1))),
    /** The capability the running phase must permit, or `null` for none (admin work). */
    capability: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  }),
);

/**
 * The zod schema of a lifecycle definition: the answer states (Decidim's custom answer
 * states; by default `evaluating`, `accepted` — fundable, cost required where the phase
 * says so — and `rejected`, which closes supports) and, per command, the roles that may
 * run it and the capability the phase must permit. Anything left out keeps its default.
 *
 * @category Proposals
 * @example
 * ```ts
 * lifecycleSchema.parse({ commands: { "publish-answer": { roles: ["admin", "valuator"] } } });
 * ```
 */
export const lifecycleSchema = lazySchema(() =>
  z.object({
    answerStates: z.optional(z.array(answerStateSchema).check(z.minLength(1))),
    commands: z._default(z.partialRecord(z.enum(PROPOSAL_COMMAND_TYPES), commandRuleSchema), {}),
  }),
);

/**
 * An answer state of a lifecycle.
 *
 * @category Proposals
 * @example
 * ```ts
 * const studied: AnswerState = { id: "in-study", supportable: true, cost: "optional", fundable: false };
 * ```
 */
export interface AnswerState {
  readonly id: string;
  readonly title?: string | undefined;
  /** Whether a proposal may still be supported once this answer is published. */
  readonly supportable: boolean;
  /** `required`: an answer in this state needs a cost; `phase`: when the running phase's component settings say `answersWithCosts: true`. */
  readonly cost: "required" | "phase" | "optional";
  /** Whether a proposal answered (and published) in this state becomes a budget project. */
  readonly fundable: boolean;
  /** The answer states it may follow (`"none"` for an unanswered proposal); any when absent. */
  readonly from?: readonly string[] | undefined;
}

/**
 * A lifecycle with every default filled in (see {@link defineLifecycle}).
 *
 * @category Proposals
 * @example
 * ```ts
 * defaultLifecycle.commands.answer.roles; //=> ["admin", "valuator"]
 * ```
 */
export interface Lifecycle {
  readonly answerStates: readonly AnswerState[];
  readonly commands: Readonly<
    Record<
      ProposalCommand["type"],
      { readonly roles: readonly Role[]; readonly capability: string | null }
    >
  >;
}

const defaultCommands: Lifecycle["commands"] = {
  create: { roles: ["participant"], capability: "proposals.create" },
  publish: { roles: ["author", "coauthor"], capability: "proposals.create" },
  withdraw: { roles: ["author"], capability: "proposals.create" },
  answer: { roles: ["admin", "valuator"], capability: "proposals.answer" },
  "publish-answer": { roles: ["admin"], capability: "proposals.answer" },
  support: { roles: ["participant"], capability: "proposals.support" },
  unsupport: { roles: ["participant"], capability: "proposals.support" },
  endorse: { roles: ["participant"], capability: "proposals.support" },
  comment: { roles: ["participant"], capability: "proposals.comment" },
  "assign-valuator": { roles: ["admin"], capability: null },
  "unassign-valuator": { roles: ["admin"], capability: null },
  note: { roles: ["admin", "valuator"], capability: null },
  amend: { roles: ["participant"], capability: "proposals.amend" },
  "publish-amendment": { roles: ["amendment-author"], capability: "proposals.amend" },
  "withdraw-amendment": { roles: ["amendment-author"], capability: "proposals.amend" },
  "accept-amendment": { roles: ["author", "coauthor", "admin"], capability: "proposals.amend" },
  "reject-amendment": { roles: ["author", "coauthor", "admin"], capability: "proposals.amend" },
  "promote-amendment": { roles: ["amendment-author"], capability: "proposals.create" },
  "open-draft": { roles: ["participant"], capability: "proposals.create" },
  "request-access": { roles: ["participant"], capability: "proposals.create" },
  "accept-access": { roles: ["draft-author", "contributor"], capability: "proposals.create" },
  "reject-access": { roles: ["draft-author", "contributor"], capability: "proposals.create" },
  "edit-draft": { roles: ["draft-author", "contributor"], capability: "proposals.create" },
  "publish-draft": { roles: ["draft-author"], capability: "proposals.create" },
  "withdraw-draft": { roles: ["draft-author"], capability: "proposals.create" },
  merge: { roles: ["admin"], capability: null },
  split: { roles: ["admin"], capability: null },
  copy: { roles: ["admin"], capability: null },
};

/**
 * The default lifecycle: Decidim's answer states and roles.
 *
 * @category Proposals
 * @example
 * ```ts
 * defaultLifecycle.answerStates.map((state) => state.id); //=> ["evaluating", "accepted", "rejected"]
 * ```
 */
export const defaultLifecycle: Lifecycle = {
  answerStates: [
    { id: "evaluating", supportable: true, cost: "optional", fundable: false },
    { id: "accepted", supportable: true, cost: "phase", fundable: true },
    { id: "rejected", supportable: false, cost: "optional", fundable: false },
  ],
  commands: defaultCommands,
};

/**
 * Checks a lifecycle definition (JSON in) and fills in the defaults: answer state ids must
 * be unique and `from` must name known states. The lifecycle, or issues with their paths.
 *
 * @category Proposals
 * @example
 * ```ts
 * const lifecycle = defineLifecycle({
 *   answerStates: [
 *     { id: "evaluating" },
 *     { id: "accepted", cost: "required", fundable: true, from: ["evaluating"] },
 *     { id: "rejected", supportable: false },
 *     { id: "not-answered-in-time", supportable: false },
 *   ],
 * });
 * ```
 */
export function defineLifecycle(input: unknown): Result<Lifecycle> {
  const parsed = parseSchema(lifecycleSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-lifecycle", "lifecycle"));
  const answerStates = parsed.data.answerStates ?? defaultLifecycle.answerStates;
  const issues = [];
  const ids = answerStates.map((state) => state.id);
  for (const [index, state] of answerStates.entries()) {
    if (ids.indexOf(state.id) !== index)
      issues.push(
        makeIssue(
          "duplicate-answer-state",
          ["answerStates", index, "id"],
          `the answer state ${state.id} is defined twice`,
          { state: state.id },
        ),
      );
    for (const [at, from] of (state.from ?? []).entries())
      if (from !== "none" && !ids.includes(from))
        issues.push(
          makeIssue(
            "unknown-answer-state",
            ["answerStates", index, "from", at],
            `the answer state ${state.id} follows ${from}, which is not defined`,
            { state: from },
          ),
        );
  }
  if (issues.length > 0) return fail(issues);
  const commands = Object.fromEntries(
    PROPOSAL_COMMAND_TYPES.map((type) => {
      const base = defaultCommands[type];
      const own = parsed.data.commands[type];
      return [
        type,
        {
          roles: own?.roles ?? base.roles,
          capability: own?.capability === undefined ? base.capability : own.capability,
        },
      ];
    }),
  ) as unknown as Lifecycle["commands"];
  return ok({ answerStates, commands });
}
