/**
 * The `Store`: the one storage interface every backend implements (SQLite in `sqlite/`,
 * PostgreSQL later) and every use case (`services/`, `ingest/`) receives. Backend-neutral:
 * no SQL, no driver types. All methods are async so that network backends fit behind it.
 *
 * Identifiers crossing this interface are normalised: accession numbers dashed
 * (`0001144204-17-013452`), CIKs 10 digits, dates ISO (`2017-03-08`).
 * @module
 */
import type { DocumentSection } from '../core/section.ts';
import type {
  Address,
  DocumentWrapper,
  FundSeries,
  HeaderNode,
  Party,
  PartyRole,
  Submission,
} from '../core/submission.ts';
import type { QueryNode, SearchFilters } from '../search/query-node.ts';

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/**
 * The original submission bytes, compressed at rest as independent zstd frames of
 * `chunkSize` uncompressed bytes each (the last may be shorter), so that any byte range can be
 * served by decompressing only the chunks it touches. Build it with `compressRaw()` (pure; run
 * it in a worker thread).
 */
export interface CompressedRaw {
  codec: 'zstd';
  /** Uncompressed bytes per chunk (every chunk but the last). */
  chunkSize: number;
  /** Total uncompressed size in bytes. */
  size: number;
  /** Each chunk compressed on its own. */
  chunks: Uint8Array[];
}

/** Per-document content produced by the converters, aligned with `Submission.documents` by `sequence`. */
export interface DocumentContentInput {
  /** The document's `<SEQUENCE>` (as in `SubmissionDocument.sequence`). */
  sequence: number;
  /** Hex sha256 of the decoded body bytes. */
  sha256: string;
  /** Decoded body size in bytes (uuencoded binaries: the decoded size). */
  size: number;
  /** Plain text for full-text search (absent for binaries). */
  text?: string;
  /** Markdown rendering (absent for binaries). */
  markdown?: string;
  /** Located items / parts; offsets into `markdown`. Stored in their own searchable table. */
  sections?: DocumentSection[];
}

/** One filing to store: the parsed submission, its raw bytes, and per-document content. */
export interface FilingInput {
  /** The parsed submission; `accessionNumber` must be set. */
  submission: Submission;
  /** The original bytes: plain (the store compresses them) or already compressed by `compressRaw()`. */
  raw: Uint8Array | CompressedRaw;
  /** Hex sha256 of the whole original bytes: the identity used to detect unchanged re-puts. */
  sha256: string;
  /** Converter output per document; documents without an entry are stored as metadata only. */
  documents?: DocumentContentInput[];
  /** Where the bytes came from (file path, `archive.tar.gz!member`), for people. */
  sourcePath?: string;
}

/** What `putFilings` did with one filing. */
export type PutStatus = 'inserted' | 'unchanged' | 'replaced' | 'failed';

