/**
 * `edgarbox sync`: mirror filings from SEC EDGAR (or any edgarbox server) into the store, by CIK
 * or ticker, form, date range, index quarter or day, feed day, or a company's submissions JSON.
 * Polite (declared User-Agent, rate limit, backoff), resumable and incremental.
 * @module
 */
import { Command, Option } from 'commander';
import { createError } from '../../core/errors.ts';
import type { SyncSummary } from '../../sync/run-sync.ts';
import type { SelectionInput } from '../../sync/selection.ts';
import { ExitCode } from '../exit-code.ts';
import { searchListsProgress } from '../search-lists-progress.ts';

/** Exit code when the run was interrupted (Ctrl-C), as shells report SIGINT. */
export const INTERRUPTED_EXIT = 130;

/** Flags shared by `sync` and `audit`. */
export interface SourceFlags extends SelectionInput {
  source?: string;
  userAgent?: string;
  rate: number;
  concurrency: number;
  db?: string;
  json?: boolean;
  quiet?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Add the selection and source options `sync` and `audit` share.
 * @example addSourceOptions(new Command('audit'))
 */
export function addSourceOptions(command: Command): Command {
  return command
    .option('--cik <cik|ticker...>', 'companies by CIK or ticker (repeatable, comma lists)', collect)
    .option('--form <type...>', 'exact form types, e.g. 8-K 10-K (repeatable)', collect)
    .option('--from <date>', 'first filing date (YYYY-MM-DD)')
    .option('--to <date>', 'last filing date (YYYY-MM-DD)')
    .option(
      '--index <year>Q<n>|<date>...',
      'walk full-index (2017Q1) or daily-index (2017-03-08) master.idx',
      collect,
    )
    .option('--submissions', "walk each CIK's submissions JSON, older pages included (default for --cik)")
    .option('--source <url>', 'SEC (default) or any edgarbox server, e.g. http://127.0.0.1:8080')
    .option(
      '--user-agent <ua>',
      'declared User-Agent "Name email" (required for SEC; or $EDGARBOX_USER_AGENT)',
    )
    .addOption(
      new Option('--rate <n>', 'requests per second at most').argParser(positive('--rate', 1000)).default(10),
    )
    .addOption(
      new Option('--concurrency <n>', 'requests in flight at most')
        .argParser(positive('--concurrency', 64))
        .default(4),
    )
    .option('--db <file>', 'store (default ./edgarbox.db or $EDGARBOX_DB); the sync state is kept in it')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress output');
}

/**
 * The `sync` command.
 * @example edgarbox sync --cik CLRB --form 8-K --from 2017-01-01 --user-agent "Jane Doe jane@example.com"
 */
export function syncCommand(): Command {
  return addSourceOptions(
    new Command('sync').description(
      'Mirror filings from SEC EDGAR (or an edgarbox server) into the store, resumably',
    ),
  )
    .option('--feed <date...>', "stream a day's Feed .nc.tar.gz archive into ingest", collect)
    .action(async (flags: SourceFlags) => {
      process.exitCode = await syncAction(flags);
    });
}

function positive(name: string, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max)
      throw createError(
        'invalid-argument',
        `${name} expects a number above 0 and at most ${max}, got ${JSON.stringify(value)}`,
      );
    return n;
  };
}

/**
 * Open what `sync` and `audit` need: selection, source, client, store and the sync state kept in it.
 * @example const ctx = await openSyncContext(flags, signal);
 */
