/**
 * Serve MCP over Streamable HTTP as a `Request → Response` function that `edgarbox serve` mounts
 * at `/mcp` (hono: `app.all('/mcp', (c) => handler(c.req.raw))`). Stateless: each POST gets its
 * own transport with a JSON response and an idle server from a pool, so no session state is kept.
 * @module
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Store } from '../store/store.ts';
import { toBaseUrl } from './context.ts';
import { createMcpServerPool } from './server-pool.ts';

/** Options of `createMcpHttpHandler`. */
export interface McpHttpOptions {
  store: Store;
  /** Origin citations point at; default: the origin of each request (the server it came to). */
  baseUrl?: string;
  /** Largest request body in bytes (default 1 MiB); larger POSTs get 413. */
  maxBodyBytes?: number;
  /**
   * Browser origins allowed to call (`https://app.example.com`). Requests without an `Origin`
   * header (MCP clients that are not browsers) are always allowed; browser requests only from
   * loopback origins and these. Guards a local server against DNS rebinding.
   */
  allowedOrigins?: string[];
}

/** A Streamable HTTP MCP endpoint as a fetch-style handler. */
export type McpHttpHandler = (request: Request) => Promise<Response>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Build the `/mcp` handler. POST carries JSON-RPC; GET and DELETE answer 405 (no sessions, no
 * server-initiated stream), as the Streamable HTTP spec allows for stateless servers. A browser
 * request from a foreign origin gets 403.
 * @example const mcp = createMcpHttpHandler({ store }); app.all('/mcp', (c) => mcp(c.req.raw));
 */
export function createMcpHttpHandler(options: McpHttpOptions): McpHttpHandler {
  const maxRequestBodySize = options.maxBodyBytes ?? 1024 * 1024;
  const allowed = new Set(options.allowedOrigins ?? []);
  const fixedBaseUrl = options.baseUrl === undefined ? undefined : toBaseUrl(options.baseUrl);
  const pool = createMcpServerPool(options.store);
  return async (request) => {
    const origin = request.headers.get('origin');
    if (origin !== null && !allowed.has(origin) && !isLoopbackOrigin(origin)) {
      return jsonRpcError(403, `Origin ${origin} is not allowed to use this MCP endpoint`);
    }
    if (request.method !== 'POST') {
      return jsonRpcError(405, 'Method not allowed: this MCP endpoint is stateless, use POST', {
        allow: 'POST',
      });
    }
    const baseUrl = fixedBaseUrl ?? new URL(request.url).origin;
    const server = pool.take(baseUrl);
    const transport = new WebStandardStreamableHTTPServerTransport({
      enableJsonResponse: true,
      maxRequestBodySize,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      await server.close();
      pool.give(baseUrl, server);
    }
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

function jsonRpcError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status, headers });
}
