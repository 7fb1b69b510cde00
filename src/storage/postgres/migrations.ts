import type { SqlDatabase } from "./sqlDatabase.js";

/**
 * The schema, version by version: each step runs once, in a transaction, recorded in
 * `civitas_migrations`. Every table is keyed by the box (or stream), so the schema
 * distributes by box id (see docs/storage.md).
 */
const migrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE civitas_boxes (
       box_id text PRIMARY KEY,
       definition text NOT NULL,
       state text NOT NULL
     )`,
    `CREATE TABLE civitas_voters (
       box_id text NOT NULL,
       voter_id text NOT NULL,
       ballot_id text,
       PRIMARY KEY (box_id, voter_id)
     )`,
    // Unlinkable boxes keep slots made ahead in random order, each filled in place by a
    // cast (rows updated stay in their page: fillfactor leaves the room).
    `CREATE TABLE civitas_ballots (
       box_id text NOT NULL,
       slot_id text NOT NULL,
       seq double precision NOT NULL,
       ballot_id text,
       ballot text,
       digest text,
       source text NOT NULL,
       batch_id text,
       PRIMARY KEY (box_id, slot_id)
     ) WITH (fillfactor = 50)`,
    "CREATE UNIQUE INDEX civitas_ballots_id ON civitas_ballots (box_id, ballot_id)",
    "CREATE INDEX civitas_ballots_free ON civitas_ballots (box_id, seq) WHERE ballot_id IS NULL",
    `CREATE TABLE civitas_batches (
       box_id text NOT NULL,
       batch_id text NOT NULL,
       batch text NOT NULL,
       PRIMARY KEY (box_id, batch_id)
     )`,
    `CREATE TABLE civitas_chain (
       box_id text NOT NULL,
       idx integer NOT NULL,
       entry text NOT NULL,
       PRIMARY KEY (box_id, idx)
     )`,
    `CREATE TABLE civitas_events (
       position bigserial PRIMARY KEY,
       stream text NOT NULL,
       version integer NOT NULL,
       event text NOT NULL,
       UNIQUE (stream, version)
     )`,
  ],
  // 2: the chain's last entry kept on the box row, read with the box's lock.
  [
    "ALTER TABLE civitas_boxes ADD COLUMN head text",
    "UPDATE civitas_boxes b SET head = (SELECT entry FROM civitas_chain c WHERE c.box_id = b.box_id ORDER BY idx DESC LIMIT 1)",
  ],
];

/**
 * Brings the database's civitas tables to the latest schema: versioned and idempotent
 * (run it at every start; steps already applied are skipped; two processes starting at
 * once are serialised by an advisory lock). Returns the version reached.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * await migrateCivitas(database); //=> 1
 * ```
 */
export async function migrateCivitas(database: SqlDatabase): Promise<number> {
  await database.query(
    "CREATE TABLE IF NOT EXISTS civitas_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  for (const [k, steps] of migrations.entries()) {
    const version = k + 1;
    await database.transaction(async (tx) => {
      // One process at a time migrates (the lock ends with the transaction).
      await tx.query("SELECT pg_advisory_xact_lock(4242017)");
      const done = await tx.query("SELECT 1 FROM civitas_migrations WHERE version = $1", [version]);
      if (done.rows.length > 0) return;
      for (const step of steps) await tx.query(step);
      await tx.query("INSERT INTO civitas_migrations (version) VALUES ($1)", [version]);
    });
  }
  return migrations.length;
}
