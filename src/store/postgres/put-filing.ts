/**
 * Write one filing to PostgreSQL in its own transaction: all its rows or none. An advisory lock
 * on the accession serialises concurrent writers of the same filing (several ingest processes
 * over overlapping inputs), and the `accessions` primary key makes a duplicate impossible.
 * @module
 */
import type pg from 'pg';
import { parseAccessionNumber } from '../../core/ids.ts';
import type { Party, Submission } from '../../core/submission.ts';
import type { FilingInput, FilingParty, PutStatus } from '../store.ts';
import { lockEntities, refreshEntities } from './entities.ts';
import { hasInlineXbrl, hasXbrl } from './filing-flags.ts';
import { splitTextChunks } from './fts.ts';
import { filingYear } from './partitions.ts';
import { toCompressedRaw } from './raw.ts';
import { cleanText, insertRows, toJson } from './rows.ts';

/** Tables holding a filing's rows, children first. */
const FILING_TABLES = ['fts_chunks', 'sections', 'raw_chunks', 'documents', 'filing_parties', 'filings'];

/** The summary party of a full party. */
export function toFilingParty(p: Party): FilingParty {
  const out: FilingParty = { cik: p.cik, name: p.name, role: p.role, kind: p.kind };
  const fv = p.filingValues[0];
  if (fv?.formType !== undefined) out.formType = fv.formType;
  if (fv?.act !== undefined) out.act = fv.act;
  if (fv?.fileNumber !== undefined) out.fileNumber = fv.fileNumber;
  if (fv?.filmNumber !== undefined) out.filmNumber = fv.filmNumber;
  return out;
}

/** Delete every row of a filing stored under `year`; resolves to the CIKs it had. */
export async function deleteFilingRows(
  client: pg.PoolClient,
  accession: string,
  year: number,
): Promise<string[]> {
  const { rows } = await client.query<{ cik: string }>(
    'SELECT DISTINCT cik FROM filing_parties WHERE accession = $1 AND filing_year = $2',
    [accession, year],
  );
  for (const table of FILING_TABLES) {
    await client.query(`DELETE FROM ${table} WHERE accession = $1 AND filing_year = $2`, [accession, year]);
  }
  return rows.map((r) => r.cik);
}

/** Lock an accession for the rest of the transaction. */
export async function lockAccession(client: pg.PoolClient, accession: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('acc:' || $1, 0))", [accession]);
}

/**
 * Put one filing (partitions for its year must exist). Runs its own transaction.
 * @returns what happened; throws (after rolling back) when it could not be written.
 */
