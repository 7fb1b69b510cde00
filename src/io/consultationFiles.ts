import * as z from "zod/mini";
import { parseQuestionnaire, type Questionnaire } from "../consultations/questionnaire.js";
import { type SynthesisProposal, synthesisProposalsSchema } from "../consultations/synthesis.js";
import { idRecordSchema } from "../core/idRecordSchema.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { ioIssue } from "./ioIssues.js";
import { parseJsonText } from "./parseJsonText.js";

/**
 * Reads a questionnaire file (JSON, as `questionnaireJsonSchema` describes it); issues
 * carry JSON paths and, for syntax errors, line and column.
 *
 * @category Consultations
 * @example
 * ```ts
 * parseQuestionnaireFile('{"id":"s","title":"S","questions":[]}').ok; //=> true
 * ```
 */
export function parseQuestionnaireFile(text: string): Result<Questionnaire> {
  const json = parseJsonText(text);
  return json.ok ? parseQuestionnaire(json.value) : json;
}

const responseEntrySchema = lazySchema(() =>
  z.array(
    z.object({
      id: z.optional(z.string().check(z.minLength(1))),
      channel: z._default(z.enum(["online", "paper"]), "online"),
      batch: z.optional(z.string()),
      attributes: z.optional(idRecordSchema(z.string())),
      at: z.optional(z.union([z.int(), z.iso.datetime({ offset: true })])),
      answers: z.array(z.unknown()),
    }),
  ),
);

/**
 * One response as a responses file holds it: its id (default its place, `#1`, `#2`…),
 * channel (default online), paper batch, attributes, when it was given, and its answers
 * (unchecked: check them with `checkResponse`).
 *
 * @category Consultations
 * @example
 * ```ts
 * const entry: ResponseFileEntry = { id: "ana", channel: "online", attributes: { age: "30-49" }, at: 0, answers: [] };
 * ```
 */
export interface ResponseFileEntry {
  readonly id: string;
  readonly channel: "online" | "paper";
  readonly batch?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly at: number;
  readonly answers: readonly unknown[];
}

/**
 * Reads a responses file: a JSON array of `{ id?, channel?, batch?, attributes?, at?,
 * answers }` (`at` in milliseconds since 1970 or an ISO date-time with its offset). Ids
 * must be unique.
 *
 * @category Consultations
 * @example
 * ```ts
 * parseResponsesFile('[{"answers": []}]'); //=> ok([{ id: "#1", channel: "online", attributes: {}, at: 0, answers: [] }])
 * ```
 */
export function parseResponsesFile(text: string): Result<ResponseFileEntry[]> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseSchema(responseEntrySchema, json.value);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-response", "responses"));
  const seen = new Set<string>();
  const entries: ResponseFileEntry[] = [];
  for (const [k, entry] of parsed.data.entries()) {
    const id = entry.id ?? `#${k + 1}`;
    if (seen.has(id))
      return fail([
        ioIssue("duplicate-response", [k, "id"], `${k}.id: the response id ${id} is used twice`, {
          id,
        }),
      ]);
    seen.add(id);
    entries.push({
      id,
      channel: entry.channel,
      ...(entry.batch === undefined ? {} : { batch: entry.batch }),
      attributes: entry.attributes ?? {},
      at: typeof entry.at === "string" ? Date.parse(entry.at) : (entry.at ?? 0),
      answers: entry.answers,
    });
  }
  return ok(entries);
}

/**
 * Reads the proposals of a synthesis (JSON, see `synthesisProposalsSchema`).
 *
 * @category Consultations
 * @example
 * ```ts
 * parseSynthesisProposals('[{"id":"p1","title":"Bancs","author":"ana"}]').ok; //=> true
 * ```
 */
export function parseSynthesisProposals(text: string): Result<SynthesisProposal[]> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = parseSchema(synthesisProposalsSchema, json.value);
  return parsed.success
    ? ok(parsed.data)
    : fail(schemaIssues(parsed.error, "invalid-proposals", "proposals"));
}
