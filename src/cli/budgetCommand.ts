import { parseArgs } from "node:util";
import {
  ballotRulesFromJson,
  budgetBallotFromJson,
  canSubmit,
  consulFileFromJson,
  consulResults,
  consulVotes,
  decidimVotes,
  ordersFileFromJson,
  ordersToPbElection,
  pbOutcomeToJson,
  pbRules,
} from "../budgeting/index.js";
import { formatMoney } from "../core/money.js";
import type { Result } from "../core/result.js";
import { parseJsonText } from "../io/index.js";
import {
  type CliIo,
  printIssue,
  readParsed,
  UsageError,
  unknownId,
  withJson,
} from "./cliSupport.js";

/** Reads a JSON file through a library reader. */
function readJson<T>(file: string, io: CliIo, read: (json: unknown) => Result<T>): T | undefined {
  return readParsed(file, io, (text) => {
    const json = parseJsonText(text);
    return json.ok ? read(json.value) : json;
  });
}

function checkBallot(files: string[], json: boolean, io: CliIo): number {
  const [rulesFile, ballotFile, ...extra] = files;
  if (rulesFile === undefined || ballotFile === undefined || extra.length > 0)
    throw new UsageError("budget check-ballot takes RULES.json and BALLOT.json");
  const rules = readJson(rulesFile, io, ballotRulesFromJson);
  const ballot = readJson(ballotFile, io, budgetBallotFromJson);
  if (rules === undefined || ballot === undefined) return 1;
  const checked = canSubmit(rules, ballot);
  if (!checked.ok) {
    for (const issue of checked.issues) printIssue(io, ballotFile, issue);
    return 1;
  }
  io.stdout(
    json
      ? `${JSON.stringify({ file: ballotFile, submittable: true })}\n`
      : `${ballotFile}: may be submitted\n`,
  );
  return 0;
}

function results(files: string[], rule: string | undefined, json: boolean, io: CliIo): number {
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0) throw new UsageError("budget results takes one FILE");
  if (rule === undefined)
    throw new UsageError("budget results needs --rule consul, decidim or a pb rule");
  if (rule === "consul") {
    const data = readJson(file, io, consulFileFromJson);
    if (data === undefined) return 1;
    const votes = consulVotes(data.ballots);
    const counted = consulResults(
      data.headings,
      data.investments.map((investment) => ({
        ...investment,
        votes: votes.get(investment.id) ?? 0,
      })),
      { hideMoney: data.hideMoney },
    );
    for (const heading of counted)
      io.stdout(
        json
          ? `${JSON.stringify({ file, rule, heading: heading.heading, winners: heading.winners, spent: formatMoney(heading.spent, data.scale), steps: heading.steps.map((step) => ({ ...step, price: formatMoney(step.price, data.scale), left: formatMoney(step.left, data.scale) })) })}\n`
          : `${file} — ${heading.heading}: ${heading.winners.join(", ") || "no winner"} (spent ${formatMoney(heading.spent, data.scale)})\n`,
      );
    return 0;
  }
  const data = readJson(file, io, ordersFileFromJson);
  if (data === undefined) return 1;
  if (rule === "decidim") {
    const votes = decidimVotes(
      data.rules.projects.map((project) => project.id),
      data.orders,
    );
    io.stdout(
      json
        ? `${JSON.stringify({ file, rule, votes })}\n`
        : votes.map(({ project, votes: count }) => `${project}\t${count}\n`).join(""),
    );
    return 0;
  }
  const chosen = pbRules.find((candidate) => candidate.metadata.id === rule);
  if (chosen === undefined)
    throw unknownId("rule", rule, [
      "consul",
      "decidim",
      ...pbRules.map((candidate) => candidate.metadata.id),
    ]);
  const election = ordersToPbElection(data.rules, data.orders);
  if (!election.ok) {
    for (const issue of election.issues) printIssue(io, file, issue);
    return 1;
  }
  const outcome = chosen.run(election.value.instance, election.value.profile);
  if (!outcome.ok) {
    for (const issue of outcome.issues) printIssue(io, file, issue);
    return 1;
  }
  io.stdout(
    json
      ? `${JSON.stringify({ file, ...pbOutcomeToJson(outcome.value, election.value.instance.scale) })}\n`
      : `${file} — ${rule}: ${outcome.value.selected.join(", ") || "nothing"} (cost ${formatMoney(outcome.value.cost, election.value.instance.scale)})\n`,
  );
  return 0;
}

/** `civitas budget check-ballot RULES.json BALLOT.json` and `civitas budget results FILE --rule R`. */
export function budgetCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, rule: { type: "string" } },
  });
  const io = withJson(cli, values.json);
  if (command === "check-ballot") return checkBallot(positionals, values.json, io);
  if (command === "results") return results(positionals, values.rule, values.json, io);
  throw new UsageError(
    command === "" ? "budget needs a command" : `unknown command "budget ${command}"`,
  );
}
