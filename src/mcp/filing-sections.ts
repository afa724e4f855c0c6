/**
 * The sections of a filing as the tools see them: the stored ones (the `getSections` service),
 * else, for a store ingested before sections were located, found on the fly in the primary
 * document's Markdown with the same `forms/` finders the ingest uses.
 * @module
 */
import { findSections } from '../forms/find-sections.ts';
import { getSections } from '../services/get-sections.ts';
import type { FilingRecord, SectionRecord, Store } from '../store/store.ts';
import { documentMarkdown } from './document-markdown.ts';

/**
 * Sections of `filing` (of document `sequence` only, when given), in document then offset order.
 * @example await filingSections(store, filing) // [{ code: '7.01', sequence: 1, start, end, markdown, ... }]
 */
export async function filingSections(
  store: Store,
  filing: FilingRecord,
  sequence?: number,
): Promise<SectionRecord[]> {
  const stored = await getSections(
    store,
    filing.accession,
    sequence === undefined ? {} : { document: sequence },
  );
  if (stored.length > 0) return stored;
  const primary = filing.documents.find((d) => d.filename === filing.primaryDocument);
  if (!primary || (sequence !== undefined && sequence !== primary.sequence) || !primary.hasMarkdown)
    return stored;
  const { body: markdown, format } = await documentMarkdown(store, filing, primary, 'markdown');
  if (format !== 'markdown') return stored;
  const found = findSections({
    form: filing.form,
    filingDate: filing.filingDate,
    headerItems: filing.items,
    markdown,
    documents: filing.documents.map((d) => ({
      sequence: d.sequence,
      type: d.type,
      filename: d.filename,
      ...(d.description ? { description: d.description } : {}),
    })),
  });
  return found.map((s) => ({ ...s, sequence: primary.sequence, markdown: markdown.slice(s.start, s.end) }));
}
