/**
 * `npm run bench:storage`: the ballot box's figures (issue 16). Casts per second for
 * 100,000 ballots on each adapter (memory, PGlite, and PostgreSQL when CIVITAS_PG_URL is
 * set, from one process with a pool of 4); verifying a 1,000,000-ballot chain; entering
 * 100,000 paper ballots in batches of 1,000. Prints the figures and the machine; asserts
 * nothing.
 */
import { randomUUID } from "node:crypto";
import { cpus, totalmem } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  type BallotBoxExport,
  type BallotBoxStore,
  ballotBox,
  ballotBoxGenesis,
  ballotDigest,
  ballotsInChainOrder,
  type ChainEntry,
  closingDigest,
  memoryBallotBoxStore,
  nextChainEntry,
  type StoredBallot,
  verifyBallotBox,
} from "../src/storage/index.js";
import {
  migrateCivitas,
  pgDatabase,
  pgliteDatabase,
  postgresBallotBoxStore,
  type SqlDatabase,
} from "../src/storage/postgres/index.js";

const CASTS = 100_000;
const CONCURRENCY = 64;
const PAPER = 100_000;

console.log(
  `\ncivitas storage benchmark — ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}`,
);

/** Runs `count` tasks, `CONCURRENCY` at a time. */
async function pooled(count: number, task: (k: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function measure(name: string, store: BallotBoxStore, goal?: number) {
  const box = ballotBox(store);
  for (const secrecy of ["unlinkable", "linked"] as const) {
    await box.define({ id: `${secrecy}-casts`, secrecy });
    await box.open(`${secrecy}-casts`);
    let refused = 0;
    const start = performance.now();
    await pooled(CASTS, async (k) => {
      const cast = await box.cast(`${secrecy}-casts`, `voter-${k}`, [`p${k % 83}`, `p${k % 17}`]);
      if (!cast.ok) refused++;
    });
    const perSecond = CASTS / ((performance.now() - start) / 1000);
    console.log(
      `  ${name}, ${secrecy}: ${CASTS} casts at ${perSecond.toFixed(0)}/s (${CONCURRENCY} at a time)${refused > 0 ? `, ${refused} REFUSED` : ""}${goal === undefined ? "" : `; goal ≥ ${goal}/s: ${perSecond >= goal ? "met" : "MISSED"}`}`,
    );
  }
  await box.define({ id: "paper", secrecy: "unlinkable" });
  await box.open("paper");
  const start = performance.now();
  for (let batch = 0; batch < PAPER / 1000; batch++) {
    const entered = await box.enterPaperBatch("paper", {
      batchId: `desk/${batch}`,
      enteredBy: "clerk",
      ballots: Array.from({ length: 1000 }, (_, k) => [`p${k % 83}`]),
      totals: { valid: 1000, blank: 0, null: 0 },
    });
    if (!entered.ok) throw new Error(entered.issues[0]?.message);
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  ${name}: ${PAPER} paper ballots in batches of 1,000 in ${seconds.toFixed(1)} s; goal ≤ 10 s: ${seconds <= 10 ? "met" : "MISSED"}`,
  );
}

async function onDatabase(name: string, database: SqlDatabase, goal?: number) {
  await migrateCivitas(database);
  await database.query(
    "TRUNCATE civitas_boxes, civitas_voters, civitas_ballots, civitas_batches, civitas_chain, civitas_events",
  );
  await measure(name, postgresBallotBoxStore(database, { slotsAhead: CASTS }), goal);
}

await measure("memory", memoryBallotBoxStore());
const lite = await PGlite.create();
await onDatabase("PGlite (in memory)", pgliteDatabase(lite));
await lite.close();
const url = process.env.CIVITAS_PG_URL;
if (url === undefined) console.log("  PostgreSQL: skipped (set CIVITAS_PG_URL)");
else {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Whether each commit waits for the disk decides what the figures mean.
  const setting = async (name: string) =>
    (await pool.query(`SELECT current_setting('${name}') AS value`)).rows[0]?.value as string;
  const durability = `fsync ${await setting("fsync")}, synchronous_commit ${await setting("synchronous_commit")}`;
  await onDatabase(`PostgreSQL (pool of 4; ${durability})`, pgDatabase(pool), 2000);
  await pool.end();
}

// A closed linked box of a million counted ballots, built directly as the service builds it:
// random ids, ballots of 1 to 5 of 83 projects, every hundredth voter replacing a ballot
// (a withdrawal and a new ballot), exported in the chain's order, then verified from scratch.
const definition = {
  id: "million",
  secrecy: "linked" as const,
  allowReplace: true,
  allowWithdraw: true,
  maxBallotBytes: 65_536,
};
const genesis = ballotBoxGenesis(definition);
const stored: StoredBallot[] = [];
const chain: ChainEntry[] = [];
const castBallot = (k: number): StoredBallot => {
  const ballotId = randomUUID();
  const ballot = Array.from({ length: 1 + (k % 5) }, (_, j) => `p${(k * 7 + j * 13) % 83}`);
  const digest = ballotDigest(ballotId, ballot);
  chain.push(nextChainEntry(chain.at(-1), genesis, "ballot", ballotId, digest));
  return { ballotId, ballot, digest, source: "online" };
};
for (let k = 0; k < 1_000_000; k++) {
  let ballot = castBallot(k);
  if (k % 100 === 0) {
    chain.push(nextChainEntry(chain.at(-1), genesis, "withdrawal", ballot.ballotId, ballot.digest));
    ballot = castBallot(k + 1);
  }
  stored.push(ballot);
}
const ballots = ballotsInChainOrder(chain, stored, []);
chain.push(nextChainEntry(chain.at(-1), genesis, "closing", "million", closingDigest(ballots)));
const exported: BallotBoxExport = { definition, state: "closed", ballots, paperBatches: [], chain };
const runs = [0, 1, 2].map(() => {
  const start = performance.now();
  const verified = verifyBallotBox(exported);
  if (!verified.ok || verified.value.ballots !== 1_000_000) throw new Error("not verified");
  return (performance.now() - start) / 1000;
});
const seconds = runs.sort((x, y) => x - y)[1] as number;
console.log(
  `  verifying a 1,000,000-ballot chain (${chain.length.toLocaleString("en")} entries): ${seconds.toFixed(2)} s, median of 3; goal ≤ 2 s: ${seconds <= 2 ? "met" : "MISSED"}`,
);
