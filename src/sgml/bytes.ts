/**
 * Byte helpers shared by the SGML parser: zero-copy views, latin1 slices, line scanning.
 * @module
 */
import { Buffer } from 'node:buffer';

/** A `Buffer` view over the same memory as `bytes` (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decode `[start, end)` as latin1 (every byte maps to one char, so string indexes equal byte offsets). */
export function latin1(buf: Buffer, start: number, end: number): string {
  return buf.toString('latin1', start, end);
}

/** True for space, tab, CR, LF, FF, VT. */
export function isSpace(b: number | undefined): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13 || b === 12 || b === 11;
}

/** Index just past the line break at `pos` (`\r\n`, `\n` or `\r`), or `pos` when there is none. */
export function skipLineBreak(buf: Buffer, pos: number, end: number): number {
  if (pos >= end) return pos;
  const b = buf[pos];
  if (b === 10) return pos + 1;
  if (b === 13) return pos + 1 < end && buf[pos + 1] === 10 ? pos + 2 : pos + 1;
  return pos;
}

/** Index of the next `\r` or `\n` at or after `pos`, or `end`. */
export function findLineEnd(buf: Buffer, pos: number, end: number): number {
  for (let i = pos; i < end; i++) {
    const b = buf[i];
    if (b === 10 || b === 13) return i;
  }
  return end;
}

/** True when `buf` at `pos` starts with the ASCII `pattern` (case-insensitive for letters). */
export function startsWithAt(buf: Buffer, pos: number, pattern: string): boolean {
  if (pos + pattern.length > buf.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const a = buf[pos + i] as number;
    const c = pattern.charCodeAt(i);
    if (a !== c && (a | 0x20) !== (c | 0x20)) return false;
    if (a !== c && !((c | 0x20) >= 97 && (c | 0x20) <= 122)) return false;
  }
  return true;
}

/** Skip spaces, tabs and line breaks from `pos`; returns the first other index (or `end`). */
export function skipSpace(buf: Buffer, pos: number, end: number): number {
  let i = pos;
  while (i < end && isSpace(buf[i])) i++;
  return i;
}
