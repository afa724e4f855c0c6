/**
 * The PostgreSQL `Store`: the same interface and results as the SQLite store, for a database
 * server shared by several ingest workers and `serve` processes. Tables are partitioned by
 * filing year, full text is `tsvector` + GIN (`fts.ts`), raw submissions are zstd chunks.
 * @module
 */
import pg from 'pg';
import { createError, isEdgarError } from '../../core/errors.ts';
import { parseAccessionNumber, parseCik } from '../../core/ids.ts';
import { uudecodeStream } from '../../sgml/uudecode-stream.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type {
  DocumentBody,
  DocumentRef,
  EntityPage,
  EntityRecord,
  FilingInput,
  FilingPage,
  FilingRecord,
  ListEntitiesQuery,
  ListFilingsQuery,
  PutResult,
  RawBlob,
  SectionRecord,
  Store,
  StoreStats,
} from '../store.ts';
import { lockEntities, refreshEntities } from './entities.ts';
import { migrate } from './migrate.ts';
import { ensurePartitions, filingYear } from './partitions.ts';
import { type BatchItem, deleteFilingRows, lockAccession, putBatch } from './put-filing.ts';
import { readRawRange } from './raw.ts';
import {
  DOCUMENT_COLUMNS,
  type DocumentRow,
  type FilingRow,
  toDocumentRecord,
  toFilingSummary,
} from './records.ts';
import { pageSize } from './rows.ts';
import { searchStore } from './search.ts';
import { getSyncStateValue, putSyncStateValues } from './sync-state.ts';

/** Options of `createPostgresStore`. */
export interface PostgresStoreOptions {
  /** `postgres://user@host:port/db` (as libpq). */
  url: string;
  /** Connections in the pool (default 4). */
  maxConnections?: number;
  /** Filings of one `putFilings` batch written at once, each on its own connection (default 2). */
  writeConcurrency?: number;
  /** Open every session read-only (`default_transaction_read_only`): for `serve`. */
  readonly?: boolean;
  /** Server-side limit of each statement, ms (`statement_timeout`; default none). */
  statementTimeoutMs?: number;
}

/** bigint (int8) and numeric counts as JS numbers (sizes stay far below 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Split a batch into at most `n` groups written in parallel. Versions of one accession stay in
 * one group, in input order, so the last one put wins as in a sequential write.
 */
function splitBatch(items: BatchItem[], n: number): BatchItem[][] {
  const groups = new Map<string, BatchItem[]>();
  for (const item of items) {
    const g = groups.get(item.accession);
    if (g === undefined) groups.set(item.accession, [item]);
    else g.push(item);
  }
  const out: BatchItem[][] = Array.from({ length: Math.min(n, groups.size) }, () => []);
  let i = 0;
  for (const g of groups.values()) (out[i++ % out.length] as BatchItem[]).push(...g);
  return out;
}

/** Compressed raw chunks fetched per round trip when streaming raw bytes. */
const RAW_PREFETCH = 4;

function tryAccession(s: string): string | undefined {
  try {
    return parseAccessionNumber(s);
  } catch {
    return undefined;
  }
}

function tryCik(s: string): string | undefined {
  try {
    return parseCik(s);
  } catch {
    return undefined;
  }
}

