import { z } from "zod";

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

/** The value schema of every {@link idRecordSchema}, for its JSON Schema. */
const valueSchemas = new WeakMap<object, z.ZodType>();

/**
 * The JSON Schema of a zod schema that may hold {@link idRecordSchema}s: each is described
 * as an object whose every property is its value's schema (`additionalProperties`), as
 * `z.record` would be.
 *
 * @category Ids
 * @example
 * ```ts
 * jsonSchemaOf(z.object({ names: idRecordSchema(z.string()) }), "input");
 * //=> { type: "object", properties: { names: { type: "object", additionalProperties: { type: "string" } } }, … }
 * ```
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (context) => {
      const value = valueSchemas.get(context.zodSchema);
      if (value === undefined) return;
      const { $schema: _, ...inner } = jsonSchemaOf(value, io);
      Object.assign(context.jsonSchema, {
        type: "object",
        propertyNames: { type: "string" },
        additionalProperties: inner,
      });
    },
  }) as Record<string, unknown>;
}

/**
 * A zod schema for a record of `value`s keyed by arbitrary strings that keeps every key,
 * `__proto__` included (zod's own `z.record` drops it), as a record with no prototype.
 *
 * @category Ids
 * @example
 * ```ts
 * idRecordSchema(z.string()).parse(JSON.parse('{"__proto__": "x"}')).__proto__; //=> "x"
 * ```
 */
export function idRecordSchema<S extends z.ZodType>(
  value: S,
): z.ZodType<Record<string, z.output<S>>, Record<string, z.input<S>>> {
  const object = z.custom<Record<string, z.input<S>>>(
    (data) => data !== null && typeof data === "object" && !Array.isArray(data),
    { message: "expected an object" },
  );
  valueSchemas.set(object, value);
  return object.transform((data, context) => {
    const record = idRecord<z.output<S>>();
    for (const key of Object.keys(data)) {
      const parsed = value.safeParse((data as Record<string, unknown>)[key]);
      if (parsed.success) record[key] = parsed.data;
      else
        for (const issue of parsed.error.issues)
          context.addIssue({
            code: "custom",
            message: issue.message,
            path: [key, ...issue.path],
          });
    }
    return record;
  }) as unknown as z.ZodType<Record<string, z.output<S>>, Record<string, z.input<S>>>;
}
