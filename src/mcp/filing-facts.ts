/**
 * A filing's facts and document list in the compact, citation-ready shape the `get_filing` tool
 * and the `edgarbox://filing/{accession}` resource return.
 * @module
 */
import type { FilingRecord, SectionRecord } from '../store/store.ts';
import { apiFilingUrl, documentUrl, indexPageUrl, submissionUrl } from './citation.ts';
import { limits } from './limits.ts';

/** One located section, without its text. */
export interface SectionFact {
  code: string;
  title: string;
  /** `[start, end)` character offsets in the document's Markdown. */
  start: number;
  end: number;
  exhibits?: string[];
}

/** One document of a filing, as listed. */
export interface DocumentFact {
  sequence: number;
  filename: string;
  type: string;
  description?: string;
  contentType: string;
  size: number;
  /** True when `read_document` can return it as Markdown or text. */
  readable: boolean;
  sections?: SectionFact[];
  url: string;
}

/** A filing's facts. */
export interface FilingFacts {
  accession: string;
  form: string;
  filingDate: string;
  reportDate?: string;
  acceptanceDateTime?: string;
  items: string[];
  itemTitles?: string[];
  cik: string;
  companyName: string;
  parties: Array<{ cik: string; name: string; role: string }>;
  /** Present when the party list was cut at `limits.maxParties`. */
  partiesTruncated?: string;
  documentCount: number;
  primaryDocument?: string;
  documents: DocumentFact[];
  /** Present when the document list was cut at `limits.maxDocuments`. */
  documentsTruncated?: string;
  urls: { index: string; submission: string; api: string };
}

/**
 * Build the facts of `filing` with its `sections` (text dropped) and URLs on `baseUrl`.
 * @example toFilingFacts(await store.getFiling(acc), await store.getSections(acc), 'http://127.0.0.1:8080')
 */
export function toFilingFacts(filing: FilingRecord, sections: SectionRecord[], baseUrl: string): FilingFacts {
  const bySequence = new Map<number, SectionFact[]>();
  for (const s of sections) {
    const list = bySequence.get(s.sequence) ?? [];
    const fact: SectionFact = { code: s.code, title: s.title, start: s.start, end: s.end };
    if (s.exhibits && s.exhibits.length > 0) fact.exhibits = s.exhibits;
    list.push(fact);
    bySequence.set(s.sequence, list);
  }
  const documents = filing.documents.slice(0, limits.maxDocuments).map((d) => {
    const fact: DocumentFact = {
      sequence: d.sequence,
      filename: d.filename,
      type: d.type,
      ...(d.description ? { description: d.description } : {}),
      contentType: d.contentType,
      size: d.size,
      readable: d.hasMarkdown || d.hasText,
      url: documentUrl(baseUrl, filing.cik, filing.accession, d.filename),
    };
    const secs = bySequence.get(d.sequence);
    if (secs) fact.sections = secs;
    return fact;
  });
  const facts: FilingFacts = {
    accession: filing.accession,
    form: filing.form,
    filingDate: filing.filingDate,
    ...(filing.reportDate ? { reportDate: filing.reportDate } : {}),
    ...(filing.acceptanceDateTime ? { acceptanceDateTime: filing.acceptanceDateTime } : {}),
    items: filing.items,
    ...(filing.itemTitles.length > 0 ? { itemTitles: filing.itemTitles } : {}),
    cik: filing.cik,
    companyName: filing.companyName,
    parties: filing.parties
      .slice(0, limits.maxParties)
      .map((p) => ({ cik: p.cik, name: p.name, role: p.role })),
    ...(filing.parties.length > limits.maxParties
      ? { partiesTruncated: `${filing.parties.length - limits.maxParties} more parties not listed` }
      : {}),
    documentCount: filing.documentCount,
    ...(filing.primaryDocument ? { primaryDocument: filing.primaryDocument } : {}),
    documents,
    urls: {
      index: indexPageUrl(baseUrl, filing.cik, filing.accession),
      submission: submissionUrl(baseUrl, filing.cik, filing.accession),
      api: apiFilingUrl(baseUrl, filing.accession),
    },
  };
  if (filing.documents.length > documents.length) {
    facts.documentsTruncated = `${filing.documents.length - documents.length} more documents not listed; read them by filename or sequence`;
  }
  return facts;
}
