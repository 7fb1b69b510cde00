/**
 * Text made safe inside XML, SVG or HTML, as element content or a quoted attribute: the
 * five special characters escaped (`& < > " '`) and the control characters XML 1.0
 * forbids dropped, so a label from anyone can never close a tag or break the document.
 *
 * @category Text
 * @example
 * ```ts
 * escapeXml('<b>"Parc" & co</b>'); //=> "&lt;b&gt;&quot;Parc&quot; &amp; co&lt;/b&gt;"
 * ```
 */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}
