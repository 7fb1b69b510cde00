import type { Money } from "../../core/money.js";

/**
 * An investment project of a CONSUL heading, as results read it: its price, whether it
 * was selected for the final vote and is compatible (not marked incompatible by an admin),
 * and its ballot count (online and paper lines together).
 *
 * @category Voting
 * @example
 * ```ts
 * const investment: ConsulInvestment = { id: "12", heading: "north", price: 600n, selected: true, compatible: true, votes: 120 };
 * ```
 */
export interface ConsulInvestment {
  readonly id: string;
  readonly heading: string;
  readonly price: Money;
  readonly selected: boolean;
  readonly compatible: boolean;
  readonly votes: number;
}

/**
 * One heading's winners and the reason each selected, compatible investment won or not.
 *
 * @category Voting
 * @example
 * ```ts
 * const result: ConsulHeadingResult = { heading: "north", winners: ["12"], steps: [], spent: 600n };
 * ```
 */
export interface ConsulHeadingResult {
  readonly heading: string;
  readonly winners: readonly string[];
  readonly spent: Money;
  readonly steps: readonly {
    readonly investment: string;
    readonly votes: number;
    readonly price: Money;
    readonly won: boolean;
    /** What the heading had left before this investment. */
    readonly left: Money;
  }[];
}

/** CONSUL orders investment ids numerically when both are numbers (its ids are), else as text. */
function compareIdsDescending(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x > y ? -1 : x < y ? 1 : 0;
  }
  return a > b ? -1 : a < b ? 1 : 0;
}

/**
 * CONSUL's winners per heading (`Budget::Result`): the selected, compatible investments in
 * order of ballot count, most first, ties to the higher id (the newer investment); each one
 * whose price fits what the heading has left wins, and one that does not fit is skipped
 * while cheaper ones below it may still win. With money hidden (`hideMoney`), every
 * selected, compatible investment wins.
 *
 * @category Voting
 * @example
 * ```ts
 * consulResults([{ id: "north", price: 1000n }], investments).map((result) => result.winners);
 * ```
 */
export function consulResults(
  headings: readonly { readonly id: string; readonly price: Money }[],
  investments: readonly ConsulInvestment[],
  options: { readonly hideMoney?: boolean } = {},
): ConsulHeadingResult[] {
  return headings.map((heading) => {
    const candidates = investments
      .filter(
        (investment) =>
          investment.heading === heading.id && investment.selected && investment.compatible,
      )
      .sort((a, b) => b.votes - a.votes || compareIdsDescending(a.id, b.id));
    let spent = 0n;
    const steps: ConsulHeadingResult["steps"][number][] = [];
    for (const investment of candidates) {
      const left = heading.price - spent;
      const won = options.hideMoney === true || investment.price <= left;
      if (won && options.hideMoney !== true) spent += investment.price;
      steps.push({
        investment: investment.id,
        votes: investment.votes,
        price: investment.price,
        won,
        left,
      });
    }
    return {
      heading: heading.id,
      winners: steps.filter((step) => step.won).map((step) => step.investment),
      spent,
      steps,
    };
  });
}

/**
 * Ballot lines per investment from CONSUL ballots (online and paper alike): each ballot
 * counts once for each investment it holds, a repeated line once.
 *
 * @category Voting
 * @example
 * ```ts
 * consulVotes([{ investments: ["7", "9"] }, { investments: ["7"] }]).get("7"); //=> 2
 * ```
 */
export function consulVotes(
  ballots: readonly { readonly investments: readonly string[] }[],
): Map<string, number> {
  const votes = new Map<string, number>();
  for (const ballot of ballots) {
    const lines = ballot.investments;
    for (let k = 0; k < lines.length; k++) {
      const id = lines[k] as string;
      if (lines.indexOf(id) !== k) continue;
      votes.set(id, (votes.get(id) ?? 0) + 1);
    }
  }
  return votes;
}
