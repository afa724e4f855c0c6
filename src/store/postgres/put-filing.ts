/**
 * Write filings to PostgreSQL: each filing all its rows or none. An advisory lock on the
 * accession serialises concurrent writers of the same filing (several ingest processes over
 * overlapping inputs), and the `accessions` primary key makes a duplicate impossible. A filing
 * is written by one statement (data-modifying CTEs), so a batch costs few round trips.
 * @module
 */
import type pg from 'pg';
import type { Party } from '../../core/submission.ts';
import { alignContent } from '../align-content.ts';
import type { PartySeen } from '../entity-merge.ts';
import type { FilingInput, FilingParty, PutResult } from '../store.ts';
import { lockEntities, refreshEntities } from './entities.ts';
import { hasInlineXbrl, hasXbrl } from './filing-flags.ts';
import { splitTextChunks, toTsvectorText } from './fts.ts';
import { filingYear } from './partitions.ts';
import { toCompressedRaw } from './raw.ts';
import { cleanText, toJson } from './rows.ts';

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
  const ctes = FILING_TABLES.filter((t) => t !== 'filing_parties').map(
    (t) => `d_${t} AS (DELETE FROM ${t} WHERE accession = $1 AND filing_year = $2)`,
  );
  const { rows } = await client.query<{ cik: string }>({
    name: 'edgarbox_delete_filing',
    text: `WITH ${ctes.join(', ')},
      p AS (DELETE FROM filing_parties WHERE accession = $1 AND filing_year = $2 RETURNING cik)
      SELECT DISTINCT cik FROM p`,
    values: [accession, year],
  });
  return rows.map((r) => r.cik);
}

/** Lock an accession for the rest of the transaction. */
export async function lockAccession(client: pg.PoolClient, accession: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('acc:' || $1, 0))", [accession]);
}

/** One filing of a batch with its place in the caller's result list. */
export interface BatchItem {
  input: FilingInput;
  accession: string;
  result: PutResult;
}

/**
 * Write a batch in one transaction (partitions for its years must exist): first the advisory
 * locks of all its accessions, in accession order, then the filings, then the entity rows of
 * every CIK touched, locked in CIK order. Every writer takes locks in that one global order, so
 * concurrent batches never deadlock; one commit per batch keeps the write rate high. When a
 * filing fails, the batch is rolled back and written again with a savepoint per filing, so
 * only the failing filing is left out.
 */
export async function putBatch(client: pg.PoolClient, items: BatchItem[]): Promise<void> {
  if (items.length === 0) return;
  try {
    await writeBatch(client, items, false);
  } catch {
    await client.query('ROLLBACK').catch(() => undefined);
    try {
      await writeBatch(client, items, true);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      for (const item of items) {
        item.result.status = 'failed';
        item.result.error = e instanceof Error ? e.message : String(e);
      }
    }
  }
}

async function writeBatch(client: pg.PoolClient, items: BatchItem[], isolate: boolean): Promise<void> {
  const touched = new Set<string>();
  const rebuild = new Set<string>();
  const added = new Map<string, PartySeen[]>();
  await client.query('BEGIN');
  const accessions = [...new Set(items.map((i) => i.accession))].sort();
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtextextended('acc:' || a, 0)) FROM unnest($1::text[]) AS a",
    [accessions],
  );
  const { rows } = await client.query<{ accession: string; filing_year: number; sha256: string }>(
    'SELECT accession, filing_year, sha256 FROM accessions WHERE accession = ANY($1::text[])',
    [accessions],
  );
  const stored = new Map(rows.map((r) => [r.accession, r]));
  for (const item of items) {
    if (isolate) await client.query('SAVEPOINT put_filing');
    try {
      const old = stored.get(item.accession);
      if (old !== undefined && old.sha256 === item.input.sha256) {
        item.result.status = 'unchanged';
      } else {
        const ciks = old === undefined ? [] : await deleteFilingRows(client, item.accession, old.filing_year);
        const year = filingYear(item.input.submission.filingDate);
        await client.query(insertFilingStatement(item.input, item.accession, year));
        stored.set(item.accession, {
          accession: item.accession,
          filing_year: year,
          sha256: item.input.sha256,
        });
        item.result.status = old === undefined ? 'inserted' : 'replaced';
        for (const cik of ciks) {
          touched.add(cik);
          rebuild.add(cik);
        }
        const filingDate = item.input.submission.filingDate ?? '';
        item.input.submission.parties.forEach((party, position) => {
          touched.add(party.cik);
          const o: PartySeen = { party, filingDate, accession: item.accession, position };
          const list = added.get(party.cik);
          if (list) list.push(o);
          else added.set(party.cik, [o]);
        });
      }
      if (isolate) await client.query('RELEASE SAVEPOINT put_filing');
    } catch (e) {
      if (!isolate) throw e;
      await client.query('ROLLBACK TO SAVEPOINT put_filing');
      item.result.status = 'failed';
      item.result.error = e instanceof Error ? e.message : String(e);
    }
  }
  await refreshEntities(client, await lockEntities(client, [...touched]), added, rebuild);
  await client.query('COMMIT');
}

