/**
 * Raw submission bytes at rest: zstd chunks (see `store/compress-raw.ts`), read back as a
 * stream of an arbitrary byte range (uuencoded bodies are decoded by `sgml/uudecode-stream.ts`). Memory
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
