/**
 * Schema version 1. Tables holding per-filing rows are partitioned by filing year
 * (`filing_year`, 0 when the filing date is unknown); partitions are created on demand by
 * `ensurePartitions`. `accessions` (not partitioned) is the one global registry of stored
 * filings: its primary key keeps an accession unique across all years. `fts_chunks.tsv` is
 * built by edgarbox with the query tokenizer (see `fts.ts`), so both backends match the same
 * words; the `edgarbox` text-search configuration (`simple` with `unaccent` when the server has
 * it) only serves `ts_headline`.
 * @module
 */

/** SQL of migration 1. */
export const initialSchema = `
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'unaccent is not available: accented words are indexed as written';
END $$;
CREATE TEXT SEARCH CONFIGURATION edgarbox (COPY = simple);
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
    ALTER TEXT SEARCH CONFIGURATION edgarbox ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
  END IF;
END $$;

CREATE TABLE accessions (
  accession text PRIMARY KEY,
  filing_year int NOT NULL,
  sha256 text NOT NULL
);

CREATE TABLE filings (
  filing_year int NOT NULL,
  accession text NOT NULL,
  form text NOT NULL,
  filing_date text NOT NULL,
  report_date text,
  acceptance text,
  act text,
  file_number text,
  film_number text,
  items text[] NOT NULL,
  cik text NOT NULL,
  company_name text NOT NULL,
  parties jsonb NOT NULL,
  size bigint NOT NULL,
  document_count int NOT NULL,
  primary_sequence int,
  primary_document text,
  primary_doc_description text,
  is_xbrl boolean NOT NULL,
  is_inline_xbrl boolean NOT NULL,
  stored_at text NOT NULL,
  sha256 text NOT NULL,
  source_path text,
  warning_count int NOT NULL,
  raw_chunk_size int NOT NULL,
  raw_stored_bytes bigint NOT NULL,
  detail jsonb NOT NULL,
  PRIMARY KEY (accession, filing_year)
) PARTITION BY RANGE (filing_year);
CREATE INDEX filings_date ON filings (filing_date DESC, accession DESC);
CREATE INDEX filings_form_date ON filings (form, filing_date DESC);

CREATE TABLE filing_parties (
  filing_year int NOT NULL,
  accession text NOT NULL,
  position int NOT NULL,
  cik text NOT NULL,
  name text NOT NULL,
  filing_date text NOT NULL,
  party jsonb NOT NULL,
  PRIMARY KEY (accession, filing_year, position)
) PARTITION BY RANGE (filing_year);
CREATE INDEX filing_parties_cik ON filing_parties (cik, filing_date DESC, accession DESC);

CREATE TABLE documents (
  filing_year int NOT NULL,
  accession text NOT NULL,
  sequence int NOT NULL,
  type text NOT NULL,
  filename text NOT NULL,
  description text,
  content_type text NOT NULL,
  encoding text NOT NULL,
  wrapper text,
  size bigint NOT NULL,
  sha256 text,
  body_offset bigint NOT NULL,
  body_length bigint NOT NULL,
  has_text boolean NOT NULL,
  text_chars bigint NOT NULL,
  markdown text,
  section_count int NOT NULL,
  detail jsonb NOT NULL,
  PRIMARY KEY (accession, filing_year, sequence)
) PARTITION BY RANGE (filing_year);

CREATE TABLE fts_chunks (
  filing_year int NOT NULL,
  accession text NOT NULL,
  sequence int NOT NULL,
  section text NOT NULL,
  chunk int NOT NULL,
  n_chunks int NOT NULL,
  body text NOT NULL,
  tsv tsvector NOT NULL,
  PRIMARY KEY (accession, filing_year, sequence, section, chunk)
) PARTITION BY RANGE (filing_year);
CREATE INDEX fts_chunks_tsv ON fts_chunks USING gin (tsv);

CREATE TABLE sections (
  filing_year int NOT NULL,
  accession text NOT NULL,
  sequence int NOT NULL,
  ord int NOT NULL,
  kind text NOT NULL,
  code text NOT NULL,
  title text NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  exhibits text[],
  PRIMARY KEY (accession, filing_year, sequence, ord)
) PARTITION BY RANGE (filing_year);

CREATE TABLE raw_chunks (
  filing_year int NOT NULL,
  accession text NOT NULL,
  chunk_no int NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (accession, filing_year, chunk_no)
) PARTITION BY RANGE (filing_year);
ALTER TABLE raw_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE entities (
  cik text PRIMARY KEY,
  name text NOT NULL,
  entity_type text NOT NULL,
  filing_count int NOT NULL,
  first_filing_date text,
  last_filing_date text,
  detail jsonb NOT NULL
);
CREATE INDEX entities_name ON entities (name COLLATE "C", cik);
`;
