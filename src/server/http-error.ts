/**
 * The one mapping from `EdgarError.code` to an HTTP status, and the JSON error body every
 * route answers with: `{ "error": { "code": "...", "message": "..." } }`.
 * @module
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, isEdgarError } from '../core/errors.ts';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  'invalid-accession': 400,
  'invalid-cik': 400,
  'invalid-date': 400,
  'invalid-query': 400,
  'invalid-argument': 400,
  'unsafe-path': 400,
  unreadable: 422,
  'not-found': 404,
  unauthorized: 401,
  'writes-disabled': 403,
  'too-large': 413,
  timeout: 503,
};

/** HTTP status for an error code (500 for codes that mean a fault on our side). */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

/** The JSON error body. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * Turn anything thrown into a JSON error response; unknown errors become `internal` 500 without details.
 * @example app.onError((e, c) => toErrorResponse(c, e))
 */
export function toErrorResponse(c: Context, e: unknown): Response {
  if (isEdgarError(e)) {
    const status = statusOf(e.code);
    const body: ErrorBody = { error: { code: e.code, message: e.message } };
    const res = c.json(body, status);
    if (e.code === 'unauthorized') res.headers.set('WWW-Authenticate', 'Bearer');
    return res;
  }
  const body: ErrorBody = { error: { code: 'internal', message: 'Internal server error' } };
  return c.json(body, 500);
}
