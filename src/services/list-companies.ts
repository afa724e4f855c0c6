/**
 * `listCompanies`: entities by name fragment or CIK, ordered by name, cursor-paged.
 * @module
 */
import { createError } from '../core/errors.ts';
import type { EntityPage, ListEntitiesQuery, Store } from '../store/store.ts';

/**
 * @throws EdgarError `invalid-argument` (limit), `invalid-query` (cursor)
 * @example await listCompanies(store, { q: 'cellectar' })
 */
export async function listCompanies(store: Store, query: ListEntitiesQuery = {}): Promise<EntityPage> {
  if (
    query.limit !== undefined &&
    (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 10_000)
  ) {
    throw createError('invalid-argument', `limit must be 1 to 10000, got ${query.limit}`);
  }
  if (query.q !== undefined && query.q.length > 200)
    throw createError('invalid-argument', 'q is longer than 200 characters');
  return store.listEntities(query);
}
