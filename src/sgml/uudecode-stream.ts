/**
 * uudecode a body that arrives as chunks (a stored document read back chunk by chunk), with the
 * same decoder and tolerance as `uudecode()`: memory stays at about one chunk plus one line.
 * @module
 */
import { Buffer } from 'node:buffer';
import { findUuencodeBegin, uudecode } from './uudecode.ts';

/** Bytes looked at for the `begin` line before giving up and decoding from the top. */
const BEGIN_WINDOW = 4096;

/** Offset just past the last line break (LF or CR) in `buf`, or 0 when there is none. */
function lastLineEnd(buf: Buffer): number {
  for (let i = buf.length - 1; i >= 0; i--) if (buf[i] === 10 || buf[i] === 13) return i + 1;
  return 0;
}

/**
 * Decode a uuencoded body given as chunks (the `begin` line among its first lines is skipped;
 * decoding stops at `end`). A CRLF split across chunks reads as a line break plus a blank line,
 * which the decoder skips, so any chunking gives the same bytes as `uudecode()` of the whole.
 * @example for await (const bytes of uudecodeStream(store.readBody(...))) out.write(bytes);
 */
export async function* uudecodeStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Buffer = Buffer.alloc(0);
  let started = false;
  const decode = (buf: Buffer, end: number): { bytes: Uint8Array; ended: boolean } => {
    let from = 0;
    if (!started) {
      started = true;
      from = findUuencodeBegin(buf, 0, end)?.dataStart ?? 0;
    }
    const r = uudecode(buf, from, end);
    return { bytes: r.bytes, ended: r.ended };
  };
  for await (const chunk of chunks) {
    const buf = carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
    // Before the data starts, wait for enough lines to find the `begin` line.
    if (!started && buf.length < BEGIN_WINDOW && countLineEnds(buf) < 4) {
      carry = buf;
      continue;
    }
    const cut = lastLineEnd(buf);
    carry = buf.subarray(cut);
    if (cut === 0) continue;
    const { bytes, ended } = decode(buf, cut);
    if (bytes.length > 0) yield bytes;
    if (ended) return;
  }
  if (carry.length > 0) {
    const { bytes } = decode(carry, carry.length);
    if (bytes.length > 0) yield bytes;
  }
}

function countLineEnds(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1 && n < 4; i = buf.indexOf(10, i + 1)) n++;
  for (let i = buf.indexOf(13); i !== -1 && n < 4; i = buf.indexOf(13, i + 1)) n++;
  return n;
}
