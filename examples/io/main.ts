// civitas/io: read a Pabulib file with exact locations in its issues, write it back, and
// read any supported file by its name and content.
import { readFileSync } from "node:fs";
import { parsePabulib, readElection, writePabulib } from "civitas/io";

export function summary(path: string) {
  const parsed = parsePabulib(readFileSync(path, "utf8"));
  if (!parsed.ok) return { issues: parsed.issues.map((issue) => issue.message) };
  const { instance, profile } = parsed.value;
  const voters = profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
  return {
    projects: instance.projects.length,
    voters,
    rule: instance.meta.rule,
    warnings: parsed.warnings.length,
    // Written back, it reads again to the same election.
    roundTrip: roundTrip(parsed.value),
  };
}

function roundTrip(election: Parameters<typeof writePabulib>[0]): boolean {
  const written = writePabulib(election);
  if (!written.ok) return false;
  const again = parsePabulib(written.value);
  return again.ok && JSON.stringify(again.value.profile) === JSON.stringify(election.profile);
}

/** A broken file: the issue says where. */
export function broken() {
  const parsed = parsePabulib("META\nkey;value\nbudget;abc\n");
  return parsed.ok ? [] : parsed.issues.map((issue) => issue.message);
}

/** Any format civitas reads, told apart by name and content. */
export function anyFile(path: string) {
  const read = readElection(path, readFileSync(path, "utf8"));
  return read.ok ? read.value.type : read.issues[0]?.message;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(summary("../data/Poland_Warszawa_2026_Stare_Bielany.pb"));
  console.log(broken());
  console.log(anyFile("../data/Calton-2007.blt"));
}
