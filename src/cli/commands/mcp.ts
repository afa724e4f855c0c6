/**
 * `edgarbox mcp`: serve the store to an AI agent over MCP on stdio (the client starts this
 * process and speaks JSON-RPC on its stdin/stdout). `--describe` lists what it offers instead.
 * @module
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { createError } from '../../core/errors.ts';
import { isPostgresUrl } from '../../store/postgres/lazy-store.ts';
import { resolveDbPath } from '../db-option.ts';

interface McpFlags {
  db?: string;
  baseUrl?: string;
  describe?: boolean;
  json?: boolean;
}

/**
 * The `mcp` command.
 * @example edgarbox mcp --db filings.db --base-url http://127.0.0.1:8080
 */
export function mcpCommand(): Command {
  return new Command('mcp')
    .description('Serve the store to AI agents over MCP (stdio): search, read and cite filings')
    .option(
      '--db <file|url>',
      'store: SQLite file or postgres:// URL (default ./edgarbox.db or $EDGARBOX_DB)',
    )
    .option('--base-url <url>', 'edgarbox serve origin that citation URLs point at', 'http://127.0.0.1:8080')
    .option('--describe', 'print the tools, resources and prompts offered, then exit')
    .option('--json', 'with --describe: print them as JSON')
    .action(async (flags: McpFlags) => {
      const path = resolveDbPath(flags.db);
      if (!isPostgresUrl(path) && !existsSync(path)) {
        throw createError('unreadable', path, 'no such store (create it with edgarbox ingest)');
      }
      const [{ openStore }, { serveMcpStdio }, { describeMcp }, { DEFAULT_LIMITS }] = await Promise.all([
        import('../db-option.ts'),
        import('../../mcp/stdio.ts'),
        import('../../mcp/describe.ts'),
        import('../../server/context.ts'),
      ]);
      // An agent's search gets the same time limit as an HTTP one.
      const store = openStore(path, { queryTimeLimitMs: DEFAULT_LIMITS.queryTimeoutMs });
      try {
        const options = { store, ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}) };
        if (flags.describe) {
          const description = await describeMcp(options);
          process.stdout.write(
            flags.json ? `${JSON.stringify(description, null, 2)}\n` : toLines(description),
          );
          return;
        }
        await serveMcpStdio(options);
      } finally {
        await store.close();
      }
    });
}

function toLines(d: { tools: Entry[]; resourceTemplates: Entry[]; prompts: Entry[] }): string {
  const section = (title: string, entries: Entry[]) =>
    [`${title}:`, ...entries.map((e) => `  ${e.name}  ${e.title ?? ''}`.trimEnd())].join('\n');
  return `${[section('tools', d.tools), section('resource templates', d.resourceTemplates), section('prompts', d.prompts)].join('\n')}\n`;
}

interface Entry {
  name: string;
  title?: string;
}
