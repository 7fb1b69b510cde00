import { fail, ok } from "../../core/result.js";
import { canonicalJson } from "../canonicalJson.js";
import type { EventStore, StoredEvent } from "../eventStore/eventStore.js";
import { storageIssue } from "../storageIssues.js";
import type { SqlDatabase } from "./sqlDatabase.js";

/** The unique violation PostgreSQL reports when (stream, version) is taken. */
const UNIQUE_VIOLATION = "23505";

/**
 * The PostgreSQL event store: an append inserts its events in one transaction, and the
 * unique key on (stream, version) refuses a writer who read a stale version, which
 * becomes the issue `version-conflict`. Positions come from a sequence: increasing in
 * commit order for a single writer; with concurrent writers, read everything after a
 * position only once the writers before it committed. Run {@link migrateCivitas} first.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * const events = postgresEventStore<ProposalEvent>(database);
 * await events.append("proposals", produced, versionReplayed);
 * ```
 */
export function postgresEventStore<E>(database: SqlDatabase): EventStore<E> {
  const asStored = (row: Record<string, unknown>): StoredEvent<E> => ({
    stream: JSON.parse(row.stream as string) as string,
    version: Number(row.version),
    position: Number(row.position),
    event: JSON.parse(row.event as string) as E,
  });
  return {
    async append(stream, events, expectedVersion) {
      let texts: string[];
      try {
        texts = events.map((event) => canonicalJson(event));
      } catch (error) {
        return fail([
          storageIssue("events-not-json", ["events"], { reason: (error as Error).message }),
        ]);
      }
      const key = canonicalJson(stream);
      try {
        return await database.transaction(async (sql) => {
          const found = await sql.query(
            "SELECT coalesce(max(version), 0)::int AS version FROM civitas_events WHERE stream = $1",
            [key],
          );
          const actual = Number(found.rows[0]?.version ?? 0);
          if (actual !== expectedVersion)
            return fail([
              storageIssue("version-conflict", ["expectedVersion"], {
                stream,
                expected: expectedVersion,
                actual,
              }),
            ]);
          let position = 0;
          for (const [k, text] of texts.entries()) {
            const inserted = await sql.query(
              "INSERT INTO civitas_events (stream, version, event) VALUES ($1, $2, $3) RETURNING position",
              [key, expectedVersion + k + 1, text],
            );
            position = Number(inserted.rows[0]?.position);
          }
          return ok({ version: expectedVersion + texts.length, position });
        });
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        const found = await database.query(
          "SELECT coalesce(max(version), 0)::int AS version FROM civitas_events WHERE stream = $1",
          [key],
        );
        return fail([
          storageIssue("version-conflict", ["expectedVersion"], {
            stream,
            expected: expectedVersion,
            actual: Number(found.rows[0]?.version ?? 0),
          }),
        ]);
      }
    },
    async read(stream, fromVersion = 1) {
      const found = await database.query(
        "SELECT stream, version, position, event FROM civitas_events WHERE stream = $1 AND version >= $2 ORDER BY version",
        [canonicalJson(stream), fromVersion],
      );
      return found.rows.map(asStored);
    },
    async readAll(afterPosition, limit) {
      const found = await database.query(
        "SELECT stream, version, position, event FROM civitas_events WHERE position > $1 ORDER BY position LIMIT $2",
        [afterPosition, limit ?? null],
      );
      return found.rows.map(asStored);
    },
  };
}
