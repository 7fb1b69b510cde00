import { fail, ok, type Result } from "../../core/result.js";
import type { EventStore } from "./eventStore.js";

/**
 * Handles one command on an event-sourced log: reads the stream, lets `decide` turn its
 * history into the new events (or refuse with issues), and appends them at the version it
 * read. When another writer appended first (`version-conflict`), it reads again and
 * decides again, up to `attempts` times; a refusal appends nothing. The proposals' log
 * (`transition` over `replay`) and the budget orders' log (`orderTransition` over
 * `replayOrders`) are both handled this way.
 *
 * @category Storage
 * @example
 * ```ts
 * await decideAndAppend(events, "angers-ideas", (history) => {
 *   const decided = transition(replay(history), command, context);
 *   return decided.ok ? ok(decided.value.events) : decided;
 * });
 * ```
 */
export async function decideAndAppend<E>(
  store: EventStore<E>,
  stream: string,
  decide: (history: readonly E[]) => Result<readonly E[]>,
  options: { readonly attempts?: number } = {},
): Promise<Result<{ readonly version: number; readonly events: readonly E[] }>> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const history = await store.read(stream);
    const decided = decide(history.map((stored) => stored.event));
    if (!decided.ok) return decided;
    const appended = await store.append(stream, decided.value, history.length);
    if (appended.ok) return ok({ version: appended.value.version, events: decided.value });
    const conflict = appended.issues.every((issue) => issue.code === "version-conflict");
    if (!conflict || attempt >= attempts) return fail(appended.issues);
  }
}
