/**
 * `edgarbox start [folder...]`: the main job in one command. Ingest the folders (default: the
 * project's `examples/`) into the embedded store, then serve it at http://127.0.0.1:8080.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createError } from '../../core/errors.ts';
import { searchListsProgress } from '../search-lists-progress.ts';
import { formatSummary } from './ingest.ts';
import { type ServeFlags, serveStore, withListenOptions } from './serve.ts';

/** The example filings shipped with the project (`examples/` at the repository root). */
export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');

/**
 * The `start` command.
 * @example edgarbox start ../shared/corpus/sgml
 */
export function startCommand(): Command {
  return withListenOptions(
    new Command('start')
      .description('Ingest folders (default: the bundled examples) into the store, then serve them')
      .argument('[folder...]', 'files, folders or archives to ingest (default: examples/)')
      .option('--db <file>', 'store (default ./edgarbox.db or $EDGARBOX_DB)'),
  ).action(async (folders: string[], flags: ServeFlags) => {
    const paths = folders.length > 0 ? folders : [EXAMPLES_DIR];
    for (const p of paths)
      if (!existsSync(p)) throw createError('unreadable', p, 'no such file or directory');
    const [
      { runIngest },
      { measureSources },
      { createProgress },
      { openStore },
      { DEFAULT_LIMITS },
      { defaultSearchThreads },
    ] = await Promise.all([
      import('../../ingest/run-ingest.ts'),
      import('../../ingest/read-sources.ts'),
      import('../progress.ts'),
      import('../db-option.ts'),
      import('../../server/context.ts'),
      import('../../store/sqlite/search-pool.ts'),
    ]);
    // The same store then serves: its searches get the server's time limit and reader threads.
    const store = openStore(flags.db, {
      queryTimeLimitMs: DEFAULT_LIMITS.queryTimeoutMs,
      searchThreads: flags.searchThreads ?? defaultSearchThreads(),
    });
    const progress = createProgress({
      label: 'ingest',
      total: measureSources(paths).bytes,
      unit: 'files',
      enabled: flags.quiet !== true,
    });
    let summary: Awaited<ReturnType<typeof runIngest>>;
    try {
      summary = await runIngest({
        store,
        paths,
        onProgress: (p) => progress.update({ value: p.bytesRead, count: p.files, bytes: p.bytes }),
        onSearchLists: searchListsProgress(progress.log),
      });
    } catch (e) {
      progress.stop();
      await store.close();
      throw e;
    }
    progress.stop();
    if (flags.json) process.stdout.write(`${JSON.stringify({ ingest: summary })}\n`);
    else process.stdout.write(formatSummary(summary));
    process.exitCode = await serveStore(store, flags);
  });
}
