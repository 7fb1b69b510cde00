/**
 * One field of a CSV record as RFC 4180 writes it: in double quotes, inner quotes doubled,
 * when it holds the separator (`,` unless given, `;` for Decidim's exports), a quote or a
 * line break; as it is otherwise.
 *
 * @category Text
 * @example
 * ```ts
 * csvField('say "hi", then go'); //=> '"say ""hi"", then go"'
 * csvField("plain");             //=> "plain"
 * csvField("a, b", ";");         //=> "a, b"
 * ```
 */
export function csvField(text: string, separator = ","): string {
  const special = text.includes(separator) || /["\r\n]/.test(text);
  return special ? `"${text.replace(/"/g, '""')}"` : text;
}
