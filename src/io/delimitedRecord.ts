/**
 * Splits one delimited record (`a;"b;c";d`) into fields. A field in double quotes may
 * contain the delimiter, line breaks and doubled quotes (`""`). Returns the fields, or the
 * 1-based column of a quote that is never closed.
 *
 * Internal to `civitas/io`.
 *
 * @internal
 */
export function splitDelimitedRecord(
  record: string,
  delimiter: string,
): string[] | { unterminatedQuoteAt: number } {
  if (!record.includes('"')) return record.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  while (i <= record.length) {
    let value = "";
    if (record[i] === '"') {
      const start = i;
      i++;
      for (;;) {
        const next = record.indexOf('"', i);
        if (next === -1) return { unterminatedQuoteAt: start + 1 };
        value += record.slice(i, next);
        i = next + 1;
        if (record[i] !== '"') break;
        value += '"';
        i++;
      }
    }
    // Unquoted text, or text after a closing quote, runs to the next delimiter.
    const end = record.indexOf(delimiter, i);
    const stop = end === -1 ? record.length : end;
    fields.push(value + record.slice(i, stop));
    i = stop + 1;
  }
  return fields;
}

/**
 * The 1-based column where field `index` of a record starts (for issue locations; only
 * computed when something is wrong).
 *
 * Internal to `civitas/io`.
 *
 * @internal
 */
export function fieldColumn(record: string, index: number, delimiter: string): number {
  let field = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    if (field === index) return i + 1;
    const char = record[i];
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) field++;
  }
  return record.length + 1;
}

/**
 * Writes one field, quoting it when it holds the delimiter, a quote, a line break or
 * leading/trailing spaces.
 *
 * Internal to `civitas/io`.
 *
 * @internal
 */
export function quoteField(value: string, delimiter: string): string {
  if (
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes("\n") ||
    value.includes("\r") ||
    value !== value.trim()
  ) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
