import * as z from "zod/mini";
import { type Issue, makeWarning } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { MersenneTwister } from "./mersenneTwister.js";
import { rubySample } from "./rubySample.js";
import { sortitionIssue, sortitionIssueMessages } from "./sortitionIssues.js";

/**
 * The zod schema of a Decidim draw's public inputs: the candidate proposal ids, how many
 * to draw (`target_items`), the draw's Unix timestamp in seconds (`request_timestamp`) and
 * the die (1 to 6).
 *
 * @category Decidim
 * @example
 * ```ts
 * parseSchema(decidimDrawSchema, { candidates: [3, 8, 15], count: 2, timestamp: 1733577600, dice: 4 }).success; //=> true
 * ```
 */
export const decidimDrawSchema = lazySchema(() =>
  z.object({
    candidates: z.array(z.int().check(z.gte(1))),
    count: z.int().check(z.gte(0)),
    timestamp: z.int().check(z.gte(0)),
    dice: z.int().check(z.gte(1), z.lte(6)),
  }),
);

/**
 * A Decidim draw's public inputs, as {@link decidimDrawSchema} reads them.
 *
 * @category Decidim
 * @example
 * ```ts
 * const inputs: DecidimDrawInputs = { candidates: [3, 8, 15], count: 2, timestamp: 1733577600, dice: 4 };
 * ```
 */
export type DecidimDrawInputs = z.infer<typeof decidimDrawSchema>;

/**
 * A Decidim draw: its seed (timestamp × die, as a decimal string since it can pass 2^53)
 * and the drawn proposal ids, in the order drawn.
 *
 * @category Decidim
 * @example
 * ```ts
 * const draw: DecidimDraw = { seed: "6934310400", drawn: [15, 3] };
 * ```
 */
export interface DecidimDraw {
  readonly seed: string;
  readonly drawn: readonly number[];
}

/**
 * Reproduces a Decidim sortition from its public inputs, exactly: the candidate ids sorted
 * ascending (as Decidim lists them; unsorted input is sorted with a warning), seed = the
 * Unix timestamp × the die, then Ruby's `candidates.sample(count, random: Random.new(seed))`
 * — Ruby 3's MT19937 seeding, bounded integers and `Array#sample`, checked against draws
 * computed by Ruby 3.1 (decidim-sortitions, `Admin::Draw`). A count above the number of
 * candidates draws them all, in a random order, as Ruby does. Repeated ids are refused.
 *
 * @category Decidim
 * @example
 * ```ts
 * const draw = decidimDraw({ candidates: [3, 8, 15, 16, 23, 42], count: 2, timestamp: 1733577600, dice: 4 });
 * if (draw.ok) draw.value.drawn; // the two ids Decidim drew, in order
 * ```
 */
export function decidimDraw(input: unknown): Result<DecidimDraw> {
  const parsed = parseSchema(decidimDrawSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-draw", "draw"));
  const { candidates, count, timestamp, dice } = parsed.data;
  const warnings: Issue[] = [];
  const seen = new Set<number>();
  const issues: Issue[] = [];
  candidates.forEach((id, k) => {
    if (seen.has(id))
      issues.push(sortitionIssue("repeated-candidate", ["candidates", k], { id: String(id) }));
    seen.add(id);
  });
  if (issues.length > 0) return fail(issues);
  const sorted = [...candidates].sort((a, b) => a - b);
  if (sorted.some((id, k) => id !== candidates[k]))
    warnings.push(
      makeWarning(
        "candidates-sorted",
        ["candidates"],
        sortitionIssueMessages["candidates-sorted"](),
      ),
    );
  const seed = BigInt(timestamp) * BigInt(dice);
  const drawn = rubySample(sorted, count, MersenneTwister.fromRubySeed(seed));
  return ok({ seed: seed.toString(), drawn }, warnings);
}

/**
 * A proposal as a Decidim draw considers it: id, whether it is published, withdrawn,
 * rejected or hidden (moderated), when it was created, and its category if any.
 *
 * @category Decidim
 * @example
 * ```ts
 * const proposal: DecidimCandidateProposal = { id: 12, published: true, withdrawn: false, rejected: false, hidden: false, createdAt: "2026-03-01T10:00:00Z" };
 * ```
 */
export interface DecidimCandidateProposal {
  readonly id: number;
  readonly published: boolean;
  readonly withdrawn: boolean;
  readonly rejected: boolean;
  readonly hidden: boolean;
  /** An ISO 8601 instant with its offset. */
  readonly createdAt: string;
  readonly category?: string | undefined;
}

/**
 * The candidates of a Decidim draw, as Decidim selects them
 * (`Admin::ParticipatorySpaceProposals`): published, not withdrawn, not rejected, not
 * hidden, created before the draw's instant, of the category when one is given; ids in
 * ascending order.
 *
 * @category Decidim
 * @example
 * ```ts
 * decidimCandidates(proposals, { drawAt: "2026-12-07T10:00:00Z" }); //=> [3, 8, 15]
 * ```
 */
export function decidimCandidates(
  proposals: readonly DecidimCandidateProposal[],
  options: { readonly drawAt: string; readonly category?: string | undefined },
): number[] {
  const drawAt = Date.parse(options.drawAt);
  if (Number.isNaN(drawAt))
    throw new RangeError(`decidimCandidates: "${options.drawAt}" is not an instant`);
  return proposals
    .filter(
      (proposal) =>
        proposal.published &&
        !proposal.withdrawn &&
        !proposal.rejected &&
        !proposal.hidden &&
        Date.parse(proposal.createdAt) < drawAt &&
        (options.category === undefined || proposal.category === options.category),
    )
    .map((proposal) => proposal.id)
    .sort((a, b) => a - b);
}
