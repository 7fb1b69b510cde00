import { TZDate } from "@date-fns/tz";
import { formatRationalAsDecimal, rational } from "../core/rational.js";

/**
 * What a person did that counts as taking part.
 *
 * @category Participation
 * @example
 * ```ts
 * const kind: ParticipationKind = "budget-vote";
 * ```
 */
export type ParticipationKind =
  | "proposal"
  | "support"
  | "comment"
  | "endorsement"
  | "amendment"
  | "budget-vote"
  | "signature";

/**
 * One thing a person did: who, what, when (milliseconds since 1970), and where when known
 * (a scope: district, budget…).
 *
 * @category Participation
 * @example
 * ```ts
 * const action: ParticipationAction = { person: "ana", kind: "support", at: Date.parse("2026-10-03T18:20:00Z"), scope: "north" };
 * ```
 */
export interface ParticipationAction {
  readonly person: string;
  readonly kind: ParticipationKind;
  readonly at: number;
  readonly scope?: string | undefined;
}

/**
 * Who took part, counted once each: in all, by kind of action, by phase, by scope, and day
 * by day (active that day, new that day, and in all so far), with their share of the
 * population when a census size is given — exact fractions written as decimals. Kinds come
 * in a fixed order, phases, scopes and days in code-unit order, whatever the order of the
 * actions.
 *
 * @category Participation
 * @example
 * ```ts
 * statistics.participants;               //=> 17234
 * statistics.population?.percent;        //=> "11.12"
 * ```
 */
export interface ParticipationStatistics {
  readonly participants: number;
  readonly byKind: readonly { readonly kind: ParticipationKind; readonly participants: number }[];
  readonly byPhase: readonly { readonly phase: string; readonly participants: number }[];
  readonly byScope: readonly { readonly scope: string; readonly participants: number }[];
  readonly perDay: readonly {
    readonly day: string;
    readonly active: number;
    readonly new: number;
    readonly cumulative: number;
  }[];
  readonly population?: {
    readonly census: number;
    /** Participants over the census, as a percentage to at most two decimals (half away from zero). */
    readonly percent: string;
    /** The same per kind of action: "over 10% of residents voted" is `budget-vote`'s. */
    readonly byKind: readonly { readonly kind: ParticipationKind; readonly percent: string }[];
  };
}

/** Every kind of action, in the order statistics list them. */
const KINDS: readonly ParticipationKind[] = [
  "proposal",
  "amendment",
  "support",
  "endorsement",
  "comment",
  "budget-vote",
  "signature",
];

/** Distinct people per key. */
function distinctBy<K>(
  actions: readonly ParticipationAction[],
  key: (a: ParticipationAction) => K | undefined,
) {
  const groups = new Map<K, Set<string>>();
  for (const action of actions) {
    const k = key(action);
    if (k === undefined) continue;
    let people = groups.get(k);
    if (people === undefined) {
      people = new Set();
      groups.set(k, people);
    }
    people.add(action.person);
  }
  return groups;
}

/**
 * Counts who took part, each person once whatever they did and however often (Decidim
 * adds meeting attendees on top of participants and can count one person twice; civitas
 * does not): in all, by kind, by phase (`phaseOf`, for example a process calendar's phase at
 * an instant), by scope, and per day in the process's time zone. With `census` (the
 * number of residents), the share of the population in all and by kind, computed exactly,
 * so a claim like "over 10% of residents voted" is a figure, not an assertion.
 *
 * @category Participation
 * @example
 * ```ts
 * const stats = participationStatistics(actions, { timeZone: "Europe/Paris", census: 155_000 });
 * stats.population?.byKind.find((k) => k.kind === "budget-vote")?.percent; //=> "10.03"
 * ```
 */
export function participationStatistics(
  actions: readonly ParticipationAction[],
  options: {
    readonly timeZone: string;
    readonly census?: number | undefined;
    readonly phaseOf?: ((at: number) => string | undefined) | undefined;
  },
): ParticipationStatistics {
  const everyone = new Set(actions.map((action) => action.person));
  const byKind = distinctBy(actions, (action) => action.kind);
  const phaseOf = options.phaseOf;
  const byPhase =
    phaseOf === undefined
      ? new Map<string, Set<string>>()
      : distinctBy(actions, (a) => phaseOf(a.at));
  const byScope = distinctBy(actions, (action) => action.scope);
  // Days in the process's time zone; offsets change on quarter hours at most, so one
  // conversion per quarter hour serves every action in it.
  const dayOfQuarter = new Map<number, string>();
  const dayOf = (at: number) => {
    const quarter = Math.floor(at / 900_000);
    let day = dayOfQuarter.get(quarter);
    if (day === undefined) {
      const date = new TZDate(quarter * 900_000, options.timeZone);
      day = `${String(date.getFullYear()).padStart(4, "0")}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
      dayOfQuarter.set(quarter, day);
    }
    return day;
  };
  const sorted = [...actions].sort((a, b) => a.at - b.at);
  const active = distinctBy(sorted, (action) => dayOf(action.at));
  const firstDay = new Map<string, string>();
  for (const action of sorted)
    if (!firstDay.has(action.person)) firstDay.set(action.person, dayOf(action.at));
  const newOn = new Map<string, number>();
  for (const day of firstDay.values()) newOn.set(day, (newOn.get(day) ?? 0) + 1);
  let cumulative = 0;
  const perDay = [...active.keys()].sort().map((day) => {
    cumulative += newOn.get(day) ?? 0;
    return {
      day,
      active: (active.get(day) as Set<string>).size,
      new: newOn.get(day) ?? 0,
      cumulative,
    };
  });
  const census = options.census;
  const percent = (count: number) =>
    formatRationalAsDecimal(rational(BigInt(count) * 100n, BigInt(census as number)), 2);
  const kinds = KINDS.flatMap((kind) => {
    const people = byKind.get(kind);
    return people === undefined ? [] : [{ kind, participants: people.size }];
  });
  const ordered = (groups: Map<string, Set<string>>) =>
    [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    participants: everyone.size,
    byKind: kinds,
    byPhase: ordered(byPhase).map(([phase, people]) => ({ phase, participants: people.size })),
    byScope: ordered(byScope).map(([scope, people]) => ({ scope, participants: people.size })),
    perDay,
    ...(census === undefined || !Number.isSafeInteger(census) || census <= 0
      ? {}
      : {
          population: {
            census,
            percent: percent(everyone.size),
            byKind: kinds.map(({ kind, participants }) => ({
              kind,
              percent: percent(participants),
            })),
          },
        }),
  };
}
