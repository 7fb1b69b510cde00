/**
 * The least a SQL client must do for civitas's PostgreSQL adapters: run a statement with
 * positional parameters (`$1`, `$2`, …) and return its rows. `pg`'s clients and pools and
 * PGlite both do.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * const rows = (await client.query("select 1 as one")).rows; // [{ one: 1 }]
 * ```
 */
export interface SqlQueryable {
  query(
    text: string,
    params?: unknown[],
  ): Promise<{ readonly rows: readonly Record<string, unknown>[] }>;
}

/**
 * A database the adapters can open transactions on: all statements of `work` commit
 * together, or none if it throws.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * await database.transaction(async (tx) => tx.query("select 1"));
 * ```
 */
export interface SqlDatabase extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * The parts of a `pg` Pool the adapter uses (structural: civitas does not import `pg`).
 *
 * @category Storage adapters
 * @example
 * ```ts
 * import pg from "pg";
 * const database = pgDatabase(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 }));
 * ```
 */
export interface PgPoolLike extends SqlQueryable {
  connect(): Promise<SqlQueryable & { release(error?: Error | boolean): void }>;
}

/**
 * A {@link SqlDatabase} over a `pg` Pool: each transaction on its own connection,
 * `BEGIN` … `COMMIT`, rolled back when the work fails (and the connection discarded when
 * even that fails).
 *
 * @category Storage adapters
 * @example
 * ```ts
 * import pg from "pg";
 * const store = postgresBallotBoxStore(pgDatabase(new pg.Pool({ max: 4 })));
 * ```
 */
export function pgDatabase(pool: PgPoolLike): SqlDatabase {
  return {
    query: (text, params) => pool.query(text, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        // A connection that cannot even roll back (dropped, broken) is discarded.
        const rolledBack = await client.query("ROLLBACK").then(
          () => true,
          () => false,
        );
        client.release(!rolledBack);
        throw error;
      }
    },
  };
}

/**
 * The parts of a PGlite database the adapter uses (structural: civitas does not import
 * `@electric-sql/pglite`).
 *
 * @category Storage adapters
 * @example
 * ```ts
 * import { PGlite } from "@electric-sql/pglite";
 * const database = pgliteDatabase(await PGlite.create());
 * ```
 */
export interface PgliteLike extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * A {@link SqlDatabase} over PGlite (PostgreSQL in WebAssembly, in memory or in a folder),
 * the embedded default: one connection, its transactions one after another.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * import { PGlite } from "@electric-sql/pglite";
 * const store = postgresBallotBoxStore(pgliteDatabase(await PGlite.create("./votes")));
 * ```
 */
export function pgliteDatabase(db: PgliteLike): SqlDatabase {
  return {
    query: (text, params) => db.query(text, params),
    transaction: (work) => db.transaction(work),
  };
}
