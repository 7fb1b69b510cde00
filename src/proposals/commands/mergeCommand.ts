import type { ProposalRecord } from "../consultation.js";
import type { ProposalCommand } from "../proposalCommand.js";
import type { CommandScope, Outcome } from "./commandScope.js";

/** Merges published proposals of one component into a new one; each participant's support counts once. @internal */
export function mergeCommand(
  scope: CommandScope,
  command: Extract<ProposalCommand, { type: "merge" }>,
): Outcome {
  const { state, refuse, refuseWith, step } = scope;
  const denied = scope.authorize({});
  if (denied) return refuseWith(denied);
  if (new Set(command.proposals).size !== command.proposals.length)
    return refuse("repeated-merge", {});
  const sources: ProposalRecord[] = [];
  for (const id of command.proposals) {
    const source = state.proposals[id];
    if (source === undefined) return refuse("unknown-proposal", { proposal: id });
    if (source.status !== "published")
      return refuse("not-published", { proposal: id, status: source.status, verb: "merged" });
    sources.push(source);
  }
  const [first] = sources as [ProposalRecord, ...ProposalRecord[]];
  if (sources.some((source) => source.component !== first.component))
    return refuse("merge-across-components", {});
  const taken = scope.freeId(command.into);
  if (taken) return refuseWith(taken);
  const people = [...new Set(sources.flatMap((source) => [source.author, ...source.coauthors]))];
  const scopes = new Set(sources.map((source) => source.scope));
  const [only] = scopes;
  return step([
    {
      type: "created",
      proposal: command.into,
      author: first.author,
      coauthors: people.filter((who) => who !== first.author),
      title: command.title,
      body: command.body,
      component: first.component,
      ...(scopes.size === 1 && only !== undefined ? { scope: only } : {}),
      origin: { kind: "merge", from: [...command.proposals] },
    },
    { type: "published", proposal: command.into },
    { type: "merged", proposals: [...command.proposals], into: command.into },
  ]);
}
