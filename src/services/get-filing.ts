/**
 * `getFiling`: one stored filing (header, parties, documents), or a `not-found` error.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseAccessionNumber } from '../core/ids.ts';
import type { FilingRecord, Store } from '../store/store.ts';

/**
 * Fetch a filing by accession number (dashed or 18 digits).
 * @throws EdgarError `invalid-accession`, `not-found`
 * @example await getFiling(store, '0001144204-17-013452')
 */
export async function getFiling(store: Store, accession: string): Promise<FilingRecord> {
  const acc = parseAccessionNumber(accession);
  const filing = await store.getFiling(acc);
  if (!filing) throw createError('not-found', `filing ${acc}`);
  return filing;
}
