/**
 * Search over SQLite FTS5. Three cheap steps instead of one wide query: (1) the ranked page of
 * row ids, joining metadata only when a filter needs it; (2) snippets for just those rows;
 * (3) their metadata. Plus an exact `count(*)` of the same match. Paging is keyset-based
 * (score or date, then row id), so there is no offset cost and no hit cap.
 * @module
 */
import type Database from 'better-sqlite3';
import { createError } from '../../core/errors.ts';
import type { SearchFilters } from '../../search/query-node.ts';
import { parseSnippet, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN } from '../../search/snippet.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { SearchHit, SearchRequest, SearchResult } from '../store.ts';
import { toFtsMatch } from './fts.ts';

/** Search over one open database (synchronous; the store wraps it). */
export interface Searcher {
  search(request: SearchRequest): SearchResult;
}

interface HitMeta {
  id: number;
  sequence: number;
  filename: string;
  type: string;
  description: string | null;
  accession: string;
  form: string;
  filing_date: string;
  cik: string;
  company_name: string;
  code: string | null;
}

interface Plan {
  /** FTS table (`document_fts` / `section_fts`). */
  fts: string;
  /** Unit table alias joined on the FTS rowid: `d` (documents) or `s` (sections). */
  unit: 'd' | 's';
  joins: string;
  where: string[];
  args: Array<string | number>;
  needsJoin: boolean;
}

/** Words in a snippet (FTS5 counts tokens). */
const SNIPPET_TOKENS = 24;

