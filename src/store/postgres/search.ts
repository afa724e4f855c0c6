/**
 * `Store.search` on PostgreSQL: the query tree compiled to tsquery (`fts.ts`), matched per
 * document across its chunks, filtered, ranked with `ts_rank`, counted exactly, paged by keyset
 * cursor, and the page's hits given `ts_headline` snippets.
 * @module
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { SearchFilters } from '../../search/query-node.ts';
import { parseSnippet, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN } from '../../search/snippet.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toSearchOffset } from '../search-offset.ts';
import type { SearchHit, SearchRequest, SearchResult, Snippet } from '../store.ts';
import { compileTextQuery, havingSql, TS_CONFIG } from './fts.ts';
import { filingYear } from './partitions.ts';
import { pageSize } from './rows.ts';

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=30, MinWords=12, ShortWord=0, MaxFragments=2, FragmentDelimiter=" ${SNIPPET_ELLIPSIS} "`;

interface MatchRow {
  accession: string;
  filing_year: number;
  position: number;
  sequence: number;
  section: string;
  score: number;
  best_chunk: number | null;
  filing_date: string;
  form: string;
  cik: string;
  company_name: string;
  filename: string;
  type: string;
  description: string | null;
  total: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL conditions on filings alias `f` for the structured filters. */
function filterSql(filters: SearchFilters, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (filters.forms !== undefined && filters.forms.length > 0)
    where.push(`f.form = ANY(${p(filters.forms)}::text[])`);
  if (filters.from !== undefined) {
    where.push(`f.filing_date >= ${p(filters.from)}`, `f.filing_year >= ${p(filingYear(filters.from))}`);
  }
  if (filters.to !== undefined) {
    where.push(`f.filing_date <= ${p(filters.to)}`, "f.filing_date <> ''");
    const y = filingYear(filters.to);
    if (y > 0) where.push(`f.filing_year <= ${p(y)}`);
  }
  if (filters.items !== undefined && filters.items.length > 0)
    where.push(`f.items && ${p(filters.items)}::text[]`);
  if (filters.ciks !== undefined && filters.ciks.length > 0) {
    where.push(
      `EXISTS (SELECT 1 FROM filing_parties fp WHERE fp.accession = f.accession AND fp.filing_year = f.filing_year AND fp.cik = ANY(${p(filters.ciks)}::text[]))`,
    );
  }
  if (filters.companies !== undefined && filters.companies.length > 0) {
    const patterns = filters.companies.map((c) => `%${escapeLike(c)}%`);
    where.push(
      `EXISTS (SELECT 1 FROM filing_parties fp WHERE fp.accession = f.accession AND fp.filing_year = f.filing_year AND fp.name ILIKE ANY(${p(patterns)}::text[]))`,
    );
  }
  return where;
}

