import { randomUUID } from "node:crypto";
import type { BallotBoxStore, BoxTransaction, VoterRecord } from "../ballotBox/ballotBoxStore.js";
import type {
  BallotBoxDefinition,
  BallotBoxState,
  ChainEntry,
  StoredBallot,
  StoredPaperBatch,
} from "../ballotBox/ballotBoxTypes.js";
import { canonicalJson } from "../canonicalJson.js";
import type { SqlDatabase, SqlQueryable } from "./sqlDatabase.js";

/**
 * Ids and JSON go into text columns as JSON text: PostgreSQL's text cannot hold a NUL
 * character or half a surrogate pair, and an id may be any JavaScript string.
 */
const encode = (value: unknown): string => canonicalJson(value);
const decode = <T>(text: unknown): T => JSON.parse(text as string) as T;

const byId = (a: { ballotId: string }, b: { ballotId: string }) =>
  a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0;

/** Free slots below which an unlinkable box makes more (above any pool's concurrency). */
const FREE_SLOT_MARGIN = 256;

/** Thrown to roll a transaction back when its result says not to commit. */
class Rollback<T> {
  constructor(readonly result: T) {}
}

/**
 * Options of {@link postgresBallotBoxStore}.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * postgresBallotBoxStore(database, { slotsAhead: 200_000 }); // Angers' electorate
 * ```
 */
export interface PostgresBallotBoxStoreOptions {
  /**
   * How many slots an unlinkable box makes at its first ballot, in random order (then as
   * many again each time they run out). Ballots fill free slots in an order independent of
   * where the slots lie, so within the slots made ahead, storage order says nothing of
   * casting order; set it to the electorate for the whole box. Default 1,024.
   */
  readonly slotsAhead?: number | undefined;
  /** Where slots go; default `Math.random`. */
  readonly random?: (() => number) | undefined;
}

/**
 * The PostgreSQL ballot-box store, one SQL implementation for `pg` (a server) and PGlite
 * (embedded): each `transact` is one database transaction that first locks the box's row
 * (`SELECT … FOR UPDATE`), so a box's transactions run one after another at READ
 * COMMITTED; the primary key on (box, voter) is the last line against a double vote. Run
 * {@link migrateCivitas} first.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * const database = pgliteDatabase(await PGlite.create());
 * await migrateCivitas(database);
 * const box = ballotBox(postgresBallotBoxStore(database));
 * ```
 */
export function postgresBallotBoxStore(
  database: SqlDatabase,
  options: PostgresBallotBoxStoreOptions = {},
): BallotBoxStore & {
  /** Makes the next transaction fail after this many writes (fault tests). */
  failAfterWrites(writes: number): void;
} {
  const slotsAhead = options.slotsAhead ?? 1024;
  const random = options.random ?? Math.random;
  let failAfter: number | undefined;
  return {
    async createBox(definition) {
      const created = await database.query(
        "INSERT INTO civitas_boxes (box_id, definition, state) VALUES ($1, $2, 'pending') ON CONFLICT DO NOTHING RETURNING box_id",
        [encode(definition.id), encode(definition)],
      );
      return created.rows.length === 1;
    },
    async definition(box) {
      const found = await database.query("SELECT definition FROM civitas_boxes WHERE box_id = $1", [
        encode(box),
      ]);
      return found.rows[0] === undefined
        ? undefined
        : decode<BallotBoxDefinition>(found.rows[0].definition);
    },
    async transact(box, work, commit, transactOptions = {}) {
      const fault = failAfter;
      failAfter = undefined;
      try {
        return await database.transaction(async (sql) => {
          const found = await sql.query(
            `SELECT definition, state, head FROM civitas_boxes WHERE box_id = $1 ${transactOptions.shared === true ? "FOR SHARE" : "FOR UPDATE"}`,
            [encode(box)],
          );
          const row = found.rows[0];
          const current =
            row === undefined
              ? undefined
              : {
                  definition: decode<BallotBoxDefinition>(row.definition),
                  state: row.state as BallotBoxState,
                  head: row.head === null ? undefined : decode<ChainEntry>(row.head),
                };
          const tx = sqlTransaction(sql, encode(box), current, { slotsAhead, random, fault });
          const result = await work(tx);
          if (!commit(result)) throw new Rollback(result);
          return result;
        });
      } catch (error) {
        if (error instanceof Rollback) return error.result;
        throw error;
      }
    },
    failAfterWrites(writes) {
      failAfter = writes;
    },
  };
}

/** The reads and writes of one box inside one SQL transaction. */
/** The writes of one transaction, counted (and failed on purpose in fault tests). */
type Write = (
  text: string,
  params: unknown[],
) => Promise<{ readonly rows: readonly Record<string, unknown>[] }>;

