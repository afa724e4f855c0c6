/**
 * Serve a generated document from the context's short-lived cache, or build and remember it.
 * @module
 */
import type { Context } from 'hono';
import type { ServerContext } from './context.ts';
import { etagOf, notModified } from './etag.ts';

const MAX_ENTRIES = 1000;

/**
 * Answer with the cached body for this URL, or `build()` it (and cache it for `cacheSeconds`).
 * @example return cached(ctx, c, 'application/json', async () => JSON.stringify(doc));
 */
export async function cached(
  ctx: ServerContext,
  c: Context,
  contentType: string,
  build: () => Promise<string | Uint8Array>,
): Promise<Response> {
  const key = c.req.url;
  const now = Date.now();
  const hit = ctx.cache.get(key);
  if (hit && hit.expires > now) return respond(c, hit.body, hit.contentType, hit.etag);
  const body = await build();
  const etag = etagOf(body);
  if (ctx.limits.cacheSeconds > 0) {
    if (ctx.cache.size >= MAX_ENTRIES) ctx.cache.clear();
    ctx.cache.set(key, { expires: now + ctx.limits.cacheSeconds * 1000, body, contentType, etag });
  }
  return respond(c, body, contentType, etag);
}

function respond(c: Context, body: string | Uint8Array, contentType: string, etag: string): Response {
  if (notModified(c, etag)) return c.body(null, 304);
  c.header('Content-Type', contentType);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
