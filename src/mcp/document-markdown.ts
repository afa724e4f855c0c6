/**
 * A document's stored Markdown (or plain text), through the `getDocument` service, with an
 * error an agent can act on when the document has no text (images, PDFs, other binaries).
 * @module
 */
import { createError, isEdgarError } from '../core/errors.ts';
import { getDocument } from '../services/get-document.ts';
import type { DocumentRecord, FilingRecord, Store } from '../store/store.ts';

/**
 * The document's text in `format` and the format it came in: Markdown falls back to plain text
 * when only that is stored.
 * @throws EdgarError `not-found` naming the document and its content type when it has no text.
 */
export async function documentMarkdown(
  store: Store,
  filing: FilingRecord,
  doc: DocumentRecord,
  format: 'markdown' | 'text',
): Promise<{ body: string; format: 'markdown' | 'text' }> {
  const formats: Array<'markdown' | 'text'> = format === 'markdown' ? ['markdown', 'text'] : ['text'];
  for (const f of formats) {
    try {
      return { body: await getDocument(store, filing.accession, doc.sequence, f), format: f };
    } catch (e) {
      if (!isEdgarError(e, 'not-found')) throw e;
    }
  }
  throw createError(
    'not-found',
    `text of document ${doc.sequence} ${doc.filename} (${doc.contentType}) in filing ${filing.accession}: it is not a text document; cite its URL instead`,
  );
}