/** Outcome of one filing of a `putFilings` batch, in input order. */
export interface PutResult {
  accession: string;
  status: PutStatus;
  /** Why it failed (status `failed` only); nothing of that filing was written. */
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// Records (reads)
// ---------------------------------------------------------------------------------------------

/** One party of a filing as listed in indexes (`full-index`, submissions JSON, search hits). */
export interface FilingParty {
  cik: string;
  /** The name as written in this filing's header. */
  name: string;
  role: PartyRole;
  kind: 'company' | 'owner';
  /** From this party's first FILING VALUES block. */
  formType?: string;
  act?: string;
  fileNumber?: string;
  filmNumber?: string;
}

/** A filing as listed (`listFilings`): header essentials, parties and sizes; no documents. */
export interface FilingSummary {
  accession: string;
  form: string;
  /** FILED AS OF DATE (ISO); '' when the header had none. */
  filingDate: string;
  reportDate?: string;
  /** ISO with offset (`2017-03-08T16:02:21-05:00`). */
  acceptanceDateTime?: string;
  act?: string;
  fileNumber?: string;
  filmNumber?: string;
  /** 8-K item codes from the header. */
  items: string[];
  /** The first party (filer / subject company): the CIK a filing is "of". */
  cik: string;
  /** Name of the first party as written in this filing. */
  companyName: string;
  /** Every party, in header order (a filing belongs to every CIK in its header). */
  parties: FilingParty[];
  /** Size in bytes of the original submission. */
  size: number;
  documentCount: number;
  /** File name of the primary document, when there is one. */
  primaryDocument?: string;
  /** `<DESCRIPTION>` of the primary document. */
  primaryDocDescription?: string;
  /** True when a document is an XBRL instance or has an `<XBRL>` wrapper. */
  isXbrl: boolean;
  /** True when the primary document (or any HTML document) is inline XBRL. */
  isInlineXbrl: boolean;
  /** When this edgarbox store received it (ISO). */
  storedAt: string;
}

/** One document's metadata. */
export interface DocumentRecord {
  sequence: number;
  type: string;
  filename: string;
  description?: string;
  contentType: string;
  encoding: 'text' | 'uuencode';
  wrapper?: DocumentWrapper;
  /** Decoded body size in bytes (from the converter; else the raw body length). */
  size: number;
  /** Hex sha256 of the decoded body, when the ingest computed it. */
  sha256?: string;
  /** Byte offset and length of the body inside the original submission. */
  offset: number;
  length: number;
  hasText: boolean;
  hasMarkdown: boolean;
  sectionCount: number;
}

/** A whole filing: summary, full header and document list. */
export interface FilingRecord extends FilingSummary {
  dialect: Submission['dialect'];
  pem: boolean;
  publicDocumentCount?: number;
  dateOfChange?: string;
  effectivenessDate?: string;
  itemTitles: string[];
  groupMembers: string[];
  /** Full parties as parsed (addresses, former names, filing values). */
  partiesFull: Party[];
  series: FundSeries[];
  /** Lossless raw header tree. */
  header: HeaderNode[];
  documents: DocumentRecord[];
  /** Hex sha256 of the original bytes. */
  sha256: string;
  sourcePath?: string;
  warningCount: number;
}

/** A readable byte range `[start, end)` of the original submission. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The stored original bytes of a filing, readable as a stream of chunks (whole or a range). */
export interface RawBlob {
  size: number;
  sha256: string;
  /** Yields the bytes of `range` (default: all) in order; memory stays at about one chunk. */
  read(range?: ByteRange): AsyncIterable<Uint8Array>;
}

/** One document's body bytes, decoded (uuencoded binaries are decoded). */
export interface DocumentBody {
  document: DocumentRecord;
  /** The body in order; memory stays at about one raw chunk. */
  chunks: AsyncIterable<Uint8Array>;
}

/** A stored section: where it is, and its text. */
export interface SectionRecord extends DocumentSection {
  /** The document it belongs to. */
  sequence: number;
  /** The section's Markdown (the `[start, end)` slice of the document's Markdown). */
  markdown: string;
}

/** One name an entity used, with the period it was used in (dates ISO; open ends absent). */
export interface EntityName {
  name: string;
  /** First date seen (from filings) or unknown. */
  from?: string;
  /** Date of the change away from it (FORMER NAME's DATE OF NAME CHANGE) or last seen. */
  to?: string;
}

/** An entity (company or person) as the latest of its stored filings describes it. */
export interface EntityRecord {
  cik: string;
  /** Current name (from its latest filing). */
  name: string;
  /** `company` or `owner` (reporting owners without COMPANY DATA). */
  entityType: 'company' | 'owner';
  sic?: string;
  sicDescription?: string;
  stateOfIncorporation?: string;
  /** MMDD. */
  fiscalYearEnd?: string;
  irsNumber?: string;
  businessAddress?: Address;
  mailAddress?: Address;
  /** Earlier names, newest first (as SEC's `formerNames`). */
  formerNames: EntityName[];
  filingCount: number;
  /** Filing date of the first and latest stored filing. */
  firstFilingDate?: string;
  lastFilingDate?: string;
}

/** A short entity row for lists. */
export interface EntitySummary {
  cik: string;
  name: string;
  entityType: 'company' | 'owner';
  filingCount: number;
  lastFilingDate?: string;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** What `listFilings` selects; every field optional. Dates are inclusive. */
export interface ListFilingsQuery {
  /** Filings in which this CIK is any party. */
  cik?: string;
  /** Exact form types. */
  forms?: string[];
  /** Filing date range, inclusive. */
  from?: string;
  to?: string;
  /** Filing-date order (ties by accession); default `desc`. */
  order?: 'asc' | 'desc';
  /** Page size; default 100, max 10,000. */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/** A page of filings. */
export interface FilingPage {
  filings: FilingSummary[];
  /** Present when more follow. */
  nextCursor?: string;
}

/** What `listEntities` selects. */
export interface ListEntitiesQuery {
  /** Name fragment (case-insensitive) or a CIK. */
  q?: string;
  /** Default 100, max 10,000. */
  limit?: number;
  cursor?: string;
}

/** A page of entities, ordered by name. */
export interface EntityPage {
  entities: EntitySummary[];
  nextCursor?: string;
}

/** A search as the store executes it; build with `services/searchFilings` from a user query. */
export interface SearchRequest {
  /** Full-text part; absent = filters only (then hits are primary documents by date). */
  text?: QueryNode;
  filters: SearchFilters;
  /** `relevance` (BM25; default when there is text) or `date` (newest first). */
  sort?: 'relevance' | 'date';
  /** Page size, 1..100; default 20. */
  limit?: number;
  /** Opaque cursor from a previous result's `nextCursor` (same request otherwise). */
  cursor?: string;
  /**
   * Hits to skip first (after the cursor, if any), 0..10,000 (`MAX_SEARCH_OFFSET` in
   * `search-offset.ts`): a deep page in one pass, as EDGAR full-text search's `from`. Default 0.
   */
  offset?: number;
}

/** A highlighted extract: plain text plus `[start, end)` UTF-16 ranges of the matched words. */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

/** One hit: a document of a filing (or a section of it when searching by section). */
export interface SearchHit {
  accession: string;
  form: string;
  filingDate: string;
  cik: string;
  companyName: string;
  sequence: number;
  filename: string;
  documentType: string;
  description?: string;
  /** Section code when the hit is inside a located section (`section:` filter). */
  section?: string;
  snippet?: Snippet;
  /** Relevance: higher is better (negated BM25 on SQLite); 0 when sorted by date without text. */
  score: number;
}

/** A page of hits with the exact total. */
export interface SearchResult {
  /** Exact number of matching hits (documents or sections) for the whole query. */
  total: number;
  hits: SearchHit[];
  nextCursor?: string;
}

/** Options of `Store.refreshSearchLists`. */
export interface SearchListsOptions {
  /** Build now whatever the store's size and changes. */
  force?: boolean;
  /** Called now and then during a build with the words done and the words to do. */
  onProgress?: (done: number, total: number) => void;
}

/** What `Store.refreshSearchLists` did: built (words listed, seconds) or why not. */
export interface SearchListsRefresh {
  built: boolean;
  /**
   * Why nothing was built: the store is too small, the lists are current, or another writer
   * committed during the build (the old lists stay; searches are exact with them).
   */
  reason?: 'small' | 'current' | 'busy';
  /** Documents in the full-text index. */
  documents: number;
  /** Words given a list (a build only). */
  terms?: number;
  seconds?: number;
}

/** Counts and sizes. */
export interface StoreStats {
  backend: string;
  schemaVersion: number;
  filings: number;
  documents: number;
  entities: number;
  sections: number;
  /** Sum of original submission sizes. */
  rawBytes: number;
  /** Sum of compressed chunk sizes. */
  rawStoredBytes: number;
  /** Sum of stored text lengths (characters). */
  textChars: number;
}

// ---------------------------------------------------------------------------------------------
// The interface
// ---------------------------------------------------------------------------------------------

/** One sync-state write: a key and its new value, `null` to delete it. */
export interface SyncStateEntry {
  key: string;
  value: string | null;
}

/** A document is addressed by its `<SEQUENCE>` number or its file name. */
export type DocumentRef = number | string;

/**
 * Storage for filings. Every backend passes `test/store-contract.ts`.
 * Reads of missing things resolve to `undefined` (never throw `not-found`); services decide.
 */
export interface Store {
  /**
   * Store a batch. Each filing is atomic (all its rows or none). Re-putting the same bytes
   * (same `sha256`) is `unchanged`; different bytes under the same accession replace the old
   * filing cleanly. A filing that cannot be written is `failed` without affecting the others.
   */
  putFilings(batch: FilingInput[]): Promise<PutResult[]>;
  /** sha256 of the stored bytes of a filing (cheap: lets ingest skip unchanged files early). */
  getFilingHash(accession: string): Promise<string | undefined>;
  /** Remove a filing and everything that belongs to it. Resolves true when it existed. */
  deleteFiling(accession: string): Promise<boolean>;

