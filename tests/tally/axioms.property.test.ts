import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkExtendedJustifiedRepresentation,
  checkPriceability,
  defaultSatisfaction,
  equalSharesCertificate,
  type PbElection,
  pbRules,
  projectSupport,
  projectWelfare,
} from "../../src/budgeting/index.js";
import {
  type AxiomId,
  addRational,
  axioms,
  compareRational,
  type MethodInfo,
  type Rational,
  rational,
} from "../../src/core/index.js";
import { restrictProfile } from "../../src/tally/ballots/restrictProfile.js";
import {
  type ApprovalProfile,
  committeeMethods,
  committeePriceability,
  methodCatalogue,
  type RankedProfile,
  type ScoreProfile,
  scoreMethods,
  splitCycle,
  tallyMethods,
} from "../../src/tally/index.js";
import { arbitraryElection } from "../helpers/arbitraries.js";
import { approvalElection } from "../helpers/elections.js";

/*
 * Every axiom a method claims in the catalogue is checked here, by its id, on random small
 * elections: a claim without a checker fails the first test, a claim a method breaks
 * fails with the counterexample fast-check shrinks to.
 */

type RankedRun = (profile: RankedProfile) => readonly string[];
type CommitteeRun = (profile: ApprovalProfile, seats: number) => readonly string[];
type BudgetRun = (election: PbElection) => readonly string[];

const runs = { numRuns: 120 };

// ---------- ranked ballots ----------

/** `size` candidates c0, c1, …, and voters with complete strict rankings of them. */
function strictRankings(size: number, voters: { minLength: number; maxLength: number }) {
  const candidates = Array.from({ length: size }, (_, c) => `c${c}`);
  return fc
    .array(fc.shuffledSubarray(candidates, { minLength: size, maxLength: size }), voters)
    .map(
      (orders): RankedProfile => ({
        candidates,
        names: {},
        ballots: orders.map((order) => ({ ranking: order.map((c) => [c]), weight: 1 })),
      }),
    );
}

/** 3 to 5 candidates, 1 to 9 voters. */
const arbitraryRanked = fc
  .integer({ min: 3, max: 5 })
  .chain((size) => strictRankings(size, { minLength: 1, maxLength: 9 }));

/** How many voters rank a above b, less those ranking b above a (complete rankings). */
function margin(profile: RankedProfile, a: string, b: string): number {
  let sum = 0;
  for (const { ranking, weight } of profile.ballots) {
    const ia = ranking.findIndex((tier) => tier.includes(a));
    const ib = ranking.findIndex((tier) => tier.includes(b));
    const ra = ia === -1 ? Number.POSITIVE_INFINITY : ia;
    const rb = ib === -1 ? Number.POSITIVE_INFINITY : ib;
    if (ra < rb) sum += weight;
    else if (rb < ra) sum -= weight;
  }
  return sum;
}

/** The Smith set: candidates from which every other is reached by "not beaten by". */
function smithSet(profile: RankedProfile): Set<string> {
  const c = profile.candidates;
  const reach = c.map((a) => c.map((b) => a === b || margin(profile, a, b) >= 0));
  for (let k = 0; k < c.length; k++)
    for (let i = 0; i < c.length; i++)
      for (let j = 0; j < c.length; j++)
        if (reach[i]?.[k] && reach[k]?.[j]) (reach[i] as boolean[])[j] = true;
  return new Set(c.filter((_, i) => reach[i]?.every(Boolean)));
}

/** Moves `candidate` one place up on ballot `b`. */
function raised(profile: RankedProfile, b: number, candidate: string): RankedProfile {
  return {
    ...profile,
    ballots: profile.ballots.map((ballot, k) => {
      if (k !== b) return ballot;
      const ranking = ballot.ranking.map((tier) => [...tier]);
      const at = ranking.findIndex((tier) => tier.includes(candidate));
      if (at > 0)
        [ranking[at - 1], ranking[at]] = [ranking[at] as string[], ranking[at - 1] as string[]];
      return { ...ballot, ranking };
    }),
  };
}

