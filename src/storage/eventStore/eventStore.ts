import type { Result } from "../../core/result.js";

/**
 * An event as stored: its stream, its version in the stream (1, 2, …), its position in the
 * whole store (increasing, for reading everything after a point) and the event.
 *
 * @category Storage ports
 * @example
 * ```ts
 * const stored: StoredEvent<{ type: string }> = { stream: "proposal-7", version: 1, position: 42, event: { type: "created" } };
 * ```
 */
export interface StoredEvent<E> {
  readonly stream: string;
  readonly version: number;
  readonly position: number;
  readonly event: E;
}

/**
 * The event-store port: streams of events appended with an expected version, so two
 * writers who read the same version cannot both append (the second gets the issue
 * `version-conflict`, never an exception). The proposals' and orders' event logs fit it.
 *
 * @category Storage ports
 * @example
 * ```ts
 * const store = memoryEventStore<ProposalEvent>();
 * await store.append("proposals", events, 0);
 * (await store.read("proposals")).length;
 * ```
 */
export interface EventStore<E> {
  /**
   * Appends events to a stream whose version is `expectedVersion` (0: a new stream); all
   * of them or none. Returns the stream's new version and the last event's position.
   */
  append(
    stream: string,
    events: readonly E[],
    expectedVersion: number,
  ): Promise<Result<{ readonly version: number; readonly position: number }>>;
  /** A stream's events from a version on (default all), in order. */
  read(stream: string, fromVersion?: number): Promise<readonly StoredEvent<E>[]>;
  /** Every stream's events after a position, in the order they were appended. */
  readAll(afterPosition: number, limit?: number): Promise<readonly StoredEvent<E>[]>;
}
