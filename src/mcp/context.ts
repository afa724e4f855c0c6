/**
 * What every MCP tool, resource and prompt receives: the store to read and the base URL that
 * citations point at.
 * @module
 */
import { createError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';

/** Dependencies of the MCP server, passed in one object. */
export interface McpContext {
  /** The store every tool reads (through the services). */
  store: Store;
  /** Origin of the edgarbox HTTP server that citation URLs point at, without a trailing slash. */
  baseUrl: string;
}

/** The base URL used when none is given: `edgarbox serve`'s default listener. */
export const defaultBaseUrl = 'http://127.0.0.1:8080';

/**
 * Normalise a base URL: must be http(s); the trailing slash is dropped.
 * @throws EdgarError `invalid-argument` for anything else.
 * @example toBaseUrl('http://localhost:8080/') // 'http://localhost:8080'
 */
export function toBaseUrl(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw createError(
      'invalid-argument',
      `expected an http(s) base URL like http://127.0.0.1:8080, got ${JSON.stringify(url)}`,
    );
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}
