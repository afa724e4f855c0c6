/**
 * The SQLite read path for filings, documents, sections and raw bytes.
 * @module
 */
import { zstdDecompressSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { createError } from '../../core/errors.ts';
import { parseAccessionNumber, parseCik } from '../../core/ids.ts';
import type { FundSeries, HeaderNode, Party, Submission } from '../../core/submission.ts';
import { uudecodeStream } from '../../sgml/uudecode-stream.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type {
  ByteRange,
  DocumentBody,
  DocumentRecord,
  DocumentRef,
  FilingPage,
  FilingParty,
  FilingRecord,
  FilingSummary,
  ListFilingsQuery,
  RawBlob,
  SectionRecord,
} from '../store.ts';
import { createStatementCache } from './statement-cache.ts';

/** A `filings` row. */
export interface FilingRow {
  id: number;
  accession: string;
  sha256: string;
  form: string;
  filing_date: string;
  report_date: string | null;
  acceptance: string | null;
  act: string | null;
  file_number: string | null;
  film_number: string | null;
  cik: string;
  company_name: string;
  size: number;
  document_count: number;
  primary_document: string | null;
  primary_description: string | null;
  is_xbrl: number;
  is_inline_xbrl: number;
  items: string;
  header_json: string;
  source_path: string | null;
  warning_count: number;
  stored_at: string;
  raw_chunk_size: number;
}

interface PartyRow {
  filing_id: number;
  cik: string;
  name: string;
  role: string;
  kind: string;
  form_type: string | null;
  act: string | null;
  file_number: string | null;
  film_number: string | null;
}

interface DocumentRow {
  id: number;
  sequence: number;
  type: string;
  filename: string;
  description: string | null;
  content_type: string;
  encoding: string;
  wrapper: string | null;
  size: number;
  sha256: string | null;
  body_offset: number;
  body_length: number;
  has_text: number;
  markdown: string | null;
  section_count: number;
}

interface HeaderJson {
  dialect: Submission['dialect'];
  pem: boolean;
  publicDocumentCount?: number;
  dateOfChange?: string;
  effectivenessDate?: string;
  itemTitles: string[];
  groupMembers: string[];
  parties: Party[];
  series: FundSeries[];
  raw: HeaderNode[];
}

/** The read operations over one open database (synchronous; the store wraps them). */
export interface FilingReader {
  getFiling(accession: string): FilingRecord | undefined;
  listFilings(query: ListFilingsQuery): FilingPage;
  openRaw(accession: string): RawBlob | undefined;
  readDocument(accession: string, ref: DocumentRef): DocumentBody | undefined;
  getDocumentText(accession: string, ref: DocumentRef): string | undefined;
  getDocumentMarkdown(accession: string, ref: DocumentRef): string | undefined;
  getSections(accession: string, ref?: DocumentRef): SectionRecord[];
}

function toParty(r: PartyRow): FilingParty {
  const p: FilingParty = {
    cik: r.cik,
    name: r.name,
    role: r.role,
    kind: r.kind === 'owner' ? 'owner' : 'company',
  };
  if (r.form_type !== null) p.formType = r.form_type;
  if (r.act !== null) p.act = r.act;
  if (r.file_number !== null) p.fileNumber = r.file_number;
  if (r.film_number !== null) p.filmNumber = r.film_number;
  return p;
}

/** Build a `FilingSummary` from its row and parties. */
export function toFilingSummary(r: FilingRow, parties: FilingParty[]): FilingSummary {
  const s: FilingSummary = {
    accession: r.accession,
    form: r.form,
    filingDate: r.filing_date,
    items: JSON.parse(r.items) as string[],
    cik: r.cik,
    companyName: r.company_name,
    parties,
    size: r.size,
    documentCount: r.document_count,
    isXbrl: r.is_xbrl === 1,
    isInlineXbrl: r.is_inline_xbrl === 1,
    storedAt: r.stored_at,
  };
  if (r.report_date !== null) s.reportDate = r.report_date;
  if (r.acceptance !== null) s.acceptanceDateTime = r.acceptance;
  if (r.act !== null) s.act = r.act;
  if (r.file_number !== null) s.fileNumber = r.file_number;
  if (r.film_number !== null) s.filmNumber = r.film_number;
  if (r.primary_document !== null) s.primaryDocument = r.primary_document;
  if (r.primary_description !== null) s.primaryDocDescription = r.primary_description;
  return s;
}

function toDocument(r: DocumentRow): DocumentRecord {
  const d: DocumentRecord = {
    sequence: r.sequence,
    type: r.type,
    filename: r.filename,
    contentType: r.content_type,
    encoding: r.encoding === 'uuencode' ? 'uuencode' : 'text',
    size: r.size,
    offset: r.body_offset,
    length: r.body_length,
    hasText: r.has_text === 1,
    hasMarkdown: r.markdown !== null,
    sectionCount: r.section_count,
  };
  if (r.description !== null) d.description = r.description;
  if (r.wrapper !== null) d.wrapper = r.wrapper as NonNullable<DocumentRecord['wrapper']>;
  if (r.sha256 !== null) d.sha256 = r.sha256;
  return d;
}