/**
 * Open (and migrate) a PostgreSQL store.
 * @throws EdgarError `store-version` when the database was written by a newer edgarbox;
 *   `store-error` when the server cannot be reached.
 * @example const store = await createPostgresStore({ url: 'postgres://localhost/edgar' });
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 4,
    types,
    application_name: 'edgarbox',
    ...(options.readonly === true ? { options: '-c default_transaction_read_only=on' } : {}),
    ...(options.statementTimeoutMs === undefined ? {} : { statement_timeout: options.statementTimeoutMs }),
  });
  pool.on('error', () => {
    // an idle client lost its connection; the next query reconnects
  });
  let schemaVersion: number;
  try {
    const client = await pool.connect();
    try {
      schemaVersion = await migrate(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    if (isEdgarError(e)) throw e;
    const err = createError('store-error', `cannot open PostgreSQL store: ${(e as Error).message}`);
    err.cause = e;
    throw err;
  }
  const knownYears = new Set<number>();
  const writeConcurrency = Math.max(1, options.writeConcurrency ?? 2);

  const yearOf = async (accession: string): Promise<number | undefined> => {
    const acc = tryAccession(accession);
    if (acc === undefined) return undefined;
    const { rows } = await pool.query<{ filing_year: number }>(
      'SELECT filing_year FROM accessions WHERE accession = $1',
      [acc],
    );
    return rows[0]?.filing_year;
  };

  const findDocument = async (accession: string, ref: DocumentRef): Promise<DocumentRow | undefined> => {
    const acc = tryAccession(accession);
    const year = await yearOf(accession);
    if (acc === undefined || year === undefined) return undefined;
    const byNumber = typeof ref === 'number';
    const { rows } = await pool.query<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE accession = $1 AND filing_year = $2 AND ${byNumber ? 'sequence = $3::int' : 'filename = $3'} ORDER BY position LIMIT 1`,
      [acc, year, byNumber ? ref : String(ref)],
    );
    return rows[0];
  };

  const openRaw = async (accession: string): Promise<RawBlob | undefined> => {
    const acc = tryAccession(accession);
    const year = await yearOf(accession);
    if (acc === undefined || year === undefined) return undefined;
    const { rows } = await pool.query<{ size: number; sha256: string; raw_chunk_size: number }>(
      'SELECT size, sha256, raw_chunk_size FROM filings WHERE accession = $1 AND filing_year = $2',
      [acc, year],
    );
    const f = rows[0];
    if (f === undefined) return undefined;
    let prefetched = new Map<number, Buffer>();
    const load = async (i: number): Promise<Uint8Array | undefined> => {
      if (!prefetched.has(i)) {
        const r = await pool.query<{ chunk_no: number; data: Buffer }>(
          'SELECT chunk_no, data FROM raw_chunks WHERE accession = $1 AND filing_year = $2 AND chunk_no BETWEEN $3 AND $4',
          [acc, year, i, i + RAW_PREFETCH - 1],
        );
        prefetched = new Map(r.rows.map((row) => [row.chunk_no, row.data]));
      }
      return prefetched.get(i);
    };
    return {
      size: Number(f.size),
      sha256: f.sha256,
      read: (range) => readRawRange(load, f.raw_chunk_size, Number(f.size), range),
    };
  };

  const store: Store = {
    async putFilings(batch: FilingInput[]): Promise<PutResult[]> {
      const results: PutResult[] = batch.map((f) => ({
        accession: f.submission.accessionNumber,
        status: 'failed',
      }));
      const items: BatchItem[] = [];
      batch.forEach((input, i) => {
        const result = results[i] as PutResult;
        const accession = tryAccession(input.submission.accessionNumber);
        if (accession === undefined) {
          result.error = createError('invalid-accession', input.submission.accessionNumber).message;
          return;
        }
        result.accession = accession;
        items.push({ input, accession, result });
      });
      if (items.length === 0) return results;
      const setup = await pool.connect();
      try {
        await ensurePartitions(
          setup,
          items.map((i) => filingYear(i.input.submission.filingDate)),
          knownYears,
        );
      } finally {
        setup.release();
      }
      await Promise.all(
        splitBatch(items, writeConcurrency).map(async (group) => {
          const client = await pool.connect();
          try {
            await putBatch(client, group);
          } finally {
            client.release();
          }
        }),
      );
      return results;
    },

    async getFilingHash(accession) {
      const acc = tryAccession(accession);
      if (acc === undefined) return undefined;
      const { rows } = await pool.query<{ sha256: string }>(
        'SELECT sha256 FROM accessions WHERE accession = $1',
        [acc],
      );
      return rows[0]?.sha256;
    },

    async deleteFiling(accession) {
      const acc = tryAccession(accession);
      if (acc === undefined) return false;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await lockAccession(client, acc);
        const { rows } = await client.query<{ filing_year: number }>(
          'DELETE FROM accessions WHERE accession = $1 RETURNING filing_year',
          [acc],
        );
        const year = rows[0]?.filing_year;
        if (year !== undefined) {
          const ciks = await deleteFilingRows(client, acc, year);
          await refreshEntities(client, await lockEntities(client, ciks));
        }
        await client.query('COMMIT');
        return year !== undefined;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    },

    async getFiling(accession) {
      const acc = tryAccession(accession);
      const year = await yearOf(accession);
      if (acc === undefined || year === undefined) return undefined;
      const [f, docs] = await Promise.all([
        pool.query<FilingRow>('SELECT * FROM filings WHERE accession = $1 AND filing_year = $2', [acc, year]),
        pool.query<DocumentRow>(
          `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE accession = $1 AND filing_year = $2 ORDER BY position`,
          [acc, year],
        ),
      ]);
      const row = f.rows[0];
      if (row === undefined) return undefined;
      const d = row.detail as Record<string, unknown> & Pick<FilingRecord, 'itemTitles' | 'groupMembers'>;
      const record: FilingRecord = {
        ...toFilingSummary(row),
        dialect: d.dialect as FilingRecord['dialect'],
        pem: d.pem === true,
        itemTitles: d.itemTitles,
        groupMembers: d.groupMembers,
        partiesFull: d.partiesFull as FilingRecord['partiesFull'],
        series: d.series as FilingRecord['series'],
        header: d.header as FilingRecord['header'],
        documents: docs.rows.map(toDocumentRecord),
        sha256: row.sha256,
        warningCount: row.warning_count,
      };
      if (typeof d.publicDocumentCount === 'number') record.publicDocumentCount = d.publicDocumentCount;
      if (typeof d.dateOfChange === 'string') record.dateOfChange = d.dateOfChange;
      if (typeof d.effectivenessDate === 'string') record.effectivenessDate = d.effectivenessDate;
      if (row.source_path !== null) record.sourcePath = row.source_path;
      return record;
    },

    async listFilings(query: ListFilingsQuery): Promise<FilingPage> {
      const params: unknown[] = [];
      const p = (v: unknown): string => {
        params.push(v);
        return `$${params.length}`;
      };
      const where: string[] = [];
      const desc = query.order !== 'asc';
      if (query.cik !== undefined) {
        const cik = tryCik(query.cik);
        if (cik === undefined) return { filings: [] };
        where.push(`f.accession IN (SELECT accession FROM filing_parties WHERE cik = ${p(cik)})`);
      }
      if (query.forms !== undefined && query.forms.length > 0)
        where.push(`f.form = ANY(${p(query.forms)}::text[])`);
      if (query.from !== undefined) where.push(`f.filing_date >= ${p(query.from)}`);
      if (query.to !== undefined) where.push(`f.filing_date <= ${p(query.to)}`, "f.filing_date <> ''");
      if (query.cursor !== undefined) {
        const c = decodeCursor(query.cursor, { d: 'string', t: 'string', a: 'string' });
        where.push(
          `(f.filing_date, coalesce(f.acceptance, ''), f.accession) ${desc ? '<' : '>'} (${p(c.d)}, ${p(c.t)}, ${p(c.a)})`,
        );
      }
      const limit = pageSize(query.limit, 100, 10000);
      const dir = desc ? 'DESC' : 'ASC';
      const { rows } = await pool.query<FilingRow>(
        `SELECT * FROM filings f ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY f.filing_date ${dir}, coalesce(f.acceptance, '') ${dir}, f.accession ${dir} LIMIT ${limit + 1}`,
        params,
      );
      const page: FilingPage = { filings: rows.slice(0, limit).map(toFilingSummary) };
      const last = rows[limit - 1];
      if (rows.length > limit && last !== undefined) {
        page.nextCursor = encodeCursor({ d: last.filing_date, t: last.acceptance ?? '', a: last.accession });
      }
      return page;
    },

    openRaw,

    async readDocument(accession, ref): Promise<DocumentBody | undefined> {
      const row = await findDocument(accession, ref);
      if (row === undefined) return undefined;
      const blob = await openRaw(accession);
      if (blob === undefined) return undefined;
      const start = Number(row.body_offset);
      const body = blob.read({ start, end: start + Number(row.body_length) });
      return {
        document: toDocumentRecord(row),
        chunks: row.encoding === 'uuencode' ? uudecodeStream(body) : body,
      };
    },

    async getDocumentText(accession, ref) {
      const row = await findDocument(accession, ref);
      if (row === undefined || !row.has_text) return undefined;
      const { rows } = await pool.query<{ body: string }>(
        `SELECT body FROM fts_chunks WHERE accession = $1 AND filing_year = (SELECT filing_year FROM accessions WHERE accession = $1)
         AND position = $2 AND section = '' ORDER BY chunk`,
        [parseAccessionNumber(accession), row.position],
      );
      return rows.map((r) => r.body).join('');
    },

    async getDocumentMarkdown(accession, ref) {
      const row = await findDocument(accession, ref);
      if (row === undefined || !row.has_markdown) return undefined;
      const { rows } = await pool.query<{ markdown: string }>(
        'SELECT markdown FROM documents WHERE accession = $1 AND filing_year = (SELECT filing_year FROM accessions WHERE accession = $1) AND position = $2',
        [parseAccessionNumber(accession), row.position],
      );
      return rows[0]?.markdown;
    },

    async getSections(accession, ref): Promise<SectionRecord[]> {
      const acc = tryAccession(accession);
      const year = await yearOf(accession);
      if (acc === undefined || year === undefined) return [];
      let position: number | undefined;
      if (ref !== undefined) {
        const doc = await findDocument(acc, ref);
        if (doc === undefined) return [];
        position = doc.position;
      }
      const { rows } = await pool.query<{
        position: number;
        sequence: number;
        kind: 'item' | 'part';
        code: string;
        title: string;
        start_offset: number;
        end_offset: number;
        exhibits: string[] | null;
      }>(
        `SELECT position, sequence, kind, code, title, start_offset, end_offset, exhibits FROM sections
         WHERE accession = $1 AND filing_year = $2 ${position === undefined ? '' : 'AND position = $3'}
         ORDER BY position, start_offset, ord`,
        position === undefined ? [acc, year] : [acc, year, position],
      );
      const markdown = new Map<number, string>();
      for (const pos of new Set(rows.map((r) => r.position))) {
        const md = await pool.query<{ markdown: string | null }>(
          'SELECT markdown FROM documents WHERE accession = $1 AND filing_year = $2 AND position = $3',
          [acc, year, pos],
        );
        markdown.set(pos, md.rows[0]?.markdown ?? '');
      }
      return rows.map((r) => {
        const s: SectionRecord = {
          sequence: r.sequence,
          kind: r.kind,
          code: r.code,
          title: r.title,
          start: r.start_offset,
          end: r.end_offset,
          markdown: (markdown.get(r.position) ?? '').slice(r.start_offset, r.end_offset),
        };
        if (r.exhibits !== null) s.exhibits = r.exhibits;
        return s;
      });
    },

    async getEntity(cik) {
      const c = tryCik(cik);
      if (c === undefined) return undefined;
      const { rows } = await pool.query<{
        detail: EntityRecord;
        filing_count: number;
        first_filing_date: string | null;
        last_filing_date: string | null;
      }>('SELECT detail, filing_count, first_filing_date, last_filing_date FROM entities WHERE cik = $1', [
        c,
      ]);
      const r = rows[0];
      if (r === undefined) return undefined;
      const e: EntityRecord = { ...r.detail, filingCount: r.filing_count };
      if (r.first_filing_date !== null) e.firstFilingDate = r.first_filing_date;
      if (r.last_filing_date !== null) e.lastFilingDate = r.last_filing_date;
      return e;
    },

    async listEntities(query: ListEntitiesQuery): Promise<EntityPage> {
      const params: unknown[] = [];
      const p = (v: unknown): string => {
        params.push(v);
        return `$${params.length}`;
      };
      const where: string[] = [];
      const q = query.q?.trim();
      if (q !== undefined && q !== '') {
        const cik = /^\d{1,10}$/.test(q) ? tryCik(q) : undefined;
        const like = `name ILIKE ${p(`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`;
        where.push(cik === undefined ? like : `(cik = ${p(cik)} OR ${like})`);
      }
      if (query.cursor !== undefined) {
        const c = decodeCursor(query.cursor, { n: 'string', c: 'string' });
        where.push(`(name COLLATE "C", cik) > (${p(c.n)} COLLATE "C", ${p(c.c)})`);
      }
      const limit = pageSize(query.limit, 100, 10000);
      const { rows } = await pool.query<{
        cik: string;
        name: string;
        entity_type: 'company' | 'owner';
        filing_count: number;
        last_filing_date: string | null;
      }>(
        `SELECT cik, name, entity_type, filing_count, last_filing_date FROM entities
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY name COLLATE "C", cik LIMIT ${limit + 1}`,
        params,
      );
      const page: EntityPage = {
        entities: rows.slice(0, limit).map((r) => {
          const e: EntityPage['entities'][number] = {
            cik: r.cik,
            name: r.name,
            entityType: r.entity_type,
            filingCount: r.filing_count,
          };
          if (r.last_filing_date !== null) e.lastFilingDate = r.last_filing_date;
          return e;
        }),
      };
      const last = rows[limit - 1];
      if (rows.length > limit && last !== undefined)
        page.nextCursor = encodeCursor({ n: last.name, c: last.cik });
      return page;
    },

    search: (request) =>
      searchStore(pool, request).catch((e: unknown) => {
        // 57014 query_canceled: the server's `statement_timeout` stopped the search.
        if ((e as { code?: unknown }).code === '57014')
          throw createError('timeout', 'search', options.statementTimeoutMs ?? 0);
        throw e;
      }),

    getSyncState: (key) => getSyncStateValue(pool, key),
    putSyncState: (entries) => putSyncStateValues(pool, entries),

    async stats(): Promise<StoreStats> {
      const { rows } = await pool.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM filings) AS filings,
                (SELECT count(*) FROM documents) AS documents,
                (SELECT count(*) FROM entities) AS entities,
                (SELECT count(*) FROM sections) AS sections,
                (SELECT coalesce(sum(size), 0) FROM filings) AS raw_bytes,
                (SELECT coalesce(sum(raw_stored_bytes), 0) FROM filings) AS raw_stored,
                (SELECT coalesce(sum(text_chars), 0) FROM documents) AS text_chars`,
      );
      const r = rows[0] ?? {};
      return {
        backend: 'postgres',
        schemaVersion,
        filings: Number(r.filings ?? 0),
        documents: Number(r.documents ?? 0),
        entities: Number(r.entities ?? 0),
        sections: Number(r.sections ?? 0),
        rawBytes: Number(r.raw_bytes ?? 0),
        rawStoredBytes: Number(r.raw_stored ?? 0),
        textChars: Number(r.text_chars ?? 0),
      };
    },

    async close() {
      await pool.end();
    },
  };
  return store;
}
