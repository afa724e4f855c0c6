/**
 * Look up a filing an agent named, or fail with an error that says what to do next.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseAccessionNumber } from '../core/ids.ts';
import type { FilingRecord, Store } from '../store/store.ts';

/**
 * The stored filing `accession`.
 * @throws EdgarError `invalid-accession` when malformed, `not-found` when not stored.
 */
export async function requireFiling(store: Store, accession: string): Promise<FilingRecord> {
  const acc = parseAccessionNumber(accession);
  const filing = await store.getFiling(acc);
  if (!filing) {
    throw createError(
      'not-found',
      `filing ${acc} in this edgarbox store (find accession numbers with search_filings or list_company_filings)`,
    );
  }
  return filing;
}
