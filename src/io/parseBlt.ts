import type { Issue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { RankedBallot, RankedProfile } from "../tally/ballots/rankedProfile.js";
import { ioWarning } from "./ioIssues.js";
import { locatedIssue, locatedIssues } from "./locatedIssue.js";

/**
 * The largest whole ballot weight read: 2^64 (stv-rs's ballot counts are 64-bit). A weight
 * beyond 2^53 is kept exact as several ballots of the same ranking, at most 2,049 of them.
 */
const MAX_WEIGHT = 2n ** 64n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A content line: its text without comment, its 1-based line number. */
interface ContentLine {
  readonly text: string;
  readonly line: number;
}

/** The line without a `#` comment; a `#` inside double quotes is text. */
function withoutComment(raw: string): string {
  const hash = raw.indexOf("#");
  if (hash === -1) return raw;
  let quoted = false;
  for (let k = 0; k < raw.length; k++) {
    const char = raw[k];
    if (char === '"') quoted = !quoted;
    else if (char === "#" && !quoted) return raw.slice(0, k);
  }
  return raw;
}

const ALTERNATIVE_NAME = /^#\s*ALTERNATIVE NAME\s+(\d+)\s*:\s*(.*?)\s*$/i;

/**
 * Reads a BLT file (the format of OpenSTV, droop and election officials): a first line
 * `candidates seats`; an optional line of negative ids for withdrawn candidates; ballot
 * lines `weight c1 c2 … 0` with 1-based candidate numbers (`a=b` ranks two equal); a line
 * `0`; the candidates' names in quotes; the title in quotes. Extensions: `[nick a b …]`
 * names the candidates for use in ballot lines, `[withdrawn a …]` withdraws them, `[tie a …]`
 * gives the order in which ties are broken.
 *
 * Files as they are published are read too, each with a warning that says what was
 * assumed: numbers followed by commas (`5 1,`, a Perth and Kinross by-election) and names
 * with a trailing comma; candidate names given only as `# ALTERNATIVE NAME k: …` comment
 * lines with an unquoted title after them (Glasgow 2007 in the Scottish corpus).
 *
 * A whole weight beyond 2^53 becomes several ballots of the same ranking, so that it stays
 * exact; weights beyond 2^64 are refused. The header's candidate count is checked against
 * the file's length before anything is allocated. Candidate ids are `"1"`, `"2"`, … as
 * the file numbers them. Every problem is an issue with line and column.
 *
 * @category BLT
 * @example
 * ```ts
 * const parsed = parseBlt(readFileSync("Calton-2007.blt", "utf8"));
 * if (parsed.ok) [parsed.value.seats, parsed.value.names["8"]]; //=> [3, "George Redmond"]
 * ```
 */
export function parseBlt(text: string): Result<RankedProfile> {
  // Long by design: a single pass over the BLT grammar (header, ballots, 0, names, title), each
  // part reading where the previous one stopped, with every issue located.
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const at = locatedIssues(issues);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const alternativeNames = new Map<number, { name: string; line: number }>();
  let commas: number | undefined;
  let k = 0;
  const next = (): ContentLine | undefined => {
    while (k < lines.length) {
      const raw = lines[k] as string;
      k++;
      const alternative = ALTERNATIVE_NAME.exec(raw.trim());
      if (alternative !== null)
        alternativeNames.set(Number(alternative[1]), { name: alternative[2] as string, line: k });
      const content = withoutComment(raw).trim();
      if (content !== "") return { text: content, line: k };
    }
    return undefined;
  };
  /** A line of numbers: a trailing comma or commas between numbers are separators. */
  const numbers = (item: ContentLine): string[] => {
    if (!item.text.includes(",")) return item.text.split(/\s+/);
    commas ??= item.line;
    return item.text.split(/[\s,]+/).filter((token) => token !== "");
  };
  const first = next();
  const head = first === undefined ? undefined : numbers(first).map(Number);
  if (
    first === undefined ||
    head === undefined ||
    head.length !== 2 ||
    !head.every((n) => Number.isSafeInteger(n) && n > 0)
  ) {
    return fail([
      locatedIssue(
        "invalid-header",
        first?.line ?? 1,
        1,
        'expected "candidates seats" as two positive whole numbers',
      ),
    ]);
  }
  const [count, seats] = head as [number, number];
  // Every candidate needs a name line: a header announcing more candidates than the file
  // has lines is wrong, and believing it would allocate without bound.
  if (count > lines.length) {
    return fail([
      locatedIssue(
        "invalid-header",
        first.line,
        1,
        `the header announces ${count} candidates but the file has only ${lines.length} lines`,
        { candidates: count, lines: lines.length },
      ),
    ]);
  }
  const candidates = Array.from({ length: count }, (_, c) => String(c + 1));
  const nick = new Map<string, string>();
  const withdrawn = new Set<string>();
  const tieOrder: string[] = [];
  const ballots: RankedBallot[] = [];
  let pieces = 0;
  const resolve = (token: string, line: number, column: number): string | undefined => {
    const byNick = nick.get(token);
    if (byNick !== undefined) return byNick;
    if (/^\d+$/.test(token)) {
      const id = Number(token);
      if (id >= 1 && id <= count) return String(id);
    }
    at(line, column, "unknown-candidate", `"${token}" is not a candidate`, { value: token });
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
          if (c < count) nick.set(value, String(c + 1));
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
      for (const token of numbers(item)) {
        const id = -Number(token);
        if (!Number.isInteger(id) || id < 1 || id > count)
          at(line, 1, "unknown-candidate", `"${token}" is not a withdrawn candidate number`, {
            value: token,
          });
        else withdrawn.add(String(id));
      }
      continue;
    }
    const tokens = numbers(item);
    if (tokens.length === 1 && tokens[0] === "0") {
      ended = true;
      break;
    }
    const weightText = tokens[0] as string;
    const weight = Number(weightText);
    if (!/^\d+(?:\.\d+)?$/.test(weightText) || !Number.isFinite(weight) || weight <= 0) {
      at(line, 1, "invalid-weight", `the ballot weight "${weightText}" is not a positive number`);
      continue;
    }
    if (tokens[tokens.length - 1] !== "0") {
      at(line, content.length, "unterminated-ballot", "a ballot line must end with 0");
      continue;
    }
    const ranking: string[][] = [];
    const seen = new Set<string>();
    let column = weightText.length + 2;
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
          at(line, column, "repeated-candidate", `candidate ${id} is ranked twice`, {
            value: id,
          });
          bad = true;
        }
        seen.add(id);
        tier.push(id);
      }
      if (tier.length > 0) ranking.push(tier);
      column += token.length + 1;
    }
    if (bad) continue;
    if (Number.isSafeInteger(weight) || !/^\d+$/.test(weightText)) {
      ballots.push({ ranking, weight });
      continue;
    }
    // A whole weight beyond 2^53 stays exact as several lines of the same ranking.
    let left = BigInt(weightText);
    if (left > MAX_WEIGHT) {
      at(line, 1, "weight-too-large", `the ballot weight ${weightText} is more than 2^64`, {
        value: weightText,
      });
      continue;
    }
    while (left > 0n) {
      const part = left < SAFE ? left : SAFE;
      ballots.push({ ranking, weight: Number(part) });
      left -= part;
      pieces++;
    }
  }
  if (!ended)
    at(lines.length, 1, "missing-end-of-ballots", 'the ballots never end with a line "0"');
  const names: Record<string, string> = Object.create(null);
  const quoted = (value: string) => (/^".*"$/.test(value) ? value.slice(1, -1) : value);
  const rest: ContentLine[] = [];
  for (let item = next(); item !== undefined; item = next()) rest.push(item);
  let title: string | undefined;
  const unquoted = (value: string) => {
    if (!/^".*"$/.test(value) && value.endsWith(",")) {
      commas ??= k;
      return value.slice(0, -1).trimEnd();
    }
    return quoted(value);
  };
  if (
    rest.length < count &&
    alternativeNames.size >= count &&
    candidates.every((_, c) => alternativeNames.has(c + 1))
  ) {
    candidates.forEach((candidate, c) => {
      names[candidate] = (alternativeNames.get(c + 1) as { name: string }).name;
    });
    const first = alternativeNames.get(1) as { line: number };
    warnings.push(
      ioWarning(
        "names-from-comments",
        ["line", first.line],
        `line ${first.line}, column 1: the candidates' names are read from the "# ALTERNATIVE NAME" comment lines, the only place the file gives them`,
        { line: first.line, column: 1 },
      ),
    );
    if (rest[0] !== undefined) title = unquoted(rest[0].text);
  } else {
    for (let c = 0; c < count; c++) {
      const item = rest[c];
      if (item === undefined) {
        at(lines.length, 1, "missing-name", `candidate ${c + 1} has no name`);
        break;
      }
      names[String(c + 1)] = unquoted(item.text);
    }
    const titleLine = rest[count];
    if (titleLine !== undefined) title = unquoted(titleLine.text);
  }
  if (issues.length > 0) return fail(issues);
  if (commas !== undefined)
    warnings.push(
      ioWarning(
        "commas-as-separators",
        ["line", commas],
        `line ${commas}, column 1: commas after numbers and names are read as separators`,
        { line: commas, column: 1 },
      ),
    );
  if (pieces > 0)
    warnings.push(
      ioWarning(
        "weight-split",
        [],
        `ballot weights beyond 2^53 are kept exact as ${pieces} ballots of the same rankings`,
        { ballots: pieces },
      ),
    );
  return ok(
    {
      candidates,
      names,
      ballots,
      seats,
      ...(withdrawn.size > 0 ? { withdrawn: [...withdrawn] } : {}),
      ...(tieOrder.length > 0 ? { tieOrder } : {}),
      ...(title === undefined ? {} : { title }),
    },
    warnings,
  );
}
