/**
 * The one place that decides whether a failed request is worth another try, and how long to wait.
 * @module
 */
import { EdgarError } from '../core/errors.ts';
import { HttpStatusError } from './http-error.ts';

/**
 * True for transient failures: 429, 5xx (but not 501), timeouts and network errors (reset,
 * refused, dropped mid-body). False for a 403 block page, other 4xx, and our own errors.
 * @example if (shouldRetry(e)) await sleep(retryDelay(attempt, e));
 */
export function shouldRetry(error: unknown): boolean {
  if (error instanceof HttpStatusError) {
    return error.status === 429 || (error.status >= 500 && error.status !== 501);
  }
  if (error instanceof EdgarError) return error.code === 'network' || error.code === 'timeout';
  // fetch() rejects with a TypeError ("fetch failed", "terminated") for network failures, and
  // body reads reject with errors carrying socket codes.
  return error instanceof Error;
}

/** Backoff settings of `retryDelay`. */
export interface BackoffOptions {
  /** First delay in ms (default 500). */
  baseMs?: number;
  /** Longest delay in ms, `Retry-After` included (default 60,000). */
  maxMs?: number;
  /** Random source in [0, 1) for jitter (default Math.random). */
  random?: () => number;
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based): the server's `Retry-After` when
 * it sent one, else exponential backoff with full jitter over [base·2^(n-1)/2, base·2^(n-1)].
 * @example retryDelay(3, err) // 1000..2000 with the defaults
 */
export function retryDelay(attempt: number, error: unknown, options: BackoffOptions = {}): number {
  const max = options.maxMs ?? 60_000;
  if (error instanceof HttpStatusError && error.retryAfterMs !== undefined) {
    return Math.min(max, error.retryAfterMs);
  }
  const ceiling = Math.min(max, (options.baseMs ?? 500) * 2 ** (attempt - 1));
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
