import type { ProposalEvent } from "./proposalEvent.js";

/**
 * Everything that happened to a proposal, in the order it happened: its own events, its
 * amendments' events, and the events that made it from other proposals or made others from
 * it (merges, splits, copies, promoted amendments, published collaborative drafts). With
 * `lineage`, the history of the proposals it came from is included too.
 *
 * @category Proposals
 * @example
 * ```ts
 * proposalHistory(log, "p9", { lineage: true }).map((event) => event.type);
 * //=> ["created", "published", "supported", "created", "published", "merged", ...]
 * ```
 */
export function proposalHistory(
  log: readonly ProposalEvent[],
  proposal: string,
  options: { readonly lineage?: boolean } = {},
): ProposalEvent[] {
  const proposals = new Set([proposal]);
  const drafts = new Set<string>();
  if (options.lineage === true) {
    // Walk back through origins, latest first, so ancestors of ancestors are found.
    for (let index = log.length - 1; index >= 0; index--) {
      const event = log[index];
      if (event?.type === "created" && proposals.has(event.proposal) && event.origin)
        for (const from of event.origin.from) {
          if (event.origin.kind === "collaborative-draft") drafts.add(from);
          else if (event.origin.kind !== "amendment") proposals.add(from);
        }
    }
  }
  const amendments = new Set<string>();
  for (const event of log) {
    if (event.type === "amendment-created" && proposals.has(event.proposal))
      amendments.add(event.amendment);
    if (event.type === "created" && proposals.has(event.proposal) && event.origin) {
      if (event.origin.kind === "collaborative-draft")
        for (const from of event.origin.from) drafts.add(from);
      if (event.origin.kind === "amendment")
        for (const from of event.origin.from) amendments.add(from);
    }
  }
  return log.filter((event) => {
    switch (event.type) {
      case "merged":
        return proposals.has(event.into) || event.proposals.some((id) => proposals.has(id));
      case "split":
        return proposals.has(event.proposal) || event.into.some((id) => proposals.has(id));
      case "created":
        return (
          proposals.has(event.proposal) ||
          (event.origin?.kind !== "amendment" &&
            event.origin?.kind !== "collaborative-draft" &&
            (event.origin?.from ?? []).some((id) => proposals.has(id)))
        );
      default:
        if (
          "amendment" in event &&
          event.amendment !== undefined &&
          amendments.has(event.amendment)
        )
          return true;
        if ("draft" in event) return drafts.has(event.draft);
        return "proposal" in event && proposals.has(event.proposal);
    }
  });
}
