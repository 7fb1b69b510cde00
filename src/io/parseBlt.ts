import { type Issue, makeIssue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { RankedBallot, RankedProfile } from "../tally/rankedProfile.js";
import { locatedIssues } from "./locatedIssue.js";

/**
 * Reads a BLT file (the format of OpenSTV, droop and election officials): a first line
 * `candidates seats`; an optional line of negative ids for withdrawn candidates; ballot
 * lines `weight c1 c2 … 0` with 1-based candidate numbers (`a=b` ranks two equal); a line
 * `0`; the candidates' names in quotes; the title in quotes. Extensions: `[nick a b …]`
 * names the candidates for use in ballot lines, `[withdrawn a …]` withdraws them, `[tie a …]`
 * gives the order in which ties are broken. A whole weight beyond 2^53 becomes several
 * ballots of the same ranking, so that it stays exact.
 * Candidate ids are `"1"`, `"2"`, … as the file numbers them. Every problem is an issue with
 * line and column.
 *
 * @category BLT
 * @example
 * ```ts
 * const parsed = parseBlt(readFileSync("Calton-2007.blt", "utf8"));
 * if (parsed.ok) [parsed.value.seats, parsed.value.names["8"]]; //=> [3, "George Redmond"]
 * ```
 */
export function parseBlt(text: string): Result<RankedProfile> {
  const issues: Issue[] = [];
  const at = locatedIssues(issues);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let k = 0;
  const next = (): { text: string; line: number } | undefined => {
    while (k < lines.length) {
      const raw = lines[k] as string;
      k++;
      const content = raw.replace(/#.*$/, "").trim();
      if (content !== "") return { text: content, line: k };
    }
    return undefined;
  };
  const first = next();
  const head = first?.text.split(/\s+/).map(Number);
  if (
    first === undefined ||
    head === undefined ||
    head.length !== 2 ||
    !head.every((n) => Number.isInteger(n) && n > 0)
  ) {
    return fail([
      makeIssue(
        "invalid-header",
        ["line", first?.line ?? 1],
        `line ${first?.line ?? 1}, column 1: expected "candidates seats" as two positive whole numbers`,
      ),
    ]);
  }
  const [count, seats] = head as [number, number];
  const candidates = Array.from({ length: count }, (_, c) => String(c + 1));
  const nick = new Map<string, string>();
  const withdrawn = new Set<string>();
  const tieOrder: string[] = [];
  const ballots: RankedBallot[] = [];
  const resolve = (token: string, line: number, column: number): string | undefined => {
    const byNick = nick.get(token);
    if (byNick !== undefined) return byNick;
    const id = Number(token);
    if (Number.isInteger(id) && id >= 1 && id <= count) return String(id);
    at(line, column, "unknown-candidate", `"${token}" is not a candidate`);
    return undefined;
  };
  let ended = false;
  for (let item = next(); item !== undefined; item = next()) {
    const { text: content, line } = item;
    const option = /^\[(\w+)\s*(.*)\]$/.exec(content);
    if (option !== null) {
      const [, name, rest] = option as unknown as [string, string, string];
      const values = rest.split(/\s+/).filter((value) => value !== "");
      if (name === "nick") {
        values.forEach((value, c) => {
          nick.set(value, String(c + 1));
        });
      } else if (name === "tie") {
        for (const value of values) {
          const id = resolve(value, line, 1);
          if (id !== undefined) tieOrder.push(id);
        }
      } else if (name === "withdrawn") {
        for (const value of values) {
          const id = resolve(value, line, 1);
          if (id !== undefined) withdrawn.add(id);
        }
      }
      continue;
    }
    if (/^-\d/.test(content) && ballots.length === 0) {
      for (const token of content.split(/\s+/)) {
        const id = -Number(token);
        if (!Number.isInteger(id) || id < 1 || id > count)
          at(line, 1, "unknown-candidate", `"${token}" is not a withdrawn candidate number`);
        else withdrawn.add(String(id));
      }
      continue;
    }
    if (content === "0") {
      ended = true;
      break;
    }
    const tokens = content.split(/\s+/);
    const weight = Number(tokens[0]);
    if (!Number.isFinite(weight) || weight <= 0) {
      at(line, 1, "invalid-weight", `the ballot weight "${tokens[0]}" is not a positive number`);
      continue;
    }
    if (tokens[tokens.length - 1] !== "0") {
      at(line, content.length, "unterminated-ballot", "a ballot line must end with 0");
      continue;
    }
    const ranking: string[][] = [];
    const seen = new Set<string>();
    let column = (tokens[0] as string).length + 2;
    let bad = false;
    for (const token of tokens.slice(1, -1)) {
      const tier: string[] = [];
      for (const part of token.split("=")) {
        const id = resolve(part, line, column);
        if (id === undefined) {
          bad = true;
          continue;
        }
        if (seen.has(id)) {
          at(line, column, "repeated-candidate", `candidate ${id} is ranked twice`);
          bad = true;
        }
        seen.add(id);
        tier.push(id);
      }
      if (tier.length > 0) ranking.push(tier);
      column += token.length + 1;
    }
    if (bad) continue;
    if (Number.isSafeInteger(weight)) ballots.push({ ranking, weight });
    else if (/^\d+$/.test(tokens[0] as string)) {
      // A whole weight beyond 2^53 stays exact as several lines of the same ranking.
      let left = BigInt(tokens[0] as string);
      const most = BigInt(Number.MAX_SAFE_INTEGER);
      while (left > 0n) {
        const part = left < most ? left : most;
        ballots.push({ ranking, weight: Number(part) });
        left -= part;
      }
    } else ballots.push({ ranking, weight });
  }
  if (!ended)
    at(lines.length, 1, "missing-end-of-ballots", 'the ballots never end with a line "0"');
  const names: Record<string, string> = {};
  let title: string | undefined;
  const quoted = (value: string) => (/^".*"$/.test(value) ? value.slice(1, -1) : value);
  for (let c = 0; c < count; c++) {
    const item = next();
    if (item === undefined) {
      at(lines.length, 1, "missing-name", `candidate ${c + 1} has no name`);
      break;
    }
    names[String(c + 1)] = quoted(item.text);
  }
  const titleLine = next();
  if (titleLine !== undefined) title = quoted(titleLine.text);
  if (issues.length > 0) return fail(issues);
  return ok({
    candidates,
    names,
    ballots,
    seats,
    ...(withdrawn.size > 0 ? { withdrawn: [...withdrawn] } : {}),
    ...(tieOrder.length > 0 ? { tieOrder } : {}),
    ...(title === undefined ? {} : { title }),
  });
}
