/**
 * `getFilingOutline`: what a filing is made of, by name: its sections (8-K items, 10-K / 10-Q parts
 * and items) with the exhibits each cites linked to documents, and every exhibit classified.
 * @module
 */
import type { ExhibitClass } from '../core/section.ts';
import { classifyExhibit, type ExhibitLink, linkExhibits } from '../forms/index.ts';
import type { SectionRecord, Store } from '../store/store.ts';
import { getFiling } from './get-filing.ts';
import { getSections } from './get-sections.ts';

/** One section of the outline (its Markdown left out: read it with `getSections`). */
export interface OutlineSection extends Omit<SectionRecord, 'markdown' | 'exhibits'> {
  /** Characters of Markdown in the section. */
  chars: number;
  /** The exhibits the section cites, linked to the filing's documents and classified. */
  exhibits: ExhibitLink[];
}

/** One exhibit document of the filing, classified by its `<TYPE>` and description. */
export interface OutlineExhibit {
  sequence: number;
  type: string;
  filename: string;
  description?: string;
  exhibitClass: ExhibitClass;
}

/** A filing's outline. */
export interface FilingOutline {
  accession: string;
  form: string;
  sections: OutlineSection[];
  exhibits: OutlineExhibit[];
}

/**
 * Build the outline of a stored filing.
 * @throws EdgarError `invalid-accession`, `not-found`
 * @example (await getFilingOutline(store, '0001144204-17-013452')).sections.map((s) => s.code) // ['7.01', '9.01']
 */
export async function getFilingOutline(store: Store, accession: string): Promise<FilingOutline> {
  const filing = await getFiling(store, accession);
  const sections = await getSections(store, filing.accession);
  const documents = filing.documents.map((d) => ({
    sequence: d.sequence,
    type: d.type,
    filename: d.filename,
    ...(d.description ? { description: d.description } : {}),
  }));
  const exhibits: OutlineExhibit[] = [];
  for (const d of documents) {
    const exhibitClass = classifyExhibit(d.type, d.description);
    if (exhibitClass) exhibits.push({ ...d, exhibitClass });
  }
  const markdownOf = new Map<number, string>();
  const outline: OutlineSection[] = [];
  for (const s of sections) {
    const { markdown, exhibits: cited, ...rest } = s;
    let links: ExhibitLink[] = [];
    if (cited && cited.length > 0) {
      // linkExhibits reads the whole document's Markdown around the section (exhibit tables).
      let doc = markdownOf.get(s.sequence);
      if (doc === undefined) {
        doc = (await store.getDocumentMarkdown(filing.accession, s.sequence)) ?? '';
        markdownOf.set(s.sequence, doc);
      }
      links = linkExhibits({ markdown: doc, section: s, documents });
      // A cited exhibit's class decided with the filing's own words wins over the type-only one.
      for (const link of links) {
        const e = exhibits.find((x) => x.sequence === link.sequence);
        if (e && link.exhibitClass) e.exhibitClass = link.exhibitClass;
      }
    }
    outline.push({ ...rest, chars: markdown.length, exhibits: links });
  }
  return { accession: filing.accession, form: filing.form, sections: outline, exhibits };
}
