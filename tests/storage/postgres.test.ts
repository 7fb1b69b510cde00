import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
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