/** A property, checked when called. */
type Check = () => void;
const checked =
  <T extends [unknown, ...unknown[]]>(property: fc.IProperty<T>): Check =>
  () =>
    fc.assert(property, runs);

type RankedChecker = (run: RankedRun) => Check;

const rankedCheckers: Partial<Record<AxiomId, RankedChecker>> = {
  majority: (run) =>
    checked(
      fc.property(arbitraryRanked, (profile) => {
        const n = profile.ballots.length;
        const leader = profile.candidates.find(
          (c) => profile.ballots.filter((ballot) => ballot.ranking[0]?.[0] === c).length * 2 > n,
        );
        if (leader !== undefined) expect(run(profile)).toEqual([leader]);
      }),
    ),
  condorcet: (run) =>
    checked(
      fc.property(arbitraryRanked, (profile) => {
        const winner = profile.candidates.find((a) =>
          profile.candidates.every((b) => a === b || margin(profile, a, b) > 0),
        );
        if (winner !== undefined) expect(run(profile)).toEqual([winner]);
      }),
    ),
  "condorcet-loser": (run) =>
    checked(
      fc.property(arbitraryRanked, (profile) => {
        const loser = profile.candidates.find((a) =>
          profile.candidates.every((b) => a === b || margin(profile, a, b) < 0),
        );
        if (loser !== undefined) expect(run(profile)).not.toEqual([loser]);
      }),
    ),
  smith: (run) =>
    checked(
      fc.property(arbitraryRanked, (profile) => {
        const smith = smithSet(profile);
        for (const winner of run(profile)) expect(smith.has(winner)).toBe(true);
      }),
    ),
  monotonic: (run) =>
    checked(
      fc.property(arbitraryRanked, fc.nat(), (profile, pick) => {
        for (const winner of run(profile)) {
          const lifted = raised(profile, pick % profile.ballots.length, winner);
          expect(run(lifted)).toContain(winner);
        }
      }),
    ),
  "later-no-harm": (run) =>
    checked(
      fc.property(arbitraryRanked, fc.nat(), (profile, pick) => {
        // Ballot b ranks only its first few candidates, then all of them: a candidate it
        // ranked who won must still win.
        const b = pick % profile.ballots.length;
        const full = profile.ballots[b]?.ranking ?? [];
        const cut = 1 + (pick % Math.max(1, full.length - 1));
        const truncated: RankedProfile = {
          ...profile,
          ballots: profile.ballots.map((ballot, k) =>
            k === b ? { ...ballot, ranking: full.slice(0, cut) } : ballot,
          ),
        };
        const ranked = new Set(full.slice(0, cut).flat());
        const before = run(truncated);
        const after = run(profile);
        for (const winner of before) if (ranked.has(winner)) expect(after).toContain(winner);
      }),
    ),
  reinforcement: (run) =>
    checked(
      fc.property(arbitraryRanked, fc.nat(), (profile, pick) => {
        if (profile.ballots.length < 2) return;
        const split = 1 + (pick % (profile.ballots.length - 1));
        const first = run({ ...profile, ballots: profile.ballots.slice(0, split) });
        const second = run({ ...profile, ballots: profile.ballots.slice(split) });
        const common = first.filter((winner) => second.includes(winner));
        if (common.length > 0) expect([...run(profile)].sort()).toEqual([...common].sort());
      }),
    ),
  "independence-of-clones": (run) =>
    checked(
      fc.property(arbitraryRanked, fc.nat(), (profile, pick) => {
        const winners = run(profile);
        const losers = profile.candidates.filter((c) => !winners.includes(c));
        if (losers.length === 0) return;
        const original = losers[pick % losers.length] as string;
        const clone = `${original}-clone`;
        const cloned: RankedProfile = {
          ...profile,
          candidates: [...profile.candidates, clone],
          ballots: profile.ballots.map((ballot, k) => ({
            ...ballot,
            ranking: ballot.ranking.flatMap((tier) =>
              tier.includes(original)
                ? (pick >> k) & 1
                  ? [[clone], tier]
                  : [tier, [clone]]
                : [tier],
            ),
          })),
        };
        expect([...run(cloned)].sort()).toEqual([...winners].sort());
      }),
    ),
  "immune-to-spoilers": (run) =>
    checked(
      fc.property(arbitraryRanked, fc.nat(), (profile, pick) => {
        const b = profile.candidates[pick % profile.candidates.length] as string;
        const without = restrictProfile(
          profile,
          new Set(profile.candidates.filter((c) => c !== b)),
        );
        const withAll = run(profile);
        for (const a of run(without))
          if (margin(profile, a, b) > 0)
            expect(withAll.includes(a) || withAll.includes(b), `${a} won without ${b}`).toBe(true);
      }),
    ),
  "split-cycle-refinement": (run) =>
    checked(
      fc.property(arbitraryRanked, (profile) => {
        const reference = splitCycle(profile);
        if (!reference.ok) throw new Error(reference.issues[0]?.message);
        for (const winner of run(profile)) expect(reference.value.winners).toContain(winner);
      }),
    ),
};

