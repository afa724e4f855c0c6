/**
 * `getDocument`: one document of a filing as its body bytes (decoded), its text, or its Markdown.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseAccessionNumber } from '../core/ids.ts';
import type { DocumentBody, DocumentRef, Store } from '../store/store.ts';

/** Which rendering of a document to return. */
export type DocumentFormat = 'body' | 'text' | 'markdown';

/** What `getDocument` returns for each format. */
export type DocumentResult<F extends DocumentFormat> = F extends 'body' ? DocumentBody : string;

/**
 * A document by `<SEQUENCE>` number or file name. A numeric string ('2') is a sequence.
 * @throws EdgarError `invalid-accession`, `not-found` (no such filing, document, or rendering)
 * @example const md = await getDocument(store, acc, 'form8-k.htm', 'markdown');
 */
export async function getDocument<F extends DocumentFormat>(
  store: Store,
  accession: string,
  ref: DocumentRef,
  format: F,
): Promise<DocumentResult<F>> {
  const acc = parseAccessionNumber(accession);
  const r: DocumentRef = typeof ref === 'string' && /^\d{1,6}$/.test(ref) ? Number(ref) : ref;
  const what = `document ${String(ref)} of ${acc}`;
  if (format === 'body') {
    const body = await store.readDocument(acc, r);
    if (!body) throw createError('not-found', what);
    return body as DocumentResult<F>;
  }
  const s = format === 'text' ? await store.getDocumentText(acc, r) : await store.getDocumentMarkdown(acc, r);
  if (s === undefined) throw createError('not-found', `${format} of ${what}`);
  return s as DocumentResult<F>;
}
