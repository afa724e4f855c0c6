/**
 * Compile-time contract between the server's `/api/` responses and the shapes the browser client
 * reads (`src/web/client/api.ts` restates them because the browser bundle imports nothing from the
 * server side). `npm test`'s type check compiles this file: if a store type that an `/api/` route
 * serves stops fitting the client's type (a field renamed, retyped or dropped), the check below
 * names it and the type check fails.
 * @module
 */
import type {
  EntityRecord,
  FilingPage,
  FilingRecord,
  SearchResult,
  SectionRecord,
} from '../src/store/store.ts';
import type {
  ApiCompany,
  ApiDocument,
  ApiFiling,
  ApiFilingPage,
  ApiSearchResult,
  ApiSection,
} from '../src/web/client/api.ts';

/** `true` when every value of `Served` is a valid `Read` (what JSON carries from one to the other). */
type Fits<Served, Read> = [Served] extends [Read] ? true : false;

/** What `GET /api/filings/{accession}` serves without `?header=true`. */
type ServedFiling = Omit<FilingRecord, 'header'>;

/** Each route's served type against the client's: every entry must be `true`. */
export const apiContract: {
  filingPage: Fits<FilingPage, ApiFilingPage>;
  filing: Fits<ServedFiling, ApiFiling>;
  document: Fits<FilingRecord['documents'][number], ApiDocument>;
  sections: Fits<SectionRecord, ApiSection>;
  company: Fits<EntityRecord, ApiCompany>;
  search: Fits<SearchResult, ApiSearchResult>;
} = { filingPage: true, filing: true, document: true, sections: true, company: true, search: true };