function accessionOrUndefined(accession: string): string | undefined {
  try {
    return parseAccessionNumber(accession);
  } catch {
    return undefined;
  }
}

const DOC_COLUMNS = `id, sequence, type, filename, description, content_type, encoding, wrapper, size, sha256,
  body_offset, body_length, has_text, section_count`;

/** Create the reader; statements are prepared once. */
export function createFilingReader(db: Database.Database): FilingReader {
  const prepare = createStatementCache(db);
  const q = {
    filing: db.prepare<[string], FilingRow>('SELECT * FROM filings WHERE accession = ?'),
    parties: db.prepare<[number], PartyRow>(
      'SELECT * FROM filing_parties WHERE filing_id = ? ORDER BY position',
    ),
    partiesOf: db.prepare<[string], PartyRow>(
      'SELECT * FROM filing_parties WHERE filing_id IN (SELECT value FROM json_each(?)) ORDER BY filing_id, position',
    ),
    documents: db.prepare<[number], DocumentRow>(
      `SELECT ${DOC_COLUMNS}, NULL AS markdown FROM documents WHERE filing_id = ? ORDER BY id`,
    ),
    docBySeq: db.prepare<[string, number], DocumentRow>(
      `SELECT ${DOC_COLUMNS}, markdown FROM documents WHERE filing_id = (SELECT id FROM filings WHERE accession = ?) AND sequence = ?
       ORDER BY id LIMIT 1`,
    ),
    docByName: db.prepare<[string, string], DocumentRow>(
      `SELECT ${DOC_COLUMNS}, markdown FROM documents WHERE filing_id = (SELECT id FROM filings WHERE accession = ?) AND filename = ?
       ORDER BY id LIMIT 1`,
    ),
    hasMarkdown: db.prepare<[number], { id: number }>(
      'SELECT id FROM documents WHERE filing_id = ? AND markdown IS NOT NULL',
    ),
    text: db.prepare<[number], { body: string }>('SELECT body FROM document_fts WHERE rowid = ?'),
    rawInfo: db.prepare<[string], { id: number; size: number; sha256: string; raw_chunk_size: number }>(
      'SELECT id, size, sha256, raw_chunk_size FROM filings WHERE accession = ?',
    ),
    chunk: db.prepare<[number, number], { data: Buffer }>(
      'SELECT data FROM raw_chunks WHERE filing_id = ? AND seq = ?',
    ),
    sections: db.prepare<
      [string],
      {
        document_id: number;
        sequence: number;
        kind: string;
        code: string;
        title: string;
        start_offset: number;
        end_offset: number;
        exhibits: string | null;
      }
    >(
      `SELECT s.document_id, d.sequence, s.kind, s.code, s.title, s.start_offset, s.end_offset, s.exhibits
       FROM sections s JOIN documents d ON d.id = s.document_id
       WHERE s.filing_id = (SELECT id FROM filings WHERE accession = ?) ORDER BY d.id, s.start_offset`,
    ),
    markdown: db.prepare<[number], { markdown: string | null }>(
      'SELECT markdown FROM documents WHERE id = ?',
    ),
  };

  function findDocument(accession: string, ref: DocumentRef): DocumentRow | undefined {
    const acc = accessionOrUndefined(accession);
    if (acc === undefined) return undefined;
    return typeof ref === 'number' ? q.docBySeq.get(acc, ref) : q.docByName.get(acc, ref);
  }

  function partiesByFiling(ids: number[]): Map<number, FilingParty[]> {
    const map = new Map<number, FilingParty[]>();
    if (ids.length === 0) return map;
    // Small pages bind an `IN (?, ...)` list (cheaper); large ones pass one JSON array.
    const rows =
      ids.length <= 100
        ? (prepare(
            `SELECT * FROM filing_parties WHERE filing_id IN (${ids.map(() => '?').join(', ')}) ORDER BY filing_id, position`,
          ).all(...ids) as PartyRow[])
        : q.partiesOf.all(JSON.stringify(ids));
    for (const r of rows) {
      let list = map.get(r.filing_id);
      if (!list) {
        list = [];
        map.set(r.filing_id, list);
      }
      list.push(toParty(r));
    }
    return map;
  }

  function openRaw(accession: string): RawBlob | undefined {
    const acc = accessionOrUndefined(accession);
    const info = acc === undefined ? undefined : q.rawInfo.get(acc);
    if (!info) return undefined;
    const { id, size, sha256, raw_chunk_size: chunkSize } = info;
    return {
      size,
      sha256,
      async *read(range?: ByteRange) {
        const start = Math.max(0, range?.start ?? 0);
        const end = Math.min(size, range?.end ?? size);
        if (end <= start) return;
        for (let seq = Math.floor(start / chunkSize); seq * chunkSize < end; seq++) {
          const row = q.chunk.get(id, seq);
          if (!row) throw createError('store-error', `raw chunk ${seq} of ${acc} is missing`);
          const plain = zstdDecompressSync(row.data);
          const base = seq * chunkSize;
          yield plain.subarray(Math.max(0, start - base), Math.min(plain.length, end - base));
        }
      },
    };
  }

  return {
    getFiling(accession) {
      const acc = accessionOrUndefined(accession);
      const r = acc === undefined ? undefined : q.filing.get(acc);
      if (!r) return undefined;
      const h = JSON.parse(r.header_json) as HeaderJson;
      const docs = q.documents.all(r.id);
      const withMarkdown = new Set(q.hasMarkdown.all(r.id).map((x) => x.id));
      const rec: FilingRecord = {
        ...toFilingSummary(r, q.parties.all(r.id).map(toParty)),
        dialect: h.dialect,
        pem: h.pem,
        itemTitles: h.itemTitles,
        groupMembers: h.groupMembers,
        partiesFull: h.parties,
        series: h.series,
        header: h.raw,
        documents: docs.map((d) => ({ ...toDocument(d), hasMarkdown: withMarkdown.has(d.id) })),
        sha256: r.sha256,
        warningCount: r.warning_count,
      };
      if (h.publicDocumentCount !== undefined) rec.publicDocumentCount = h.publicDocumentCount;
      if (h.dateOfChange !== undefined) rec.dateOfChange = h.dateOfChange;
      if (h.effectivenessDate !== undefined) rec.effectivenessDate = h.effectivenessDate;
      if (r.source_path !== null) rec.sourcePath = r.source_path;
      return rec;
    },

    listFilings(query) {
      const limit = Math.max(1, Math.min(10_000, Math.trunc(query.limit ?? 100)));
      const desc = (query.order ?? 'desc') === 'desc';
      const where: string[] = [];
      const args: Array<string | number> = [];
      if (query.cik !== undefined) {
        where.push('f.id IN (SELECT filing_id FROM filing_parties WHERE cik = ?)');
        args.push(parseCik(query.cik));
      }
      if (query.forms?.length) {
        where.push(`f.form IN (SELECT value FROM json_each(?))`);
        args.push(JSON.stringify(query.forms));
      }
      if (query.from !== undefined) {
        where.push('f.filing_date >= ?');
        args.push(query.from);
      }
      if (query.to !== undefined) {
        where.push('f.filing_date <= ?');
        args.push(query.to);
      }
      if (query.cursor !== undefined) {
        const c = decodeCursor(query.cursor, { d: 'string', t: 'string', a: 'string' });
        where.push(`(f.filing_date, coalesce(f.acceptance, ''), f.accession) ${desc ? '<' : '>'} (?, ?, ?)`);
        args.push(c.d, c.t, c.a);
      }
      const dir = desc ? 'DESC' : 'ASC';
      const sql = `SELECT f.* FROM filings f ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY f.filing_date ${dir}, coalesce(f.acceptance, '') ${dir}, f.accession ${dir} LIMIT ?`;
      const rows = prepare(sql).all(...args, limit + 1) as FilingRow[];
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const parties = partiesByFiling(page.map((r) => r.id));
      const out: FilingPage = { filings: page.map((r) => toFilingSummary(r, parties.get(r.id) ?? [])) };
      const last = page[page.length - 1];
      if (more && last)
        out.nextCursor = encodeCursor({ d: last.filing_date, t: last.acceptance ?? '', a: last.accession });
      return out;
    },

    openRaw,

    readDocument(accession, ref) {
      const d = findDocument(accession, ref);
      const raw = d && openRaw(accession);
      if (!d || !raw) return undefined;
      const body = raw.read({ start: d.body_offset, end: d.body_offset + d.body_length });
      return { document: toDocument(d), chunks: d.encoding === 'uuencode' ? uudecodeStream(body) : body };
    },

    getDocumentText(accession, ref) {
      const d = findDocument(accession, ref);
      if (d?.has_text !== 1) return undefined;
      return q.text.get(d.id)?.body;
    },

    getDocumentMarkdown(accession, ref) {
      return findDocument(accession, ref)?.markdown ?? undefined;
    },

    getSections(accession, ref) {
      const acc = accessionOrUndefined(accession);
      if (acc === undefined) return [];
      let rows = q.sections.all(acc);
      if (ref !== undefined) {
        const d = findDocument(acc, ref);
        rows = d ? rows.filter((r) => r.document_id === d.id) : [];
      }
      const markdownCache = new Map<number, string>();
      return rows.map((r) => {
        let md = markdownCache.get(r.document_id);
        if (md === undefined) {
          md = q.markdown.get(r.document_id)?.markdown ?? '';
          markdownCache.set(r.document_id, md);
        }
        const s: SectionRecord = {
          kind: r.kind === 'part' ? 'part' : 'item',
          code: r.code,
          title: r.title,
          start: r.start_offset,
          end: r.end_offset,
          sequence: r.sequence,
          markdown: md.slice(r.start_offset, r.end_offset),
        };
        if (r.exhibits !== null) s.exhibits = JSON.parse(r.exhibits) as string[];
        return s;
      });
    },
  };
}
