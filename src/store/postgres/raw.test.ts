import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compressRaw } from '../compress-raw.ts';
import { readRawRange } from './raw.ts';

test('readRawRange() yields exactly the requested range across chunk boundaries', async () => {
  const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i & 255));
  const raw = compressRaw(bytes, 100);
  const load = async (i: number): Promise<Uint8Array | undefined> => raw.chunks[i];
  for (const [s, e] of [
    [0, 1000],
    [99, 101],
    [250, 250],
    [950, 5000],
  ] as const) {
    const parts: Uint8Array[] = [];
    for await (const c of readRawRange(load, raw.chunkSize, raw.size, { start: s, end: e })) parts.push(c);
    assert.deepEqual(new Uint8Array(Buffer.concat(parts)), bytes.subarray(s, Math.min(e, 1000)), `${s}-${e}`);
  }
});
