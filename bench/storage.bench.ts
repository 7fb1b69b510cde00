/**
 * `npm run bench:storage`: the ballot box's figures (issue 16). Casts per second for
 * 100,000 ballots on each adapter (memory, PGlite, and PostgreSQL when CIVITAS_PG_URL is
 * set, from one process with a pool of 4); verifying a 1,000,000-ballot chain; entering
 * 100,000 paper ballots in batches of 1,000. Prints the figures and the machine; asserts
 * nothing.
 */
import { cpus, totalmem } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  type BallotBoxExport,
  type BallotBoxStore,
  ballotBox,
  ballotBoxGenesis,
  ballotDigest,
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
  await onDatabase("PostgreSQL (pool of 4)", pgDatabase(pool), 2000);
  await pool.end();
}

// A closed linked box of a million ballots, built directly, then verified from scratch.
const definition = {
  id: "million",
  secrecy: "linked" as const,
  allowReplace: false,
  allowWithdraw: false,
  maxBallotBytes: 65_536,
};
const genesis = ballotBoxGenesis(definition);
const ballots: StoredBallot[] = [];
const chain: ChainEntry[] = [];
for (let k = 0; k < 1_000_000; k++) {
  const ballotId = `b${String(k).padStart(7, "0")}`;
  const ballot = [`p${k % 83}`];
  const digest = ballotDigest(ballotId, ballot);
  ballots.push({ ballotId, ballot, digest, source: "online" });
  chain.push(nextChainEntry(chain.at(-1), genesis, "ballot", ballotId, digest));
}
chain.push(nextChainEntry(chain.at(-1), genesis, "closing", "million", closingDigest(ballots)));
const exported: BallotBoxExport = { definition, state: "closed", ballots, paperBatches: [], chain };
const start = performance.now();
const verified = verifyBallotBox(exported);
const seconds = (performance.now() - start) / 1000;
console.log(
  `  verifying a 1,000,000-ballot chain: ${seconds.toFixed(2)} s (${verified.ok ? "verified" : "FAILED"}); goal ≤ 2 s: ${seconds <= 2 ? "met" : "MISSED"}`,
);