export async function openSyncContext(
  flags: SourceFlags,
  signal?: AbortSignal,
  onRetry?: (line: string) => void,
) {
  const [{ parseSelection }, { resolveSource, resolveUserAgent }, { createClient }, { openSyncState }, db] =
    await Promise.all([
      import('../../sync/selection.ts'),
      import('../../sync/sources.ts'),
      import('../../sync/client.ts'),
      import('../../sync/state.ts'),
      import('../db-option.ts'),
    ]);
  const selection = parseSelection(flags);
  const urls = resolveSource(flags.source);
  const userAgent = resolveUserAgent(urls, flags.userAgent);
  const client = createClient({
    userAgent,
    rate: flags.rate,
    concurrency: flags.concurrency,
    ...(signal ? { signal } : {}),
    ...(onRetry
      ? {
          onRetry: (r: { url: string; attempt: number; delayMs: number; error: unknown }) =>
            onRetry(
              `retry ${r.attempt} in ${r.delayMs} ms: ${r.error instanceof Error ? r.error.message : String(r.error)}`,
            ),
        }
      : {}),
  });
  const store = db.openStore(flags.db);
  let state: Awaited<ReturnType<typeof openSyncState>>;
  try {
    state = await openSyncState(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return { selection, urls, client, state, store };
}

async function syncAction(flags: SourceFlags): Promise<number> {
  const controller = new AbortController();
  const [{ runSync }, { createProgress }] = await Promise.all([
    import('../../sync/run-sync.ts'),
    import('../progress.ts'),
  ]);
  const progress = createProgress({ label: 'sync', unit: 'filings', enabled: flags.quiet !== true });
  const ctx = await openSyncContext(flags, controller.signal, (line) => {
    if (!flags.json) progress.log(line);
  });
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT);
    controller.abort();
    progress.log('sync: interrupted; every filing stored so far stays stored (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onSigint);
  let summary: SyncSummary;
  try {
    summary = await runSync({
      store: ctx.store,
      client: ctx.client,
      urls: ctx.urls,
      selection: ctx.selection,
      state: ctx.state,
      concurrency: flags.concurrency * 2,
      signal: controller.signal,
      onProgress: (p) => progress.update({ value: p.fetched, count: p.fetched, bytes: p.bytes }),
      onFailure: (f) => {
        if (!flags.json) progress.log(`failed: ${f.accession}: ${f.reason}`);
      },
      onNote: (line) => {
        if (!flags.json) progress.log(line);
      },
    });
    // Filings fetched one by one bypass the ingest's own refresh: bring the search lists up to
    // date once at the end (a no-op unless the store has grown by ~30 % since they were built).
    if (!summary.interrupted)
      await ctx.store.refreshSearchLists?.({
        onProgress: searchListsProgress((line) => {
          if (!flags.json) progress.log(line);
        }),
      });
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    try {
      await ctx.state.save();
    } finally {
      await ctx.store.close();
    }
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(formatSyncSummary(summary));
  if (summary.interrupted) return INTERRUPTED_EXIT;
  return summary.failed + summary.listingFailures.length > 0 ? ExitCode.Warnings : ExitCode.Ok;
}

/**
 * The human summary of a sync run.
 * @example formatSyncSummary(summary) // 'listed 12 (already stored 4), fetched 8: ingested 8, …'
 */
export function formatSyncSummary(s: SyncSummary): string {
  const lines = [
    `${s.interrupted ? 'interrupted: ' : ''}listed ${s.listed} (already stored ${s.present}), fetched ${s.fetched}: ingested ${s.ingested}, replaced ${s.replaced}, unchanged ${s.unchanged}, failed ${s.failed}`,
    `${s.listings} listings (${s.listingsNotModified} unchanged since last sync), ${s.requests} requests (${s.retries} retries) in ${s.seconds.toFixed(1)} s (${s.requestsPerSecond.toFixed(1)}/s), ${(s.bytes / 1e6).toFixed(1)} MB`,
  ];
  for (const f of s.feeds)
    lines.push(
      `feed ${f.date}: ${f.notModified ? 'unchanged since last sync' : `ingested ${f.ingested}, unchanged ${f.unchanged}, failed ${f.failed}`}`,
    );
  for (const l of s.listingFailures) lines.push(`listing failed: ${l.reason}`);
  if (s.failures.length > 0) {
    lines.push('failed:');
    for (const f of s.failures) lines.push(`  ${f.accession}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