  /** One filing with its header, parties and documents metadata. */
  getFiling(accession: string): Promise<FilingRecord | undefined>;
  /** Filings by party CIK, forms and date range, by filing date, cursor-paged. */
  listFilings(query: ListFilingsQuery): Promise<FilingPage>;
  /** The original bytes, byte-identical to what was put. */
  openRaw(accession: string): Promise<RawBlob | undefined>;
  /** One document's body (decoded for uuencoded binaries). */
  readDocument(accession: string, ref: DocumentRef): Promise<DocumentBody | undefined>;
  /** Stored plain text of a document. */
  getDocumentText(accession: string, ref: DocumentRef): Promise<string | undefined>;
  /** Stored Markdown of a document. */
  getDocumentMarkdown(accession: string, ref: DocumentRef): Promise<string | undefined>;
  /** Sections of a filing (all documents, or the one given), in document then offset order. */
  getSections(accession: string, ref?: DocumentRef): Promise<SectionRecord[]>;

  /** An entity by CIK, with names over time. */
  getEntity(cik: string): Promise<EntityRecord | undefined>;
  /** Entities by name fragment or CIK, ordered by name. */
  listEntities(query: ListEntitiesQuery): Promise<EntityPage>;

  /**
   * Full-text search with filters, exact total and cursor paging.
   * @throws EdgarError `invalid-query` for a request the backend cannot run (e.g. a bad cursor).
   */
  search(request: SearchRequest): Promise<SearchResult>;

  /**
   * A value kept for a tool beside the filings (e.g. `edgarbox sync`'s validators and failures),
   * by key; `undefined` when none is kept.
   */
  getSyncState(key: string): Promise<string | undefined>;
  /**
   * Set (or, with `value: null`, delete) sync-state values, all in one transaction: after a
   * crash either every entry is written or none is.
   */
  putSyncState(entries: SyncStateEntry[]): Promise<void>;

  /** Counts and sizes. */
  stats(): Promise<StoreStats>;
  /**
   * Bring the structures that speed up ranking up to date (SQLite: the champion lists of common
   * words, built when the store is big enough and has changed enough since the last build, or
   * always with `force`). Absent on backends that keep none. Searches are exact either way.
   */
  refreshSearchLists?(options?: SearchListsOptions): Promise<SearchListsRefresh>;
  /** Release resources. Further calls fail. */
  close(): Promise<void>;
}
