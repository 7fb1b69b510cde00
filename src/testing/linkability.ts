/**
 * A database's rows as a dump shows them: table name → rows in storage order.
 *
 * @category Conformance
 * @example
 * ```ts
 * const dump: RawDump = { voters: [{ voter: "ana" }], ballots: [{ id: "5f0c", ballot: "[\"p1\"]" }] };
 * ```
 */
export type RawDump = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/**
 * What a linkability check found: each way the dump relates a voter to a ballot.
 *
 * @category Conformance
 * @example
 * ```ts
 * const found: LinkabilityReport = { leaks: [], orderCorrelation: 0.02 };
 * ```
 */
export interface LinkabilityReport {
  readonly leaks: readonly string[];
  /** Spearman's correlation of voters' positions with their ballots' positions. */
  readonly orderCorrelation: number;
}

/** Every string or number in a row, nested values included. */
function valuesOf(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
    into.add(String(value));
  else if (value instanceof Date) into.add(value.toISOString());
  else if (Array.isArray(value)) for (const item of value) valuesOf(item, into);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) valuesOf(item, into);
  return into;
}

/** Spearman's rank correlation of two equally long lists of distinct positions. */
function spearman(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 3) return 0;
  const rank = (values: readonly number[]) => {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    const ranks = new Array<number>(n);
    order.forEach(([, i], r) => {
      ranks[i] = r;
    });
    return ranks;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += ((rx[i] as number) - (ry[i] as number)) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/**
 * Tries the obvious ways a dump could link voters to ballots, knowing the truth: `casts`
 * lists, in casting order, each voter and a marker found only in their ballot. A leak is
 * a row holding both a voter id and a ballot's marker, a value (an id, a timestamp, a
 * number) shared by the row of a voter and the row of their ballot, or storage orders of
 * voters and ballots that follow each other (|Spearman's ρ| above 0.3, over 4 standard
 * deviations of a random order for 200 voters).
 *
 * @category Conformance
 * @example
 * ```ts
 * const report = linkability(dump, [{ voter: "ana", marker: "m-0" }, { voter: "ben", marker: "m-1" }]);
 * report.leaks; //=> [] when the dump cannot link them
 * ```
 */
export function linkability(
  dump: RawDump,
  casts: readonly { readonly voter: string; readonly marker: string }[],
  ignoredValues: readonly string[] = [],
): LinkabilityReport {
  const leaks: string[] = [];
  const ignored = new Set(ignoredValues);
  const rows = Object.entries(dump).flatMap(([table, list]) =>
    list.map((row, position) => ({
      table,
      position,
      text: JSON.stringify(row, (_, v) => (typeof v === "bigint" ? v.toString() : v)),
      values: valuesOf(row, new Set()),
    })),
  );
  const voterRow = new Map<string, (typeof rows)[number]>();
  const ballotRow = new Map<string, (typeof rows)[number]>();
  for (const { voter, marker } of casts) {
    for (const row of rows) {
      const hasVoter = row.values.has(voter);
      const hasMarker = row.text.includes(marker);
      if (hasVoter && hasMarker)
        leaks.push(`${row.table} row ${row.position} holds both voter ${voter} and their ballot`);
      if (hasVoter && !voterRow.has(voter)) voterRow.set(voter, row);
      if (hasMarker && !ballotRow.has(marker)) ballotRow.set(marker, row);
    }
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const { voter, marker } of casts) {
    const v = voterRow.get(voter);
    const b = ballotRow.get(marker);
    if (v === undefined || b === undefined || v === b) continue;
    const shared = [...v.values].filter(
      (value) => value !== voter && !ignored.has(value) && b.values.has(value),
    );
    if (shared.length > 0)
      leaks.push(
        `voter ${voter}'s row and their ballot's row share ${shared.slice(0, 3).join(", ")}`,
      );
    xs.push(v.position);
    ys.push(b.position);
  }
  const orderCorrelation = spearman(xs, ys);
  if (Math.abs(orderCorrelation) > 0.3)
    leaks.push(
      `the storage order of voters follows that of their ballots (Spearman's ρ = ${orderCorrelation.toFixed(2)})`,
    );
  return { leaks: [...new Set(leaks)], orderCorrelation };
}
