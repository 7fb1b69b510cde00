import * as z from "zod/mini";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { sha256 } from "../core/sha256.js";
import { sortitionIssue } from "./sortitionIssues.js";

/** Characters a secret needs so that nobody can find it from its commitment by guessing. */
const SECRET_LENGTH = 16;

/**
 * The commitment an organiser publishes before a {@link publicDraw}: SHA-256 of the
 * secret (after a fixed label), in hex. Publishing it binds the organiser to the secret
 * without showing it.
 *
 * @category Public draw
 * @example
 * ```ts
 * drawCommitment("4f1c9a7e2b8d6053a1c4"); // 64 hex digits, published before the draw
 * ```
 */
export function drawCommitment(secret: string): string {
  return sha256(`civitas draw commitment\n${secret}`);
}

/**
 * The zod schema of a public draw's inputs: the candidate ids, how many to draw, the
 * organiser's secret (revealed after the public random value is known; at least 16
 * characters) and the public random value (a randomness beacon's output, a lottery
 * result: anything nobody knew when the candidates and the commitment were published).
 *
 * @category Public draw
 * @example
 * ```ts
 * parseSchema(publicDrawSchema, { candidates: ["a", "b"], count: 1, secret: "4f1c9a7e2b8d6053a1c4", publicRandom: "beacon 8123: 9f2e…" }).success; //=> true
 * ```
 */
export const publicDrawSchema = lazySchema(() =>
  z.object({
    candidates: z.array(z.string().check(z.minLength(1))),
    count: z.int().check(z.gte(0)),
    secret: z.string().check(z.minLength(SECRET_LENGTH)),
    publicRandom: z.string().check(z.minLength(1)),
  }),
);

/**
 * A public draw's inputs, as {@link publicDrawSchema} reads them.
 *
 * @category Public draw
 * @example
 * ```ts
 * const inputs: PublicDrawInputs = { candidates: ["a", "b", "c"], count: 2, secret: "4f1c9a7e2b8d6053a1c4", publicRandom: "2026-12-07 lottery: 4 8 15 16 23 42" };
 * ```
 */
export type PublicDrawInputs = z.infer<typeof publicDrawSchema>;

/**
 * A public draw: the commitment its secret matches, the seed every random number comes
 * from, and the drawn ids in order.
 *
 * @category Public draw
 * @example
 * ```ts
 * const draw: PublicDraw = { commitment: "…", seed: "…", drawn: ["c", "a"] };
 * ```
 */
export interface PublicDraw {
  readonly commitment: string;
  readonly seed: string;
  readonly drawn: readonly string[];
}

/** Uniform whole numbers below a bound from SHA-256 blocks of the seed, by rejection. */
function uniformFrom(seed: string): (bound: number) => number {
  let block = 0;
  let words: number[] = [];
  const word = () => {
    if (words.length === 0) {
      const hex = sha256(`${seed}:${block++}`);
      words = Array.from({ length: 8 }, (_, k) => Number.parseInt(hex.slice(8 * k, 8 * k + 8), 16));
    }
    return words.shift() as number;
  };
  return (bound) => {
    // Words at or above the largest multiple of the bound would favour small numbers.
    const limit = Math.floor(2 ** 32 / bound) * bound;
    for (;;) {
      const value = word();
      if (value < limit) return value % bound;
    }
  };
}

/**
 * A draw anyone can check from public inputs, for processes that choose their own method
 * (see docs/sortition.md). Before: the organiser publishes the candidate list, the count
 * and {@link drawCommitment} of a secret. After: a public random value nobody could know
 * before (a randomness beacon, a lottery result) is fixed, and the secret is revealed.
 * Then: the candidates in code-unit order; seed = SHA-256 of a labelled JSON of the sorted
 * candidates, the count, the public random value and the secret; random numbers from
 * SHA-256(seed + ":" + block), 32 bits at a time, made uniform below each bound by
 * rejection; a partial Fisher–Yates shuffle (position i swaps with i + a number below the
 * n − i left), its first `count` in order. Neither the organiser (committed before the
 * public value) nor whoever makes the public value (not knowing the secret) can steer it.
 * Repeated ids are refused.
 *
 * @category Public draw
 * @example
 * ```ts
 * const draw = publicDraw({ candidates: ["ana", "ben", "chloé", "dara"], count: 2, secret: "4f1c9a7e2b8d6053a1c4", publicRandom: "beacon round 4410213: 5c1e…" });
 * if (draw.ok) draw.value.drawn; // two ids, the same on any machine
 * ```
 */
export function publicDraw(input: unknown): Result<PublicDraw> {
  const parsed = parseSchema(publicDrawSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-draw", "draw"));
  const { candidates, count, secret, publicRandom } = parsed.data;
  const seen = new Set<string>();
  const issues: Issue[] = [];
  candidates.forEach((id, k) => {
    if (seen.has(id)) issues.push(sortitionIssue("repeated-candidate", ["candidates", k], { id }));
    seen.add(id);
  });
  if (issues.length > 0) return fail(issues);
  const sorted = [...candidates].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seed = sha256(
    `civitas draw v1\n${JSON.stringify({ candidates: sorted, count, publicRandom, secret })}`,
  );
  const uniform = uniformFrom(seed);
  const shuffled = [...sorted];
  const n = Math.min(count, shuffled.length);
  for (let i = 0; i < n; i++) {
    const j = i + uniform(shuffled.length - i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  return ok({ commitment: drawCommitment(secret), seed, drawn: shuffled.slice(0, n) });
}

/**
 * Checks a published draw from its public inputs: the revealed secret matches the
 * commitment published before, and the draw computed again names the published ids in
 * the published order. Issues say what differs (`commitment-mismatch`, `drawn-mismatch`,
 * `drawn-count-mismatch`); ok gives the draw computed.
 *
 * @category Public draw
 * @example
 * ```ts
 * verifyPublicDraw({ ...inputs, commitment: published.commitment, drawn: published.drawn }).ok; //=> true
 * ```
 */
export function verifyPublicDraw(
  input: PublicDrawInputs & { readonly commitment: string; readonly drawn: readonly string[] },
): Result<PublicDraw> {
  const computed = publicDraw({
    candidates: input.candidates,
    count: input.count,
    secret: input.secret,
    publicRandom: input.publicRandom,
  });
  if (!computed.ok) return computed;
  const issues: Issue[] = [];
  const commitment = input.commitment.trim().toLowerCase();
  if (commitment !== computed.value.commitment)
    issues.push(
      sortitionIssue("commitment-mismatch", ["commitment"], {
        commitment,
        computed: computed.value.commitment,
      }),
    );
  const drawn = computed.value.drawn;
  if (input.drawn.length !== drawn.length)
    issues.push(
      sortitionIssue("drawn-count-mismatch", ["drawn"], {
        published: input.drawn.length,
        computed: drawn.length,
      }),
    );
  else {
    const k = drawn.findIndex((id, position) => input.drawn[position] !== id);
    if (k >= 0)
      issues.push(
        sortitionIssue("drawn-mismatch", ["drawn", k], {
          position: k + 1,
          published: input.drawn[k] as string,
          computed: drawn[k] as string,
        }),
      );
  }
  return issues.length > 0 ? fail(issues) : computed;
}