function filterPlan(filters: SearchFilters, sections: boolean): Plan {
  const where: string[] = [];
  const args: Array<string | number> = [];
  const json = (list: string[]) => JSON.stringify(list);
  if (filters.forms?.length) {
    where.push('f.form IN (SELECT value FROM json_each(?))');
    args.push(json(filters.forms));
  }
  if (filters.from !== undefined) {
    where.push('f.filing_date >= ?');
    args.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.push('f.filing_date <= ?');
    args.push(filters.to);
  }
  if (filters.ciks?.length) {
    where.push(
      'f.id IN (SELECT filing_id FROM filing_parties WHERE cik IN (SELECT value FROM json_each(?)))',
    );
    args.push(json(filters.ciks));
  }
  if (filters.companies?.length) {
    const likes = filters.companies.map(() => "name LIKE ? ESCAPE '\\'").join(' OR ');
    where.push(`f.id IN (SELECT filing_id FROM filing_parties WHERE ${likes})`);
    for (const c of filters.companies) args.push(`%${c.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  }
  if (filters.items?.length) {
    where.push('f.id IN (SELECT filing_id FROM filing_items WHERE item IN (SELECT value FROM json_each(?)))');
    args.push(json(filters.items));
  }
  if (filters.documentTypes?.length) {
    where.push('d.type IN (SELECT value FROM json_each(?))');
    args.push(json(filters.documentTypes));
  }
  if (sections) {
    where.push('s.code IN (SELECT value FROM json_each(?))');
    args.push(json(filters.sections ?? []));
    return {
      fts: 'section_fts',
      unit: 's',
      joins:
        'JOIN sections s ON s.id = u.id JOIN documents d ON d.id = s.document_id JOIN filings f ON f.id = s.filing_id',
      where,
      args,
      needsJoin: true,
    };
  }
  return {
    fts: 'document_fts',
    unit: 'd',
    joins: 'JOIN documents d ON d.id = u.id JOIN filings f ON f.id = d.filing_id',
    where,
    args,
    needsJoin: where.length > 0,
  };
}

/** Create the searcher; fixed statements are prepared once, filter shapes on demand. */
export function createSearcher(db: Database.Database): Searcher {
  const snippetSql = (fts: string) =>
    db.prepare<[string, number], { s: string }>(
      `SELECT snippet(${fts}, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '${SNIPPET_ELLIPSIS}', ${SNIPPET_TOKENS}) AS s
       FROM ${fts} WHERE ${fts} MATCH ? AND rowid = ?`,
    );
  const snippets = { document_fts: snippetSql('document_fts'), section_fts: snippetSql('section_fts') };
  const metaSql = {
    d: db.prepare<[string], HitMeta>(
      `SELECT d.id, d.sequence, d.filename, d.type, d.description, f.accession, f.form, f.filing_date, f.cik,
         f.company_name, NULL AS code
       FROM documents d JOIN filings f ON f.id = d.filing_id WHERE d.id IN (SELECT value FROM json_each(?))`,
    ),
    s: db.prepare<[string], HitMeta>(
      `SELECT s.id, d.sequence, d.filename, d.type, d.description, f.accession, f.form, f.filing_date, f.cik,
         f.company_name, s.code
       FROM sections s JOIN documents d ON d.id = s.document_id JOIN filings f ON f.id = s.filing_id
       WHERE s.id IN (SELECT value FROM json_each(?))`,
    ),
  };
  const cache = new Map<string, Database.Statement>();
  function prepare(sql: string): Database.Statement {
    let st = cache.get(sql);
    if (!st) {
      if (cache.size > 200) cache.clear();
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  }

  function searchText(req: SearchRequest, match: string, limit: number): SearchResult {
    const plan = filterPlan(req.filters, (req.filters.sections?.length ?? 0) > 0);
    const byDate = req.sort === 'date';
    const join = plan.needsJoin || byDate;
    const from = `(SELECT rowid AS id, bm25(${plan.fts}) AS score FROM ${plan.fts} WHERE ${plan.fts} MATCH ?) u`;
    const ftsFrom = `${plan.fts} WHERE ${plan.fts} MATCH ?`;
    const where = [...plan.where];
    const args: Array<string | number> = [...plan.args];
    // Count: the same match and filters, without ranking.
    const countSql = join
      ? `SELECT count(*) AS n FROM (SELECT rowid AS id FROM ${ftsFrom}) u ${plan.joins} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`
      : `SELECT count(*) AS n FROM ${ftsFrom}`;
    const total = (prepare(countSql).get(match, ...args) as { n: number }).n;
    if (req.cursor !== undefined) {
      if (byDate) {
        const c = decodeCursor(req.cursor, { d: 'string', i: 'number' });
        where.push('(f.filing_date, u.id) < (?, ?)');
        args.push(c.d, c.i);
      } else {
        const c = decodeCursor(req.cursor, { s: 'number', i: 'number' });
        where.push('(u.score > ? OR (u.score = ? AND u.id > ?))');
        args.push(c.s, c.s, c.i);
      }
    }
    const order = byDate ? 'f.filing_date DESC, u.id DESC' : 'u.score, u.id';
    const pageSql = join
      ? `SELECT u.id, u.score, f.filing_date AS date FROM ${from} ${plan.joins} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`
      : `SELECT u.id, u.score, '' AS date FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
    const rows = prepare(pageSql).all(match, ...args, limit + 1) as Array<{
      id: number;
      score: number;
      date: string;
    }>;
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const snippet = snippets[plan.fts as keyof typeof snippets];
    const hits = toHits(page, plan.unit, (id) => snippet.get(match, id)?.s);
    const result: SearchResult = { total, hits };
    const last = page[page.length - 1];
    if (more && last)
      result.nextCursor = encodeCursor(byDate ? { d: last.date, i: last.id } : { s: last.score, i: last.id });
    return result;
  }

  function searchFilters(req: SearchRequest, limit: number): SearchResult {
    const sections = (req.filters.sections?.length ?? 0) > 0;
    const plan = filterPlan(req.filters, sections);
    const where = [...plan.where];
    const args: Array<string | number> = [...plan.args];
    let base: string;
    if (sections) {
      base = 'FROM sections s JOIN documents d ON d.id = s.document_id JOIN filings f ON f.id = s.filing_id';
    } else {
      base = 'FROM documents d JOIN filings f ON f.id = d.filing_id';
      if (!req.filters.documentTypes?.length) where.push('d.sequence = f.primary_sequence');
    }
    const idCol = sections ? 's.id' : 'd.id';
    const w = () => (where.length ? `WHERE ${where.join(' AND ')}` : '');
    const total = (prepare(`SELECT count(*) AS n ${base} ${w()}`).get(...args) as { n: number }).n;
    if (req.cursor !== undefined) {
      const c = decodeCursor(req.cursor, { d: 'string', i: 'number' });
      where.push(`(f.filing_date, ${idCol}) < (?, ?)`);
      args.push(c.d, c.i);
    }
    const rows = prepare(
      `SELECT ${idCol} AS id, 0 AS score, f.filing_date AS date ${base} ${w()} ORDER BY f.filing_date DESC, ${idCol} DESC LIMIT ?`,
    ).all(...args, limit + 1) as Array<{ id: number; score: number; date: string }>;
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const result: SearchResult = { total, hits: toHits(page, plan.unit, () => undefined) };
    const last = page[page.length - 1];
    if (more && last) result.nextCursor = encodeCursor({ d: last.date, i: last.id });
    return result;
  }

  function toHits(
    page: Array<{ id: number; score: number }>,
    unit: 'd' | 's',
    snippetOf: (id: number) => string | undefined,
  ): SearchHit[] {
    if (page.length === 0) return [];
    const meta = new Map(metaSql[unit].all(JSON.stringify(page.map((r) => r.id))).map((m) => [m.id, m]));
    const hits: SearchHit[] = [];
    for (const r of page) {
      const m = meta.get(r.id);
      if (!m) continue;
      const hit: SearchHit = {
        accession: m.accession,
        form: m.form,
        filingDate: m.filing_date,
        cik: m.cik,
        companyName: m.company_name,
        sequence: m.sequence,
        filename: m.filename,
        documentType: m.type,
        score: r.score === 0 ? 0 : -r.score,
      };
      if (m.description !== null) hit.description = m.description;
      if (m.code !== null) hit.section = m.code;
      const s = snippetOf(r.id);
      if (s !== undefined) hit.snippet = parseSnippet(s);
      hits.push(hit);
    }
    return hits;
  }

  return {
    search(req) {
      const limit = Math.trunc(req.limit ?? 20);
      if (!(limit >= 1 && limit <= 100))
        throw createError('invalid-query', `limit must be 1 to 100, got ${req.limit}`);
      if (req.text === undefined) return searchFilters(req, limit);
      return searchText(req, toFtsMatch(req.text), limit);
    },
  };
}
