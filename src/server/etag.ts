/**
 * Strong ETags for what edgarbox serves (the stored sha256 of a submission or document, a hash of a
 * generated document) and `If-None-Match` → 304, so mirrors and sync clients revalidate cheaply.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * A strong ETag for bytes or text (first 16 bytes of sha256, base64url).
 * @example etagOf('{"cik":"1"}') // '"…"'
 */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * Set `ETag` on the response; true when the request's `If-None-Match` already has it (answer 304).
 * @example if (notModified(c, `"${blob.sha256}"`)) return c.body(null, 304);
 */
export function notModified(c: Context, etag: string): boolean {
  c.header('ETag', etag);
  const given = c.req.header('If-None-Match');
  if (!given) return false;
  if (given.trim() === '*') return true;
  return given.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
