/**
 * `edgarbox ingest <path...>`: put submissions from files, directories, tar / tar.gz / EDGAR
 * feed archives or stdin (`-`) into the store, in parallel, resumable, with a closing summary.
 * @module
 */

import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Command, Option } from 'commander';
import { createError, EdgarError, type ErrorCode, messages } from '../../core/errors.ts';
import { siblingModule } from '../../core/sibling-module.ts';
import type { IngestSummary } from '../../ingest/ingest-summary.ts';
import { ExitCode } from '../exit-code.ts';
import type { IngestThreadCommand, IngestThreadInput, IngestThreadMessage } from './ingest-thread.ts';

/** Exit code when the run was interrupted (Ctrl-C), as shells report SIGINT. */
export const INTERRUPTED_EXIT = 130;

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
  const [{ measureSources }, { createProgress }] = await Promise.all([
    import('../../ingest/read-sources.ts'),
    import('../progress.ts'),
  ]);
  const measured = measureSources(paths);
  const progress = createProgress({
    label: 'ingest',
    total: paths.includes('-') ? 0 : measured.bytes,
    unit: 'files',
    enabled: flags.quiet !== true,
  });
  const input: IngestThreadInput = { paths };
  if (flags.db !== undefined) input.db = flags.db;
  if (flags.workers !== undefined) input.workers = flags.workers;
  if (flags.batch !== undefined) input.batch = flags.batch;
  const readsStdin = paths.includes('-');
  const thread = new Worker(siblingModule('ingest-thread', import.meta.url), {
    workerData: input,
    stdin: readsStdin,
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  });
  if (readsStdin && thread.stdin) process.stdin.pipe(thread.stdin);

  const onSigint = (): void => {
    if (interrupted) process.exit(INTERRUPTED_EXIT);
    interrupted = true;
    thread.postMessage({ type: 'abort' } satisfies IngestThreadCommand);
    progress.log('ingest: interrupted, committing what is in flight (Ctrl-C again to quit at once)');
  };
  let interrupted = false;
  process.on('SIGINT', onSigint);
  let summary: IngestSummary | undefined;
  let failure: { code?: string; message: string } | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      thread.on('message', (m: IngestThreadMessage) => {
        if (m.type === 'progress') {
          progress.update({ value: m.progress.bytesRead, count: m.progress.files, bytes: m.progress.bytes });
        } else if (m.type === 'failure') {
          if (!flags.json) progress.log(`failed: ${m.failure.source}: ${m.failure.reason}`);
        } else if (m.type === 'summary') {
          summary = m.summary;
        } else {
          failure = m;
        }
      });
      thread.on('error', reject);
      thread.on('exit', () => resolve());
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    if (readsStdin) process.stdin.unpipe();
  }
  if (failure) {
    if (failure.code !== undefined && failure.code in messages) {
      throw new EdgarError(failure.code as ErrorCode, failure.message);
    }
    throw new Error(failure.message);
  }
  if (!summary) throw createError('store-error', 'the ingest thread ended without a summary');
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
  if (s.failed.length > 0) {
    lines.push('failed:');
    for (const f of s.failed) lines.push(`  ${f.source}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
