/**
 * civitas/storage/postgres: the PostgreSQL adapters, one SQL implementation over a minimal
 * client (`query(text, params)`), used with `pg` against a server or with PGlite
 * (PostgreSQL in WebAssembly) embedded. Both packages are optional peer dependencies: this
 * subpath imports neither, you pass their objects in.
 *
 * @module storage/postgres
 */
export { migrateCivitas } from "./migrations.js";
export {
  type PostgresBallotBoxStoreOptions,
  postgresBallotBoxStore,
} from "./postgresBallotBoxStore.js";
export { postgresEventStore } from "./postgresEventStore.js";
export {
  type PgliteLike,
  type PgPoolLike,
  pgDatabase,
  pgliteDatabase,
  type SqlDatabase,
  type SqlQueryable,
} from "./sqlDatabase.js";
