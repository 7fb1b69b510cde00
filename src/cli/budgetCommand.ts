import { parseArgs } from "node:util";
import { ballotRulesFromJson, budgetBallotFromJson, canSubmit } from "../budgeting/index.js";
import { parseJsonText } from "../io/index.js";
import { type CliIo, printIssue, readParsed, UsageError, withJson } from "./cliSupport.js";

/** `civitas budget check-ballot RULES.json BALLOT.json [--json]`: 0 when the ballot may be submitted. */
export function budgetCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  const io = withJson(cli, values.json);
  if (command !== "check-ballot")
    throw new UsageError(
      command === "" ? "budget needs a command" : `unknown command "budget ${command}"`,
    );
  const [rulesFile, ballotFile, ...extra] = positionals;
  if (rulesFile === undefined || ballotFile === undefined || extra.length > 0)
    throw new UsageError("budget check-ballot takes RULES.json and BALLOT.json");
  const rules = readParsed(rulesFile, io, (text) => {
    const json = parseJsonText(text);
    return json.ok ? ballotRulesFromJson(json.value) : json;
  });
  const ballot = readParsed(ballotFile, io, (text) => {
    const json = parseJsonText(text);
    return json.ok ? budgetBallotFromJson(json.value) : json;
  });
  if (rules === undefined || ballot === undefined) return 1;
  const checked = canSubmit(rules, ballot);
  if (!checked.ok) {
    for (const issue of checked.issues) printIssue(io, ballotFile, issue);
    return 1;
  }
  io.stdout(
    values.json
      ? `${JSON.stringify({ file: ballotFile, submittable: true })}\n`
      : `${ballotFile}: may be submitted\n`,
  );
  return 0;
}