/** Collects parameters for one statement. */
class Params {
  readonly values: unknown[] = [];
  /** Add a value; returns its placeholder with an optional cast. */
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** The one statement that writes all rows of a filing (the accession lock is held). */
function insertFilingStatement(input: FilingInput, accession: string, year: number): pg.QueryConfig {
  const s = input.submission;
  const raw = toCompressedRaw(input.raw);
  const filingDate = s.filingDate ?? '';
  const primary = s.documents[s.primaryDocument];
  const first = s.parties[0];
  const q = new Params();
  const acc = q.add(accession);
  const yr = q.add(year, '::int');
  const fd = q.add(filingDate);
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
  const filingValues = [
    yr,
    acc,
    q.add(s.form),
    fd,
    q.add(s.reportDate ?? null),
    q.add(s.acceptanceDateTime ?? null),
    q.add(s.act ?? null),
    q.add(s.fileNumber ?? null),
    q.add(s.filmNumber ?? null),
    q.add(s.items, '::text[]'),
    q.add(first?.cik ?? ''),
    q.add(first?.name ?? ''),
    q.add(toJson(s.parties.map(toFilingParty)), '::jsonb'),
    q.add(raw.size, '::bigint'),
    q.add(s.documents.length, '::int'),
    q.add(primary?.sequence ?? null, '::int'),
    q.add(primary?.filename ?? null),
    q.add(primary?.description ?? null),
    q.add(hasXbrl(s)),
    q.add(hasInlineXbrl(s)),
    q.add(new Date().toISOString()),
    q.add(input.sha256),
    q.add(input.sourcePath ?? null),
    q.add(s.warnings.length, '::int'),
    q.add(raw.chunkSize, '::int'),
    q.add(
      raw.chunks.reduce((n, c) => n + c.length, 0),
      '::bigint',
    ),
    q.add(toJson(detail), '::jsonb'),
  ];
  const docs: unknown[][] = [];
  const chunks: unknown[][] = [];
  const sections: unknown[][] = [];
  for (const { position, document: d, content: c } of alignContent(s, input.documents)) {
    const text = c?.text === undefined ? undefined : cleanText(c.text);
    const markdown = c?.markdown === undefined ? undefined : cleanText(c.markdown);
    const docDetail: Record<string, unknown> = { blockOffset: d.blockOffset, blockLength: d.blockLength };
    if (d.filenameSynthesised !== undefined) docDetail.filenameSynthesised = d.filenameSynthesised;
    if (d.uuencodeName !== undefined) docDetail.uuencodeName = d.uuencodeName;
    docs.push([
      position,
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
        chunks.push([position, d.sequence, '', i, parts.length, body, toTsvectorText(body)]);
      });
    }
    const byCode = new Map<string, string[]>();
    (c?.sections ?? []).forEach((sec, ord) => {
      sections.push([
        position,
        d.sequence,
        ord,
        sec.kind,
        sec.code,
        sec.title,
        sec.start,
        sec.end,
        sec.exhibits === undefined ? null : JSON.stringify(sec.exhibits),
      ]);
      if (markdown === undefined || sec.code === '') return;
      const list = byCode.get(sec.code) ?? [];
      list.push(...splitTextChunks(markdown.slice(sec.start, sec.end)));
      byCode.set(sec.code, list);
    });
    for (const [code, parts] of byCode) {
      parts.forEach((body, i) => {
        chunks.push([position, d.sequence, code, i, parts.length, body, toTsvectorText(body)]);
      });
    }
  }
  /** `unnest` of one array parameter per column. */
  const columns = (rows: unknown[][], types: string[]): string =>
    `unnest(${types
      .map((t, i) =>
        q.add(
          rows.map((r) => r[i]),
          `::${t}[]`,
        ),
      )
      .join(', ')})`;
  const text = `WITH
    a AS (INSERT INTO accessions (accession, filing_year, sha256) VALUES (${acc}, ${yr}, ${q.add(input.sha256)})
          ON CONFLICT (accession) DO UPDATE SET filing_year = excluded.filing_year, sha256 = excluded.sha256),
    f AS (INSERT INTO filings (filing_year, accession, form, filing_date, report_date, acceptance, act, file_number,
            film_number, items, cik, company_name, parties, size, document_count, primary_sequence, primary_document,
            primary_doc_description, is_xbrl, is_inline_xbrl, stored_at, sha256, source_path, warning_count,
            raw_chunk_size, raw_stored_bytes, detail)
          VALUES (${filingValues.join(', ')})),
    p AS (INSERT INTO filing_parties (filing_year, accession, position, cik, name, filing_date, party)
          SELECT ${yr}, ${acc}, u.o - 1, u.cik, u.name, ${fd}, u.party
          FROM ${columns(
            s.parties.map((p) => [p.cik, p.name, toJson(p)]),
            ['text', 'text', 'jsonb'],
          )} WITH ORDINALITY AS u(cik, name, party, o)),
    d AS (INSERT INTO documents (filing_year, accession, position, sequence, type, filename, description, content_type, encoding,
            wrapper, size, sha256, body_offset, body_length, has_text, text_chars, markdown, section_count, detail)
          SELECT ${yr}, ${acc}, u.* FROM ${columns(docs, [
            'int',
            'int',
            'text',
            'text',
            'text',
            'text',
            'text',
            'text',
            'bigint',
            'text',
            'bigint',
            'bigint',
            'boolean',
            'bigint',
            'text',
            'int',
            'jsonb',
          ])} AS u),
    s AS (INSERT INTO sections (filing_year, accession, position, sequence, ord, kind, code, title, start_offset, end_offset, exhibits)
          SELECT ${yr}, ${acc}, u.position, u.sequence, u.ord, u.kind, u.code, u.title, u.start_offset, u.end_offset,
            (SELECT array_agg(x) FROM jsonb_array_elements_text(u.exhibits) x)
          FROM ${columns(sections, ['int', 'int', 'int', 'text', 'text', 'text', 'int', 'int', 'jsonb'])}
            AS u(position, sequence, ord, kind, code, title, start_offset, end_offset, exhibits)),
    c AS (INSERT INTO fts_chunks (filing_year, accession, position, sequence, section, chunk, n_chunks, body, tsv)
          SELECT ${yr}, ${acc}, u.* FROM ${columns(chunks, ['int', 'int', 'text', 'int', 'int', 'text', 'tsvector'])} AS u),
    r AS (INSERT INTO raw_chunks (filing_year, accession, chunk_no, data)
          SELECT ${yr}, ${acc}, u.o - 1, u.data FROM ${columns(
            raw.chunks.map((c) => [Buffer.from(c.buffer, c.byteOffset, c.byteLength)]),
            ['bytea'],
          )} WITH ORDINALITY AS u(data, o))
    SELECT 1`;
  // The text is the same for every filing: prepared once per connection.
  return { name: 'edgarbox_insert_filing', text, values: q.values };
}
