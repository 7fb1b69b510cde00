import * as z from "zod/mini";
import { idRecord } from "./idRecord.js";
import { parseSchema } from "./parseSchema.js";

/** The value schema of every {@link idRecordSchema}, for its JSON Schema. */
const valueSchemas = new WeakMap<object, z.ZodMiniType>();

/**
 * The JSON Schema of a zod schema that may hold {@link idRecordSchema}s: each is described
 * as an object whose every property is its value's schema (`additionalProperties`), as
 * `z.record` would be.
 *
 * @internal
 * @example
 * ```ts
 * jsonSchemaOf(z.object({ names: idRecordSchema(z.string()) }), "input");
 * //=> { type: "object", properties: { names: { type: "object", additionalProperties: { type: "string" } } }, … }
 * ```
 */
export function jsonSchemaOf(
  schema: z.ZodMiniType,
  io: "input" | "output",
): Record<string, unknown> {
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
 * @internal
 * @example
 * ```ts
 * idRecordSchema(z.string()).parse(JSON.parse('{"__proto__": "x"}')).__proto__; //=> "x"
 * ```
 */
export function idRecordSchema<S extends z.ZodMiniType>(
  value: S,
): z.ZodMiniType<Record<string, z.output<S>>, Record<string, z.input<S>>> {
  const object = z.custom<Record<string, z.input<S>>>(
    (data) => data !== null && typeof data === "object" && !Array.isArray(data),
    { message: "expected an object" },
  );
  valueSchemas.set(object, value);
  return z.pipe(
    object,
    z.transform((data: Record<string, z.input<S>>, context) => {
      const record = idRecord<z.output<S>>();
      for (const key of Object.keys(data)) {
        const parsed = parseSchema(value, (data as Record<string, unknown>)[key]);
        if (parsed.success) record[key] = parsed.data as z.output<S>;
        else
          for (const issue of parsed.error.issues)
            context.issues.push({
              code: "custom",
              message: issue.message,
              path: [key, ...issue.path],
              input: (data as Record<string, unknown>)[key],
            });
      }
      return record;
    }),
  ) as unknown as z.ZodMiniType<Record<string, z.output<S>>, Record<string, z.input<S>>>;
}
