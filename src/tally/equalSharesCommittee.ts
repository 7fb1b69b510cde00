import { cardinalitySatisfaction, methodOfEqualShares } from "../budgeting/index.js";
import type { Result } from "../core/result.js";
import { ok } from "../core/result.js";
import type { ApprovalProfile } from "./approvalProfile.js";
import type { TallyOutcome } from "./outcome.js";

/**
 * The Method of Equal Shares for approval committees, by the budgeting engine: every
 * candidate costs 1, the budget is the number of seats, voters start with seats / n each;
 * then the committee is filled by approval votes (most approvals first, ties by candidate
 * order) — abcvoting's `equal-shares-with-av-completion`. Ties inside equal shares follow
 * the budgeting default (more supporters, then candidate id).
 *
 * @category Committees
 * @example
 * ```ts
 * equalSharesCommittee(profile, 3).ok; // winners: the committee
 * ```
 */
export function equalSharesCommittee(
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  const instance = {
    budget: BigInt(seats),
    scale: 0,
    projects: profile.candidates.map((id) => ({
      id,
      cost: 1n,
      name: profile.names[id] ?? id,
      categories: [],
      targets: [],
      fields: {},
    })),
    meta: {},
    projectColumns: ["project_id", "cost"],
  };
  const ballots = profile.ballots.map((ballot) => ({
    projects: ballot.approved,
    multiplicity: ballot.weight,
  }));
  const outcome = methodOfEqualShares(
    instance,
    { voteType: "approval", ballots, voteColumns: ["voter_id", "vote"] },
    {
      sat: cardinalitySatisfaction,
      tieBreaking: [
        { by: "votes", prefer: "higher" },
        { by: "position", prefer: "lower" },
      ],
    },
  );
  if (!outcome.ok) return outcome;
  const chosen = [...outcome.value.selected];
  const approvals = new Map(profile.candidates.map((candidate) => [candidate, 0]));
  for (const ballot of profile.ballots) {
    for (const candidate of ballot.approved)
      approvals.set(candidate, (approvals.get(candidate) ?? 0) + ballot.weight);
  }
  const rest = profile.candidates
    .filter((candidate) => !chosen.includes(candidate))
    .sort(
      (a, b) =>
        (approvals.get(b) ?? 0) - (approvals.get(a) ?? 0) ||
        profile.candidates.indexOf(a) - profile.candidates.indexOf(b),
    );
  const bought = chosen.length;
  while (chosen.length < seats && rest.length > 0) chosen.push(rest.shift() as string);
  return ok({
    method: "equal-shares",
    winners: chosen,
    committees: [chosen],
    rounds: outcome.value.explanation.map((step) => ({
      ...(step.action === "selected"
        ? { elected: [step.project] }
        : { eliminated: [step.project] }),
      note: `${step.project}: ${step.reason} (${step.measure} ${step.value})`,
    })),
    notes: [
      `${bought} elected by equal shares, ${chosen.length - bought} by approval votes after it`,
    ],
  });
}
