import { fail, ok } from "../../core/result.js";
import { canonicalJson } from "../canonicalJson.js";
import type { EventStore, StoredEvent } from "../eventStore/eventStore.js";
import { storageIssue } from "../storageIssues.js";

/**
 * The memory event store: streams in memory, appends checked against the expected version
 * in one step (nothing can come between the check and the write). Events must be JSON
 * values: they are kept as copies, so changing an appended event later changes nothing.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * const store = memoryEventStore<{ type: string }>();
 * await store.append("orders", [{ type: "checked-out" }], 0);
 * ```
 */
export function memoryEventStore<E>(): EventStore<E> {
  const log: StoredEvent<E>[] = [];
  const streams = new Map<string, StoredEvent<E>[]>();
  return {
    async append(stream, events, expectedVersion) {
      const current = streams.get(stream) ?? [];
      if (current.length !== expectedVersion)
        return fail([
          storageIssue("version-conflict", ["expectedVersion"], {
            stream,
            expected: expectedVersion,
            actual: current.length,
          }),
        ]);
      let copies: E[];
      try {
        copies = events.map((event) => JSON.parse(canonicalJson(event)) as E);
      } catch (error) {
        return fail([
          storageIssue("events-not-json", ["events"], { reason: (error as Error).message }),
        ]);
      }
      const stored = copies.map((event, k) => ({
        stream,
        version: current.length + k + 1,
        position: log.length + k + 1,
        event,
      }));
      streams.set(stream, [...current, ...stored]);
      log.push(...stored);
      return ok({
        version: current.length + stored.length,
        position: log.length,
      });
    },
    async read(stream, fromVersion = 1) {
      return (streams.get(stream) ?? []).filter((stored) => stored.version >= fromVersion);
    },
    async readAll(afterPosition, limit = Number.POSITIVE_INFINITY) {
      return log.slice(afterPosition, afterPosition + limit);
    },
  };
}
