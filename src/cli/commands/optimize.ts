/**
 * `edgarbox optimize`: rebuild the store's search lists now (the champion lists that rank common
 * words fast; `edgarbox ingest` rebuilds them by itself once the store has grown by ~30 %).
 * @module
 */
import { Command } from 'commander';
import { ExitCode } from '../exit-code.ts';
import { searchListsProgress } from '../search-lists-progress.ts';

interface OptimizeFlags {
  db?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * The `optimize` command.
 * @example edgarbox optimize --db filings.db --json
 */
export function optimizeCommand(): Command {
  return new Command('optimize')
    .description('Rebuild the search lists that rank common words fast (ingest does it as the store grows)')
    .option('--db <file>', 'SQLite store (default ./edgarbox.db or $EDGARBOX_DB)')
    .option('--json', 'print what was done as JSON on stdout')
    .option('--quiet', 'no progress output')
    .action(async (flags: OptimizeFlags) => {
      process.exitCode = await optimizeAction(flags);
    });
}

async function optimizeAction(flags: OptimizeFlags): Promise<number> {
  const { openStore } = await import('../db-option.ts');
  const store = openStore(flags.db);
  try {
    const log = (line: string) => {
      if (!flags.quiet) process.stderr.write(`${line}\n`);
    };
    const result = store.refreshSearchLists
      ? await store.refreshSearchLists({ force: true, onProgress: searchListsProgress(log) })
      : undefined;
    if (flags.json) process.stdout.write(`${JSON.stringify(result ?? { built: false }, null, 2)}\n`);
    else if (result?.built)
      process.stdout.write(
        `search lists rebuilt: ${result.terms} common words over ${result.documents} documents in ${result.seconds} s\n`,
      );
    else process.stdout.write('nothing to optimize on this backend\n');
    return ExitCode.Ok;
  } finally {
    await store.close();
  }
}
