/**
 * What every route receives: the store, limits and a small cache, in one object (no singletons).
 * @module
 */
import type { Store } from '../store/store.ts';
import { withTimeout } from './with-timeout.ts';

/** Limits and switches of the server. */
export interface ServerLimits {
  /** Time limit of every store query, ms. */
  queryTimeoutMs: number;
  /** Largest accepted upload (`POST /api/submissions`), bytes. */
  maxUploadBytes: number;
  /** Largest accepted body of any other request, bytes. */
  maxBodyBytes: number;
  /** Seconds a generated SEC document (submissions JSON, index files) may be served from memory. */
  cacheSeconds: number;
  /** Seconds a looked-up fact (a filing's parties, an entity's SIC and state) may be reused. */
  memoSeconds: number;
}

/** Shared state of one app. */
export interface ServerContext {
  store: Store;
  limits: ServerLimits;
  /** Bearer token enabling writes; absent = writes are off. */
  token?: string;
  /** Run one store call under the query time limit. */
  query<T>(work: Promise<T>, what: string): Promise<T>;
  /** Generated documents by URL, dropped after `cacheSeconds` or on any write. */
  cache: Map<string, { expires: number; body: string | Uint8Array; contentType: string; etag: string }>;
  /** Small facts looked up per request (a filing's party CIKs, an entity's SIC), dropped on any write. */
  memo: Map<string, { expires: number; value: unknown }>;
}

/** Default limits: 10 s per query, 100 MiB uploads, 1 MiB other bodies, 2 s cache, 30 s memo. */
export const DEFAULT_LIMITS: ServerLimits = {
  queryTimeoutMs: 10_000,
  maxUploadBytes: 100 * 1024 * 1024,
  maxBodyBytes: 1024 * 1024,
  cacheSeconds: 2,
  memoSeconds: 30,
};

/** Build the context for one app. */
export function createServerContext(
  store: Store,
  limits: ServerLimits,
  token: string | undefined,
): ServerContext {
  const ctx: ServerContext = {
    store,
    limits,
    query: (work, what) => withTimeout(work, limits.queryTimeoutMs, what),
    cache: new Map(),
    memo: new Map(),
  };
  if (token) ctx.token = token;
  return ctx;
}
