import { jsonSchemaOf } from "../core/idRecordSchema.js";
import { processDefinitionSchema } from "./processDefinition.js";

/**
 * The JSON Schema (draft 2020-12) of a process definition as a host writes it (defaults
 * optional), generated from {@link processDefinitionSchema} so the two never disagree.
 *
 * @category Calendar
 * @example
 * ```ts
 * processJsonSchema().properties.timeZone; //=> { type: "string", minLength: 1 }
 * ```
 */
export function processJsonSchema(): Record<string, unknown> & {
  readonly properties: Record<string, unknown>;
} {
  return jsonSchemaOf(processDefinitionSchema, "input") as Record<string, unknown> & {
    readonly properties: Record<string, unknown>;
  };
}
