/**
 * uudecode tolerant of SEC quirks (edgar-formats.md §1.8): each line is decoded by its length byte,
 * characters beyond it are ignored, short lines are padded, and decoding stops at `end`.
 * @module
 */
import type { Buffer } from 'node:buffer';
import { asBuffer } from './bytes.ts';

/** The `begin NNN name` line of a uuencoded body, or undefined. Looks at the first non-blank lines. */
export function findUuencodeBegin(
  bytes: Uint8Array,
  start: number,
  end: number,
): { name: string; dataStart: number } | undefined {
  const buf = asBuffer(bytes);
  let pos = start;
  for (let line = 0; line < 3 && pos < end; line++) {
    // Cheap reject: a body whose first non-blank line does not start with 'b' is not uuencoded.
    let first = pos;
    while (first < end && (buf[first] === 32 || buf[first] === 9)) first++;
    if (first < end && buf[first] !== 98 && buf[first] !== 10 && buf[first] !== 13) return undefined;
    let eol = pos;
    while (eol < end && buf[eol] !== 10 && buf[eol] !== 13) eol++;
    const text = buf.toString('latin1', pos, Math.min(eol, pos + 300));
    const m = /^begin(?:-base64)? +[0-7]{3,4} +(.*?)\s*$/.exec(text);
    let next = eol;
    if (next < end && buf[next] === 13) next++;
    if (next < end && buf[next] === 10) next++;
    if (m) return { name: m[1] ?? '', dataStart: next };
    if (text.trim() !== '') return undefined;
    pos = next;
  }
  return undefined;
}

/**
 * A first guess at the decoded size of a uuencoded body of `length` bytes. It is not a bound:
 * SEC strips trailing spaces from some lines, so a line can decode to more than 3/4 of its bytes;
 * the decoder grows its buffer when the guess is short.
 */
function decodedLengthGuess(length: number): number {
  return Math.ceil((length * 3) / 4) + 64;
}

/**
 * Decode uuencoded lines in `bytes[start, end)` (after the `begin` line) into a new buffer.
 * @returns the decoded bytes, the number of malformed lines seen, and whether the `end` line was reached
 */
export function uudecode(
  bytes: Uint8Array,
  start: number,
  end: number,
): { bytes: Uint8Array; badLines: number; ended: boolean } {
  // Bounded view: line-end searches must never run past `end` into the rest of the submission.
  const buf: Buffer = asBuffer(bytes).subarray(0, end);
  let out = new Uint8Array(decodedLengthGuess(end - start));
  let o = 0;
  let pos = start;
  let badLines = 0;
  let ended = false;
  while (pos < end) {
    // Line end: LF, CRLF or a bare CR (some feed files). Lines are short; scan them directly.
    let lineEnd = pos;
    while (lineEnd < end && buf[lineEnd] !== 10 && buf[lineEnd] !== 13) lineEnd++;
    const eol = lineEnd < end && buf[lineEnd] === 13 && buf[lineEnd + 1] === 10 ? lineEnd + 1 : lineEnd;
    const first = buf[pos];
    if (lineEnd > pos && first !== undefined) {
      if (lineEnd - pos === 3 && buf[pos] === 101 && buf[pos + 1] === 110 && buf[pos + 2] === 100) {
        ended = true; // `end`
        break;
      }
      const n = (first - 32) & 63;
      if (n > 0) {
        if (o + n > out.length) {
          const grown = new Uint8Array(Math.max(out.length * 2, o + n));
          grown.set(out.subarray(0, o));
          out = grown;
        }
        const need = Math.ceil(n / 3) * 4;
        let i = pos + 1;
        if (lineEnd - i < need) badLines++;
        let remaining = n;
        while (remaining > 0) {
          const c0 = i < lineEnd ? ((buf[i] as number) - 32) & 63 : 0;
          const c1 = i + 1 < lineEnd ? ((buf[i + 1] as number) - 32) & 63 : 0;
          const c2 = i + 2 < lineEnd ? ((buf[i + 2] as number) - 32) & 63 : 0;
          const c3 = i + 3 < lineEnd ? ((buf[i + 3] as number) - 32) & 63 : 0;
          out[o++] = (c0 << 2) | (c1 >> 4);
          if (remaining > 1) out[o++] = ((c1 << 4) | (c2 >> 2)) & 255;
          if (remaining > 2) out[o++] = ((c2 << 6) | c3) & 255;
          remaining -= 3;
          i += 4;
        }
      }
    }
    pos = eol + 1;
  }
  return { bytes: out.subarray(0, o), badLines, ended };
}
