/**
 * The error a sync request ends with when the server answered with a failing status.
 * @module
 */
import { EdgarError, messages } from '../core/errors.ts';

/** A non-2xx answer: the status, and `Retry-After` in milliseconds when the server sent one. */
export class HttpStatusError extends EdgarError {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  constructor(url: string, status: number, retryAfterMs?: number) {
    super(
      status === 403 ? 'blocked' : 'http-status',
      status === 403 ? messages.blocked(url) : messages['http-status'](url, status),
    );
    this.name = 'HttpStatusError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * `Retry-After` (delta seconds or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable.
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
