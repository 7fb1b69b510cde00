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
  if (value === null || typeof value === "boolean" || typeof value === "string")
    return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: a number that is not finite");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let text = "[";
    for (let k = 0; k < value.length; k++) text += (k === 0 ? "" : ",") + canonicalJson(value[k]);
    return `${text}]`;
  }
  if (typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const record = value as Record<string, unknown>;
    return `{${keys
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(",")}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
}