/** 4 to 6 candidates, 2 or 3 seats, 3 to 12 voters. */
const arbitrarySeats = fc
  .record({ size: fc.integer({ min: 4, max: 6 }), seats: fc.integer({ min: 2, max: 3 }) })
  .chain(({ size, seats }) =>
    strictRankings(size, { minLength: 3, maxLength: 12 }).map((profile) => ({ ...profile, seats })),
  );

/**
 * Droop proportionality with the whole-vote Droop quota q = ⌊n/(seats+1)⌋ + 1: voters who
 * rank a set S of candidates (in any order) above all others and hold j quotas elect at
 * least min(j, |S|) of S.
 */
function droopProportional(run: RankedRun) {
  return checked(
    fc.property(arbitrarySeats, (profile) => {
      const n = profile.ballots.length;
      const seats = profile.seats ?? 1;
      const quota = Math.floor(n / (seats + 1)) + 1;
      const elected = run(profile);
      const bySet = new Map<string, number>();
      for (const { ranking } of profile.ballots)
        for (let size = 1; size <= seats; size++) {
          const key = ranking.slice(0, size).flat().sort().join(",");
          bySet.set(key, (bySet.get(key) ?? 0) + 1);
        }
      for (const [key, votes] of bySet) {
        const members = key.split(",");
        const owed = Math.min(Math.floor(votes / quota), members.length);
        const got = members.filter((c) => elected.includes(c)).length;
        expect(got, `${votes} votes solid for {${key}}`).toBeGreaterThanOrEqual(owed);
      }
    }),
  );
}

// ---------- approval committees ----------

/** 3 to 6 candidates, 2 to 9 voters approving up to 4, committees of 1 to 4. */
const arbitraryCommittee = fc
  .record({
    size: fc.integer({ min: 3, max: 6 }),
    voters: fc.array(fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }), {
      minLength: 2,
      maxLength: 9,
    }),
    seats: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ size, voters, seats }) => {
    const candidates = Array.from({ length: size }, (_, c) => `c${c}`);
    const profile: ApprovalProfile = {
      candidates,
      names: {},
      ballots: voters.map((approved) => ({
        approved: approved.filter((c) => c < size).map((c) => `c${c}`),
        weight: 1,
      })),
    };
    return { profile, seats: Math.min(seats, size - 1) };
  });

/** Every group of voters (as a bit mask) whose members all approve at least l candidates in common. */
function cohesiveGroups(profile: ApprovalProfile, seats: number) {
  const n = profile.ballots.length;
  const groups: { members: number[]; common: number }[] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const members = profile.ballots.flatMap((_, i) => ((mask >> i) & 1 ? [i] : []));
    const common = profile.candidates.filter((c) =>
      members.every((i) => profile.ballots[i]?.approved.includes(c)),
    ).length;
    for (let l = 1; l <= Math.min(common, seats); l++)
      if (members.length * seats >= l * n) groups.push({ members, common: l });
  }
  return groups;
}

