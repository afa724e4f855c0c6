/**
 * Page through `Store.listFilings` up to a bound, under the query time limit.
 * @module
 */
import type { FilingSummary, ListFilingsQuery } from '../store/store.ts';
import type { ServerContext } from './context.ts';

/**
 * Every filing matching `query`, up to `max` (the caller decides what a response may hold).
 * @example const filings = await listAllFilings(ctx, { cik, order: 'desc' }, 100_000);
 */
export async function listAllFilings(
  ctx: ServerContext,
  query: Omit<ListFilingsQuery, 'cursor' | 'limit'>,
  max: number,
): Promise<FilingSummary[]> {
  const out: FilingSummary[] = [];
  let cursor: string | undefined;
  do {
    const limit = Math.min(10_000, max - out.length);
    if (limit <= 0) break;
    const page = await ctx.query(
      ctx.store.listFilings({ ...query, limit, ...(cursor ? { cursor } : {}) }),
      'listFilings',
    );
    out.push(...page.filings);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
