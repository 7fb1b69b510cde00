import { z } from "zod";

/**
 * The zod schema of a consultation's support rules: how many proposals one participant may
 * support (`voteLimit`), how many they must support before any of their supports counts
 * (`minimumSupports`: until then they are provisional), a threshold per proposal with or
 * without counting beyond it, and how many proposals one author may have.
 *
 * @category Proposals
 * @example
 * ```ts
 * supportRulesSchema.parse({ voteLimit: 5, minimumSupports: 2, threshold: 100 });
 * ```
 */
export const supportRulesSchema = z.object({
  voteLimit: z.number().int().positive().optional(),
  minimumSupports: z.number().int().positive().optional(),
  threshold: z.number().int().positive().optional(),
  accumulateBeyondThreshold: z.boolean().default(true),
  /** How many proposals (not withdrawn) one author may have. */
  proposalLimit: z.number().int().positive().optional(),
});

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
