/**
 * Stream the regular-file entries of a tar archive out as submissions, holding at most a few
 * MB: small entries are collected into owned buffers, entries above the threshold are passed
 * on as chunk streams. Entry names are untrusted and only ever used as labels.
 * @module
 */
import { Parser, type ReadEntry } from 'tar';
import { type Channel, createChannel } from './channel.ts';
import { toOwnedBuffer } from './owned-buffer.ts';
import type { SourceItem } from './source-item.ts';

/** Options of `readTar`. */
export interface ReadTarOptions {
  /** Entries larger than this are yielded as `stream` items. */
  bigThreshold: number;
  /** How many bytes of finished entries may wait for the consumer. */
  queueBytes: number;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * A printable label for an archive entry: control characters removed, length capped.
 * @example entryLabel('feed.nc.tar.gz', '0001-25-000001.nc') // 'feed.nc.tar.gz:0001-25-000001.nc'
 */
export function entryLabel(archive: string, entryPath: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = entryPath.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `${archive}:${clean.length > 200 ? `${clean.slice(0, 197)}...` : clean}`;
}

/**
 * Yield the regular files of an (uncompressed) tar stream, in archive order.
 * A corrupt archive ends with an `error` item after the entries read so far.
 * @example for await (const item of readTar(gunzipped, 'feed.nc.tar.gz', opts)) ...
 */
export async function* readTar(
  input: AsyncIterable<Buffer>,
  archive: string,
  options: ReadTarOptions,
): AsyncGenerator<SourceItem> {
  const out = createChannel<SourceItem>(options.queueBytes, (item) =>
    item.kind === 'bytes' ? item.bytes.length : 1,
  );
  let sub: Channel<Buffer> | undefined;
  let sawEntry = false;
  const parser = new Parser({ strict: false });
  parser.on('entry', (entry: ReadEntry) => {
    sawEntry = true;
    if (!FILE_TYPES.has(entry.type)) {
      entry.resume();
      return;
    }
    const label = entryLabel(archive, entry.path);
    if (entry.size > options.bigThreshold) {
      const chunks = createChannel<Buffer>(4 << 20, (b) => b.length);
      sub = chunks;
      out.push({ kind: 'stream', label, size: entry.size, chunks, cancel: () => chunks.cancel() });
      entry.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
      entry.on('end', () => chunks.close());
      return;
    }
    const parts: Buffer[] = [];
    entry.on('data', (c: Buffer) => parts.push(c));
    entry.on('end', () => out.push({ kind: 'bytes', label, bytes: toOwnedBuffer(parts, entry.size) }));
  });
  const problems: string[] = [];
  parser.on('warn', (code: string, message: string | Error) => {
    if (problems.length < 5)
      problems.push(`${code}: ${message instanceof Error ? message.message : message}`);
  });

  const pump = async (): Promise<void> => {
    try {
      for await (const chunk of input) {
        if (out.cancelled) return;
        parser.write(chunk);
        await out.ready();
        if (sub && !sub.cancelled) await sub.ready();
      }
      await new Promise<void>((resolve) => parser.end(resolve));
      sub?.close();
      if (!sawEntry) {
        out.push({ kind: 'error', label: archive, reason: `not a readable tar archive${detail(problems)}` });
      } else if (problems.some((p) => !p.startsWith('TAR_ENTRY_IGNORED'))) {
        out.push({ kind: 'error', label: archive, reason: `archive damaged${detail(problems)}` });
      }
      out.close();
    } catch (e) {
      sub?.fail(e);
      out.push({ kind: 'error', label: archive, reason: e instanceof Error ? e.message : String(e) });
      out.close();
    }
  };
  const done = pump();
  try {
    yield* out;
  } finally {
    out.cancel();
    sub?.cancel();
    await done;
  }
}

function detail(problems: string[]): string {
  return problems.length > 0 ? ` (${problems.join('; ')})` : '';
}
