/**
 * `getRawFiling`: the original submission bytes, byte-identical, as a readable blob.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseAccessionNumber } from '../core/ids.ts';
import type { RawBlob, Store } from '../store/store.ts';

/**
 * @throws EdgarError `invalid-accession`, `not-found`
 * @example for await (const c of (await getRawFiling(store, acc)).read()) res.write(c);
 */
export async function getRawFiling(store: Store, accession: string): Promise<RawBlob> {
  const acc = parseAccessionNumber(accession);
  const raw = await store.openRaw(acc);
  if (!raw) throw createError('not-found', `filing ${acc}`);
  return raw;
}
