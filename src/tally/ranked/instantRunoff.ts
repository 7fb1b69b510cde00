import { idRecordFrom } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import { orderByTieBreaking, type TieBreakingPolicy } from "../../core/tieBreaking.js";
import { compactBallots } from "../ballots/compactBallots.js";
import { displayName } from "../ballots/displayName.js";
import { placeTracker } from "../ballots/placeTracker.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
import { shareUnit } from "./plurality.js";

/**
 * Options of {@link instantRunoff}.
 *
 * @category Single winner
 * @example
 * ```ts
 * instantRunoff(profile, { eliminate: "one", order: ["c", "b", "a"] }); // a goes out first
 * instantRunoff(profile, { eliminate: "one", tieBreaking: [{ by: "lottery", seed: 7 }] });
 * ```
 */
export interface InstantRunoffOptions {
  /**
   * `all-tied-last` (default): every candidate with the fewest votes goes out together;
   * `one`: only one, the one `tieBreaking` prefers least.
   */
  readonly eliminate?: "all-tied-last" | "one";
  /** Who is preferred among the weakest with `eliminate: "one"`; default the file's candidate order. */
  readonly tieBreaking?: TieBreakingPolicy;
  /** Shorthand for `tieBreaking: [{ by: "order", order }]`. */
  readonly order?: readonly string[];
}

/**
 * Instant runoff: count first preferences among the continuing candidates; a candidate
 * with more than half of the ballots still in the count wins; otherwise the weakest go out
 * and their ballots pass to the next continuing preference. If everyone left is tied, all
 * of them are the (tied) winners.
 *
 * @category Single winner
 * @example
 * ```ts
 * const outcome = instantRunoff(burlington);
 * if (outcome.ok) outcome.value.rounds.at(-1)?.tallies; //=> { kiss: 4313, wright: 4060 }
 * ```
 */
export function instantRunoff(
  profile: RankedProfile,
  options: InstantRunoffOptions = {},
): Result<TallyOutcome> {
  const ballots = compactBallots(profile);
  const { candidates } = ballots;
  const alive = new Uint8Array(candidates.length).fill(1);
  let count = candidates.length;
  // Each ballot's first tier with a candidate still in the count (see placeTracker).
  const firsts = placeTracker(ballots, alive, ballots.ballotStart.slice(0, -1), 1);
  for (let b = 0; b < ballots.weights.length; b++) firsts.add(b);
  const order = new Map(
    orderByTieBreaking(
      profile.candidates,
      options.tieBreaking ?? [{ by: "order", order: options.order ?? profile.candidates }],
    ).map((candidate, k) => [candidate, k]),
  );
  const standing = () => candidates.flatMap((_candidate, c) => (alive[c] === 1 ? [c] : []));
  const rounds: TallyRound[] = [];
  for (;;) {
    const unit = shareUnit(count);
    const tallies = new Float64Array(candidates.length);
    firsts.tally(unit, tallies);
    const exhausted = firsts.exhausted();
    const continuing = standing();
    const inVotes = idRecordFrom(
      continuing.map((c) => [candidates[c] as string, (tallies[c] as number) / unit]),
    );
    let active = 0;
    let best = Number.NEGATIVE_INFINITY;
    let fewest = Number.POSITIVE_INFINITY;
    for (const c of continuing) {
      active += tallies[c] as number;
      best = Math.max(best, tallies[c] as number);
      fewest = Math.min(fewest, tallies[c] as number);
    }
    const leaders = continuing
      .filter((c) => tallies[c] === best)
      .map((c) => candidates[c] as string);
    if ((best * 2 > active && leaders.length === 1) || count === 1) {
      rounds.push({
        tallies: inVotes,
        exhausted,
        elected: leaders,
        note: `${displayName(profile, leaders[0] as string)} has a majority of the ${active / unit} ballots still in the count`,
      });
      return ok({ method: "irv", winners: leaders, rounds, notes: [] });
    }
    const weakest = continuing.filter((c) => tallies[c] === fewest);
    if (weakest.length === count) {
      rounds.push({
        tallies: inVotes,
        exhausted,
        elected: weakest.map((c) => candidates[c] as string),
        note: "every continuing candidate has the same number of votes: a tie",
      });
      return ok({
        method: "irv",
        winners: weakest.map((c) => candidates[c] as string),
        rounds,
        notes: ["tied winners"],
      });
    }
    const place = (c: number) => order.get(candidates[c] as string) as number;
    const out =
      options.eliminate === "one"
        ? [weakest.reduce((latest, c) => (place(c) > place(latest) ? c : latest))]
        : weakest;
    const names = out.map((c) => displayName(profile, candidates[c] as string));
    rounds.push({
      tallies: inVotes,
      exhausted,
      eliminated: out.map((c) => candidates[c] as string),
      note: `${names.join(", ")} ${out.length > 1 ? "have" : "has"} the fewest votes (${fewest / unit})`,
    });
    for (const c of out) alive[c] = 0;
    firsts.remove(out);
    count -= out.length;
  }
}