/** Run a search. */
export async function searchStore(pool: pg.Pool, request: SearchRequest): Promise<SearchResult> {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const limit = pageSize(request.limit, 20, 100);
  const offset = toSearchOffset(request.offset);
  const filters = request.filters;
  const compiled = request.text === undefined ? undefined : compileTextQuery(request.text);
  if (request.text !== undefined && compiled === undefined) return { total: 0, hits: [] };
  const byRelevance = compiled !== undefined && request.sort !== 'date';
  const where = filterSql(filters, p);
  // Ranked without filing filters, the match needs nothing from \`filings\`: joining it there
  // would read the whole filings table for a rare word (the page rows get their date below).
  const joinFiling = !byRelevance || where.length > 0;
  const docTypes = filters.documentTypes !== undefined && filters.documentTypes.length > 0;
  if (docTypes) where.push(`d.type = ANY(${p(filters.documentTypes)}::text[])`);
  const sections =
    filters.sections !== undefined && filters.sections.length > 0 ? filters.sections : undefined;
  let matchSql: string;
  let anyParam: string | undefined;
  if (compiled !== undefined && request.text !== undefined) {
    const full = `${p(compiled.full)}::tsquery`;
    anyParam = compiled.any === undefined ? undefined : `${p(compiled.any)}::tsquery`;
    const leafParams = compiled.leaves.map((l) => `${p(l)}::tsquery`);
    const prefilter =
      anyParam === undefined ? 'true' : `(c.tsv @@ ${full} OR (c.n_chunks > 1 AND c.tsv @@ ${anyParam}))`;
    const rank = anyParam === undefined ? '0::real' : `ts_rank(c.tsv, ${anyParam}, 1)`;
    where.push(
      prefilter,
      sections === undefined ? "c.section = ''" : `c.section = ANY(${p(sections)}::text[])`,
    );
    // Rank once per chunk (OFFSET 0 keeps the subquery, so ts_rank is not evaluated twice);
    // a single-chunk document passed the exact prefilter, so only multi-chunk ones need HAVING.
    matchSql = `SELECT c.filing_year, c.accession, c.position, c.section, c.filing_date,
        max(c.r) AS score, (array_agg(c.chunk ORDER BY c.r DESC))[1] AS best_chunk
      FROM (SELECT c.filing_year, c.accession, c.position, c.section, c.chunk, c.n_chunks, c.tsv,
              ${joinFiling ? 'f.filing_date' : "''::text AS filing_date"}, ${rank} AS r
            FROM fts_chunks c
            ${joinFiling ? 'JOIN filings f ON f.accession = c.accession AND f.filing_year = c.filing_year' : ''}
            ${docTypes ? 'JOIN documents d ON d.accession = c.accession AND d.filing_year = c.filing_year AND d.position = c.position' : ''}
            WHERE ${where.join(' AND ')} OFFSET 0) c
      GROUP BY c.filing_year, c.accession, c.position, c.section, c.filing_date
      HAVING max(c.n_chunks) = 1 OR ${havingSql(request.text, (i) => leafParams[i] ?? 'NULL')}`;
  } else {
    if (!docTypes && sections === undefined) where.push('d.sequence = f.primary_sequence');
    const sectionJoin =
      sections === undefined
        ? ''
        : `JOIN sections s ON s.accession = d.accession AND s.filing_year = d.filing_year AND s.position = d.position AND s.code = ANY(${p(sections)}::text[])`;
    matchSql = `SELECT DISTINCT f.filing_year, f.accession, d.position, ${sections === undefined ? "''::text" : 's.code'} AS section,
        f.filing_date, 0::real AS score, NULL::int AS best_chunk
      FROM filings f JOIN documents d ON d.accession = f.accession AND d.filing_year = f.filing_year
      ${sectionJoin}
      WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}`;
  }
  const order = byRelevance
    ? 'm.score DESC, m.accession, m.position, m.section COLLATE "C"'
    : 'm.filing_date DESC, m.accession DESC, m.position, m.section COLLATE "C"';
  const matchParams = params.length;
  let keyset = 'true';
  if (request.cursor !== undefined) {
    if (byRelevance) {
      const { s, a, q, sec } = decodeCursor(request.cursor, {
        s: 'number',
        a: 'string',
        q: 'number',
        sec: 'string',
      });
      keyset = `(m.score < ${p(s)}::real OR (m.score = ${p(s)}::real AND (m.accession, m.position, m.section COLLATE "C") > (${p(a)}, ${p(q)}::int, ${p(sec)} COLLATE "C")))`;
    } else {
      const { dt, a, q, sec } = decodeCursor(request.cursor, {
        dt: 'string',
        a: 'string',
        q: 'number',
        sec: 'string',
      });
      keyset = `(m.filing_date < ${p(dt)} OR (m.filing_date = ${p(dt)} AND (m.accession < ${p(a)} OR (m.accession = ${p(a)} AND (m.position, m.section COLLATE "C") > (${p(q)}::int, ${p(sec)} COLLATE "C")))))`;
    }
  }
  // The page is cut before its metadata is joined, and each page row looks its filing and
  // document up by key (LATERAL ... OFFSET 0 keeps those lookups nested): a hash join here
  // would read every filing and document of the store for twenty rows.
  const sql = `WITH m0 AS MATERIALIZED (${matchSql}),
    m AS (SELECT m0.*, count(*) OVER () AS total FROM m0),
    pg AS (SELECT * FROM m WHERE ${keyset} ORDER BY ${order} LIMIT ${limit + 1}${offset > 0 ? ` OFFSET ${p(offset)}::int` : ''})
    SELECT m.filing_year, m.accession, m.position, m.section, m.score, m.best_chunk, m.total,
      f.filing_date, d.sequence, f.form, f.cik, f.company_name, d.filename, d.type, d.description
    FROM pg m
    CROSS JOIN LATERAL (SELECT f.filing_date, f.form, f.cik, f.company_name FROM filings f
      WHERE f.accession = m.accession AND f.filing_year = m.filing_year OFFSET 0) f
    CROSS JOIN LATERAL (SELECT d.sequence, d.filename, d.type, d.description FROM documents d
      WHERE d.accession = m.accession AND d.filing_year = m.filing_year AND d.position = m.position OFFSET 0) d
    ORDER BY ${order}`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Named by its text: a query shape is planned once per connection, not on every search.
    const name = `edgarbox_search_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    const { rows } = await client.query<MatchRow>({ name, text: sql, values: params });
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0) {
      const count = await client.query<{ n: string }>(
        `WITH m AS (${matchSql}) SELECT count(*) AS n FROM m`,
        params.slice(0, matchParams),
      );
      total = Number(count.rows[0]?.n ?? 0);
    }
    const page = rows.slice(0, limit);
    const snippets = anyParam === undefined ? [] : await headlines(client, page, compiled?.any ?? '');
    await client.query('COMMIT');
    const hits = page.map((r, i) => toHit(r, snippets[i], byRelevance || compiled !== undefined));
    const result: SearchResult = { total, hits };
    const last = page[page.length - 1];
    if (rows.length > limit && last !== undefined) {
      result.nextCursor = encodeCursor(
        byRelevance
          ? { s: Number(last.score), a: last.accession, q: last.position, sec: last.section }
          : { dt: last.filing_date, a: last.accession, q: last.position, sec: last.section },
      );
    }
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

function toHit(r: MatchRow, snippet: Snippet | undefined, scored: boolean): SearchHit {
  const hit: SearchHit = {
    accession: r.accession,
    form: r.form,
    filingDate: r.filing_date,
    cik: r.cik,
    companyName: r.company_name,
    sequence: r.sequence,
    filename: r.filename,
    documentType: r.type,
    score: scored ? Number(r.score) : 0,
  };
  if (r.description !== null) hit.description = r.description;
  if (r.section !== '') hit.section = r.section;
  if (snippet !== undefined && snippet.text !== '') hit.snippet = snippet;
  return hit;
}

async function headlines(
  client: pg.PoolClient,
  page: MatchRow[],
  any: string,
): Promise<Array<Snippet | undefined>> {
  const withChunk = page.filter((r) => r.best_chunk !== null);
  if (withChunk.length === 0) return [];
  const { rows } = await client.query<{ i: string; h: string }>({
    name: 'edgarbox_headlines',
    text: `SELECT u.i, ts_headline('${TS_CONFIG}', c.body, $1::tsquery, $2) AS h
     FROM unnest($3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::int[])
       AS u(accession, filing_year, position, section, chunk, i)
     JOIN fts_chunks c ON c.accession = u.accession AND c.filing_year = u.filing_year
       AND c.position = u.position AND c.section = u.section AND c.chunk = u.chunk`,
    values: [
      any,
      HEADLINE_OPTIONS,
      page.map((r) => r.accession),
      page.map((r) => r.filing_year),
      page.map((r) => r.position),
      page.map((r) => r.section),
      page.map((r) => r.best_chunk ?? -1),
      page.map((_, i) => i),
    ],
  });
  const out: Array<Snippet | undefined> = page.map(() => undefined);
  for (const r of rows) out[Number(r.i)] = parseSnippet(r.h);
  return out;
}