/** The ballot reads and writes of one box inside one SQL transaction. */
function sqlBallots(
  sql: SqlQueryable,
  box: string,
  write: Write,
  unlinkable: boolean,
  settings: { slotsAhead: number; random: () => number },
): Pick<BoxTransaction, "addBallots" | "removeBallot" | "ballot" | "ballots"> {
  const asBallot = (row: Record<string, unknown>): StoredBallot => ({
    ballotId: decode<string>(row.ballot_id),
    ballot: decode(row.ballot),
    digest: row.digest as string,
    source: row.source as "online" | "paper",
    ...(row.batch_id === null ? {} : { batch: decode<string>(row.batch_id) }),
  });
  /**
   * `count` free slots of an unlinkable box, made ahead in random order when too few are
   * left.
   */
  const freeSlots = async (count: number): Promise<string[]> => {
    for (;;) {
      // Free slots from a random point on, then before it: no slot order is followed, and
      // the scan past filled slots stays short however full the box is. (Slots this
      // transaction locked before come again: SKIP LOCKED skips only others' locks.)
      const found: string[] = [];
      const from = settings.random();
      for (const range of ["seq >= $3", "seq < $3"]) {
        const free = await sql.query(
          `SELECT slot_id FROM civitas_ballots WHERE box_id = $1 AND ballot_id IS NULL AND ${range} ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [box, count - found.length, from],
        );
        for (const row of free.rows) found.push(row.slot_id as string);
        if (found.length === count) return found;
      }
      // Too few free and unlocked: one transaction at a time makes more (the lock lasts
      // until it commits), and only when few are free at all (the others are being filled
      // by transactions in flight, at most a pool's worth of group commits).
      await sql.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`civitas-slots:${box}`]);
      const counted = await sql.query(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE ballot_id IS NULL)::int AS free FROM civitas_ballots WHERE box_id = $1",
        [box],
      );
      if (Number(counted.rows[0]?.free ?? 0) >= FREE_SLOT_MARGIN + count) continue;
      const more = Math.max(settings.slotsAhead, Number(counted.rows[0]?.n ?? 0), count);
      const slots = Array.from({ length: more }, () => ({
        id: randomUUID(),
        seq: settings.random(),
      }));
      for (let k = 0; k < slots.length; k += 500) {
        const part = slots.slice(k, k + 500);
        await write(
          `INSERT INTO civitas_ballots (box_id, slot_id, seq, source) SELECT $1, slot, seq, 'online' FROM unnest($2::text[], $3::float8[]) AS t(slot, seq)`,
          [box, part.map((slot) => slot.id), part.map((slot) => slot.seq)],
        );
      }
      // Fresh statistics, or the planner may take a box for a few rows and scan all of its
      // slots to fill a handful (a fresh database, a first box).
      await sql.query("ANALYZE civitas_ballots");
    }
  };
  /** Fills free slots with unlinkable online ballots, one write for all. */
  const fillSlots = async (ballots: readonly StoredBallot[]) => {
    const slots = await freeSlots(ballots.length);
    await write(
      `UPDATE civitas_ballots AS b SET ballot_id = t.id, ballot = t.ballot, digest = t.digest
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(slot, id, ballot, digest)
       WHERE b.box_id = $1 AND b.slot_id = t.slot`,
      [
        box,
        slots,
        ballots.map((ballot) => encode(ballot.ballotId)),
        ballots.map((ballot) => encode(ballot.ballot)),
        ballots.map((ballot) => ballot.digest),
      ],
    );
  };
  return {
    addBallots: async (ballots) => {
      const slotted = unlinkable ? ballots.filter((ballot) => ballot.source === "online") : [];
      if (slotted.length > 0) await fillSlots(slotted);
      const rest = slotted.length === 0 ? ballots : ballots.filter((b) => b.source !== "online");
      for (let k = 0; k < rest.length; k += 1000) {
        const part = rest.slice(k, k + 1000);
        await write(
          `INSERT INTO civitas_ballots (box_id, slot_id, seq, ballot_id, ballot, digest, source, batch_id)
           SELECT $1, id, 0, id, ballot, digest, source, batch FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, ballot, digest, source, batch)`,
          [
            box,
            part.map((ballot) => encode(ballot.ballotId)),
            part.map((ballot) => encode(ballot.ballot)),
            part.map((ballot) => ballot.digest),
            part.map((ballot) => ballot.source),
            part.map((ballot) => (ballot.batch === undefined ? null : encode(ballot.batch))),
          ],
        );
      }
    },
    removeBallot: async (ballotId) => {
      await write("DELETE FROM civitas_ballots WHERE box_id = $1 AND ballot_id = $2", [
        box,
        encode(ballotId),
      ]);
    },
    ballot: async (ballotId) => {
      const found = await sql.query(
        "SELECT ballot_id, ballot, digest, source, batch_id FROM civitas_ballots WHERE box_id = $1 AND ballot_id = $2",
        [box, encode(ballotId)],
      );
      return found.rows[0] === undefined ? undefined : asBallot(found.rows[0]);
    },
    ballots: async () =>
      (
        await sql.query(
          "SELECT ballot_id, ballot, digest, source, batch_id FROM civitas_ballots WHERE box_id = $1 AND ballot_id IS NOT NULL",
          [box],
        )
      ).rows
        .map(asBallot)
        .sort(byId),
  };
}

function sqlTransaction(
  sql: SqlQueryable,
  box: string,
  current:
    | { definition: BallotBoxDefinition; state: BallotBoxState; head: ChainEntry | undefined }
    | undefined,
  settings: { slotsAhead: number; random: () => number; fault: number | undefined },
): BoxTransaction {
  let writes = 0;
  const write = (text: string, params: unknown[]) => {
    writes++;
    if (settings.fault !== undefined && writes > settings.fault)
      throw new Error(`postgres store: injected fault after ${settings.fault} writes`);
    return sql.query(text, params);
  };
  let state = current?.state;
  let head = current?.head;
  const ballots = sqlBallots(
    sql,
    box,
    write,
    current?.definition.secrecy === "unlinkable",
    settings,
  );
  return {
    ...ballots,
    box: async () =>
      current === undefined
        ? undefined
        : { definition: current.definition, state: state ?? current.state },
    setState: async (next) => {
      await write("UPDATE civitas_boxes SET state = $2 WHERE box_id = $1", [box, next]);
      if (next === "closed" && current?.definition.secrecy === "unlinkable") {
        // Every row a cast wrote carries the id of its transaction (xmin), which a cast's
        // roll entry and ballot share. Closing writes them all again, in this one
        // transaction: from then on every live row of the box has the same xmin.
        await write("UPDATE civitas_voters SET voter_id = voter_id WHERE box_id = $1", [box]);
        await write(
          "UPDATE civitas_ballots SET ballot_id = ballot_id WHERE box_id = $1 AND ballot_id IS NOT NULL",
          [box],
        );
      }
      state = next;
    },
    voter: async (voter): Promise<VoterRecord> => {
      const found = await sql.query(
        "SELECT ballot_id FROM civitas_voters WHERE box_id = $1 AND voter_id = $2",
        [box, encode(voter)],
      );
      const row = found.rows[0];
      if (row === undefined) return { cast: false };
      return row.ballot_id === null
        ? { cast: true }
        : { cast: true, ballotId: decode<string>(row.ballot_id) };
    },
    claimVoters: async (claims) => {
      const claimed = await write(
        `INSERT INTO civitas_voters (box_id, voter_id, ballot_id)
         SELECT $1, voter, ballot FROM unnest($2::text[], $3::text[]) AS t(voter, ballot)
         ON CONFLICT DO NOTHING RETURNING voter_id`,
        [
          box,
          claims.map(({ voter }) => encode(voter)),
          claims.map(({ record }) =>
            record.ballotId === undefined ? null : encode(record.ballotId),
          ),
        ],
      );
      const recorded = new Set(claimed.rows.map((row) => row.voter_id as string));
      return claims.map(({ voter }) => recorded.has(encode(voter)));
    },
    setVoter: async (voter, record) => {
      if (record === undefined)
        await write("DELETE FROM civitas_voters WHERE box_id = $1 AND voter_id = $2", [
          box,
          encode(voter),
        ]);
      else
        await write(
          "INSERT INTO civitas_voters (box_id, voter_id, ballot_id) VALUES ($1, $2, $3) ON CONFLICT (box_id, voter_id) DO UPDATE SET ballot_id = EXCLUDED.ballot_id",
          [box, encode(voter), record.ballotId === undefined ? null : encode(record.ballotId)],
        );
    },
    lastChainEntry: async () => head,
    appendChainEntries: async (entries) => {
      const last = entries.at(-1);
      if (last === undefined) return;
      // The entries and the box's head in one statement.
      await write(
        `WITH added AS (INSERT INTO civitas_chain (box_id, idx, entry) SELECT $1, idx, entry FROM unnest($2::int[], $3::text[]) AS t(idx, entry))
         UPDATE civitas_boxes SET head = $4 WHERE box_id = $1`,
        [box, entries.map((entry) => entry.index), entries.map(encode), encode(last)],
      );
      head = last;
    },
    hasBatch: async (batchId) =>
      (
        await sql.query("SELECT 1 FROM civitas_batches WHERE box_id = $1 AND batch_id = $2", [
          box,
          encode(batchId),
        ])
      ).rows.length > 0,
    addBatch: async (batch) => {
      await write("INSERT INTO civitas_batches (box_id, batch_id, batch) VALUES ($1, $2, $3)", [
        box,
        encode(batch.batchId),
        encode(batch),
      ]);
    },
    batches: async () =>
      (await sql.query("SELECT batch FROM civitas_batches WHERE box_id = $1", [box])).rows
        .map((row) => decode<StoredPaperBatch>(row.batch))
        .sort((a, b) => (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0)),
    chain: async () =>
      (
        await sql.query("SELECT entry FROM civitas_chain WHERE box_id = $1 ORDER BY idx", [box])
      ).rows.map((row) => decode<ChainEntry>(row.entry)),
  };
}