function approvedIn(profile: ApprovalProfile, i: number, committee: readonly string[]): number {
  return committee.filter((c) => profile.ballots[i]?.approved.includes(c)).length;
}

type CommitteeChecker = (
  run: CommitteeRun,
  all: (profile: ApprovalProfile, seats: number) => readonly (readonly string[])[],
) => Check;

const committeeCheckers: Partial<Record<AxiomId, CommitteeChecker>> = {
  priceable: (_run, all) =>
    checked(
      fc.property(arbitraryCommittee, ({ profile, seats }) => {
        for (const committee of all(profile, seats)) {
          const decided = committeePriceability(profile, committee);
          if (!decided.ok) throw new Error(decided.issues[0]?.message);
          expect(decided.value.priceable, committee.join(", ")).toBe(true);
        }
      }),
    ),
  jr: (run) =>
    checked(
      fc.property(arbitraryCommittee, ({ profile, seats }) => {
        const committee = run(profile, seats);
        for (const { members } of cohesiveGroups(profile, seats))
          expect(members.some((i) => approvedIn(profile, i, committee) >= 1)).toBe(true);
      }),
    ),
  pjr: (run) =>
    checked(
      fc.property(arbitraryCommittee, ({ profile, seats }) => {
        const committee = run(profile, seats);
        for (const { members, common } of cohesiveGroups(profile, seats)) {
          const union = committee.filter((c) =>
            members.some((i) => profile.ballots[i]?.approved.includes(c)),
          );
          expect(union.length, `group ${members} with ${common} in common`).toBeGreaterThanOrEqual(
            common,
          );
        }
      }),
    ),
  ejr: (run) =>
    checked(
      fc.property(arbitraryCommittee, ({ profile, seats }) => {
        const committee = run(profile, seats);
        for (const { members, common } of cohesiveGroups(profile, seats))
          expect(
            members.some((i) => approvedIn(profile, i, committee) >= common),
            `group ${members} with ${common} in common`,
          ).toBe(true);
      }),
    ),
  "committee-monotonic": (_run, all) =>
    checked(
      fc.property(arbitraryCommittee, ({ profile, seats }) => {
        // Every committee for k + 1 seats extends one for k (ties: each path followed).
        const smaller = all(profile, seats);
        for (const larger of all(profile, seats + 1))
          expect(
            smaller.some((committee) => committee.every((member) => larger.includes(member))),
            `${larger} extends none of ${JSON.stringify(smaller)}`,
          ).toBe(true);
      }),
    ),
};

// ---------- score ballots ----------

/** 2 to 4 candidates, scores 0 to 5, 1 to 8 voters. */
const arbitraryScores = fc.integer({ min: 2, max: 4 }).chain((size) => {
  const candidates = Array.from({ length: size }, (_, c) => `c${c}`);
  return fc
    .array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: size, maxLength: size }), {
      minLength: 1,
      maxLength: 8,
    })
    .map(
      (rows): ScoreProfile => ({
        candidates,
        names: {},
        maxScore: 5,
        ballots: rows.map((row) => ({
          scores: Object.fromEntries(candidates.map((c, k) => [c, row[k] as number])),
          weight: 1,
        })),
      }),
    );
});

const scoreCheckers: Partial<
  Record<AxiomId, (run: (profile: ScoreProfile) => readonly string[]) => Check>
