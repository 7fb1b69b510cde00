import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";
import type { Result as AccountabilityResult, ResultStatus } from "../accountability/results.js";
import type { PbElection } from "../budgeting/election/election.js";
import { projectSupport } from "../budgeting/election/projectSupport.js";
import { ok, type Result } from "../core/result.js";
import { hmacSha256 } from "../core/sha256.js";
import type { ProposalEvent } from "../proposals/proposalEvent.js";
import { writePabulib } from "./writePabulib.js";

/**
 * What a process publishes as open data: its slug (the files' prefix) and title, its
 * proposals' event log, the results it follows, and its budget vote with the projects it
 * funded. Each part is optional.
 *
 * @category Open data
 * @example
 * ```ts
 * const process: OpenDataProcess = { slug: "angers-bp-2026", title: "Budget participatif 2026", proposals: events, budget: { election, selected } };
 * ```
 */
export interface OpenDataProcess {
  readonly slug: string;
  readonly title: string;
  readonly proposals?: readonly ProposalEvent[] | undefined;
  readonly results?: readonly AccountabilityResult[] | undefined;
  readonly statuses?: readonly ResultStatus[] | undefined;
  readonly budget?:
    | { readonly election: PbElection; readonly selected: readonly string[] }
    | undefined;
}

/** One table of the archive: its name (after the prefix) and its rows. */
interface Table {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** The proposals and their comments, from the event log, with no personal data. */
function proposalTables(
  events: readonly ProposalEvent[],
  pseudonym: (id: string) => string,
): Table[] {
  const proposals = new Map<
    string,
    {
      title: string;
      body: string;
      state: string;
      publishedAt: string;
      supporters: Set<string>;
      comments: number;
      endorsements: number;
    }
  >();
  const comments: (string | number)[][] = [];
  const iso = (at: number) => new Date(at).toISOString();
  for (const event of events) {
    if (event.type === "created")
      proposals.set(event.proposal, {
        title: event.title,
        body: event.body,
        state: "draft",
        publishedAt: "",
        supporters: new Set(),
        comments: 0,
        endorsements: 0,
      });
    if (!("proposal" in event) || typeof event.proposal !== "string") continue;
    const proposal = proposals.get(event.proposal);
    if (proposal === undefined) continue;
    if (event.type === "published")
      [proposal.state, proposal.publishedAt] = ["published", iso(event.at)];
    else if (event.type === "withdrawn") proposal.state = "withdrawn";
    else if (event.type === "supported") proposal.supporters.add(event.participant);
    else if (event.type === "unsupported") proposal.supporters.delete(event.participant);
    else if (event.type === "endorsed") proposal.endorsements++;
    else if (event.type === "commented") {
      proposal.comments++;
      comments.push([
        event.comment,
        event.proposal,
        event.alignment,
        pseudonym(event.participant),
        iso(event.at),
      ]);
    }
  }
  return [
    {
      name: "proposals",
      description:
        "each proposal: its title and body, state, when published, supports (withdrawn ones not counted), comments and endorsements; no author",
      columns: [
        "id",
        "title",
        "body",
        "state",
        "published_at",
        "supports",
        "comments_count",
        "endorsements_count",
      ],
      rows: [...proposals].map(([id, p]) => [
        id,
        p.title,
        p.body,
        p.state,
        p.publishedAt,
        p.supporters.size,
        p.comments,
        p.endorsements,
      ]),
    },
    {
      name: "proposal_comments",
      description:
        "each comment: its proposal, its alignment (favour, against, neutral), its author as a pseudonym, when",
      columns: ["id", "commentable_id", "alignment", "author_pseudonym", "created_at"],
      rows: comments,
    },
  ];
}

/** The results followed after the vote, as a table. */
function resultsTable(
  results: readonly AccountabilityResult[],
  statuses: readonly ResultStatus[],
): Table {
  const keyOf = new Map(statuses.map((s) => [s.id, s.key]));
  const locales = [...new Set(results.flatMap((r) => Object.keys(r.title)))].sort();
  return {
    name: "results",
    description:
      "each result followed after the vote: parent, status, progress (0 to 100), dates, titles per locale, proposals and projects it carries out",
    columns: [
      "id",
      "parent/id",
      "status/id",
      "status/key",
      "progress",
      "start_date",
      "end_date",
      ...locales.map((l) => `title/${l}`),
      "proposal_ids",
      "project_ids",
    ],
    rows: results.map((r) => [
      r.id,
      r.parentId ?? "",
      r.statusId ?? "",
      r.statusId === undefined ? "" : (keyOf.get(r.statusId) ?? ""),
      r.progress ?? "",
      r.startDate ?? "",
      r.endDate ?? "",
      ...locales.map((l) => (Object.hasOwn(r.title, l) ? (r.title[l] as string) : "")),
      r.proposalIds.join(";"),
      r.projectIds.join(";"),
    ]),
  };
}

const LICENSE = `# License

The data in this archive is made available under the Open Data Commons Open Database
License (ODbL) v1.0: https://opendatacommons.org/licenses/odbl/1-0/

You are free to share, create and adapt it, as long as you attribute it, share what you
make from it under the same license, and keep it open.
`;

/**
 * Writes a process's open data as one ZIP archive, named and shaped like Decidim's
 * open-data export: `<slug>-open-data-proposals`, `-proposal_comments`, `-results`,
 * `-projects` as CSV (or, with `format: "json"`, JSON arrays of objects), the vote itself as
 * a Pabulib file (`-votes.pb`), a README describing every file and column, and the
 * LICENSE (ODbL 1.0). Personal data is left out: proposals carry no author, and the ids of
 * commenters and voters become pseudonyms, HMAC-SHA-256 under `key` (keep the key secret:
 * the same person gets the same pseudonym in every file, and nobody without the key can
 * link one back). CSV is written by csv-stringify, the ZIP by fflate; `generatedAt` is
 * written into the README and as every file's date, so the same inputs give the same bytes.
 *
 * @category Open data
 * @example
 * ```ts
 * const archive = openDataArchive(process, { key: secretKey, generatedAt: "2026-12-01T00:00:00Z" });
 * if (archive.ok) writeFileSync("open-data.zip", archive.value.zip);
 * ```
 */
export function openDataArchive(
  process: OpenDataProcess,
  options: { readonly key: string; readonly generatedAt: string; readonly format?: "csv" | "json" },
): Result<{ readonly zip: Uint8Array; readonly files: readonly string[] }> {
  const pseudonym = (id: string) => hmacSha256(options.key, id).slice(0, 32);
  const tables: Table[] = [];
  if (process.proposals !== undefined) tables.push(...proposalTables(process.proposals, pseudonym));
  if (process.results !== undefined)
    tables.push(resultsTable(process.results, process.statuses ?? []));
  const files: Record<string, Uint8Array> = {};
  const date = new Date(options.generatedAt);
  const prefix = `${process.slug}-open-data-`;
  if (process.budget !== undefined) {
    const { election, selected } = process.budget;
    const support = projectSupport(election.instance, election.profile);
    tables.push({
      name: "projects",
      description: "each budget project: name, cost in minor units, votes, whether it was funded",
      columns: ["id", "title", "cost", "votes", "selected"],
      rows: election.instance.projects.map((p) => [
        p.id,
        p.name,
        p.cost.toString(),
        support.get(p.id)?.votes ?? 0,
        selected.includes(p.id) ? 1 : 0,
      ]),
    });
    const ballots = election.profile.ballots.map((ballot) => {
      const { fields: _fields, ...rest } = ballot;
      return rest.voterId === undefined ? rest : { ...rest, voterId: pseudonym(rest.voterId) };
    });
    const pabulib = writePabulib({
      instance: election.instance,
      profile: {
        ...election.profile,
        ballots,
        voteColumns: [
          "voter_id",
          "vote",
          ...(election.profile.voteColumns.includes("points") ? ["points"] : []),
        ],
      },
    });
    if (!pabulib.ok) return pabulib;
    files[`${prefix}votes.pb`] = strToU8(pabulib.value);
  }
  for (const table of tables) {
    const name = `${prefix}${table.name}.${options.format === "json" ? "json" : "csv"}`;
    const text =
      options.format === "json"
        ? `${JSON.stringify(
            table.rows.map((row) =>
              Object.fromEntries(table.columns.map((c, k) => [c, row[k] ?? ""])),
            ),
            null,
            2,
          )}\n`
        : stringify([table.columns as string[], ...(table.rows as (string | number)[][])]);
    files[name] = strToU8(text);
  }
  const readme = [
    `# ${process.title}: open data`,
    "",
    `Generated ${options.generatedAt} by civitas. Personal data is left out: proposals carry no author; commenters and voters appear as pseudonyms (a keyed hash: the same person has the same pseudonym in every file).`,
    "",
    ...tables.flatMap((t) => [
      `## ${prefix}${t.name}.${options.format === "json" ? "json" : "csv"}`,
      "",
      t.description,
      "",
      `Columns: ${t.columns.map((c) => `\`${c}\``).join(", ")}.`,
      "",
    ]),
    ...(process.budget === undefined
      ? []
      : [
          `## ${prefix}votes.pb`,
          "",
          "The vote as a Pabulib file (pabulib.org): META, PROJECTS and VOTES, voter ids as pseudonyms, other voter columns left out.",
          "",
        ]),
  ].join("\n");
  files["README.md"] = strToU8(readme);
  files["LICENSE.md"] = strToU8(LICENSE);
  const names = Object.keys(files).sort();
  const zip = zipSync(
    Object.fromEntries(names.map((name) => [name, [files[name] as Uint8Array, { mtime: date }]])),
  );
  return ok({ zip, files: names });
}
