import { type Issue, makeIssue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { ApprovalProfile } from "../tally/approvalProfile.js";
import { locatedIssues } from "./locatedIssue.js";

/**
 * An abcvoting instance: the approval profile, the committee size, and the results it
 * records per rule (every winning committee; `null` when unknown).
 *
 * @category abcvoting
 * @example
 * ```ts
 * const instance: AbcvotingInstance = { profile, expected: [{ rule: "pav", resolute: false, committees: [["2", "3", "4"]] }] };
 * ```
 */
export interface AbcvotingInstance {
  readonly profile: ApprovalProfile;
  readonly expected: readonly {
    readonly rule: string;
    readonly resolute: boolean;
    readonly committees: readonly (readonly string[])[] | null;
  }[];
}

/** A flow list of whole numbers, nested (`[[0, 1], [2]]`), or null. */
function flowList(text: string): unknown {
  if (text === "null" || text === "") return null;
  if (!/^[[\]\d,\s]*$/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads an abcvoting `.abc.yaml` instance (the YAML subset abcvoting writes: `profile` as a
 * flow list of approval sets numbered from 0, `num_cand`, `committeesize`, and `compute`
 * entries with `rule_id`, `result` and `resolute`). Candidate ids are `"0"`, `"1"`, ….
 * Problems are issues with line and column.
 *
 * @category abcvoting
 * @example
 * ```ts
 * const parsed = parseAbcvoting(readFileSync("instanceS0001.abc.yaml", "utf8"));
 * if (parsed.ok) parsed.value.profile.seats; //=> 3
 * ```
 */
export function parseAbcvoting(text: string): Result<AbcvotingInstance> {
  const issues: Issue[] = [];
  const at = locatedIssues(issues);
  let profile: number[][] | undefined;
  let count: number | undefined;
  let seats: number | undefined;
  let weights: number[] | undefined;
  let declaredVoters: number | undefined;
  const expected: { rule: string; resolute: boolean; committees: string[][] | null }[] = [];
  let current:
    | { rule?: string; resolute?: boolean; committees?: string[][] | null; line: number }
    | undefined;
  const close = () => {
    if (current === undefined) return;
    if (current.rule === undefined)
      at(current.line, 1, "missing-rule", "a compute entry has no rule_id");
    else
      expected.push({
        rule: current.rule,
        resolute: current.resolute ?? false,
        committees: current.committees ?? null,
      });
    current = undefined;
  };
  // A long flow list continues on indented lines until its brackets balance.
  const source = text.split(/\r?\n/);
  const joined: { raw: string; line: number }[] = [];
  for (let k = 0; k < source.length; k++) {
    let raw = source[k] as string;
    const line = k + 1;
    const balance = (value: string) =>
      (value.match(/\[/g)?.length ?? 0) - (value.match(/]/g)?.length ?? 0);
    while (balance(raw) > 0 && k + 1 < source.length) {
      k++;
      raw += ` ${(source[k] as string).trim()}`;
    }
    joined.push({ raw, line });
  }
  joined.forEach(({ raw, line }) => {
    if (raw.trim() === "" || raw.trim().startsWith("#")) return;
    const entry = /^(\s*)(-\s+)?([\w-]+):\s*(.*)$/.exec(raw);
    if (entry === null) {
      at(line, 1, "unreadable-line", `cannot read "${raw.trim()}"`);
      return;
    }
    const [, indent, dash, key, value] = entry as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
    ];
    const column = indent.length + (dash?.length ?? 0) + key.length + 3;
    if (dash !== undefined) {
      close();
      current = { line };
    }
    if (indent.length === 0 && dash === undefined) close();
    const text = value.trim();
    switch (key) {
      case "profile": {
        const list = flowList(text);
        if (
          !Array.isArray(list) ||
          !list.every(
            (set) => Array.isArray(set) && set.every((c) => Number.isInteger(c) && c >= 0),
          )
        ) {
          at(
            line,
            column,
            "invalid-profile",
            "the profile must be a list of approval sets of candidate numbers",
          );
        } else profile = list as number[][];
        break;
      }
      case "voter_weights": {
        const list = /^\[[\d.,\s]*\]$/.test(text) ? (JSON.parse(text) as unknown) : undefined;
        if (!Array.isArray(list) || !list.every((w) => typeof w === "number" && w > 0)) {
          at(
            line,
            column,
            "invalid-voter-weights",
            "voter_weights must be a list of positive numbers",
          );
        } else weights = list as number[];
        break;
      }
      case "num_voters":
        declaredVoters = Number(text);
        break;
      case "num_cand":
        count = Number(text);
        if (!Number.isInteger(count) || count < 1)
          at(line, column, "invalid-num-cand", `"${text}" is not a positive whole number`);
        break;
      case "committeesize":
        seats = Number(text);
        if (!Number.isInteger(seats) || seats < 1)
          at(line, column, "invalid-committeesize", `"${text}" is not a positive whole number`);
        break;
      case "rule_id":
        if (current !== undefined) current.rule = text;
        break;
      case "resolute":
        if (current !== undefined) current.resolute = text === "true";
        break;
      case "result": {
        const list = flowList(text);
        if (list === undefined)
          at(line, column, "invalid-result", "the result must be a list of committees or null");
        else if (current !== undefined)
          current.committees =
            list === null ? null : (list as number[][]).map((committee) => committee.map(String));
        break;
      }
      default:
        break;
    }
  });
  close();
  if (profile === undefined)
    issues.push(
      makeIssue("missing-profile", ["profile"], "line 1, column 1: the instance has no profile"),
    );
  if (count === undefined)
    issues.push(
      makeIssue("missing-num-cand", ["num_cand"], "line 1, column 1: the instance has no num_cand"),
    );
  if (issues.length > 0) return fail(issues);
  const voters = (profile as number[][]).length;
  if (weights !== undefined && weights.length !== voters) {
    return fail([
      makeIssue(
        "voter-weights-mismatch",
        ["voter_weights"],
        `line 1, column 1: ${weights.length} voter weights for ${voters} voters`,
      ),
    ]);
  }
  if (declaredVoters !== undefined && declaredVoters !== voters) {
    return fail([
      makeIssue(
        "voters-mismatch",
        ["num_voters"],
        `line 1, column 1: num_voters says ${declaredVoters}, the profile has ${voters}`,
      ),
    ]);
  }
  const candidates = Array.from({ length: count as number }, (_, c) => String(c));
  for (const set of profile as number[][]) {
    for (const c of set) {
      if (c >= (count as number))
        return fail([
          makeIssue(
            "unknown-candidate",
            ["profile"],
            `line 1, column 1: candidate ${c} is beyond num_cand ${count}`,
          ),
        ]);
    }
  }
  return ok({
    profile: {
      candidates,
      names: Object.fromEntries(candidates.map((candidate) => [candidate, candidate])),
      ballots: (profile as number[][]).map((set, v) => ({
        approved: set.map(String),
        weight: weights?.[v] ?? 1,
      })),
      ...(seats === undefined ? {} : { seats }),
    },
    expected,
  });
}