> = {
  monotonic: (run) =>
    checked(
      fc.property(arbitraryScores, fc.nat(), (profile, pick) => {
        // A winner one point higher on one ballot still wins.
        const b = pick % profile.ballots.length;
        for (const winner of run(profile)) {
          const ballot = profile.ballots[b];
          if (ballot === undefined || (ballot.scores[winner] ?? 0) >= profile.maxScore) continue;
          const raisedScores: ScoreProfile = {
            ...profile,
            ballots: profile.ballots.map((other, k) =>
              k === b
                ? {
                    ...other,
                    scores: { ...other.scores, [winner]: (other.scores[winner] ?? 0) + 1 },
                  }
                : other,
            ),
          };
          expect(run(raisedScores)).toContain(winner);
        }
      }),
    ),
};

// ---------- budgets ----------

function costOf(election: PbElection, selected: readonly string[]): bigint {
  const costs = new Map(election.instance.projects.map((p) => [p.id, p.cost]));
  return selected.reduce((sum, id) => sum + (costs.get(id) ?? 0n), 0n);
}

function supportersOf(election: PbElection, project: string): number {
  return election.profile.ballots
    .filter((ballot) => ballot.projects.includes(project))
    .reduce((sum, ballot) => sum + ballot.multiplicity, 0);
}

function welfareOf(election: PbElection, selected: readonly string[]): Rational {
  const welfare = projectWelfare(
    election.instance,
    election.profile,
    defaultSatisfaction(election.profile),
    projectSupport(election.instance, election.profile),
  );
  return selected.reduce(
    (sum, id) => addRational(sum, welfare.get(id) ?? rational(0)),
    rational(0),
  );
}

type BudgetChecker = (run: BudgetRun, id: string) => Check;

const budgetCheckers: Partial<Record<AxiomId, BudgetChecker>> = {
  "budget-feasible": (run) =>
    checked(
      fc.property(arbitraryElection(), (election) => {
        expect(costOf(election, run(election)) <= election.instance.budget).toBe(true);
      }),
    ),
  exhaustive: (run) =>
    checked(
      fc.property(arbitraryElection(), (election) => {
        const selected = run(election);
        const left = election.instance.budget - costOf(election, selected);
        for (const project of election.instance.projects)
          if (!selected.includes(project.id)) expect(project.cost > left, project.id).toBe(true);
      }),
    ),
  "exhaustive-among-supported": (run) =>
    checked(
      fc.property(arbitraryElection(), (election) => {
        const selected = run(election);
        const left = election.instance.budget - costOf(election, selected);
        for (const project of election.instance.projects)
          if (!selected.includes(project.id) && supportersOf(election, project.id) > 0)
            expect(project.cost > left, project.id).toBe(true);
      }),
    ),
  "welfare-maximising": (run) =>
    checked(
      fc.property(arbitraryElection({ maxProjects: 8 }), (election) => {
        const reached = welfareOf(election, run(election));
        const projects = election.instance.projects;
        for (let mask = 0; mask < 1 << projects.length; mask++) {
          const chosen = projects.filter((_, k) => (mask >> k) & 1).map((p) => p.id);
          if (costOf(election, chosen) > election.instance.budget) continue;
          expect(compareRational(welfareOf(election, chosen), reached)).toBeLessThanOrEqual(0);
        }
      }),
    ),
  "support-monotonic": (run) =>
    checked(
      fc.property(arbitraryElection(), fc.nat(), (election, pick) => {
        const selected = run(election);
        if (selected.length === 0 || election.profile.voteType !== "approval") return;
        const project = selected[pick % selected.length] as string;
        const more: PbElection = {
          ...election,
          profile: {
            ...election.profile,
            ballots: [...election.profile.ballots, { projects: [project], multiplicity: 1 }],
          },
        };
        expect(run(more)).toContain(project);
      }),
    ),
  "ejr-up-to-one": (run) =>
    checked(
      fc.property(
        fc.record({
          costs: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 6 }),
          ballots: fc.array(fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }), {
            minLength: 1,
            maxLength: 8,
          }),
          budget: fc.integer({ min: 1, max: 20 }),
        }),
        ({ costs, ballots, budget }) => {
          const election = approvalElection(
            BigInt(budget),
            Object.fromEntries(costs.map((cost, k) => [`p${k}`, BigInt(cost)])),
            ballots.map((approved) => approved.filter((k) => k < costs.length).map((k) => `p${k}`)),
          );
          const report = checkExtendedJustifiedRepresentation(
            election.instance,
            election.profile,
            run(election),
          );
          if (!report.ok) throw new Error(report.issues[0]?.message);
          expect(report.value.satisfied, JSON.stringify(report.value)).toBe(true);
        },
      ),
    ),
  priceable: (_run, id) =>
    checked(
      fc.property(arbitraryElection(), (election) => {
        if (id !== "mes") throw new Error(`no price system to check for ${id}`);
        const certificate = equalSharesCertificate(election.instance, election.profile);
        if (!certificate.ok) throw new Error(certificate.issues[0]?.message);
        const report = checkPriceability(election.instance, election.profile, certificate.value);
        expect(report.violations).toEqual([]);
        expect(report.priceable).toBe(true);
      }),
    ),
};

