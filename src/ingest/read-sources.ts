/**
 * The ingest sources: files, directories (recursive), tar / tar.gz / EDGAR feed archives and
 * stdin (`-`), all streamed. Archives are recognised by content, not by name. Submissions are
 * yielded one at a time; nothing is extracted to disk.
 * @module
 */
import {
  closeSync,
  createReadStream,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createChannel } from './channel.ts';
import { toOwnedBuffer } from './owned-buffer.ts';
import { readTar } from './read-tar.ts';
import { SNIFF_BYTES, sniff } from './sniff.ts';
import type { SourceItem } from './source-item.ts';

/** Options of `readSources`. */
export interface ReadSourcesOptions {
  /** Submissions above this many bytes are yielded as chunk streams (default 64 MiB). */
  bigThreshold?: number;
  /** Bytes of finished archive entries that may wait for the consumer (default 8 MiB). */
  queueBytes?: number;
  /** What `-` reads (default `process.stdin`). */
  stdin?: NodeJS.ReadableStream;
  /** Called with the number of input bytes (compressed, for archives) consumed. */
  onRead?: (bytes: number) => void;
}

interface Resolved {
  bigThreshold: number;
  queueBytes: number;
  stdin: NodeJS.ReadableStream;
  onRead: (bytes: number) => void;
}

/** Default size above which a submission is streamed instead of held in memory. */
export const BIG_SUBMISSION_BYTES = 64 * 1024 * 1024;

/**
 * Yield every candidate submission under `paths`, in order (directory entries sorted by name).
 * Unreadable inputs are yielded as `error` items; the walk goes on.
 * @example for await (const item of readSources(['feed/20250110.nc.tar.gz'])) ...
 */
export async function* readSources(
  paths: readonly string[],
  options: ReadSourcesOptions = {},
): AsyncGenerator<SourceItem> {
  const o: Resolved = {
    bigThreshold: options.bigThreshold ?? BIG_SUBMISSION_BYTES,
    queueBytes: options.queueBytes ?? 8 * 1024 * 1024,
    stdin: options.stdin ?? process.stdin,
    onRead: options.onRead ?? (() => {}),
  };
  for (const path of paths) {
    if (path === '-') {
      yield* fromStream(counted(o.stdin as AsyncIterable<Buffer>, o.onRead), '-', o, false);
      continue;
    }
    yield* fromPath(path, o);
  }
}

/** Sum of the sizes of the regular files under `paths` (for progress totals); stdin counts 0. */
export function measureSources(paths: readonly string[]): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const visit = (p: string, inWalk: boolean): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
      if (inWalk && st.isDirectory() && lstatSync(p).isSymbolicLink()) return;
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of listDir(p)) visit(join(p, name), true);
    } else if (st.isFile()) {
      files++;
      bytes += st.size;
    }
  };
  for (const p of paths) if (p !== '-') visit(p, false);
  return { files, bytes };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * One path: a directory is walked (symbolic links to directories met inside a walk are skipped,
 * so a link cycle cannot loop), anything else is read as a file.
 */
async function* fromPath(path: string, o: Resolved, inWalk = false): AsyncGenerator<SourceItem> {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
    if (inWalk && st.isDirectory() && lstatSync(path).isSymbolicLink()) return;
  } catch (e) {
    yield { kind: 'error', label: path, reason: reasonOf(e) };
    return;
  }
  if (st.isDirectory()) {
    for (const name of listDir(path)) yield* fromPath(join(path, name), o, true);
    return;
  }
  if (!st.isFile()) {
    yield { kind: 'error', label: path, reason: 'not a regular file' };
    return;
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    yield { kind: 'error', label: path, reason: reasonOf(e) };
    return;
  }
  let streamFromFd = false;
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    readFully(fd, head, 0);
    const kind = sniff(head);
    if (kind === 'plain' && size <= o.bigThreshold) {
      const bytes = Buffer.allocUnsafeSlow(size);
      head.copy(bytes);
      const got = head.length + readFully(fd, bytes.subarray(head.length), head.length);
      o.onRead(got);
      yield {
        kind: 'bytes',
        label: path,
        bytes: got === size ? bytes : toOwnedBuffer([bytes.subarray(0, got)]),
      };
      return;
    }
    streamFromFd = true;
    const stream = createReadStream('', { fd, highWaterMark: 1024 * 1024, start: 0 });
    yield* fromStream(counted(stream, o.onRead), path, o, false, size);
  } catch (e) {
    yield { kind: 'error', label: path, reason: reasonOf(e) };
  } finally {
    if (!streamFromFd) closeSync(fd);
  }
}

function readFully(fd: number, into: Buffer, position: number): number {
  let at = 0;
  while (at < into.length) {
    const n = readSync(fd, into, at, into.length - at, position + at);
    if (n === 0) break;
    at += n;
  }
  return at;
}

async function* counted(input: AsyncIterable<Buffer>, onRead: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    onRead(chunk.length);
    yield chunk;
  }
}

/**
 * Classify a stream by its first bytes and yield what it holds: the entries of a tar (after
 * gunzip when gzipped), or a single submission.
 */
async function* fromStream(
  input: AsyncIterable<Buffer>,
  label: string,
  o: Resolved,
  gunzipped: boolean,
  sizeHint?: number,
): AsyncGenerator<SourceItem> {
  const it = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
    headBytes += r.value.length;
  }
  const rest = resume(head, it, ended);
  const kind = sniff(Buffer.concat(head, Math.min(headBytes, SNIFF_BYTES)));
  if (kind === 'gzip' && !gunzipped) {
    const gz = createGunzip({ chunkSize: 256 * 1024 });
    pipeline(Readable.from(rest), gz, () => {});
    try {
      yield* fromStream(gz, label, o, true);
    } catch (e) {
      yield { kind: 'error', label, reason: `gzip: ${reasonOf(e)}` };
    }
    return;
  }
  if (kind === 'tar') {
    yield* readTar(rest, label, { bigThreshold: o.bigThreshold, queueBytes: o.queueBytes });
    return;
  }
  yield* single(rest, label, o, sizeHint);
}

async function* resume(head: Buffer[], it: AsyncIterator<Buffer>, ended: boolean): AsyncGenerator<Buffer> {
  yield* head;
  if (ended) return;
  try {
    while (true) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}

/** One submission from a stream: collected up to the threshold, streamed beyond it. */
async function* single(
  input: AsyncGenerator<Buffer>,
  label: string,
  o: Resolved,
  sizeHint?: number,
): AsyncGenerator<SourceItem> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    while (true) {
      const r = await input.next();
      if (r.done) {
        yield { kind: 'bytes', label, bytes: toOwnedBuffer(parts, total) };
        return;
      }
      parts.push(r.value);
      total += r.value.length;
      if (total > o.bigThreshold) break;
    }
  } catch (e) {
    yield { kind: 'error', label, reason: reasonOf(e) };
    return;
  }
  // Too big to hold: hand the rest over as a bounded chunk stream.
  const chunks = createChannel<Buffer>(4 << 20, (b) => b.length);
  for (const p of parts) chunks.push(p);
  parts.length = 0;
  const pump = (async () => {
    try {
      for await (const c of input) {
        if (chunks.cancelled) break;
        chunks.push(c);
        await chunks.ready();
      }
      chunks.close();
    } catch (e) {
      chunks.fail(e);
    }
  })();
  yield { kind: 'stream', label, size: sizeHint ?? -1, chunks, cancel: () => chunks.cancel() };
  chunks.cancel();
  await pump;
}

function reasonOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' && 'message' in e) {
    return String(e.message);
  }
  return e instanceof Error ? e.message : String(e);
}
