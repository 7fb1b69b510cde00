/**
 * Records keyed by ids that come from the outside (project, candidate, proposal,
 * participant or question ids, column names): a key such as `__proto__` or `constructor`
 * must be data like any other. These helpers make and read such records without ever
 * touching `Object.prototype`.
 */

/**
 * An empty record with no prototype: `record["__proto__"] = x` stores `x` under that key,
 * and `record.constructor` is `undefined` until set.
 *
 * @category Ids
 * @example
 * ```ts
 * const votes = idRecord<number>();
 * votes.__proto__ = 3; // an own entry, not a prototype change
 * Object.keys(votes); //=> ["__proto__"]
 * ```
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A record with no prototype holding the given entries, every key kept as data.
 *
 * @category Ids
 * @example
 * ```ts
 * idRecordFrom([["constructor", 1]]).constructor; //=> 1
 * ```
 */
export function idRecordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = idRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/**
 * The value a record holds under `key` itself, never one it inherits: `undefined` for
 * `ownValue({}, "constructor")` where `{}.constructor` is `Object`.
 *
 * @category Ids
 * @example
 * ```ts
 * ownValue({ a: 1 }, "a"); //=> 1
 * ownValue({ a: 1 }, "toString"); //=> undefined
 * ```
 */
export function ownValue<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
