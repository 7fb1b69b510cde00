/**
 * One field of a CSV record as RFC 4180 writes it: in double quotes, inner quotes doubled,
 * when it holds a comma, a quote or a line break; as it is otherwise.
 *
 * @category Text
 * @example
 * ```ts
 * csvField('say "hi", then go'); //=> '"say ""hi"", then go"'
 * csvField("plain");             //=> "plain"
 * ```
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
