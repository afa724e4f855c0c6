/**
 * JavaScript's `\s` (and `String.prototype.trim`'s) white space on char codes, for hot loops
 * that must agree exactly with the regular expressions they replace.
 * @module
 */

/**
 * True when the UTF-16 code unit is whitespace as `/\s/` defines it.
 * @example isWhitespace(0xa0) // true (no-break space)
 */
export function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
