import { parseArgs } from "node:util";
import type { Process } from "../calendar/index.js";
import { formatMoney, parseMoney } from "../core/money.js";
import { parseProposalCommands, parseProposalEventLog, writePabulib } from "../io/index.js";
import {
  emptyConsultation,
  type ProposalEvent,
  participationFigures,
  replay,
  type TransitionContext,
  toBudgetInstance,
  transition,
} from "../proposals/index.js";
import {
  type CliIo,
  loadProcess,
  printIssue,
  readParsed,
  UsageError,
  withJson,
} from "./cliSupport.js";

/** "1 support", "2 supports". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** What a command is, in a few words, for a refusal line. */
function describe(command: unknown): string {
  if (typeof command !== "object" || command === null) return "command";
  const { type, proposal, amendment, draft } = command as Record<string, unknown>;
  return [type, proposal ?? amendment ?? draft]
    .filter((part) => typeof part === "string")
    .join(" ");
}

function applyCommands(file: string, process: Process | undefined, io: CliIo): number {
  const scenario = readParsed(file, io, parseProposalCommands);
  if (scenario === undefined) return 1;
  const { rules, component, admins, valuators, census } = scenario.context;
  const base: Omit<TransitionContext, "instant"> = {
    ...(rules === undefined ? {} : { rules }),
    ...(scenario.lifecycle === undefined ? {} : { lifecycle: scenario.lifecycle }),
    ...(process === undefined ? {} : { process }),
    ...(component === undefined ? {} : { component }),
    ...(admins === undefined ? {} : { admins }),
    ...(valuators === undefined ? {} : { valuators }),
    ...(census === undefined ? {} : { census }),
  };
  let state = emptyConsultation;
  const log: ProposalEvent[] = [];
  let failed = false;
  for (const [index, entry] of scenario.commands.entries()) {
    const where = `${file}: commands[${index}] ${describe(entry.command)} at ${entry.at}`;
    const step = transition(state, entry.command, { ...base, instant: Date.parse(entry.at) });
    if (step.ok) {
      if (entry.refused === true) {
        io.stderr(`${where}: accepted, but the file says it is refused\n`);
        failed = true;
      }
      state = step.value.state;
      log.push(...step.value.events);
    } else {
      const reasons = step.issues.map((issue) => issue.message).join("; ");
      io.stderr(
        `${where}: ${entry.refused === true ? "refused as expected" : "refused"}: ${reasons}\n`,
      );
      if (entry.refused !== true) failed = true;
    }
  }
  io.stdout(`[\n${log.map((event) => `  ${JSON.stringify(event)}`).join(",\n")}\n]\n`);
  return failed ? 1 : 0;
}

function replayLog(file: string, process: Process | undefined, json: boolean, io: CliIo): number {
  const log = readParsed(file, io, parseProposalEventLog);
  if (log === undefined) return 1;
  const state = replay(log);
  const figures = participationFigures(log, process === undefined ? {} : { process });
  if (json) {
    io.stdout(`${JSON.stringify({ file, proposals: Object.values(state.proposals), figures })}\n`);
    return 0;
  }
  const { total } = figures;
  const comments = total.comments.favour + total.comments.against + total.comments.neutral;
  io.stdout(
    `${file}: ${count(total.proposals, "proposal")}, ${count(total.supports, "support")}, ${count(total.endorsements, "endorsement")}, ${count(comments, "comment")} (${total.comments.favour} in favour, ${total.comments.against} against, ${total.comments.neutral} neutral), ${count(total.participants, "participant")}\n`,
  );
  for (const proposal of Object.values(state.proposals)) {
    const answer = proposal.answer;
    const said =
      answer === undefined
        ? ""
        : `; answer ${answer.state}${answer.published ? "" : " (not published)"}${
            answer.cost === undefined ? "" : `, cost ${answer.cost}`
          }`;
    const from =
      proposal.origin === undefined
        ? ""
        : `; from ${proposal.origin.kind} of ${proposal.origin.from.join(", ")}`;
    io.stdout(
      `  ${proposal.id} ${proposal.status} "${proposal.title}"${
        proposal.scope === undefined ? "" : ` [${proposal.scope}]`
      }: ${count(proposal.supporters.length, "supporter")}${said}${from}\n`,
    );
  }
  for (const [phase, activity] of Object.entries(figures.byPhase))
    io.stdout(
      `  phase ${phase || "(outside every phase)"}: ${count(activity.participants, "participant")}, ${count(activity.proposalsCreated, "new proposal")}, ${count(activity.supportsGiven, "support")} given and ${activity.supportsWithdrawn} taken back, ${count(activity.comments, "comment")}, ${count(activity.endorsements, "endorsement")}\n`,
    );
  for (const [scope, counts] of Object.entries(figures.byScope))
    io.stdout(
      `  scope ${scope || "(none)"}: ${count(counts.participants, "participant")}, ${count(counts.proposals, "proposal")}, ${count(counts.supports, "support")}\n`,
    );
  return 0;
}

function budgetFromLog(
  file: string,
  budgetText: string | undefined,
  scale: number,
  description: string | undefined,
  io: CliIo,
): number {
  const budget = budgetText === undefined ? undefined : parseMoney(budgetText, scale);
  if (budget === undefined)
    throw new UsageError(
      `--budget must be an amount with at most ${scale} decimals, such as 1000000`,
    );
  const log = readParsed(file, io, parseProposalEventLog);
  if (log === undefined) return 1;
  const instance = toBudgetInstance(replay(log), {
    budget,
    scale,
    meta: { description: description ?? `Projects from ${file}`, currency: "EUR" },
  });
  if (!instance.ok) {
    for (const issue of instance.issues) printIssue(io, file, issue);
    return 1;
  }
  const written = writePabulib({
    instance: instance.value,
    profile: { voteType: "approval", ballots: [], voteColumns: ["voter_id", "vote"] },
  });
  if (!written.ok) {
    for (const issue of written.issues) printIssue(io, file, issue);
    return 1;
  }
  io.stdout(written.value);
  io.stderr(
    `${file}: ${instance.value.projects.length} projects, ${formatMoney(
      instance.value.projects.reduce((sum, project) => sum + project.cost, 0n),
      scale,
    )} in all, for a budget of ${formatMoney(budget, scale)}\n`,
  );
  return 0;
}

/** `civitas proposals apply|replay|budget`. */
export function proposalsCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      process: { type: "string" },
      json: { type: "boolean", default: false },
      budget: { type: "string" },
      scale: { type: "string", default: "0" },
      description: { type: "string" },
    },
  });
  const io = withJson(cli, values.json);
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(`proposals ${command ?? ""} needs a FILE`);
  if (extra.length > 0) throw new UsageError(`proposals ${command ?? ""} takes one FILE`);
  const process = values.process === undefined ? undefined : loadProcess(values.process, io);
  if (values.process !== undefined && process === undefined) return 1;
  switch (command) {
    case "apply":
      return applyCommands(file, process, io);
    case "replay":
      return replayLog(file, process, values.json, io);
    case "budget": {
      const scale = Number(values.scale);
      if (!Number.isInteger(scale) || scale < 0 || scale > 6)
        throw new UsageError("--scale must be a whole number of decimals from 0 to 6");
      return budgetFromLog(file, values.budget, scale, values.description, io);
    }
    default:
      throw new UsageError(`unknown command "proposals ${command ?? ""}"`);
  }
}
