import { parseArgs } from "node:util";
import { fail, ok } from "../core/result.js";
import { parseJsonText } from "../io/index.js";
import {
  decidimDraw,
  drawCommitment,
  publicDraw,
  sortitionIssue,
  verifyPublicDraw,
} from "../sortition/index.js";
import { type CliIo, printIssue, readParsed, UsageError, withJson } from "./cliSupport.js";

/** A whole-number flag. */
function wholeNumber(name: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isSafeInteger(value) || value < 0)
    throw new UsageError(`--${name} takes a whole number`);
  return value;
}

/** The candidate ids of a JSON file: an array of ids (numbers for Decidim, strings otherwise). */
function candidatesOf(file: string | undefined, io: CliIo): unknown[] | undefined {
  if (file === undefined)
    throw new UsageError("--candidates takes a JSON file with an array of ids");
  return readParsed(file, io, (text) => {
    const json = parseJsonText(text);
    if (!json.ok) return json;
    return Array.isArray(json.value)
      ? ok(json.value as unknown[])
      : fail([
          sortitionIssue("invalid-draw", [], { reason: "needs a JSON array of candidate ids" }),
        ]);
  });
}

/**
 * `civitas sortition decidim|draw|verify|commit`: Decidim's draw reproduced, a public draw,
 * its verification, a secret's commitment.
 */
export function sortitionCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      candidates: { type: "string" },
      count: { type: "string" },
      timestamp: { type: "string" },
      dice: { type: "string" },
      secret: { type: "string" },
      random: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const io = withJson(cli, values.json);
  const print = (drawn: readonly (string | number)[], fields: Record<string, string>) => {
    if (values.json) io.stdout(`${JSON.stringify({ ...fields, drawn })}\n`);
    else io.stdout(`${drawn.join("\n")}${drawn.length > 0 ? "\n" : ""}`);
  };
  if (command === "decidim") {
    const candidates = candidatesOf(values.candidates, io);
    if (candidates === undefined) return 1;
    const draw = decidimDraw({
      candidates,
      count: wholeNumber("count", values.count),
      timestamp: wholeNumber("timestamp", values.timestamp),
      dice: wholeNumber("dice", values.dice),
    });
    const file = values.candidates as string;
    if (!draw.ok) {
      for (const issue of draw.issues) printIssue(io, file, issue);
      return 1;
    }
    for (const warning of draw.warnings) printIssue(io, file, warning);
    print(draw.value.drawn, { seed: draw.value.seed });
    return 0;
  }
  if (command === "commit") {
    if (values.secret === undefined) throw new UsageError("sortition commit needs --secret");
    io.stdout(`${drawCommitment(values.secret)}\n`);
    return 0;
  }
  if (command === "draw") {
    const candidates = candidatesOf(values.candidates, io);
    if (candidates === undefined) return 1;
    const draw = publicDraw({
      candidates,
      count: wholeNumber("count", values.count),
      secret: values.secret,
      publicRandom: values.random,
    });
    if (!draw.ok) {
      for (const issue of draw.issues) printIssue(io, values.candidates as string, issue);
      return 1;
    }
    print(draw.value.drawn, { commitment: draw.value.commitment, seed: draw.value.seed });
    return 0;
  }
  if (command === "verify") {
    const [file] = positionals;
    if (file === undefined) throw new UsageError("sortition verify needs a DRAW.json");
    const checked = readParsed(file, io, (text) => {
      const json = parseJsonText(text);
      if (!json.ok) return json;
      const published = json.value as Parameters<typeof verifyPublicDraw>[0];
      if (typeof published?.commitment !== "string" || !Array.isArray(published?.drawn))
        return fail([
          sortitionIssue("invalid-draw", [], {
            reason:
              "to check is a JSON object with candidates, count, secret, publicRandom, commitment and drawn",
          }),
        ]);
      return verifyPublicDraw(published);
    });
    if (checked === undefined) return 1;
    if (values.json) io.stdout(`${JSON.stringify({ verified: true, seed: checked.seed })}\n`);
    else
      io.stdout(
        `verified: the secret matches the commitment and the inputs draw ${checked.drawn.join(", ")}\n`,
      );
    return 0;
  }
  throw new UsageError(`unknown command "sortition ${command ?? ""}"`);
}
