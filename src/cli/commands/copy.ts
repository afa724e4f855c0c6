/**
 * `edgarbox copy --from <sqlite file|postgres url> --to <postgres url|sqlite file>`: move a whole
 * store between backends, filing by filing (original bytes, header, documents, text, Markdown,
 * sections), through the `Store` interface only. Memory stays at about one batch of filings.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createError } from '../../core/errors.ts';
import type { SubmissionDocument } from '../../core/submission.ts';
import type { ParseWarning } from '../../core/warnings.ts';
import type { DocumentContentInput, FilingInput, PutStatus, Store } from '../../store/store.ts';
import { ExitCode } from '../exit-code.ts';

interface CopyFlags {
  from: string;
  to: string;
  batch: number;
  json?: boolean;
  quiet?: boolean;
}

/** What a copy did. */
export interface CopySummary {
  /** Filings read from the source. */
  filings: number;
  inserted: number;
  unchanged: number;
  replaced: number;
  failed: number;
  /** Original submission bytes copied. */
  bytes: number;
  seconds: number;
  failures: Array<{ accession: string; error: string }>;
}

/** Progress callback of `copyStore`: filings done, total, bytes so far. */
export type CopyProgress = (done: number, total: number, bytes: number) => void;

function isUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Open a store for `copy`: a PostgreSQL URL or a SQLite file (the source must exist). */
async function openTarget(target: string, role: 'source' | 'destination'): Promise<Store> {
  if (isUrl(target)) {
    const { createPostgresStore } = await import('../../store/postgres/store.ts');
    return createPostgresStore({ url: target, readonly: role === 'source' });
  }
  if (role === 'source' && !existsSync(target)) throw createError('unreadable', target, 'no such store file');
  const { createSqliteStore } = await import('../../store/sqlite/store.ts');
  return createSqliteStore({ path: target, ...(role === 'source' ? { readonly: true } : {}) });
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

/** Where the `<DOCUMENT>` block around a body starts and how long it is, found in the bytes. */
function locateBlock(
  bytes: Buffer,
  offset: number,
  length: number,
): { blockOffset: number; blockLength: number } {
  const start = bytes.lastIndexOf('<DOCUMENT>', offset);
  const close = bytes.indexOf('</DOCUMENT>', offset + length);
  if (start < 0 || close < 0) return { blockOffset: offset, blockLength: length };
  let end = close + '</DOCUMENT>'.length;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return { blockOffset: start, blockLength: end - start };
}

/**
 * Read one filing from `source` as a `FilingInput` that puts back the same filing. Warning
 * details are not kept by stores, only their count, which is carried over.
 */
export async function readFilingInput(source: Store, accession: string): Promise<FilingInput | undefined> {
  const rec = await source.getFiling(accession);
  const blob = await source.openRaw(accession);
  if (rec === undefined || blob === undefined) return undefined;
  const bytes = await readAll(blob.read());
  const sections = await source.getSections(accession);
  const documents: SubmissionDocument[] = [];
  const contents: DocumentContentInput[] = [];
  for (const d of rec.documents) {
    const doc: SubmissionDocument = {
      type: d.type,
      sequence: d.sequence,
      filename: d.filename,
      offset: d.offset,
      length: d.length,
      encoding: d.encoding,
      contentType: d.contentType,
      ...locateBlock(bytes, d.offset, d.length),
    };
    if (d.description !== undefined) doc.description = d.description;
    if (d.wrapper !== undefined) doc.wrapper = d.wrapper;
    if (d.encoding === 'uuencode') {
      const head = bytes.subarray(d.offset, Math.min(d.offset + 512, d.offset + d.length)).toString('latin1');
      const m = /^begin\s+\d+\s+(.+?)\r?$/m.exec(head);
      if (m?.[1] !== undefined) doc.uuencodeName = m[1];
    }
    documents.push(doc);
    const text = d.hasText ? await source.getDocumentText(accession, d.sequence) : undefined;
    const markdown = d.hasMarkdown ? await source.getDocumentMarkdown(accession, d.sequence) : undefined;
    if (d.sha256 === undefined && text === undefined && markdown === undefined) continue;
    const c: DocumentContentInput = {
      sequence: d.sequence,
      sha256:
        d.sha256 ??
        createHash('sha256')
          .update(bytes.subarray(d.offset, d.offset + d.length))
          .digest('hex'),
      size: d.size,
    };
    if (text !== undefined) c.text = text;
    if (markdown !== undefined) c.markdown = markdown;
    const own = sections.filter((s) => s.sequence === d.sequence);
    if (own.length > 0) {
      c.sections = own.map(({ sequence: _s, markdown: _m, ...section }) => section);
    }
    contents.push(c);
  }
  const warnings: ParseWarning[] = Array.from({ length: rec.warningCount }, () => ({
    code: 'carried-over',
    message: 'warning recorded by the source store (stores keep only the count)',
    offset: 0,
  }));
  const primary = documents.findIndex((d) => d.filename === rec.primaryDocument);
  const input: FilingInput = {
    submission: {
      accessionNumber: rec.accession,
      form: rec.form,
      items: rec.items,
      itemTitles: rec.itemTitles,
      groupMembers: rec.groupMembers,
      parties: rec.partiesFull,
      series: rec.series,
      raw: rec.header,
      dialect: rec.dialect,
      pem: rec.pem,
      size: bytes.length,
      documents,
      primaryDocument: rec.primaryDocument === undefined ? -1 : primary,
      warnings,
      ...(rec.filingDate === '' ? {} : { filingDate: rec.filingDate }),
      ...(rec.publicDocumentCount === undefined ? {} : { publicDocumentCount: rec.publicDocumentCount }),
      ...(rec.reportDate === undefined ? {} : { reportDate: rec.reportDate }),
      ...(rec.dateOfChange === undefined ? {} : { dateOfChange: rec.dateOfChange }),
      ...(rec.effectivenessDate === undefined ? {} : { effectivenessDate: rec.effectivenessDate }),
      ...(rec.acceptanceDateTime === undefined ? {} : { acceptanceDateTime: rec.acceptanceDateTime }),
      ...(rec.act === undefined ? {} : { act: rec.act }),
      ...(rec.fileNumber === undefined ? {} : { fileNumber: rec.fileNumber }),
      ...(rec.filmNumber === undefined ? {} : { filmNumber: rec.filmNumber }),
    },
    raw: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    sha256: rec.sha256,
    documents: contents,
  };
  if (rec.sourcePath !== undefined) input.sourcePath = rec.sourcePath;
  return input;
}

/**
 * Copy every filing of `source` into `destination`, in filing-date order, `batch` filings per
 * `putFilings` call. Filings already there with the same bytes are `unchanged`.
 * @example const summary = await copyStore(sqlite, postgres);
 */
export async function copyStore(
  source: Store,
  destination: Store,
  options: { batch?: number; onProgress?: CopyProgress } = {},
): Promise<CopySummary> {
  const started = performance.now();
  const total = (await source.stats()).filings;
  const summary: CopySummary = {
    filings: 0,
    inserted: 0,
    unchanged: 0,
    replaced: 0,
    failed: 0,
    bytes: 0,
    seconds: 0,
    failures: [],
  };
  const batchSize = Math.max(1, options.batch ?? 16);
  let pending: FilingInput[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const results = await destination.putFilings(pending);
    for (const r of results) {
      summary[r.status satisfies PutStatus]++;
      if (r.status === 'failed')
        summary.failures.push({ accession: r.accession, error: r.error ?? 'unknown' });
    }
    pending = [];
    options.onProgress?.(summary.filings, total, summary.bytes);
  };
  let cursor: string | undefined;
  do {
    const page = await source.listFilings({
      order: 'asc',
      limit: 500,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const f of page.filings) {
      const input = await readFilingInput(source, f.accession);
      summary.filings++;
      if (input === undefined) {
        summary.failed++;
        summary.failures.push({ accession: f.accession, error: 'vanished from the source during the copy' });
        continue;
      }
      summary.bytes += input.submission.size;
      pending.push(input);
      if (pending.length >= batchSize) await flush();
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  await flush();
  summary.seconds = Math.round(performance.now() - started) / 1000;
  return summary;
}

/** Progress on stderr: a bar on a TTY, a plain line every two seconds otherwise. */
async function createCopyProgress(enabled: boolean): Promise<{ update: CopyProgress; stop: () => void }> {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const rate = (bytes: number): string =>
    (bytes / 1e6 / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);
  if (process.stderr.isTTY) {
    const { Presets, SingleBar } = await import('cli-progress');
    const bar = new SingleBar(
      {
        format: 'copy [{bar}] {value}/{total} filings | {mbps} MB/s | ETA {eta_formatted}',
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    let begun = false;
    return {
      update: (done, total, bytes) => {
        if (!begun) bar.start(total, 0, { mbps: '0.0' });
        begun = true;
        bar.update(done, { mbps: rate(bytes) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (done, total, bytes) => {
      const now = performance.now();
      if (now - last < 2000 && done < total) return;
      last = now;
      process.stderr.write(`copy: ${done}/${total} filings, ${rate(bytes)} MB/s\n`);
    },
    stop: () => {},
  };
}

function parseBatch(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    throw createError(
      'invalid-argument',
      `--batch expects a whole number from 1 to 10000, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** Run the copy for parsed flags; resolves to the exit code. */
async function copyAction(flags: CopyFlags): Promise<number> {
  if (flags.from === flags.to) throw createError('invalid-argument', '--from and --to name the same store');
  const source = await openTarget(flags.from, 'source');
  try {
    const destination = await openTarget(flags.to, 'destination');
    try {
      const progress = await createCopyProgress(flags.quiet !== true && flags.json !== true);
      const summary = await copyStore(source, destination, {
        batch: flags.batch,
        onProgress: progress.update,
      });
      progress.stop();
      if (flags.json === true) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else {
        process.stdout.write(
          `copied ${summary.filings} filings (${(summary.bytes / 1e6).toFixed(1)} MB) in ${summary.seconds} s: ` +
            `${summary.inserted} inserted, ${summary.unchanged} unchanged, ${summary.replaced} replaced, ${summary.failed} failed\n`,
        );
        for (const f of summary.failures) process.stderr.write(`copy: ${f.accession}: ${f.error}\n`);
      }
      return summary.failed > 0 ? ExitCode.Warnings : ExitCode.Ok;
    } finally {
      await destination.close();
    }
  } finally {
    await source.close();
  }
}

/**
 * The `copy` command.
 * @example edgarbox copy --from edgarbox.db --to postgres://localhost/edgar
 */
export function copyCommand(): Command {
  return new Command('copy')
    .description('Copy a whole store between SQLite and PostgreSQL, filing by filing')
    .requiredOption('--from <store>', 'source: SQLite file or postgres:// URL')
    .requiredOption('--to <store>', 'destination: postgres:// URL or SQLite file')
    .addOption(
      new Option('--batch <n>', 'filings per write transaction batch').default(16).argParser(parseBatch),
    )
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress output')
    .action(async (flags: CopyFlags) => {
      process.exitCode = await copyAction(flags);
    });
}