export async function putFiling(client: pg.PoolClient, input: FilingInput): Promise<PutStatus> {
  const s: Submission = input.submission;
  const accession = parseAccessionNumber(s.accessionNumber);
  const year = filingYear(s.filingDate);
  await client.query('BEGIN');
  try {
    await lockAccession(client, accession);
    const existing = await client.query<{ filing_year: number; sha256: string }>(
      'SELECT filing_year, sha256 FROM accessions WHERE accession = $1',
      [accession],
    );
    const old = existing.rows[0];
    if (old !== undefined && old.sha256 === input.sha256) {
      await client.query('COMMIT');
      return 'unchanged';
    }
    const oldCiks = old === undefined ? [] : await deleteFilingRows(client, accession, old.filing_year);
    await client.query(
      `INSERT INTO accessions (accession, filing_year, sha256) VALUES ($1, $2, $3)
       ON CONFLICT (accession) DO UPDATE SET filing_year = $2, sha256 = $3`,
      [accession, year, input.sha256],
    );
    await writeRows(client, input, accession, year);
    const ciks = await lockEntities(client, [...oldCiks, ...s.parties.map((p) => p.cik)]);
    await refreshEntities(client, ciks);
    await client.query('COMMIT');
    return old === undefined ? 'inserted' : 'replaced';
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

async function writeRows(
  client: pg.PoolClient,
  input: FilingInput,
  accession: string,
  year: number,
): Promise<void> {
  const s = input.submission;
  const raw = toCompressedRaw(input.raw);
  const filingDate = s.filingDate ?? '';
  const contents = new Map((input.documents ?? []).map((d) => [d.sequence, d]));
  const primary = s.documents[s.primaryDocument];
  const first = s.parties[0];
  const rawStored = raw.chunks.reduce((n, c) => n + c.length, 0);
  const detail = {
    dialect: s.dialect,
    pem: s.pem,
    publicDocumentCount: s.publicDocumentCount,
    dateOfChange: s.dateOfChange,
    effectivenessDate: s.effectivenessDate,
    itemTitles: s.itemTitles,
    groupMembers: s.groupMembers,
    partiesFull: s.parties,
    series: s.series,
    header: s.raw,
    warnings: s.warnings,
  };
  await insertRows(
    client,
    'filings',
    [
      'filing_year',
      'accession',
      'form',
      'filing_date',
      'report_date',
      'acceptance',
      'act',
      'file_number',
      'film_number',
      'items',
      'cik',
      'company_name',
      'parties',
      'size',
      'document_count',
      'primary_sequence',
      'primary_document',
      'primary_doc_description',
      'is_xbrl',
      'is_inline_xbrl',
      'stored_at',
      'sha256',
      'source_path',
      'warning_count',
      'raw_chunk_size',
      'raw_stored_bytes',
      'detail',
    ],
    [
      [
        year,
        accession,
        s.form,
        filingDate,
        s.reportDate ?? null,
        s.acceptanceDateTime ?? null,
        s.act ?? null,
        s.fileNumber ?? null,
        s.filmNumber ?? null,
        s.items,
        first?.cik ?? '',
        first?.name ?? '',
        toJson(s.parties.map(toFilingParty)),
        raw.size,
        s.documents.length,
        primary?.sequence ?? null,
        primary?.filename ?? null,
        primary?.description ?? null,
        hasXbrl(s),
        hasInlineXbrl(s),
        new Date().toISOString(),
        input.sha256,
        input.sourcePath ?? null,
        s.warnings.length,
        raw.chunkSize,
        rawStored,
        toJson(detail),
      ],
    ],
  );
  await insertRows(
    client,
    'filing_parties',
    ['filing_year', 'accession', 'position', 'cik', 'name', 'filing_date', 'party'],
    s.parties.map((p, i) => [year, accession, i, p.cik, p.name, filingDate, toJson(p)]),
  );
  const docRows: unknown[][] = [];
  const chunkRows: unknown[][] = [];
  const sectionRows: unknown[][] = [];
  for (const d of s.documents) {
    const c = contents.get(d.sequence);
    const text = c?.text === undefined ? undefined : cleanText(c.text);
    const markdown = c?.markdown === undefined ? undefined : cleanText(c.markdown);
    const docDetail: Record<string, unknown> = { blockOffset: d.blockOffset, blockLength: d.blockLength };
    if (d.filenameSynthesised !== undefined) docDetail.filenameSynthesised = d.filenameSynthesised;
    if (d.uuencodeName !== undefined) docDetail.uuencodeName = d.uuencodeName;
    docRows.push([
      year,
      accession,
      d.sequence,
      d.type,
      d.filename,
      d.description ?? null,
      d.contentType,
      d.encoding,
      d.wrapper ?? null,
      c?.size ?? d.length,
      c?.sha256 ?? null,
      d.offset,
      d.length,
      text !== undefined,
      text?.length ?? 0,
      markdown ?? null,
      c?.sections?.length ?? 0,
      toJson(docDetail),
    ]);
    if (text !== undefined) {
      const parts = splitTextChunks(text);
      parts.forEach((body, i) => {
        chunkRows.push([year, accession, d.sequence, '', i, parts.length, body]);
      });
    }
    const byCode = new Map<string, string[]>();
    (c?.sections ?? []).forEach((sec, ord) => {
      sectionRows.push([
        year,
        accession,
        d.sequence,
        ord,
        sec.kind,
        sec.code,
        sec.title,
        sec.start,
        sec.end,
        sec.exhibits ?? null,
      ]);
      if (markdown === undefined || sec.code === '') return;
      const list = byCode.get(sec.code) ?? [];
      list.push(...splitTextChunks(markdown.slice(sec.start, sec.end)));
      byCode.set(sec.code, list);
    });
    for (const [code, parts] of byCode) {
      parts.forEach((body, i) => {
        chunkRows.push([year, accession, d.sequence, code, i, parts.length, body]);
      });
    }
  }
  await insertRows(
    client,
    'documents',
    [
      'filing_year',
      'accession',
      'sequence',
      'type',
      'filename',
      'description',
      'content_type',
      'encoding',
      'wrapper',
      'size',
      'sha256',
      'body_offset',
      'body_length',
      'has_text',
      'text_chars',
      'markdown',
      'section_count',
      'detail',
    ],
    docRows,
  );
  await insertRows(
    client,
    'sections',
    [
      'filing_year',
      'accession',
      'sequence',
      'ord',
      'kind',
      'code',
      'title',
      'start_offset',
      'end_offset',
      'exhibits',
    ],
    sectionRows,
  );
  await insertRows(
    client,
    'fts_chunks',
    ['filing_year', 'accession', 'sequence', 'section', 'chunk', 'n_chunks', 'body'],
    chunkRows,
    16 * 7,
  );
  await insertRows(
    client,
    'raw_chunks',
    ['filing_year', 'accession', 'chunk_no', 'data'],
    raw.chunks.map((c, i) => [year, accession, i, Buffer.from(c.buffer, c.byteOffset, c.byteLength)]),
    8 * 4,
  );
}
