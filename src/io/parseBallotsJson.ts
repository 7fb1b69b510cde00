import * as z from "zod/mini";
import { idRecordSchema } from "../core/idRecordSchema.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { type ApprovalProfile, approvalProfileSchema } from "../tally/ballots/approvalProfile.js";
import { type RankedProfile, rankedProfileSchema } from "../tally/ballots/rankedProfile.js";
import { type ScoreProfile, scoreProfileSchema } from "../tally/ballots/scoreProfile.js";
import { type ReferendumRules, referendumRulesSchema } from "../tally/referendum/referendum.js";
import {
  type ReferendumBallots,
  referendumBallotsSchema,
} from "../tally/referendum/referendumBallots.js";
import { parseJsonText } from "./parseJsonText.js";

/**
 * Ballots of any kind as one JSON document, told apart by `type`: `ranked`, `approval`
 * and `score` profiles (their zod schemas), or `referendum` ballots with optional `rules`
 * (one set for every question, or one per question id).
 *
 * @category JSON
 * @example
 * ```ts
 * const ballots: BallotsJson = { type: "score", profile: { candidates: ["a"], names: {}, maxScore: 5, ballots: [] } };
 * ```
 */
export type BallotsJson =
  | { readonly type: "ranked"; readonly profile: RankedProfile }
  | { readonly type: "approval"; readonly profile: ApprovalProfile }
  | { readonly type: "score"; readonly profile: ScoreProfile }
  | {
      readonly type: "referendum";
      readonly ballots: ReferendumBallots;
      readonly rules?: ReferendumRules | Readonly<Record<string, ReferendumRules>>;
    };

const documentSchema = lazySchema(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("ranked"), profile: rankedProfileSchema }),
    z.object({ type: z.literal("approval"), profile: approvalProfileSchema }),
    z.object({ type: z.literal("score"), profile: scoreProfileSchema }),
    z.object({
      type: z.literal("referendum"),
      ballots: referendumBallotsSchema,
      rules: z.optional(z.union([referendumRulesSchema, idRecordSchema(referendumRulesSchema)])),
    }),
  ]),
);

/**
 * Reads a {@link BallotsJson} document. Broken JSON gets an issue with its line and column;
 * a document that does not fit its type gets one issue per problem, with its path
 * (`profile.ballots.3.scores.b`).
 *
 * @category JSON
 * @example
 * ```ts
 * parseBallotsJson('{"type": "approval", "profile": {"candidates": ["a"], "names": {}, "ballots": []}}').ok; //=> true
 * ```
 */
export function parseBallotsJson(text: string): Result<BallotsJson> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const data = json.value;
  const parsed = parseSchema(documentSchema, data);
  if (!parsed.success) {
    return fail(schemaIssues(parsed.error, "invalid-ballots", "ballots"));
  }
  return ok(parsed.data as BallotsJson);
}
