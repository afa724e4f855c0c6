/**
 * The edgarbox HTTP app: a hono app, `(Request) => Response`, testable with `app.request(...)`
 * and served by `node.ts`. SEC-compatible paths (sec.gov Archives, data.sec.gov submissions,
 * browse-edgar feeds, EFTS search) plus edgarbox's own `/api/`.
 * @module
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createError } from '../core/errors.ts';
import { createMcpHttpHandler } from '../mcp/http.ts';
import type { Store } from '../store/store.ts';
import { webRoutes } from '../web/web-routes.ts';
import { createServerContext, DEFAULT_LIMITS, type ServerLimits } from './context.ts';
import { toErrorResponse } from './http-error.ts';
import { apiRoutes } from './routes/api.ts';
import { archivesRoutes } from './routes/archives.ts';
import { browseEdgarRoutes } from './routes/browse-edgar.ts';
import { eftsRoutes } from './routes/efts.ts';
import { indexFileRoutes } from './routes/index-files.ts';
import { submissionsRoutes } from './routes/submissions.ts';

/** Options of `createApp`. */
export interface AppOptions {
  store: Store;
  /** Bearer token that enables `POST /api/submissions` (usually `EDGARBOX_TOKEN`); absent = writes off. */
  token?: string;
  /** Limits; each defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<ServerLimits>;
  /** Receives one access-log line per request (no newline); absent = no access log. */
  log?: (line: string) => void;
  /** Mount the MCP server (Streamable HTTP) at `/mcp` (`edgarbox serve --mcp`); off by default. */
  mcp?: boolean;
}

/** Percent-encoded dots and slashes, dot segments, backslashes and NULs have no place in our URLs. */
const UNSAFE_PATH = /(^|\/)\.\.?(\/|$)|%2e|%2f|%5c|%00|\\/i;

/**
 * Build the app over a store.
 * @example const app = createApp({ store }); const res = await app.request('/submissions/CIK0001279704.json');
 */
export function createApp(options: AppOptions): Hono {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx = createServerContext(options.store, limits, options.token);
  const app = new Hono();
  const log = options.log;

  if (log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      const url = new URL(c.req.url);
      const ms = (performance.now() - started).toFixed(1);
      log(`${new Date().toISOString()} ${c.req.method} ${url.pathname}${url.search} ${c.res.status} ${ms}ms`);
    });
  }

  app.use('*', async (c, next) => {
    const raw =
      (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url ?? new URL(c.req.url).pathname;
    const path = raw.split('?')[0] ?? '';
    if (UNSAFE_PATH.test(path)) throw createError('unsafe-path', path);
    c.header('X-Content-Type-Options', 'nosniff');
    if (path.startsWith('/Archives/')) c.header('Content-Security-Policy', 'sandbox');
    await next();
  });

  app.use(
    '/LATEST/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: () => {
        throw createError('too-large', 'The request body', limits.maxBodyBytes);
      },
    }),
  );

  app.route('/', archivesRoutes(ctx));
  app.route('/', indexFileRoutes(ctx));
  app.route('/', submissionsRoutes(ctx));
  app.route('/', browseEdgarRoutes(ctx));
  app.route('/', eftsRoutes(ctx));
  app.route('/', apiRoutes(ctx));
  // The web UI: `/`, `/filing/…`, `/company/…` and `/assets/…` (src/web).
  app.route('/', webRoutes());
  if (options.mcp) {
    // MCP over Streamable HTTP (stateless JSON-RPC over POST), the same tools as `edgarbox mcp`.
    const mcp = createMcpHttpHandler({ store: options.store, maxBodyBytes: limits.maxBodyBytes });
    app.all('/mcp', (c) => mcp(c.req.raw));
  }

  app.notFound((c) => c.json({ error: { code: 'not-found', message: `Not found: ${c.req.path}` } }, 404));
  app.onError((e, c) => {
    const res = toErrorResponse(c, e);
    res.headers.set('X-Content-Type-Options', 'nosniff');
    // A refused upload's body may be unread: do not let the client reuse the connection.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') res.headers.set('Connection', 'close');
    return res;
  });
  return app;
}
