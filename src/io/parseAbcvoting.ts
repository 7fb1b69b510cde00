import { isNode, LineCounter, parseDocument } from "yaml";
import * as z from "zod/mini";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import type { ApprovalProfile } from "../tally/ballots/approvalProfile.js";
import type { IoIssueCode, IoIssueDetails } from "./ioIssues.js";
import { locatedAt } from "./locatedIssue.js";

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

const candidateNumber = lazySchema(() => z.int().check(z.nonnegative()));

/** A voter weight: a positive finite number (abcvoting accepts fractions such as `1.3`). */
const weight = lazySchema(() => z.number().check(z.positive()));

/**
 * The zod schema of an abcvoting `.abc.yaml` document once read as YAML: the keys
 * abcvoting's `read_abcvoting_yaml_file` accepts (`profile`, `num_cand`, `committeesize`,
 * `voter_weights`, `description`, `compute`). Other keys are reported apart.
 *
 * @category abcvoting
 * @example
 * ```ts
 * parseSchema(abcvotingDocumentSchema, { profile: [[0, 1], [2]], num_cand: 3 }).success; //=> true
 * ```
 */
export const abcvotingDocumentSchema = lazySchema(() =>
  z.object({
    profile: z.array(z.array(candidateNumber)),
    num_cand: z.optional(z.int().check(z.positive())),
    committeesize: z.optional(z.int().check(z.positive())),
    voter_weights: z.optional(z.array(weight)),
    description: z.optional(z.nullable(z.string())),
    compute: z.optional(
      z.nullable(
        z.array(
          z.looseObject({
            rule_id: z.string().check(z.minLength(1)),
            resolute: z.optional(z.boolean()),
            result: z.optional(z.nullable(z.array(z.array(candidateNumber)))),
          }),
        ),
      ),
    ),
  }),
);

/** The keys abcvoting defines (those of the schema). */
const KNOWN_KEYS = new Set([
  "profile",
  "num_cand",
  "committeesize",
  "voter_weights",
  "description",
  "compute",
]);

/** At most this many candidates: beyond it a declared `num_cand` is not believed. */
const MAX_CANDIDATES = 1_000_000;

/**
 * Reads an abcvoting `.abc.yaml` instance with a real YAML parser (every form abcvoting's
 * files use: flow and block lists, strings folded over several lines, comments), checked
 * with {@link abcvotingDocumentSchema}: `profile` as approval sets numbered from 0,
 * `num_cand` (else the highest approved candidate + 1, as abcvoting does),
 * `committeesize`, `voter_weights` (positive, fractions allowed) and `compute` entries with
 * `rule_id`, `result` and `resolute`. Candidate ids are `"0"`, `"1"`, ….
 *
 * Problems are issues with line and column. A key abcvoting does not define is ignored with
 * a warning, except `num_voters` that disagrees with the profile (an error).
 *
 * @category abcvoting
 * @example
 * ```ts
 * const parsed = parseAbcvoting(readFileSync("instanceS0001.abc.yaml", "utf8"));
 * if (parsed.ok) parsed.value.profile.seats; //=> 3
 * ```
 */
