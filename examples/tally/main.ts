// civitas/tally: a Glasgow ward counted by the Scottish STV order, and the same ballots
// by instant runoff and Schulze for comparison.
import { readFileSync } from "node:fs";
import { parseBlt } from "civitas/io";
import { instantRunoff, schulze, scottishStv } from "civitas/tally";

export function calton() {
  const parsed = parseBlt(readFileSync("../data/Calton-2007.blt", "utf8"));
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  const profile = parsed.value;
  const names = (ids: readonly string[]) => ids.map((id) => profile.names[id] ?? id);
  const stv = scottishStv(profile);
  const irv = instantRunoff(profile);
  const condorcet = schulze(profile);
  return {
    seats: profile.seats,
    stv: stv.ok ? names(stv.value.winners) : stv.issues[0]?.message,
    irv: irv.ok ? names(irv.value.winners) : irv.issues[0]?.message,
    schulze: condorcet.ok ? names(condorcet.value.winners) : condorcet.issues[0]?.message,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(calton());
