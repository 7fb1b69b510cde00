import { ownValue } from "./idRecord.js";
import { makeIssue } from "./issue.js";
import { compareRational, type Rational } from "./rational.js";
import { fail, ok, type Result } from "./result.js";
import { seededShuffle } from "./seededRandom.js";

/**
 * One step of a tie-breaking chain: prefer the item whose named key is lower or higher
 * (`{ by: "cost", prefer: "lower" }`), follow a fixed list of ids
 * (`{ by: "order", order: ["p3", "p1", …] }`, earlier preferred; unlisted ids last), or
 * draw a lottery anyone can re-run (`{ by: "lottery", seed }`: the order
 * `seededShuffle(ids, seed)` of every id in play, so it needs them: see
 * {@link tieBreakingComparator}).
 *
 * This is civitas's one model of tie-breaking: budgets (`pbTieBreakingKeys`), tallies
 * (`resolveTies`, instant runoff's elimination) and committee rules all take it.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const cheaperFirst: TieBreakingCriterion = { by: "cost", prefer: "lower" };
 * const published: TieBreakingCriterion = { by: "order", order: ["p3", "p1", "p2"] };
 * const drawn: TieBreakingCriterion = { by: "lottery", seed: "council-2026" };
 * ```
 */
export type TieBreakingCriterion =
  | { readonly by: string; readonly prefer: "lower" | "higher" }
  | { readonly by: "order"; readonly order: readonly string[] }
  | { readonly by: "lottery"; readonly seed: number | string };

/**
 * A tie-breaking policy as plain data: criteria applied in turn until one separates the
 * tied items. Serialisable, so a result can say exactly how its ties were broken.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const citiesConvention: TieBreakingPolicy = [
 *   { by: "cost", prefer: "lower" },
 *   { by: "votes", prefer: "higher" },
 *   { by: "id", prefer: "lower" },
 * ];
 * ```
 */
export type TieBreakingPolicy = readonly TieBreakingCriterion[];

/**
 * A value a tie-breaking key can produce.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const values: TieBreakingValue[] = [5n, 3, "p1", rational(1, 2)];
 * ```
 */
export type TieBreakingValue = bigint | number | string | Rational;

/**
 * How to read each named key from an item, e.g. `{ cost: (p) => p.cost }`. `id` must be
 * present: it always ends the chain, so a policy never leaves a tie unresolved.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const keys: TieBreakingKeys<{ id: string; cost: bigint }> = { id: (p) => p.id, cost: (p) => p.cost };
 * ```
 */
export type TieBreakingKeys<T> = Readonly<Record<string, (item: T) => TieBreakingValue>> & {
  readonly id: (item: T) => string;
};

function compareValues(a: TieBreakingValue, b: TieBreakingValue): number {
  if (typeof a === "object" && typeof b === "object") return compareRational(a, b);
  if (typeof a === "object" || typeof b === "object") {
    throw new TypeError("tie-breaking: cannot compare a rational with a plain value");
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turns a policy into a comparator: negative when `a` is preferred over `b`. After the
 * policy's own criteria, ids in plain string order (UTF-16 code units) decide, so the
 * result is a strict total order on items with distinct ids. A lottery draws its order
 * over `ids`, every id in play in their given order (the same ids and seed, the same draw).
 *
 * Throws if the policy names a key that `keys` does not define (a programmer error;
 * untrusted policies go through {@link parseTieBreakingPolicy} first).
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const compare = tieBreakingComparator(
 *   [{ by: "cost", prefer: "lower" }],
 *   { id: (p: { id: string; cost: bigint }) => p.id, cost: (p) => p.cost },
 * );
 * [{ id: "b", cost: 5n }, { id: "a", cost: 5n }, { id: "c", cost: 1n }].sort(compare);
 * //=> ids c, a, b
 * ```
 */
export function tieBreakingComparator<T>(
  policy: TieBreakingPolicy,
  keys: TieBreakingKeys<T>,
  ids?: readonly string[],
): (a: T, b: T) => number {
  const byRank = (order: readonly string[]) => {
    const rank = new Map(order.map((id, index) => [id, index]));
    const rankOf = (item: T) => rank.get(keys.id(item)) ?? Number.MAX_SAFE_INTEGER;
    return (a: T, b: T) => rankOf(a) - rankOf(b);
  };
  const steps = policy.map((criterion): ((a: T, b: T) => number) => {
    if ("order" in criterion) return byRank(criterion.order);
    if ("seed" in criterion) {
      if (ids === undefined)
        throw new RangeError("tie-breaking: a lottery needs the ids in play (the `ids` argument)");
      return byRank(seededShuffle(ids, criterion.seed));
    }
    const key = ownValue(keys, criterion.by) as ((item: T) => TieBreakingValue) | undefined;
    if (key === undefined) throw new RangeError(`tie-breaking: unknown key "${criterion.by}"`);
    const sign = criterion.prefer === "lower" ? 1 : -1;
    return (a, b) => sign * compareValues(key(a), key(b));
  });
  return (a, b) => {
    for (const step of steps) {
      const c = step(a, b);
      if (c !== 0) return c;
    }
    return compareValues(keys.id(a), keys.id(b));
  };
}

/**
 * Reads a policy written as a comma-separated list of key names, each optionally
 * followed by `:lower` or `:higher` (`"cost,votes,id"`, `"votes:lower,id"`). `defaults`
 * lists the keys allowed and the direction each takes when none is written.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * parseTieBreakingPolicy("cost,votes", { cost: "lower", votes: "higher", id: "lower" });
 * //=> { ok: true, value: [{ by: "cost", prefer: "lower" }, { by: "votes", prefer: "higher" }] }
 * parseTieBreakingPolicy("age", { id: "lower" }).ok; //=> false
 * ```
 */
export function parseTieBreakingPolicy(
  text: string,
  defaults: Readonly<Record<string, "lower" | "higher">>,
): Result<TieBreakingPolicy> {
  const policy: TieBreakingCriterion[] = [];
  const names = text.split(",").map((part) => part.trim());
  for (const [index, part] of names.entries()) {
    const [name = "", direction, extra] = part.split(":");
    const preferred = ownValue(defaults, name);
    if (preferred === undefined || extra !== undefined) {
      return fail([
        makeIssue(
          "unknown-tie-breaking-key",
          [index],
          `unknown tie-breaking key "${part}" (known: ${Object.keys(defaults).join(", ")})`,
          { key: part, known: Object.keys(defaults) },
        ),
      ]);
    }
    if (direction !== undefined && direction !== "lower" && direction !== "higher") {
      return fail([
        makeIssue(
          "unknown-tie-breaking-direction",
          [index],
          `tie-breaking direction must be "lower" or "higher", not "${direction}"`,
          { key: name, direction },
        ),
      ]);
    }
    policy.push({ by: name, prefer: direction ?? preferred });
  }
  return ok(policy);
}

/**
 * `ids` in the order a policy prefers them, best first (a lottery draws over exactly these
 * ids). Tallies use it with `order` and `lottery` criteria, whose keys are the ids alone.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * orderByTieBreaking(["a", "b", "c"], [{ by: "order", order: ["c"] }]); //=> ["c", "a", "b"]
 * orderByTieBreaking(["a", "b", "c"], [{ by: "lottery", seed: 7 }]); // one fixed order
 * ```
 */
export function orderByTieBreaking(ids: readonly string[], policy: TieBreakingPolicy): string[] {
  return [...ids].sort(tieBreakingComparator(policy, { id: (id: string) => id }, ids));
}
