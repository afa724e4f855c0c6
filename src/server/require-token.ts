/**
 * Writes need `Authorization: Bearer <EDGARBOX_TOKEN>`; without a configured token, writes are off.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { createError } from '../core/errors.ts';

/**
 * True when `given` equals `expected`, compared in constant time (both are hashed first, so
 * neither length nor content leaks through timing).
 */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * Middleware: 403 `writes-disabled` when no token is configured; 401 `unauthorized` when the
 * request's bearer token is missing or wrong.
 * @example app.post('/api/submissions', requireToken(ctx.token), handler)
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw createError('writes-disabled');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    if (!m?.[1] || !tokenMatches(m[1], token)) throw createError('unauthorized');
    await next();
  };
}
