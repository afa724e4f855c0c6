/**
 * The time limit on every query a request runs.
 * @module
 */
import { createError } from '../core/errors.ts';

/**
 * Resolve as `work` does, or reject with EdgarError `timeout` after `ms`.
 * A synchronous backend cannot be interrupted mid-call (this timer cannot fire while it runs);
 * the limit then applies between calls. The SQLite store stops a long search itself when opened
 * with `searchTimeLimitMs` (its statements check the clock), which answers with the same
 * EdgarError `timeout`.
 * @example const f = await withTimeout(store.getFiling(acc), 5000, 'getFiling');
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(createError('timeout', what, ms)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
