/**
 * Reuse of idle MCP servers between stateless HTTP requests: building an `McpServer` costs a few
 * milliseconds (the SDK registers its handlers and schemas), more than most tool calls. A server
 * is connected to one request's transport, closed, and kept for the next request.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Store } from '../store/store.ts';
import { createMcpServer } from './server.ts';

/** Idle servers kept per base URL. */
const MAX_IDLE = 8;
/** Distinct base URLs pooled (the Host header is the client's choice: keep this bounded). */
const MAX_BASE_URLS = 16;

/** A pool of idle servers over one store, keyed by the base URL their citations use. */
export interface McpServerPool {
  /** An idle server for `baseUrl`, or a new one. */
  take(baseUrl: string): McpServer;
  /** Give back a server whose transport is closed. */
  give(baseUrl: string, server: McpServer): void;
}

/**
 * Create a pool over `store`.
 * @example const server = pool.take(base); await server.connect(t); ...; await server.close(); pool.give(base, server);
 */
export function createMcpServerPool(store: Store): McpServerPool {
  const idle = new Map<string, McpServer[]>();
  return {
    take(baseUrl) {
      return idle.get(baseUrl)?.pop() ?? createMcpServer({ store, baseUrl });
    },
    give(baseUrl, server) {
      let list = idle.get(baseUrl);
      if (!list) {
        if (idle.size >= MAX_BASE_URLS) return;
        list = [];
        idle.set(baseUrl, list);
      }
      if (list.length < MAX_IDLE && !server.isConnected()) list.push(server);
    },
  };
}
