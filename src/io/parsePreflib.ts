import { idRecord } from "../core/idRecord.js";
import type { Issue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { RankedBallot, RankedProfile } from "../tally/ballots/rankedProfile.js";
import { locatedAt, locatedIssues } from "./locatedIssue.js";

/**
 * Options of {@link parsePreflib}.
 *
 * @category PrefLib
 * @example
 * ```ts
 * parsePreflib(text, { idBase: 0 }); // files that number candidates from 0
 * ```
 */
export interface PreflibOptions {
  /** The first candidate's number: 1 in the PrefLib format (default), 0 in some collections. */
  readonly idBase?: 0 | 1;
}

const DATA_TYPES = new Set(["soc", "soi", "toc", "toi", "cat"]);

/**
 * Reads a PrefLib file (SOC, SOI, TOC, TOI; CAT as approval: its first category ranked
 * first, the rest unranked): `#` header lines (candidate names, counts, data type) and
 * body lines `count: order`, ties in braces (`3: 1,{2,4},3`). Candidate ids stay as the
 * file numbers them. Every problem is an issue with line and column; the data type's
 * promises (complete, strict) and the header's counts are checked.
 *
 * @category PrefLib
 * @example
 * ```ts
 * const parsed = parsePreflib(readFileSync("00002-00000001.soi", "utf8"));
 * if (parsed.ok) parsed.value.names["3"]; //=> "Bdale Garbee"
 * ```
 */
export function parsePreflib(text: string, options: PreflibOptions = {}): Result<RankedProfile> {
  // Long by design: a single pass over the PrefLib header and preference lines, each issue
  // located by line and column.
  const base = options.idBase ?? 1;
  const issues: Issue[] = [];
  const at = locatedIssues(issues);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const names = idRecord<string>();
  let count: number | undefined;
  let voters: number | undefined;
  let dataType: string | undefined;
  let title: string | undefined;
  const ballots: RankedBallot[] = [];
  let bodySeen = false;
  let declaredVoters = 0;
  lines.forEach((raw, k) => {
    const line = k + 1;
    const content = raw.trim();
    if (content === "") return;
    if (content.startsWith("#")) {
      if (bodySeen)
        at(line, 1, "misplaced-header", "header lines must come before the preferences");
      const match = /^#\s*([^:]+):\s*(.*)$/.exec(content);
      if (match === null) return;
      const key = (match[1] as string).trim().toUpperCase();
      const value = (match[2] as string).trim();
      const name = /^ALTERNATIVE NAME (\d+)$/.exec(key);
      if (name !== null) names[name[1] as string] = value;
      else if (key === "NUMBER ALTERNATIVES") count = Number.parseInt(value, 10);
      else if (key === "NUMBER VOTERS") voters = Number.parseInt(value, 10);
      else if (key === "DATA TYPE") dataType = value.toLowerCase();
      else if (key === "TITLE") title = value;
      return;
    }
    bodySeen = true;
    const colon = content.indexOf(":");
    if (colon < 0) {
      at(line, 1, "missing-count", 'expected "count: order"');
      return;
    }
    const weightText = content.slice(0, colon).trim();
    const weight = Number(weightText);
    if (!Number.isInteger(weight) || weight <= 0) {
      at(line, 1, "invalid-count", `the count "${weightText}" is not a positive whole number`, {
        value: weightText,
      });
      return;
    }
    declaredVoters += weight;
    const order = content.slice(colon + 1);
    const ranking: string[][] = [];
    const seen = new Set<string>();
    let column = raw.indexOf(":") + 2;
    let tier: string[] | undefined;
    let bad = false;
    for (const token of order.split(",")) {
      let piece = token.trim();
      const opens = piece.startsWith("{");
      const closes = piece.endsWith("}");
      if (opens) {
        if (tier !== undefined) {
          at(line, column, "nested-tie", "a tie opens inside another tie");
          bad = true;
        }
        tier = [];
        piece = piece.slice(1);
      }
      if (closes) piece = piece.slice(0, -1).trim();
      piece = piece.trim();
      // CAT files write an empty category as `{}` or as nothing between commas (`2: 2,`).
      const emptyCategory = dataType === "cat" && piece === "" && !opens && !closes;
      if (emptyCategory && tier === undefined) ranking.push([]);
      else if (!emptyCategory && (piece !== "" || !(opens && closes))) {
        const id = Number(piece);
        if (!Number.isInteger(id) || id < base || (count !== undefined && id >= count + base)) {
          at(line, column, "unknown-candidate", `"${piece}" is not a candidate number`, {
            value: piece,
          });
          bad = true;
        } else {
          const candidate = String(id);
          if (seen.has(candidate)) {
            at(line, column, "repeated-candidate", `candidate ${candidate} appears twice`, {
              value: candidate,
            });
            bad = true;
          }
          seen.add(candidate);
          if (tier !== undefined) tier.push(candidate);
          else ranking.push([candidate]);
        }
      }
      if (closes) {
        if (tier === undefined) {
          at(line, column, "unmatched-brace", 'a "}" closes no tie');
          bad = true;
        } else if (tier.length > 0 || dataType === "cat") ranking.push(tier);
        tier = undefined;
      }
      column += token.length + 1;
    }
    if (tier !== undefined) {
      at(line, column, "unterminated-tie", 'a "{" is never closed');
      bad = true;
    }
    if (bad) return;
    if (dataType !== undefined && count !== undefined) {
      const complete = dataType === "soc" || dataType === "toc";
      const strict = dataType === "soc" || dataType === "soi";
      if (complete && seen.size !== count) {
        at(
          line,
          raw.indexOf(":") + 2,
          "incomplete-order",
          `a ${dataType.toUpperCase()} order must rank all ${count} candidates, this one ranks ${seen.size}`,
        );
        return;
      }
      if (strict && ranking.some((level) => level.length > 1)) {
        at(
          line,
          raw.indexOf(":") + 2,
          "tie-in-strict-order",
          `a ${dataType.toUpperCase()} order has no ties`,
        );
        return;
      }
    }
    // CAT: the first category (an empty `{}` one included) is the approved set.
    ballots.push({
      ranking: dataType === "cat" ? ranking.slice(0, 1).filter((t) => t.length > 0) : ranking,
      weight,
    });
  });
  if (count === undefined || !Number.isInteger(count) || count <= 0) {
    issues.unshift(
      locatedAt(
        "missing-alternatives",
        ["header"],
        1,
        1,
        'the header has no "# NUMBER ALTERNATIVES"',
        undefined,
      ),
    );
  }
  if (dataType !== undefined && !DATA_TYPES.has(dataType)) {
    issues.push(
      locatedAt("unknown-data-type", ["header"], 1, 1, `unknown DATA TYPE "${dataType}"`, {
        value: dataType,
      }),
    );
  }
  if (issues.length === 0 && voters !== undefined && voters !== declaredVoters) {
    issues.push(
      locatedAt(
        "voters-mismatch",
        ["header"],
        1,
        1,
        `the header says ${voters} voters, the counts add up to ${declaredVoters}`,
        { declared: voters, counted: declaredVoters },
      ),
    );
  }
  if (issues.length > 0) return fail(issues);
  const candidates = Array.from({ length: count as number }, (_, k) => String(k + base));
  for (const candidate of candidates) names[candidate] ??= candidate;
  return ok({ candidates, names, ballots, ...(title === undefined ? {} : { title }) });
}
