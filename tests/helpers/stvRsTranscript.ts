import {
  formatRationalAsDecimal,
  type Result,
  rational,
  rationalFromDecimal,
} from "../../src/core/index.js";
import { meekStv, type RankedProfile, type TallyOutcome } from "../../src/tally/index.js";

/** One snapshot of an stv-rs transcript: the action and every candidate's votes, by name. */
interface TranscriptAction {
  readonly action: string;
  readonly votes: Record<string, string>;
}

function readTranscript(text: string): TranscriptAction[] {
  const actions: { action: string; votes: Record<string, string> }[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("Action: ")) actions.push({ action: line.slice(8), votes: {} });
    const listed = /^\t(?:Elected|Hopeful|Defeated):\s+(.*) \(([-0-9./]+)\)$/.exec(line);
    const current = actions[actions.length - 1];
    if (listed && current)
      for (const candidate of (listed[1] as string).split(", "))
        current.votes[candidate] = listed[2] as string;
  }
  return actions;
}

const sorted = (votes: Record<string, string>) =>
  Object.fromEntries(Object.entries(votes).sort(([a], [b]) => a.localeCompare(b)));

/** An exact value ("1501/2" or "750.5") rounded half up to `digits` places, as droop shows it. */
export function shown(exact: string, digits: number): string {
  const [num, den] = exact.split("/");
  const value =
    den === undefined
      ? rationalFromDecimal(exact)
      : rational(BigInt(num as string), BigInt(den as string));
  if (value === undefined) throw new Error(`not a number: ${exact}`);
  const [whole, decimals = ""] = formatRationalAsDecimal(value, digits).split(".");
  return `${whole}.${decimals.padEnd(digits, "0")}`;
}

/**
 * Counts an stv-rs transcript's election as stv-rs did (Meek, no batches, its omega and
 * seats, droop's or the positive surplus; fixed point 9 places, or exact with keep factors
 * to 6 decimals for `approx`) and
 * lays both side by side: the votes at every election and exclusion, by name (and in fixed
 * point the surplus each exclusion was decided on), and the
 * elected (undefined when the transcript stops before the end).
 */
export function againstStvRsTranscript(
  text: string,
  profile: RankedProfile,
  how: {
    readonly equalize: boolean;
    readonly approx: boolean;
    /** The transcript was written with stv-rs's `--force-positive-surplus`. */
    readonly positiveSurplus: boolean;
  },
): {
  readonly outcome: Result<TallyOutcome>;
  readonly ours: Record<string, string>[];
  readonly theirs: Record<string, string>[];
  readonly ourElected: string[];
  readonly theirElected: string[] | undefined;
} {
  const outcome = meekStv(profile, {
    seats: Number(/Seats: (\d+)/.exec(text)?.[1]),
    arithmetic: how.approx ? { kind: "rational" } : { kind: "fixed", precision: 9 },
    ...(how.approx ? { keepFactorDigits: 6 } : {}),
    omegaDigits: Number(/omega = 1\/10\^(\d+)/.exec(text)?.[1]),
    defeatBatch: "none",
    equalRanks: how.equalize ? "equalize" : "droop",
    surplus: how.positiveSurplus ? "positive" : "droop",
  });
  const actions = readTranscript(text);
  const theirs = actions
    .filter(
      (entry, k) =>
        /^(Elect|Defeat)/.test(entry.action) &&
        !/remaining/.test(entry.action) &&
        !(entry.action.startsWith("Elect") && actions[k - 1]?.action.startsWith("Elect")),
    )
    .map((entry) => {
      // In fixed point, the surplus an exclusion was decided on is compared too.
      const surplus = /^Defeat \((?:stable )?surplus (-?[0-9.]+)/.exec(entry.action)?.[1];
      return sorted({
        ...entry.votes,
        ...(surplus === undefined || how.approx ? {} : { "(surplus)": surplus }),
      });
    });
  const name = (id: string) => profile.names[id] ?? id;
  const ours = outcome.ok
    ? outcome.value.rounds
        .filter((round) => !/all seats|as many candidates/.test(round.note))
        .map((round) => {
          const surplus = /\(surplus (-?[0-9.]+) (?:within omega|no longer falling)\)/.exec(
            round.note,
          )?.[1];
          return sorted({
            ...Object.fromEntries(
              Object.entries(round.exactTallies ?? {}).map(([id, votes]) => [
                name(id),
                how.approx ? votes : shown(votes, 9),
              ]),
            ),
            ...(surplus === undefined || how.approx ? {} : { "(surplus)": surplus }),
          });
        })
    : [];
  const complete = text.includes("Action: Count Complete")
    ? text.slice(text.lastIndexOf("Action: Count Complete"))
    : undefined;
  return {
    outcome,
    ours,
    theirs,
    ourElected: outcome.ok ? outcome.value.winners.map(name).sort() : [],
    theirElected:
      complete === undefined
        ? undefined
        : [...complete.matchAll(/^\tElected: {2}(.*) \(/gm)].map((m) => m[1] as string).sort(),
  };
}