export function parseAbcvoting(text: string): Result<AbcvotingInstance> {
  // Long by design: reads, checks and locates one YAML document: every step needs the node
  // positions of the same parse.
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ""), {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    // Numbers past 2^53 stay exact enough to be refused rather than rounded silently.
    intAsBigInt: false,
  });
  const located = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const issue = <C extends IoIssueCode>(
    code: C,
    path: (string | number)[],
    offset: number | undefined,
    message: string,
    params?: IoIssueDetails[C],
    severity: "error" | "warning" = "error",
  ): Issue => {
    const { line, column } = located(offset);
    return locatedAt(code, path, line, column, message, params, severity);
  };
  const offsetOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return node.range[0];
    }
    return undefined;
  };
  if (document.errors.length > 0) {
    return fail(
      document.errors.map((error) =>
        issue("invalid-yaml", [], error.pos[0], error.message.split("\n")[0] ?? "invalid YAML"),
      ),
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml package throws on an alias to no anchor and on alias bombs.
    if (!(error instanceof Error)) throw error;
    return fail([issue("invalid-yaml", [], 0, error.message.split("\n")[0] ?? "invalid YAML")]);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return fail([
      issue("missing-profile", ["profile"], 0, "the instance is not a YAML mapping with a profile"),
    ]);
  }
  const warnings: Issue[] = [];
  const errors: Issue[] = [];
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (KNOWN_KEYS.has(key)) continue;
    if (key === "num_voters") continue; // checked against the profile below
    warnings.push(
      issue(
        "unknown-key",
        [key],
        offsetOf([key]),
        `"${key}" is not an abcvoting key; ignored`,
        { key },
        "warning",
      ),
    );
  }
  const parsed = parseSchema(abcvotingDocumentSchema, record);
  if (!parsed.success) {
    return fail(
      schemaIssues(
        parsed.error,
        ({ path, code }) =>
          path.length === 1 && code === "invalid_type" && record[path[0] as string] === undefined
            ? `missing-${String(path[0]).replace(/_/g, "-")}`
            : `invalid-${String(path[0] ?? "instance").replace(/_/g, "-")}`,
        "instance",
        // Codes made above, all in the io catalogue (tests/issueCatalogue.test.ts).
        (made) =>
          issue(made.code as IoIssueCode, [...made.path], offsetOf([...made.path]), made.message),
      ),
    );
  }
  const instance = parsed.data;
  const voters = instance.profile.length;
  let highest = -1;
  for (const set of instance.profile) for (const c of set) highest = Math.max(highest, c);
  const count = instance.num_cand ?? highest + 1;
  if (count > MAX_CANDIDATES) {
    errors.push(
      issue(
        "too-many-candidates",
        ["num_cand"],
        offsetOf(["num_cand"]),
        `num_cand ${count} is more than ${MAX_CANDIDATES} candidates`,
      ),
    );
  } else if (count < 1) {
    errors.push(
      issue(
        "missing-num-cand",
        ["num_cand"],
        0,
        "the instance has no num_cand and approves no candidate",
      ),
    );
  }
  if (instance.voter_weights !== undefined && instance.voter_weights.length !== voters) {
    errors.push(
      issue(
        "voter-weights-mismatch",
        ["voter_weights"],
        offsetOf(["voter_weights"]),
        `${instance.voter_weights.length} voter weights for ${voters} voters`,
      ),
    );
  }
  const declaredVoters = record.num_voters;
  if (declaredVoters !== undefined && declaredVoters !== voters) {
    errors.push(
      issue(
        "voters-mismatch",
        ["num_voters"],
        offsetOf(["num_voters"]),
        `num_voters says ${String(declaredVoters)}, the profile has ${voters}`,
      ),
    );
  }
  instance.profile.forEach((set, v) => {
    set.forEach((c, k) => {
      if (c >= count)
        errors.push(
          issue(
            "unknown-candidate",
            ["profile", v, k],
            offsetOf(["profile", v, k]),
            `candidate ${c} is beyond num_cand ${count}`,
          ),
        );
      else if (set.indexOf(c) !== k)
        warnings.push(
          issue(
            "repeated-candidate",
            ["profile", v, k],
            offsetOf(["profile", v, k]),
            `voter ${v} approves candidate ${c} twice; counted once`,
            { voter: v, candidate: c, value: String(c) },
            "warning",
          ),
        );
    });
  });
  if (errors.length > 0) return fail(errors);
  const candidates = Array.from({ length: count }, (_, c) => String(c));
  const names: Record<string, string> = Object.create(null);
  for (const candidate of candidates) names[candidate] = candidate;
  return ok(
    {
      profile: {
        candidates,
        names,
        ballots: instance.profile.map((set, v) => ({
          approved: [...new Set(set)].map(String),
          weight: instance.voter_weights?.[v] ?? 1,
        })),
        ...(instance.committeesize === undefined ? {} : { seats: instance.committeesize }),
      },
      expected: (instance.compute ?? []).map((entry) => ({
        rule: entry.rule_id,
        resolute: entry.resolute ?? false,
        committees:
          entry.result === undefined || entry.result === null
            ? null
            : entry.result.map((committee) => committee.map(String)),
      })),
    },
    warnings,
  );
}
