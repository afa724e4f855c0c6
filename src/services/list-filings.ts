/**
 * `listFilings`: filings by party CIK, forms and date range, cursor-paged, validated.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseCik } from '../core/ids.ts';
import { parseDateFilter } from '../search/query.ts';
import type { FilingPage, ListFilingsQuery, Store } from '../store/store.ts';

/**
 * List filings, newest first unless `order: 'asc'`.
 * @throws EdgarError `invalid-cik`, `invalid-argument` (limit), `invalid-query` (date, cursor)
 * @example await listFilings(store, { cik: '1279704', forms: ['8-K'], limit: 50 })
 */
export async function listFilings(store: Store, query: ListFilingsQuery): Promise<FilingPage> {
  const q: ListFilingsQuery = { ...query };
  if (q.cik !== undefined) q.cik = parseCik(q.cik);
  if (q.forms) q.forms = q.forms.map((f) => f.trim().toUpperCase()).filter((f) => f !== '');
  if (q.from !== undefined) q.from = parseDateFilter(q.from, 'from');
  if (q.to !== undefined) q.to = parseDateFilter(q.to, 'to');
  if (q.limit !== undefined && (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 10_000)) {
    throw createError('invalid-argument', `limit must be 1 to 10000, got ${q.limit}`);
  }
  return store.listFilings(q);
}
