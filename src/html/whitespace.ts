/**
 * Whitespace tests on char codes, exactly JavaScript's `\s`, for the scanner's hot path.
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

/**
 * True when `s[start, end)` is all whitespace (`!/\S/.test(s.slice(start, end))`), stopping at
 * the first other character, so ordinary text costs one comparison.
 * @example isBlankRange('a\n  b', 1, 4) // true
 */
export function isBlankRange(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}
