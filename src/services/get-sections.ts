/**
 * `getSections`: the located items / parts of a filing (or of one of its documents).
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseAccessionNumber } from '../core/ids.ts';
import type { DocumentRef, SectionRecord, Store } from '../store/store.ts';

/**
 * Sections in document then position order; `code` narrows to one section code (`1A`, `7.01`).
 * @throws EdgarError `invalid-accession`, `not-found` (no such filing)
 * @example await getSections(store, acc, { code: '7.01' })
 */
export async function getSections(
  store: Store,
  accession: string,
  options: { document?: DocumentRef; code?: string } = {},
): Promise<SectionRecord[]> {
  const acc = parseAccessionNumber(accession);
  if ((await store.getFilingHash(acc)) === undefined) throw createError('not-found', `filing ${acc}`);
  const all = await store.getSections(acc, options.document);
  const code = options.code?.trim().toUpperCase();
  return code ? all.filter((s) => s.code.toUpperCase() === code) : all;
}
