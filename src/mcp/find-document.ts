/**
 * Resolve the document an agent named: a sequence number, a file name, or a document type
 * (`EX-99.1`); the primary document when none is named.
 * @module
 */
import { createError } from '../core/errors.ts';
import type { DocumentRecord, FilingRecord } from '../store/store.ts';

/**
 * The document of `filing` that `ref` names (number or digits: sequence; else file name, then
 * type, case-insensitive); the primary document (else the first) when `ref` is absent.
 * @throws EdgarError `not-found` listing the documents the filing has.
 */
export function findDocument(filing: FilingRecord, ref?: number | string): DocumentRecord {
  const docs = filing.documents;
  let found: DocumentRecord | undefined;
  if (ref === undefined) {
    found = docs.find((d) => d.filename === filing.primaryDocument) ?? docs[0];
  } else if (typeof ref === 'number' || /^\d+$/.test(ref.trim())) {
    const seq = Number(ref);
    found = docs.find((d) => d.sequence === seq);
  } else {
    const want = ref.trim().toLowerCase();
    found =
      docs.find((d) => d.filename.toLowerCase() === want) ?? docs.find((d) => d.type.toLowerCase() === want);
  }
  if (!found) {
    const listed = docs
      .slice(0, 20)
      .map((d) => `${d.sequence} ${d.filename} (${d.type})`)
      .join('; ');
    const more = docs.length > 20 ? `; and ${docs.length - 20} more` : '';
    throw createError(
      'not-found',
      `document ${JSON.stringify(String(ref ?? 'primary'))} in filing ${filing.accession}; it has: ${listed || 'no documents'}${more}`,
    );
  }
  return found;
}
