/**
 * The table of which method breaks which axiom, as docs/axioms.md writes it: a header of
 * axiom ids, a row per method whose cells `cell` writes ("—" when it returns undefined).
 */
export function axiomTable<C>(
  first: string,
  axiomIds: readonly string[],
  methods: readonly string[],
  find: (method: string, axiom: string) => C | undefined,
  cell: (found: C) => string,
): { lines: string[]; found: Map<string, C> } {
  const found = new Map<string, C>();
  const lines = [`| ${first} | ${axiomIds.join(" | ")} |`];
  for (const id of methods) {
    const cells = axiomIds.map((axiom) => {
      const counterexample = find(id, axiom);
      if (counterexample === undefined) return "—";
      found.set(`${id}/${axiom}`, counterexample);
      return cell(counterexample);
    });
    lines.push(`| ${id} | ${cells.join(" | ")} |`);
  }
  return { lines, found };
}

/** "n voter(s)". */
export const votersText = (n: number) => `${n} voter${n === 1 ? "" : "s"}`;

/** The rows of a markdown table in `doc` that start with `first` or a method id, cells trimmed. */
export function docTableRows(doc: string, first: string, methods: readonly string[]): string[] {
  return doc
    .split("\n")
    .filter(
      (line) => line.startsWith(`| ${first}`) || methods.some((id) => line.startsWith(`| ${id} `)),
    )
    .map(cellsOf);
}

/** A table row with its cells trimmed (the formatter pads columns). */
export const cellsOf = (line: string) =>
  line
    .split("|")
    .map((cell) => cell.trim())
    .join("|");
