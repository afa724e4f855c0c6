/**
 * Turn the store's async byte iterables into response bodies without buffering them.
 * @module
 */

/**
 * A web stream over `chunks`; cancelling it (client gone) ends the iteration.
 * @example c.body(toWebStream(blob.read()))
 */
export function toWebStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await it.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await it.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Read the start of a byte iterable until `stop` returns true or `max` bytes were read.
 * @example const head = await readPrefix(blob.read(), 1 << 20, (b) => b.includes('</SEC-HEADER>'));
 */
export async function readPrefix(
  chunks: AsyncIterable<Uint8Array>,
  max: number,
  stop: (soFar: Buffer) => boolean,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    total += chunk.byteLength;
    const soFar = Buffer.concat(parts);
    if (total >= max || stop(soFar)) return soFar.subarray(0, Math.min(total, max));
  }
  return Buffer.concat(parts);
}