// ---------- the catalogue, claim by claim ----------

function checkerFor(method: MethodInfo, axiom: AxiomId): (() => void) | undefined {
  if (method.kind === "budget") {
    const rule = pbRules.find((candidate) => candidate.metadata.id === method.id);
    const checker = budgetCheckers[axiom];
    if (rule === undefined || checker === undefined) return undefined;
    const run: BudgetRun = (election) => {
      // Only elections with ballots the rule takes.
      fc.pre(rule.metadata.ballotTypes.includes(election.profile.voteType));
      const outcome = rule.run(election.instance, election.profile);
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      return outcome.value.selected;
    };
    return checker(run, method.id);
  }
  const committee = committeeMethods.find((candidate) => candidate.id === method.id);
  if (committee !== undefined && method.ballotTypes.includes("approval")) {
    const checker = committeeCheckers[axiom];
    if (checker === undefined) return undefined;
    const all = (profile: ApprovalProfile, seats: number) => {
      const outcome = committee.run(profile, seats);
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      return outcome.value.committees ?? [outcome.value.winners];
    };
    return checker((profile, seats) => all(profile, seats)[0] ?? [], all);
  }
  const scoring = scoreMethods.find((candidate) => candidate.id === method.id);
  if (scoring !== undefined && method.ballotTypes.includes("score")) {
    const run = (profile: ScoreProfile) => {
      const outcome = scoring.run(profile);
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      return outcome.value.winners;
    };
    return scoreCheckers[axiom]?.(run);
  }
  const ranked = tallyMethods.find((candidate) => candidate.id === method.id);
  if (ranked === undefined) return undefined;
  const run: RankedRun = (profile) => {
    const outcome = ranked.run(profile, { seats: profile.seats ?? 1 });
    if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
    return outcome.value.winners;
  };
  if (axiom === "droop-proportional") return droopProportional(run);
  return rankedCheckers[axiom]?.(run);
}

const claims = methodCatalogue.flatMap((method) =>
  method.properties.map((axiom) => ({ method, axiom })),
);

describe("the method catalogue", () => {
  it("every claimed axiom has a checker here", () => {
    const unchecked = claims
      .filter(({ method, axiom }) => checkerFor(method, axiom) === undefined)
      .map(({ method, axiom }) => `${method.kind} ${method.id}: ${axiom}`);
    expect(unchecked).toEqual([]);
    expect(claims.length).toBeGreaterThan(50);
  });

  it("ids are unique within a kind, and every axiom has its statement", () => {
    const keys = methodCatalogue.map((method) => `${method.kind}/${method.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { axiom } of claims) expect(axioms[axiom].length).toBeGreaterThan(20);
  });
});

describe.each(
  claims.map(({ method, axiom }) => [`${method.id}: ${axiom}`, method, axiom] as const),
)("%s", (_, method, axiom) => {
  it(axioms[axiom], () => {
    const check = checkerFor(method, axiom);
    if (check === undefined) throw new Error("no checker");
    check();
  });
});
