/**
 * Locate the sections (8-K items, 10-K / 10-Q parts and items) of a filing's primary document in
 * its Markdown and attach them to that document's content, so the store keeps them with the filing.
 * @module
 */
import type { Submission } from '../core/submission.ts';
import { findSections } from '../forms/index.ts';
import type { DocumentContentInput } from '../store/store.ts';
import { warn } from './document-content.ts';

/**
 * Set `sections` on the primary document's content (never throws: a finder failure is a warning).
 * @example addSections(submission, documents); // documents[0].sections → [{ code: '7.01', ... }, ...]
 */
export function addSections(submission: Submission, documents: DocumentContentInput[]): void {
  const primary = submission.documents[submission.primaryDocument];
  if (!primary) return;
  const content = documents.find((c) => c.sequence === primary.sequence);
  if (content?.markdown === undefined) return;
  try {
    const sections = findSections({
      form: submission.form,
      ...(submission.filingDate === undefined ? {} : { filingDate: submission.filingDate }),
      headerItems: submission.items.length > 0 ? submission.items : submission.itemTitles,
      markdown: content.markdown,
      documents: submission.documents.map((d) => ({
        sequence: d.sequence,
        type: d.type,
        filename: d.filename,
        ...(d.description === undefined ? {} : { description: d.description }),
      })),
    });
    if (sections.length > 0) content.sections = sections;
  } catch (e) {
    submission.warnings.push(
      warn(
        'sections-error',
        `document ${primary.sequence}: ${e instanceof Error ? e.message : e}`,
        primary.offset,
      ),
    );
  }
}
