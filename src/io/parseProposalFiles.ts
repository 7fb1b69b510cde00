import * as z from "zod/mini";
import { makeIssue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import {
  defineLifecycle,
  type Lifecycle,
  lifecycleSchema,
  type ProposalEvent,
  proposalEventSchema,
  supportRulesSchema,
} from "../proposals/index.js";
import { parseJsonText } from "./parseJsonText.js";

/**
 * The zod schema of a proposals command file: the consultation's context, then each
 * command with its instant.
 *
 * @category Proposals
 * @example
 * ```ts
 * parseSchema(commandFileSchema, { commands: [] }).success; //=> true
 * ```
 */
export const commandFileSchema = lazySchema(() =>
  z.object({
    context: z._default(
      z.object({
        rules: z.optional(supportRulesSchema),
        lifecycle: z.optional(lifecycleSchema),
        component: z.optional(z.string().check(z.minLength(1))),
        admins: z.optional(z.array(z.string())),
        valuators: z.optional(z.array(z.string())),
        census: z.optional(z.int().check(z.nonnegative())),
      }),
      {},
    ),
    commands: z.array(
      z.object({
        at: z.string().check(z.regex(/(Z|[+-]\d{2}:\d{2})$/, "an ISO instant with its offset")),
        command: z.unknown(),
        /** This command is meant to be refused (a scenario showing a rule at work). */
        refused: z.optional(z.boolean()),
      }),
    ),
  }),
);

/**
 * A proposals scenario file, read: the consultation's context (support rules, lifecycle,
 * component, admins, valuators, census), then each command with the instant it is given at.
 *
 * @category Proposals
 * @example
 * ```ts
 * const scenario = parseProposalCommands(text);
 * if (scenario.ok) scenario.value.commands.length;
 * ```
 */
export type ProposalCommandFile = z.output<typeof commandFileSchema> & {
  readonly lifecycle?: Lifecycle;
};

/**
 * Reads a proposals command file (JSON): `{ "context": {…}, "commands": [{ "at", "command",
 * "refused"? }] }`, checked by its zod schema, the lifecycle by `defineLifecycle`;
 * issues carry JSON paths and, for syntax errors, line and column.
 *
 * @category Proposals
 * @example
 * ```ts
 * parseProposalCommands('{"commands": []}').ok; //=> true
 * ```
 */
export function parseProposalCommands(text: string): Result<ProposalCommandFile> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseSchema(commandFileSchema, json.value);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-commands", "file"));
  if (parsed.data.context.lifecycle === undefined) return ok(parsed.data);
  const lifecycle = defineLifecycle(parsed.data.context.lifecycle);
  if (!lifecycle.ok)
    return fail(
      lifecycle.issues.map((issue) =>
        makeIssue(
          issue.code,
          ["context", "lifecycle", ...issue.path],
          `context.lifecycle.${issue.message}`,
        ),
      ),
    );
  return ok({ ...parsed.data, lifecycle: lifecycle.value });
}

/**
 * Reads a proposals event log (a JSON array of events, as `civitas proposals apply`
 * prints it), each event checked by its schema.
 *
 * @category Proposals
 * @example
 * ```ts
 * parseProposalEventLog("[]"); //=> ok([])
 * ```
 */
export function parseProposalEventLog(text: string): Result<ProposalEvent[]> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseSchema(z.array(proposalEventSchema), json.value);
  return parsed.success
    ? ok(parsed.data)
    : fail(schemaIssues(parsed.error, "invalid-events", "log"));
}
