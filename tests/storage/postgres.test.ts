import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ballotBox } from "../../src/storage/index.js";
import {
  migrateCivitas,
  pgDatabase,
  pgliteDatabase,
  postgresBallotBoxStore,
  postgresEventStore,
  type SqlDatabase,
} from "../../src/storage/postgres/index.js";
import { describeBallotBox, describeEventStore, type RawDump } from "../../src/testing/index.js";

const TABLES = [
  "civitas_boxes",
  "civitas_voters",
  "civitas_ballots",
  "civitas_batches",
  "civitas_chain",
  "civitas_events",
];

/** Every row about a box, in storage order (ctid), as a dump would list them. */
async function dump(database: SqlDatabase, box: string): Promise<RawDump> {
  const key = JSON.stringify(box);
  const rows = async (table: string) =>
    (await database.query(`SELECT * FROM ${table} WHERE box_id = $1 ORDER BY ctid`, [key])).rows;
  return {
    voters: await rows("civitas_voters"),
    ballots: await rows("civitas_ballots"),
    chain: await rows("civitas_chain"),
  };
}

/** The conformance suites on one database, emptied before each test. */
function conformance(
  name: string,
  open: () => Promise<{ database: SqlDatabase; close: () => Promise<void> }>,
) {
  let opened: Promise<{ database: SqlDatabase; close: () => Promise<void> }> | undefined;
  const ready = () => {
    opened ??= open().then(async (made) => {
      await migrateCivitas(made.database);
      return made;
    });
    return opened;
  };
  const fresh = async () => {
    const { database } = await ready();
    await database.query(`TRUNCATE ${TABLES.join(", ")}`);
    return database;
  };
  afterAll(async () => {
    if (opened !== undefined) await (await opened).close();
  });
  describeBallotBox(
    name,
    async () => {
      const database = await fresh();
      const store = postgresBallotBoxStore(database);
      return {
        store,
        dump: (box) => dump(database, box),
        failAfterWrites: (writes) => store.failAfterWrites(writes),
      };
    },
    { timeout: 300_000 },
  );
  describeEventStore(name, async () => ({ store: postgresEventStore(await fresh()) }));

  it(`${name}: closing an unlinkable box leaves every row of it with one transaction id (xmin)`, async () => {
    const database = await fresh();
    const box = ballotBox(postgresBallotBoxStore(database));
    await box.define({ id: "x", secrecy: "unlinkable" });
    await box.open("x");
    for (let k = 0; k < 30; k++) await box.cast("x", `citizen-${k}`, [`marker-${k}`]);
    const xmins = async () => {
      const key = JSON.stringify("x");
      const voters = await database.query(
        "SELECT xmin::text AS xmin, voter_id FROM civitas_voters WHERE box_id = $1",
        [key],
      );
      const ballots = await database.query(
        "SELECT xmin::text AS xmin, ballot FROM civitas_ballots WHERE box_id = $1 AND ballot_id IS NOT NULL",
        [key],
      );
      return { voters: voters.rows, ballots: ballots.rows };
    };
    // While the box is open, a cast alone in its group shares its xmin with its voter.
    const open = await xmins();
    const paired = open.voters.filter(({ xmin, voter_id }) =>
      open.ballots.some(
        (ballot) =>
          ballot.xmin === xmin &&
          String(ballot.ballot).includes(`marker-${String(voter_id).match(/\d+/)?.[0]}"`),
      ),
    );
    expect(paired.length).toBe(30);
    await box.close("x");
    const closed = await xmins();
    expect(new Set([...closed.voters, ...closed.ballots].map((row) => row.xmin)).size).toBe(1);
    expect(closed.ballots.length).toBe(30);
  });
}

describe("PGlite (embedded PostgreSQL)", () => {
  conformance("PGlite", async () => {
    const db = await PGlite.create();
    return { database: pgliteDatabase(db), close: () => db.close() };
  });

  it("migrates once, however often it runs", async () => {
    const db = await PGlite.create();
    const database = pgliteDatabase(db);
    expect(await migrateCivitas(database)).toBe(2);
    expect(await migrateCivitas(database)).toBe(2);
    const applied = await database.query("SELECT version FROM civitas_migrations ORDER BY version");
    expect(applied.rows).toEqual([{ version: 1 }, { version: 2 }]);
    await db.close();
  });
});

const url = process.env.CIVITAS_PG_URL;

describe.skipIf(url === undefined)(
  `PostgreSQL server${url === undefined ? " — skipped: CIVITAS_PG_URL is not set (.ci/run sets it)" : ""}`,
  () => {
    conformance("PostgreSQL", async () => {
      const pool = new pg.Pool({ connectionString: url, max: 4 });
      return { database: pgDatabase(pool), close: () => pool.end() };
    });
  },
);

it("CI runs the real-server suite (CIVITAS_PG_URL is set whenever CI is)", () => {
  if (process.env.CI !== undefined) expect(url).toBeDefined();
});
