import { fail, ok, type Result } from "../core/result.js";
import type { ApprovalProfile } from "../tally/ballots/approvalProfile.js";
import type { RankedProfile } from "../tally/ballots/rankedProfile.js";
import type { ScoreProfile } from "../tally/ballots/scoreProfile.js";
import { ioIssue } from "./ioIssues.js";
import { parseAbcvoting } from "./parseAbcvoting.js";
import { type BallotsJson, parseBallotsJson } from "./parseBallotsJson.js";
import { parseBlt } from "./parseBlt.js";
import { parsePreflib } from "./parsePreflib.js";
import { parseRankedCsv } from "./parseRankedCsv.js";

/**
 * The ballots of an election file, by kind: ranked (BLT, PrefLib, ranked CSV, JSON),
 * approval (abcvoting YAML, PrefLib CAT, JSON), score or referendum (JSON). Participatory budgets are
 * read by {@link readPbElection}.
 *
 * @category Reading
 * @example
 * ```ts
 * const file: ElectionFile = { type: "ranked", profile };
 * ```
 */
export type ElectionFile = BallotsJson;

/** The ballot file types {@link readElection} reads, by extension. */
const RANKED_EXTENSIONS = ["blt", "soc", "soi", "toc", "toi", "csv"];

/**
 * Reads an election file by its name and content: `.blt`, PrefLib (`.soc .soi .toc .toi`),
 * ranked CSV (`.csv`), PrefLib categories (`.cat`, as approval ballots: the first
 * category is the approved set, as abcvoting reads them), abcvoting (`.yaml`, `.yml`) and
 * JSON ballots of any type (`.json`, or any name whose text starts with `{`). Issues are located in the file; an
 * unknown type is the issue `unknown-file-type`.
 *
 * @category Reading
 * @example
 * ```ts
 * const read = readElection("Canal-2007.blt", text);
 * if (read.ok && read.value.type === "ranked") scottishStv(read.value.profile);
 * ```
 */
export function readElection(fileName: string, text: string): Result<ElectionFile> {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (
    extension === "json" ||
    (!RANKED_EXTENSIONS.includes(extension) && extension !== "cat" && /^\s*\{/.test(text))
  )
    return parseBallotsJson(text);
  if (extension === "cat") {
    const read = parsePreflib(text);
    if (!read.ok) return read;
    const { candidates, names, ballots } = read.value;
    const profile: ApprovalProfile = {
      candidates,
      names,
      ballots: ballots.map((ballot) => ({
        approved: ballot.ranking[0] ?? [],
        weight: ballot.weight,
      })),
    };
    return ok({ type: "approval", profile }, read.warnings);
  }
  if (extension === "blt") return tagged("ranked", parseBlt(text));
  if (extension === "csv") return tagged("ranked", parseRankedCsv(text));
  if (RANKED_EXTENSIONS.includes(extension)) return tagged("ranked", parsePreflib(text));
  if (extension === "yaml" || extension === "yml") {
    const instance = parseAbcvoting(text);
    return instance.ok
      ? ok({ type: "approval", profile: instance.value.profile }, instance.warnings)
      : instance;
  }
  return fail([
    ioIssue(
      "unknown-file-type",
      [],
      `unknown ballot file type ".${extension}" (blt, soc, soi, toc, toi, cat, csv, abc.yaml, json)`,
      { extension },
    ),
  ]);
}

function tagged(type: "ranked", read: Result<RankedProfile>): Result<ElectionFile> {
  return read.ok ? ok({ type, profile: read.value }, read.warnings) : read;
}

/**
 * What {@link readElectionOf} returns for each kind of ballots.
 *
 * @category Reading
 * @example
 * ```ts
 * const profile: ProfileOf["ranked"] = { candidates: ["a"], names: {}, ballots: [] };
 * ```
 */
export interface ProfileOf {
  readonly ranked: RankedProfile;
  readonly approval: ApprovalProfile;
  readonly score: ScoreProfile;
}

/**
 * Reads an election file ({@link readElection}) that must hold ballots of one kind, for a
 * method that counts only those: other ballots are the issue `wrong-ballot-type`.
 *
 * @category Reading
 * @example
 * ```ts
 * const profile = readElectionOf("ward.blt", text, "ranked");
 * if (profile.ok) instantRunoff(profile.value);
 * ```
 */
export function readElectionOf<K extends keyof ProfileOf>(
  fileName: string,
  text: string,
  type: K,
): Result<ProfileOf[K]> {
  const read = readElection(fileName, text);
  if (!read.ok) return read;
  if (read.value.type !== type)
    return fail([
      ioIssue(
        "wrong-ballot-type",
        ["type"],
        `the file holds ${read.value.type} ballots; this method counts ${type} ballots`,
        { found: read.value.type, expected: type },
      ),
    ]);
  return ok((read.value as unknown as { profile: ProfileOf[K] }).profile, read.warnings);
}
