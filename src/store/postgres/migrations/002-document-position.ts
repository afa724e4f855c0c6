/**
 * Schema version 2: documents may share a `<SEQUENCE>` (real submissions repeat one now and
 * then; the parser keeps both with a warning), so documents, sections and text chunks are keyed
 * by the document's position in the submission (0-based, document order) instead of its
 * sequence number. Stored rows had unique sequences, so their position is their rank by
 * sequence. The sequence stays a column: reads by sequence take the first document in order.
 * @module
 */

/** SQL of migration 2. */
export const documentPosition = `
ALTER TABLE documents ADD COLUMN position int;
UPDATE documents d SET position = r.pos
  FROM (SELECT accession, filing_year, sequence,
          (row_number() OVER (PARTITION BY accession, filing_year ORDER BY sequence) - 1)::int AS pos
        FROM documents) r
  WHERE r.accession = d.accession AND r.filing_year = d.filing_year AND r.sequence = d.sequence;
ALTER TABLE documents ALTER COLUMN position SET NOT NULL;
ALTER TABLE documents DROP CONSTRAINT documents_pkey;
ALTER TABLE documents ADD PRIMARY KEY (accession, filing_year, position);

ALTER TABLE sections ADD COLUMN position int;
UPDATE sections s SET position = d.position FROM documents d
  WHERE d.accession = s.accession AND d.filing_year = s.filing_year AND d.sequence = s.sequence;
ALTER TABLE sections ALTER COLUMN position SET NOT NULL;
ALTER TABLE sections DROP CONSTRAINT sections_pkey;
ALTER TABLE sections ADD PRIMARY KEY (accession, filing_year, position, ord);

ALTER TABLE fts_chunks ADD COLUMN position int;
UPDATE fts_chunks c SET position = d.position FROM documents d
  WHERE d.accession = c.accession AND d.filing_year = c.filing_year AND d.sequence = c.sequence;
ALTER TABLE fts_chunks ALTER COLUMN position SET NOT NULL;
ALTER TABLE fts_chunks DROP CONSTRAINT fts_chunks_pkey;
ALTER TABLE fts_chunks ADD PRIMARY KEY (accession, filing_year, position, section, chunk);
`;
