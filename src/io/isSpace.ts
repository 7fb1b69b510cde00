/**
 * Whether `String.prototype.trim` removes this UTF-16 code unit: ASCII space, tab and line
 * ends, and the white space beyond ASCII (no-break, en and em spaces, ideographic space…),
 * so that the fast VOTES path trims and finds blank lines exactly as the general one.
 *
 * @internal
 * @example
 * ```ts
 * isSpace(0x3000); //=> true (ideographic space)
 * isSpace("1".charCodeAt(0)); //=> false
 * ```
 */
export function isSpace(code: number): boolean {
  if (code <= 127) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
