/**
 * `edgarbox serve`: answer SEC-compatible URLs and edgarbox's `/api/` over the store, until
 * Ctrl-C. Writes (`POST /api/submissions`) are on only when `EDGARBOX_TOKEN` is set.
 * @module
 */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createError } from '../../core/errors.ts';
import type { Store } from '../../store/store.ts';
import { resolveDbPath } from '../db-option.ts';
import { ExitCode } from '../exit-code.ts';

/** Flags shared by `serve` and `start`. */
export interface ServeFlags {
  db?: string;
  port: number;
  host: string;
  quiet?: boolean;
  json?: boolean;
  /** Also serve MCP (Streamable HTTP) at `/mcp`. */
  mcp?: boolean;
  /** SQLite: reader threads for searches (default one per core, at most 4; 0 = main thread). */
  searchThreads?: number;
}

/** Parse `--port` (0 picks a free port). */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n > 65535) {
    throw createError('invalid-argument', `--port expects 0 to 65535, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Parse `--search-threads` (0 to 64). */
export function parseThreads(value: string): number {
  const n = Number(value);
  if (!/^\d{1,2}$/.test(value) || n > 64) {
    throw createError('invalid-argument', `--search-threads expects 0 to 64, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Add the listener options to a command. */
export function withListenOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').default(8080).argParser(parsePort))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--quiet', 'no access log')
    .option('--mcp', 'also serve MCP (Streamable HTTP) at /mcp for AI agents')
    .option('--json', 'print {"url": ...} as JSON on stdout once listening')
    .addOption(
      new Option(
        '--search-threads <n>',
        'SQLite: run searches on n reader threads so a long one never stalls other requests (default: one per core, at most 4; 0: on the main thread)',
      ).argParser(parseThreads),
    );
}

/**
 * Serve `store` until SIGINT/SIGTERM, then close the listener and the store.
 * @example await serveStore(openStore(flags.db), flags);
 */
export async function serveStore(store: Store, flags: ServeFlags): Promise<number> {
  const [{ createApp }, { createNodeServer }] = await Promise.all([
    import('../../server/app.ts'),
    import('../../server/node.ts'),
  ]);
  const token = process.env.EDGARBOX_TOKEN;
  const app = createApp({
    store,
    ...(token ? { token } : {}),
    ...(flags.quiet ? {} : { log: (line: string) => process.stderr.write(`${line}\n`) }),
    ...(flags.mcp ? { mcp: true } : {}),
  });
  const server = await createNodeServer({ app, host: flags.host, port: flags.port });
  if (flags.json) process.stdout.write(`${JSON.stringify({ url: server.url, writes: Boolean(token) })}\n`);
  else {
    process.stdout.write(`edgarbox serving at ${server.url}/ (API: ${server.url}/api/openapi.json)\n`);
    if (flags.mcp) process.stdout.write(`MCP (Streamable HTTP): ${server.url}/mcp\n`);
    process.stdout.write(
      token
        ? 'writes: on (POST /api/submissions with the bearer token)\n'
        : 'writes: off (set EDGARBOX_TOKEN to enable uploads)\n',
    );
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  return ExitCode.Ok;
}

/**
 * The `serve` command.
 * @example edgarbox serve --db filings.db --port 8080
 */
export function serveCommand(): Command {
  return withListenOptions(
    new Command('serve')
      .description('Serve the store over HTTP: sec.gov-compatible paths and the edgarbox /api/')
      .option('--db <file>', 'store (default ./edgarbox.db or $EDGARBOX_DB)'),
  ).action(async (flags: ServeFlags) => {
    const path = resolveDbPath(flags.db);
    if (!/^postgres(ql)?:\/\//.test(path) && !existsSync(path)) {
      throw createError(
        'unreadable',
        path,
        'no such store (create it with edgarbox ingest, or use edgarbox start)',
      );
    }
    const [{ openStore }, { DEFAULT_LIMITS }, { defaultSearchThreads }] = await Promise.all([
      import('../db-option.ts'),
      import('../../server/context.ts'),
      import('../../store/sqlite/search-pool.ts'),
    ]);
    const store = openStore(path, {
      queryTimeLimitMs: DEFAULT_LIMITS.queryTimeoutMs,
      searchThreads: flags.searchThreads ?? defaultSearchThreads(),
    });
    process.exitCode = await serveStore(store, flags);
  });
}
