/**
 * `edgarbox ingest <path...>`: put submissions from files, directories, tar / tar.gz / EDGAR
 * feed archives or stdin (`-`) into the store, in parallel, resumable, with a closing summary.
 * @module
 */

import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createError } from '../../core/errors.ts';
import type { IngestSummary } from '../../ingest/ingest-summary.ts';
import { ExitCode } from '../exit-code.ts';
import { limitYoungGeneration } from '../limit-young-generation.ts';
import { searchListsProgress } from '../search-lists-progress.ts';

/** Exit code when the run was interrupted (Ctrl-C), as shells report SIGINT. */
export const INTERRUPTED_EXIT = 130;

/** SQLite page cache of the ingest writer, in MiB (the store's default is 32). */
const INGEST_CACHE_MIB = 8;

interface IngestFlags {
  db?: string;
  workers?: number;
  batch?: number;
  json?: boolean;
  quiet?: boolean;
}

/**
 * The `ingest` command.
 * @example edgarbox ingest ../shared/corpus/sgml 20250110.nc.tar.gz --db filings.db
 */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'Ingest submissions from files, directories (recursive), .tar / .tar.gz / .nc.tar.gz archives, or - (stdin)',
    )
    .argument('<path...>', 'files, directories, archives, or - for stdin')
    .option('--db <file>', 'SQLite store (default ./edgarbox.db or $EDGARBOX_DB)')
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads (default: one fewer than the cores, one more if the writer waits for them)',
      ).argParser(parseWorkers),
    )
    .addOption(
      new Option('--batch <n>', 'filings per write transaction at most (default 128)').argParser(parseBatch),
    )
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress output')
    .action(async (paths: string[], flags: IngestFlags) => {
      process.exitCode = await ingestAction(paths, flags);
    });
}

function parseBatch(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw createError(
      'invalid-argument',
      `--batch expects a whole number from 1 to 100000, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw createError(
      'invalid-argument',
      `--workers expects a whole number from 1 to 256, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

async function ingestAction(paths: string[], flags: IngestFlags): Promise<number> {
  for (const p of paths) {
    if (p !== '-' && !existsSync(p)) throw createError('unreadable', p, 'no such file or directory');
  }
  if (paths.filter((p) => p === '-').length > 1)
    throw createError('invalid-argument', '- (stdin) given more than once');
  // The pipeline and the store writer run on this thread (a separate ingest thread cost a
  // whole V8 isolate, ~20 MiB of peak RSS), with the nursery kept at about its starting size
  // (set before loading the pipeline, so that the nursery has not grown yet).
  limitYoungGeneration();
  const [{ measureSources }, { createProgress }, { runIngest }, { openStore }] = await Promise.all([
    import('../../ingest/read-sources.ts'),
    import('../progress.ts'),
    import('../../ingest/run-ingest.ts'),
    import('../db-option.ts'),
  ]);
  const measured = measureSources(paths);
  const progress = createProgress({
    label: 'ingest',
    total: paths.includes('-') ? 0 : measured.bytes,
    unit: 'files',
    enabled: flags.quiet !== true,
  });
  const controller = new AbortController();
  // The writer is synchronous within a batch: Ctrl-C is seen between batches (well under a
  // second apart); the first one stops reading and commits what is in flight, a second quits.
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT);
    controller.abort();
    progress.log('ingest: interrupted, committing what is in flight (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onSigint);
  let summary: IngestSummary;
  let lastProgress = 0;
  try {
    // The writer appends: a small page cache costs it nothing measurable and saves ~24 MiB of RSS.
    const store = openStore(flags.db, { cacheMiB: INGEST_CACHE_MIB });
    try {
      summary = await runIngest({
        store,
        paths,
        signal: controller.signal,
        ...(flags.workers === undefined ? {} : { workers: flags.workers }),
        ...(flags.batch === undefined ? {} : { batchFilings: flags.batch }),
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastProgress < 100) return;
          lastProgress = now;
          progress.update({ value: p.bytesRead, count: p.files, bytes: p.bytes });
        },
        onFailure: (f) => {
          if (!flags.json) progress.log(`failed: ${f.source}: ${f.reason}`);
        },
        onSearchLists: searchListsProgress(progress.log),
      });
    } finally {
      await store.close();
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(formatSummary(summary));
  if (summary.interrupted) return INTERRUPTED_EXIT;
  return summary.failed.length > 0 ? ExitCode.Warnings : ExitCode.Ok;
}

/**
 * The human summary of an ingest run.
 * @example formatSummary(summary) // 'ingested 45, unchanged 0, replaced 1, failed 4, warnings 12\n...'
 */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    `${s.interrupted ? 'interrupted: ' : ''}ingested ${s.ingested}, unchanged ${s.unchanged}, replaced ${s.replaced}, failed ${s.failed.length}, warnings ${s.warnings}`,
    `${(s.bytes / 1e6).toFixed(1)} MB in ${s.seconds.toFixed(1)} s (${s.mbPerSecond.toFixed(1)} MB/s, ${s.filingsPerSecond.toFixed(0)} filings/s)`,
  ];
  if (s.searchLists?.built)
    lines.push(`search lists rebuilt: ${s.searchLists.terms} common words in ${s.searchLists.seconds} s`);
  if (s.replacements.length > 0) {
    const more = s.replaced - s.replacements.length;
    lines.push(`replaced (new bytes for a filing stored before, by an earlier run or input):`);
    for (const r of s.replacements) lines.push(`  ${r.source}: ${r.accession}`);
    if (more > 0) lines.push(`  ... and ${more} more`);
  }
  if (s.failed.length > 0) {
    lines.push('failed:');
    for (const f of s.failed) lines.push(`  ${f.source}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
