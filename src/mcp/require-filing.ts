/**
 * Look up a filing an agent named, or fail with an error that says what to do next.
 * @module
 */
import { createError, isEdgarError } from '../core/errors.ts';
import { getFiling } from '../services/get-filing.ts';
import type { FilingRecord, Store } from '../store/store.ts';

/**
 * The stored filing `accession` (through the `getFiling` service).
 * @throws EdgarError `invalid-accession` when malformed, `not-found` (with a hint) when not stored.
 */
export async function requireFiling(store: Store, accession: string): Promise<FilingRecord> {
  try {
    return await getFiling(store, accession);
  } catch (e) {
    if (!isEdgarError(e, 'not-found')) throw e;
    throw createError(
      'not-found',
      `filing ${accession.trim()} in this edgarbox store (find accession numbers with search_filings or list_company_filings)`,
    );
  }
}
