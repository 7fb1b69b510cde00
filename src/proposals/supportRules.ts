import * as z from "zod/mini";
import { lazySchema } from "../core/lazySchema.js";

/**
 * The zod schema of a consultation's support rules: how many proposals one participant may
 * support (`voteLimit`), how many they must support before any of their supports counts
 * (`minimumSupports`: until then they are provisional), a threshold per proposal with or
 * without counting beyond it, how many proposals one author may have, and CONSUL's rules:
 * a proposal succeeds (qualifies for a vote) once its counted supports reach a share of the
 * eligible census (`successShareOfCensus`, an exact decimal such as `"0.01"`), and an
 * unsuccessful proposal is archived (no more supports) `archiveAfterMonths` after it was
 * created.
 *
 * @category Proposals
 * @example
 * ```ts
 * supportRulesSchema.parse({ voteLimit: 5, minimumSupports: 2, threshold: 100 });
 * ```
 */
export const supportRulesSchema = lazySchema(() =>
  z.object({
    voteLimit: z.optional(z.int().check(z.positive())),
    minimumSupports: z.optional(z.int().check(z.positive())),
    threshold: z.optional(z.int().check(z.positive())),
    accumulateBeyondThreshold: z._default(z.boolean(), true),
    /** How many proposals (not withdrawn) one author may have. */
    proposalLimit: z.optional(z.int().check(z.positive())),
    /** The share of the census a proposal's counted supports must reach to succeed, as a decimal (`"0.01"` is 1%). */
    successShareOfCensus: z.optional(
      z
        .string()
        .check(z.regex(/^(0(\.\d+)?|1(\.0+)?)$/, "a decimal between 0 and 1, such as 0.01")),
    ),
    /** Months after its creation (in the process's time zone) an unsuccessful proposal is archived. */
    archiveAfterMonths: z.optional(z.int().check(z.positive())),
  }),
);

/**
 * A consultation's support rules (see {@link supportRulesSchema}).
 *
 * @category Proposals
 * @example
 * ```ts
 * const rules: SupportRules = { voteLimit: 3, accumulateBeyondThreshold: true };
 * ```
 */
export type SupportRules = z.input<typeof supportRulesSchema>;
