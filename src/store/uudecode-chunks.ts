/**
 * Streaming uudecode: turns the chunks of a `begin NNN name` ... `end` body into the decoded
 * bytes, holding at most one line between chunks. Forgiving: bad characters decode as zero bits,
 * short lines are padded, and decoding stops at `end` or a zero-length line.
 * @module
 */

function decodeLine(line: Uint8Array, out: number[]): boolean {
  if (line.length === 0) return true;
  const n = ((line[0] as number) - 32) & 63;
  if (n === 0) return false;
  let o = 0;
  for (let i = 1; o < n; i += 4) {
    const c0 = ((line[i] ?? 32) - 32) & 63;
    const c1 = ((line[i + 1] ?? 32) - 32) & 63;
    const c2 = ((line[i + 2] ?? 32) - 32) & 63;
    const c3 = ((line[i + 3] ?? 32) - 32) & 63;
    const b = [(c0 << 2) | (c1 >> 4), ((c1 & 15) << 4) | (c2 >> 2), ((c2 & 3) << 6) | c3];
    for (let k = 0; k < 3 && o < n; k++, o++) out.push((b[k] as number) & 255);
  }
  return true;
}

function isEnd(line: Uint8Array): boolean {
  return (
    line.length >= 3 &&
    line[0] === 0x65 &&
    line[1] === 0x6e &&
    line[2] === 0x64 &&
    (line.length === 3 || line[3] === 0x20)
  );
}

function isBegin(line: Uint8Array): boolean {
  return line.length >= 6 && Buffer.from(line.subarray(0, 6)).toString('latin1') === 'begin ';
}

/**
 * Decode uuencoded bytes arriving as chunks.
 * @example for await (const b of uudecodeChunks(rawBody)) out.write(b);
 */
export async function* uudecodeChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array = new Uint8Array(0);
  let started = false;
  let done = false;
  for await (const chunk of chunks) {
    if (done) break;
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const out: number[] = [];
    let start = 0;
    for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, start)) {
      let line = buf.subarray(start, i);
      start = i + 1;
      if (line.length && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
      if (!started) {
        started = isBegin(line);
        continue;
      }
      if (isEnd(line) || !decodeLine(line, out)) {
        done = true;
        break;
      }
    }
    carry = done ? new Uint8Array(0) : buf.slice(start);
    if (out.length) yield Uint8Array.from(out);
  }
  if (!done && started && carry.length) {
    let line = carry;
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    const out: number[] = [];
    if (!isEnd(line)) decodeLine(line, out);
    if (out.length) yield Uint8Array.from(out);
  }
}
