/**
 * Decidim's votes per project: the number of checked-out orders that contain it (pending
 * orders never count), projects ranked by votes, most first, ties in the projects' order.
 * Which are selected is then an administrator's decision, or any civitas rule run on the
 * orders as ballots.
 *
 * @category Voting
 * @example
 * ```ts
 * decidimVotes(["a", "b"], [{ projects: ["a"], checkedOut: true }, { projects: ["b"], checkedOut: false }]);
 * //=> [{ project: "a", votes: 1 }, { project: "b", votes: 0 }]
 * ```
 */
export function decidimVotes(
  projects: readonly string[],
  orders: readonly { readonly projects: readonly string[]; readonly checkedOut: boolean }[],
): { project: string; votes: number }[] {
  const votes = new Map(projects.map((project) => [project, 0]));
  for (const order of orders) {
    if (!order.checkedOut) continue;
    for (const project of new Set(order.projects))
      if (votes.has(project)) votes.set(project, (votes.get(project) as number) + 1);
  }
  return projects
    .map((project, index) => ({ project, votes: votes.get(project) as number, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map(({ project, votes: count }) => ({ project, votes: count }));
}
