/**
 * Raw submission bytes at rest: zstd chunks (see `store/compress-raw.ts`), read back as a
 * stream of an arbitrary byte range, and document bodies decoded from uuencode on the fly.
 * Memory stays at about one chunk.
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

/** Decode one uuencoded data line (without its line break) into bytes. */
function decodeLine(line: string, out: number[]): void {
  const n = (line.charCodeAt(0) - 32) & 63;
  let produced = 0;
  for (let i = 1; produced < n && i + 3 < line.length + 4; i += 4) {
    const c = [0, 1, 2, 3].map((k) => ((line.charCodeAt(i + k) || 32) - 32) & 63) as [
      number,
      number,
      number,
      number,
    ];
    const bytes = [(c[0] << 2) | (c[1] >> 4), ((c[1] & 15) << 4) | (c[2] >> 2), ((c[2] & 3) << 6) | c[3]];
    for (const b of bytes) {
      if (produced < n) out.push(b & 255);
      produced++;
    }
  }
}

/** Decode a uuencoded body streamed as chunks (`begin` line, data lines, `end`). */
export async function* uudecodeStream(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const decoder = new TextDecoder('latin1');
  let carry = '';
  let begun = false;
  let ended = false;
  const handle = (line: string, out: number[]): void => {
    const l = line.replace(/\r$/, '');
    if (!begun) {
      if (/^begin(-base64)?\s+\d+/.test(l)) begun = true;
      return;
    }
    if (ended) return;
    if (l === 'end' || l === '`' || l === '') {
      if (l === 'end') ended = true;
      return;
    }
    decodeLine(l, out);
  };
  for await (const chunk of chunks) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    const out: number[] = [];
    for (const line of lines) handle(line, out);
    if (out.length > 0) yield Uint8Array.from(out);
  }
  const out: number[] = [];
  if (carry !== '') handle(carry, out);
  if (out.length > 0) yield Uint8Array.from(out);
}
