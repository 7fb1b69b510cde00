import { csvField } from "../core/csvField.js";
import { ownValue } from "../core/idRecord.js";
import { fail, ok, type Result } from "../core/result.js";
import type { RankedProfile } from "../tally/ballots/rankedProfile.js";
import { ioIssue } from "./ioIssues.js";

/**
 * Writes ranked ballots as cast-vote records, `ballot_id,rank,choice`, one row per ranking
 * (the form `parseRankedCsv` reads): a ballot of weight w becomes w records numbered from
 * 1, a ballot that ranks nobody is not written, and choices are the candidates' names.
 * Cast-vote records have no equal ranks and no fractional weights: such ballots are
 * refused with `equal-ranks` or `invalid-weight`, naming the ballot.
 *
 * @category CSV
 * @example
 * ```ts
 * writeRankedCsv({ candidates: ["k", "m"], names: { k: "Kiss", m: "Montroll" }, ballots: [{ ranking: [["m"], ["k"]], weight: 1 }] });
 * // ok: "ballot_id,rank,choice\n1,1,Montroll\n1,2,Kiss\n"
 * ```
 */
export function writeRankedCsv(profile: RankedProfile): Result<string> {
  const issues = profile.ballots.flatMap((ballot, b) => [
    ...(Number.isSafeInteger(ballot.weight) && ballot.weight >= 0
      ? []
      : [
          ioIssue(
            "invalid-weight",
            ["ballots", b],
            `ballot ${b + 1} has weight ${ballot.weight}: cast-vote records count whole ballots`,
            {},
          ),
        ]),
    ...(ballot.ranking.some((tier) => tier.length > 1)
      ? [
          ioIssue(
            "equal-ranks",
            ["ballots", b],
            `ballot ${b + 1} ranks candidates equal, which cast-vote records cannot say`,
            {},
          ),
        ]
      : []),
  ]);
  if (issues.length > 0) return fail(issues);
  const rows = ["ballot_id,rank,choice"];
  let id = 0;
  for (const ballot of profile.ballots) {
    if (ballot.ranking.length === 0) continue;
    const choices = ballot.ranking.map((tier) =>
      csvField(ownValue(profile.names, tier[0] as string) ?? (tier[0] as string)),
    );
    for (let copy = 0; copy < ballot.weight; copy++) {
      id++;
      choices.forEach((choice, rank) => {
        rows.push(`${id},${rank + 1},${choice}`);
      });
    }
  }
  return ok(`${rows.join("\n")}\n`);
}
