/** Printable ASCII but `"` and `\`: such a text is its own JSON body. */
const PLAIN_TEXT = /^[ !#-[\]-~]*$/;

/**
 * `JSON.stringify(text)`, faster for the ids and digests that need no escape.
 *
 * @category Storage
 * @example
 * ```ts
 * jsonString("p1"); //=> '"p1"'
 * jsonString('say "hi"'); //=> '"say \\"hi\\""'
 * ```
 */
export function jsonString(text: string): string {
  return PLAIN_TEXT.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** A string, boolean, null or finite number: what JSON.stringify writes as canonicalJson does. */
const isJsonScalar = (value: unknown): boolean =>
  typeof value === "string" ||
  typeof value === "boolean" ||
  value === null ||
  (typeof value === "number" && Number.isFinite(value));

/**
 * JSON with object keys in code-unit order at every depth and no spaces: the same value
 * always gives the same text, so its digest is the value's fingerprint. Only JSON values
 * (objects, arrays, strings, finite numbers, booleans, null).
 *
 * Throws on a value JSON cannot hold (a programmer error: ballots are validated first).
 *
 * @category Storage
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, "x"] }); //=> '{"a":[true,"x"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === "string") return jsonString(value);
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: a number that is not finite");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    if (value.every(isJsonScalar)) return JSON.stringify(value); // one native call: same text
    let text = "[";
    for (let k = 0; k < value.length; k++) text += (k === 0 ? "" : ",") + canonicalJson(value[k]);
    return `${text}]`;
  }
  if (typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const record = value as Record<string, unknown>;
    return `{${keys
      .filter((key) => record[key] !== undefined)
      .map((key) => `${jsonString(key)}:${canonicalJson(record[key])}`)
      .join(",")}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
}
