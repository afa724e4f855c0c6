/**
 * Schema version 1: filings, parties, items, documents with contentful FTS5, sections with
 * their own FTS5, entities, and the raw submission as compressed chunks.
 * @module
 */

/** SQL of migration 1. Text of a document lives once, in `document_fts` (contentful). */
export const migration001 = `
CREATE TABLE filings (
  id INTEGER PRIMARY KEY,
  accession TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  form TEXT NOT NULL,
  filing_date TEXT NOT NULL,
  report_date TEXT,
  acceptance TEXT,
  act TEXT,
  file_number TEXT,
  film_number TEXT,
  cik TEXT NOT NULL,
  company_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  document_count INTEGER NOT NULL,
  primary_sequence INTEGER,
  primary_document TEXT,
  primary_description TEXT,
  is_xbrl INTEGER NOT NULL,
  is_inline_xbrl INTEGER NOT NULL,
  items TEXT NOT NULL,
  header_json TEXT NOT NULL,
  source_path TEXT,
  warning_count INTEGER NOT NULL,
  stored_at TEXT NOT NULL,
  raw_codec TEXT NOT NULL,
  raw_chunk_size INTEGER NOT NULL,
  raw_stored_bytes INTEGER NOT NULL
);
CREATE INDEX filings_date ON filings (filing_date, accession);
CREATE INDEX filings_form_date ON filings (form, filing_date);

CREATE TABLE filing_parties (
  filing_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  cik TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  kind TEXT NOT NULL,
  form_type TEXT,
  act TEXT,
  file_number TEXT,
  film_number TEXT,
  filing_date TEXT NOT NULL,
  party_json TEXT NOT NULL,
  PRIMARY KEY (filing_id, position)
) WITHOUT ROWID;
CREATE INDEX filing_parties_cik ON filing_parties (cik, filing_date, filing_id);

CREATE TABLE filing_items (
  filing_id INTEGER NOT NULL,
  item TEXT NOT NULL,
  PRIMARY KEY (filing_id, item)
) WITHOUT ROWID;
CREATE INDEX filing_items_item ON filing_items (item, filing_id);

CREATE TABLE raw_chunks (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  UNIQUE (filing_id, seq)
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  type TEXT NOT NULL,
  filename TEXT NOT NULL,
  description TEXT,
  content_type TEXT NOT NULL,
  encoding TEXT NOT NULL,
  wrapper TEXT,
  size INTEGER NOT NULL,
  sha256 TEXT,
  body_offset INTEGER NOT NULL,
  body_length INTEGER NOT NULL,
  has_text INTEGER NOT NULL,
  markdown TEXT,
  section_count INTEGER NOT NULL,
  UNIQUE (filing_id, sequence)
);
CREATE INDEX documents_filename ON documents (filing_id, filename);
CREATE INDEX documents_type ON documents (type);

CREATE VIRTUAL TABLE document_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  filing_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  exhibits TEXT
);
CREATE INDEX sections_document ON sections (document_id, start_offset);
CREATE INDEX sections_filing ON sections (filing_id);
CREATE INDEX sections_code ON sections (code);

CREATE VIRTUAL TABLE section_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE entities (
  cik TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  latest_date TEXT NOT NULL,
  latest_accession TEXT NOT NULL,
  party_json TEXT NOT NULL
);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE, cik);
`;
