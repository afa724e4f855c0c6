/**
 * `edgarbox search <query>`: full-text search of the store, ranked, filtered, paged.
 * @module
 */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createError } from '../../core/errors.ts';
import type { SearchResult } from '../../store/store.ts';
import { ExitCode } from '../exit-code.ts';

interface SearchFlags {
  form: string[];
  cik: string[];
  company: string[];
  item: string[];
  section: string[];
  type: string[];
  from?: string;
  to?: string;
  sort?: 'relevance' | 'date';
  limit?: number;
  cursor?: string;
  json?: boolean;
  db?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').filter((v) => v.trim() !== '')];
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw createError('invalid-argument', `--limit expects 1 to 100, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * The `search` command.
 * @example edgarbox search '"CLR 131" multiple myeloma' --form 8-K --limit 5
 */
export function searchCommand(): Command {
  return new Command('search')
    .description(
      'Full-text search: words, "phrases", OR, -exclude, prefix*, and field:value filters (form: cik: company: item: section: type: from: to:)',
    )
    .argument('<query...>', 'the query (quote it for the shell)')
    .option('--form <form>', 'form type, exact (repeatable or comma-separated)', collect, [])
    .option('--cik <cik>', 'a party CIK (repeatable)', collect, [])
    .option('--company <name>', 'party name fragment (repeatable)', collect, [])
    .option('--item <code>', '8-K item from the header, like 2.02 (repeatable)', collect, [])
    .option(
      '--section <code>',
      'search inside located sections only, like 1A or 7.01 (repeatable)',
      collect,
      [],
    )
    .option('--type <type>', 'document type, like EX-99.1 (repeatable)', collect, [])
    .option('--from <date>', 'filed on or after (2017-01-01, 20170101 or 2017)')
    .option('--to <date>', 'filed on or before')
    .addOption(
      new Option('--sort <order>', 'ranking (default: relevance, or date for filter-only queries)').choices([
        'relevance',
        'date',
      ]),
    )
    .addOption(new Option('--limit <n>', 'hits per page, 1-100 (default 20)').argParser(parseLimit))
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print the result as JSON')
    .option('--db <file>', 'SQLite store (default ./edgarbox.db or $EDGARBOX_DB)')
    .action(async (words: string[], flags: SearchFlags) => {
      process.exitCode = await searchAction(words.join(' '), flags);
    });
}

async function searchAction(q: string, flags: SearchFlags): Promise<number> {
  const [{ searchFilings }, { openStore, resolveDbPath }, { formatSnippet }] = await Promise.all([
    import('../../services/search-filings.ts'),
    import('../db-option.ts'),
    import('../../search/snippet.ts'),
  ]);
  const path = resolveDbPath(flags.db);
  if (!/^postgres(ql)?:\/\//i.test(path) && !existsSync(path))
    throw createError('unreadable', path, 'no such store (run edgarbox ingest first, or pass --db)');
  const store = openStore(flags.db, { readonly: true });
  let result: SearchResult;
  try {
    result = await searchFilings(store, {
      q,
      forms: flags.form,
      ciks: flags.cik,
      companies: flags.company,
      items: flags.item,
      sections: flags.section,
      documentTypes: flags.type,
      ...(flags.from === undefined ? {} : { from: flags.from }),
      ...(flags.to === undefined ? {} : { to: flags.to }),
      ...(flags.sort === undefined ? {} : { sort: flags.sort }),
      ...(flags.limit === undefined ? {} : { limit: flags.limit }),
      ...(flags.cursor === undefined ? {} : { cursor: flags.cursor }),
    });
  } finally {
    await store.close();
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const tty = process.stdout.isTTY === true;
  const [on, off] = tty ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  const out: string[] = [`${result.total} ${result.total === 1 ? 'hit' : 'hits'}`];
  result.hits.forEach((h, i) => {
    out.push('');
    out.push(`${i + 1}. ${h.accession}  ${h.form}  ${h.filingDate}  ${h.companyName} (CIK ${h.cik})`);
    const where = `${h.filename} (#${h.sequence} ${h.documentType}${h.section ? `, section ${h.section}` : ''})`;
    out.push(`   ${where}${h.score ? `  score ${h.score.toFixed(2)}` : ''}`);
    if (h.snippet) out.push(`   ${formatSnippet(h.snippet, on, off)}`);
  });
  if (result.nextCursor) out.push('', `more: --cursor ${result.nextCursor}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return ExitCode.Ok;
}
