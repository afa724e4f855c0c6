/**
 * Whitespace tests on char codes, exactly JavaScript's `\s`, for the scanner's hot path.
 * @module
 */
import { isWhitespace } from '../core/whitespace.ts';

/**
 * True when `s[start, end)` is all whitespace (`!/\S/.test(s.slice(start, end))`), stopping at
 * the first other character, so ordinary text costs one comparison.
 * @example isBlankRange('a\n  b', 1, 4) // true
 */
export function isBlankRange(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}
