import { fail, ok, type Result } from "../../core/result.js";
import { tallyIssue } from "../tallyIssues.js";
import type { TallyTieBreak } from "./resolveTies.js";

/**
 * A {@link TallyTieBreak} from its written form, as the CLI's `--tie-break` takes it:
 * `order` (the file's candidate order; also when absent), `reverse`, `random:SEED` (a
 * seeded lottery anyone can re-run) or candidate ids separated by commas (those first, in
 * that order, then the rest in the file's order). An unknown id is the issue
 * `invalid-tie-break`.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * parseTallyTieBreak("random:2026", ["a", "b"]); //=> ok([{ by: "lottery", seed: "2026" }])
 * parseTallyTieBreak("b", ["a", "b", "c"]); //=> ok([{ by: "order", order: ["b", "a", "c"] }])
 * ```
 */
export function parseTallyTieBreak(
  text: string | undefined,
  candidates: readonly string[],
): Result<TallyTieBreak> {
  if (text === undefined || text === "order") return ok([{ by: "order", order: candidates }]);
  if (text === "reverse") return ok([{ by: "order", order: [...candidates].reverse() }]);
  if (text.startsWith("random:") && text.length > 7)
    return ok([{ by: "lottery", seed: text.slice(7) }]);
  const order = text.split(",").map((id) => id.trim());
  const unknown = order.find((id) => !candidates.includes(id));
  if (unknown !== undefined)
    return fail([
      tallyIssue(
        "invalid-tie-break",
        [],
        `a tie-break is order, reverse, random:SEED or candidate ids separated by commas; "${unknown}" is not a candidate`,
        { value: text, unknown },
      ),
    ]);
  // Candidates not written come after, in the election's order.
  return ok([
    { by: "order", order: [...order, ...candidates.filter((id) => !order.includes(id))] },
  ]);
}
