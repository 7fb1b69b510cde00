import type { ApprovalProfile } from "../../tally/ballots/approvalProfile.js";
import { committeePriceability } from "../../tally/committees/committeePriceability.js";

/**
 * An approval committee rule as the axioms see it: a profile and a number of seats in,
 * one winning committee out (the first, when the rule lists several), or undefined when it
 * refuses the profile.
 *
 * @category Axioms
 * @example
 * ```ts
 * const pav: CommitteeOf = (profile, seats) => { const o = thieleCommittee(profile, seats); return o.ok ? o.value.winners : undefined; };
 * ```
 */
export type CommitteeOf = (
  profile: ApprovalProfile,
  seats: number,
) => readonly string[] | undefined;

/**
 * A committee axiom as data: its id, what it demands, and a checker for a committee of a
 * profile that says which group of voters it leaves short, or undefined.
 *
 * @category Axioms
 * @example
 * ```ts
 * committeeAxioms.find((axiom) => axiom.id === "ejr")?.violation(profile, committee);
 * ```
 */
export interface CommitteeAxiom {
  readonly id: string;
  readonly name: string;
  readonly demands: string;
  readonly violation: (
    profile: ApprovalProfile,
    committee: readonly string[],
  ) => string | undefined;
}

/** Every subset of `items` with `size` members. */
function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}

interface Group {
  /** The ℓ candidates every voter of the group approves. */
  readonly common: readonly string[];
  /** How many voters (ballot weights summed). */
  readonly size: number;
}

/**
 * For each set T of ℓ candidates, the voters approving all of T among those
 * `short(ballot)` says fall short; a violation when they are at least ℓ·n/k.
 */
function cohesiveShortfall(
  profile: ApprovalProfile,
  seats: number,
  l: number,
  short: (approved: readonly string[]) => boolean,
): Group | undefined {
  const n = profile.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
  const shortBallots = profile.ballots.filter((ballot) => short(ballot.approved));
  for (const common of subsets(profile.candidates, l)) {
    let size = 0;
    for (const ballot of shortBallots)
      if (common.every((c) => ballot.approved.includes(c))) size += ballot.weight;
    // |S| ≥ ℓ·n/k, exactly: |S|·k ≥ ℓ·n.
    if (size > 0 && size * seats >= l * n) return { common, size };
  }
  return undefined;
}

const describe = (group: Group, what: string) =>
  `${group.size} voters approving ${group.common.join(", ")} ${what}`;

/**
 * The committee axioms civitas checks, exactly (small profiles: they look at every set of
 * up to k candidates): justified representation (JR), proportional justified
 * representation (PJR), extended justified representation (EJR), as Aziz et al. 2017
 * and Sánchez-Fernández et al. 2017 define them, EJR+ (Brill and Peters 2023), and
 * priceability (Peters and Skowron 2020), decided exactly by {@link committeePriceability}
 * (a committee its work limit cannot decide counts as no violation).
 *
 * @category Axioms
 * @example
 * ```ts
 * committeeAxioms.map((axiom) => axiom.id); //=> ["jr", "pjr", "ejr", "ejr+", "priceability"]
 * ```
 */
export const committeeAxioms: readonly CommitteeAxiom[] = [
  {
    id: "jr",
    name: "Justified representation",
    demands: "n/k voters who all approve one candidate have someone they approve elected",
    violation: (profile, committee) => {
      const group = cohesiveShortfall(
        profile,
        committee.length,
        1,
        (approved) => !approved.some((c) => committee.includes(c)),
      );
      return group === undefined ? undefined : describe(group, "have no one they approve elected");
    },
  },
  {
    id: "pjr",
    name: "Proportional justified representation",
    demands: "ℓ·n/k voters who all approve ℓ candidates approve ℓ elected together",
    violation: (profile, committee) => {
      const k = committee.length;
      // A group is short when the elected its voters approve, together, are fewer than ℓ:
      // all within some ℓ − 1 of the elected.
      for (let l = 1; l <= k; l++)
        for (const within of subsets(committee, l - 1)) {
          const group = cohesiveShortfall(profile, k, l, (approved) =>
            approved.filter((c) => committee.includes(c)).every((c) => within.includes(c)),
          );
          if (group !== undefined)
            return describe(
              group,
              `approve together only ${within.length === 0 ? "no one" : within.join(", ")} of the elected`,
            );
        }
      return undefined;
    },
  },
  {
    id: "ejr",
    name: "Extended justified representation",
    demands: "ℓ·n/k voters who all approve ℓ candidates include one who approves ℓ elected",
    violation: (profile, committee) => {
      let group: Group | undefined;
      for (let l = 1; l <= committee.length && group === undefined; l++)
        group = cohesiveShortfall(
          profile,
          committee.length,
          l,
          (approved) => approved.filter((c) => committee.includes(c)).length < l,
        );
      return group === undefined
        ? undefined
        : describe(group, "each approve fewer than that many elected");
    },
  },
  {
    id: "ejr+",
    name: "EJR+",
    demands:
      "no ℓ·n/k voters who all approve one candidate left out each approve fewer than ℓ elected",
    violation: (profile, committee) => {
      const k = committee.length;
      const n = profile.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
      for (const candidate of profile.candidates) {
        if (committee.includes(candidate)) continue;
        for (let l = 1; l <= k; l++) {
          let size = 0;
          for (const ballot of profile.ballots)
            if (
              ballot.approved.includes(candidate) &&
              ballot.approved.filter((c) => committee.includes(c)).length < l
            )
              size += ballot.weight;
          if (size > 0 && size * k >= l * n)
            return `${size} voters approving ${candidate}, left out, each approve fewer than ${l} elected`;
        }
      }
      return undefined;
    },
  },
  {
    id: "priceability",
    name: "Priceability",
    demands:
      "voters with equal budgets can pay for the committee, each elected candidate at one price, paying only for candidates they approve, with the supporters of anyone left out holding no more than that price",
    violation: (profile, committee) => {
      const decided = committeePriceability(profile, committee);
      return decided.ok && !decided.value.priceable
        ? `no prices let voters with equal budgets pay for ${committee.join(", ")} alone`
        : undefined;
    },
  },
];
