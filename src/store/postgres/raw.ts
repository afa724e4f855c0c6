/**
 * Raw submission bytes at rest: zstd chunks (see `store/compress-raw.ts`), read back as a
 * stream of an arbitrary byte range, and uuencoded document bodies decoded on the fly. Memory
 * stays at about one chunk.
 * @module
 */
import { zstdDecompressSync } from 'node:zlib';
import { compressRaw } from '../compress-raw.ts';
import type { ByteRange, CompressedRaw } from '../store.ts';

/** The raw input of a put, compressed if it was plain. */
export function toCompressedRaw(raw: Uint8Array | CompressedRaw): CompressedRaw {
  return raw instanceof Uint8Array ? compressRaw(raw) : raw;
}

/**
 * Yield the bytes of `range` from a chunked store. `loadChunk(i)` returns compressed chunk `i`.
 */
export async function* readRawRange(
  loadChunk: (index: number) => Promise<Uint8Array | undefined>,
  chunkSize: number,
  size: number,
  range?: ByteRange,
): AsyncIterable<Uint8Array> {
  const start = Math.max(0, Math.min(size, range?.start ?? 0));
  const end = Math.max(start, Math.min(size, range?.end ?? size));
  if (end <= start) return;
  for (let i = Math.floor(start / chunkSize); i * chunkSize < end; i++) {
    const compressed = await loadChunk(i);
    if (compressed === undefined) throw new Error(`raw chunk ${i} is missing`);
    const plain = zstdDecompressSync(compressed);
    const base = i * chunkSize;
    yield plain.subarray(Math.max(0, start - base), Math.min(plain.length, end - base));
  }
}

/** Decode one uuencoded data line (no line break) into `out`: its length byte says how many bytes. */
function decodeLine(line: string, out: number[]): void {
  const n = ((line.charCodeAt(0) || 32) - 32) & 63;
  let produced = 0;
  for (let i = 1; produced < n; i += 4) {
    const c0 = i < line.length ? (line.charCodeAt(i) - 32) & 63 : 0;
    const c1 = i + 1 < line.length ? (line.charCodeAt(i + 1) - 32) & 63 : 0;
    const c2 = i + 2 < line.length ? (line.charCodeAt(i + 2) - 32) & 63 : 0;
    const c3 = i + 3 < line.length ? (line.charCodeAt(i + 3) - 32) & 63 : 0;
    const bytes = [(c0 << 2) | (c1 >> 4), ((c1 & 15) << 4) | (c2 >> 2), ((c2 & 3) << 6) | c3];
    for (let k = 0; k < 3 && produced < n; k++, produced++) out.push((bytes[k] as number) & 255);
  }
}

const BEGIN = /^begin(?:-base64)? +[0-7]{3,4} +/;

/**
 * Decode a uuencoded body arriving as chunks, holding at most one line between chunks, with
 * the same tolerance as `sgml/uudecode.ts` (edgar-formats.md §1.8): lines end at LF, CRLF or a
 * bare CR; the `begin` line is looked for among the first non-blank lines (decoding starts at
 * the top without one); short lines are padded; lines of length 0 are skipped; `end` stops.
 */
export async function* uudecodeStream(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const decoder = new TextDecoder('latin1');
  let carry = '';
  let seen = 0;
  let pending: string[] = [];
  let started = false;
  let ended = false;
  const dataLine = (line: string, out: number[]): void => {
    if (line === 'end') ended = true;
    else if (line !== '') decodeLine(line, out);
  };
  const handle = (line: string, out: number[]): void => {
    if (ended) return;
    if (started) {
      dataLine(line, out);
      return;
    }
    // Before the data: up to three lines, blank ones skipped, may hold the begin line.
    if (line.trim() === '' && seen < 3) {
      seen++;
      pending.push(line);
      return;
    }
    started = true;
    if (BEGIN.test(line)) return;
    for (const p of [...pending, line]) dataLine(p, out);
    pending = [];
  };
  for await (const chunk of chunks) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const lines = text.split(/\r\n|\n|\r(?!$)/);
    carry = lines.pop() ?? '';
    const out: number[] = [];
    for (const line of lines) handle(line, out);
    if (out.length > 0) yield Uint8Array.from(out);
    if (ended) return;
  }
  const out: number[] = [];
  for (const line of carry.split(/\r\n|\n|\r/)) handle(line, out);
  if (!started) for (const p of pending) dataLine(p, out);
  if (out.length > 0) yield Uint8Array.from(out);
}
