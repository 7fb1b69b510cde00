import { parseArgs } from "node:util";
import { nextTransition, phaseAt, toICalendar } from "../calendar/index.js";
import { type CliIo, instantArgument, loadProcess, UsageError, withJson } from "./cliSupport.js";

/** An instant as the process's local time with its offset: `2026-10-11 23:59 (+02:00, Europe/Paris)`. */
function localTimeIn(instant: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = (parts.timeZoneName ?? "").replace("GMT", "") || "+00:00";
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${offset}, ${zone})`;
}

/** `civitas process check | at | ics …`. */
export function processCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      at: { type: "string" },
      stamp: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const io = withJson(cli, values.json);
  if (positionals.length === 0) throw new UsageError(`process ${command ?? ""} needs a FILE`);
  if (command === "check") {
    let failed = false;
    for (const file of positionals) {
      const process = loadProcess(file, io);
      if (process === undefined) failed = true;
      else
        io.stdout(
          `${file}: ${process.definition.title}, ${process.definition.phases.length} phases in ${process.definition.timeZone}: valid\n`,
        );
    }
    return failed ? 1 : 0;
  }
  if (command === "at") {
    const instant = instantArgument("at", values.at);
    let failed = false;
    for (const file of positionals) {
      const process = loadProcess(file, io);
      if (process === undefined) {
        failed = true;
        continue;
      }
      const { phase, permits } = phaseAt(process, instant);
      const next = nextTransition(process, instant);
      io.stdout(
        values.json
          ? `${JSON.stringify({ file, at: new Date(instant).toISOString(), phase: phase?.id ?? null, title: phase?.title ?? null, permits, next: next === undefined ? null : { ...next, at: new Date(next.at).toISOString(), local: localTimeIn(next.at, process.definition.timeZone) } })}\n`
          : `${file}: ${phase === undefined ? "no phase is running" : `${phase.title} (${phase.id})${permits.length > 0 ? `; permits ${permits.join(", ")}` : ""}`}${next === undefined ? "" : `; next change ${localTimeIn(next.at, process.definition.timeZone)} (${new Date(next.at).toISOString()})`}\n`,
      );
    }
    return failed ? 1 : 0;
  }
  if (command === "ics") {
    const stamp =
      values.stamp === undefined ? (io.clock?.() ?? 0) : instantArgument("stamp", values.stamp);
    let failed = false;
    for (const file of positionals) {
      const process = loadProcess(file, io);
      if (process === undefined) failed = true;
      else io.stdout(toICalendar(process, { stamp }));
    }
    return failed ? 1 : 0;
  }
  throw new UsageError(`unknown command "process ${command ?? ""}"`);
}
