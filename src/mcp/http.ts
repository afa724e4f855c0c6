/**
 * Serve MCP over Streamable HTTP as a `Request → Response` function that `edgarbox serve` mounts
 * at `/mcp` (hono: `app.all('/mcp', (c) => handler(c.req.raw))`). Stateless: each POST gets a
 * fresh server and transport with a JSON response, so nothing is kept between requests.
 * @module
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Store } from '../store/store.ts';
import { createMcpServer } from './server.ts';

/** Options of `createMcpHttpHandler`. */
export interface McpHttpOptions {
  store: Store;
  /** Origin citations point at; default: the origin of each request (the server it came to). */
  baseUrl?: string;
  /** Largest request body in bytes (default 1 MiB); larger POSTs get 413. */
  maxBodyBytes?: number;
}

/** A Streamable HTTP MCP endpoint as a fetch-style handler. */
export type McpHttpHandler = (request: Request) => Promise<Response>;

/**
 * Build the `/mcp` handler. POST carries JSON-RPC; GET and DELETE answer 405 (no sessions, no
 * server-initiated stream), as the Streamable HTTP spec allows for stateless servers.
 * @example app.all('/mcp', (c) => mcp(c.req.raw)) // with const mcp = createMcpHttpHandler({ store })
 */
export function createMcpHttpHandler(options: McpHttpOptions): McpHttpHandler {
  const maxRequestBodySize = options.maxBodyBytes ?? 1024 * 1024;
  return async (request) => {
    if (request.method !== 'POST') {
      return Response.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed: this MCP endpoint is stateless, use POST' },
          id: null,
        },
        { status: 405, headers: { allow: 'POST' } },
      );
    }
    const baseUrl = options.baseUrl ?? new URL(request.url).origin;
    const server = createMcpServer({ store: options.store, baseUrl });
    const transport = new WebStandardStreamableHTTPServerTransport({
      enableJsonResponse: true,
      maxRequestBodySize,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      await server.close();
    }
  };
}
