/**
 * `getCompany`: an entity (company or reporting owner) with names over time.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseCik } from '../core/ids.ts';
import type { EntityRecord, Store } from '../store/store.ts';

/**
 * @throws EdgarError `invalid-cik`, `not-found`
 * @example await getCompany(store, '1279704')
 */
export async function getCompany(store: Store, cik: string): Promise<EntityRecord> {
  const c = parseCik(cik);
  const e = await store.getEntity(c);
  if (!e) throw createError('not-found', `company CIK ${c}`);
  return e;
}
