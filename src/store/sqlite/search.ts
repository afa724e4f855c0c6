/**
 * Search over SQLite FTS5. Three cheap steps instead of one wide query: (1) the ranked page of
 * row ids, joining metadata only when a filter needs it; (2) snippets for just those rows
 * (`snippets.ts`); (3) their metadata. Plus an exact `count(*)` of the same match, or, for
 * phrases and filtered searches (where matching itself is the cost), the page and the count
 * from one materialized pass. Paging is keyset-based (score or date, then row id), so there is
 * no offset cost and no hit cap. Words and phrases of common words, without filters, are ranked
 * from the champion lists (`top-lists.ts`) when their bound proves the page: bm25() then runs on
 * a few thousand candidates instead of every match, with the same scores.
 * @module
 */
import type Database from 'better-sqlite3';
import { createError, isEdgarError } from '../../core/errors.ts';
import type { QueryNode, SearchFilters } from '../../search/query-node.ts';
import { parseSnippet } from '../../search/snippet.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toSearchOffset } from '../search-offset.ts';
import type { SearchHit, SearchRequest, SearchResult } from '../store.ts';
import { toFtsMatch } from './fts.ts';
import { createSnippetMaker, type SnippetSource, snippetCall } from './snippets.ts';
import { createStatementCache } from './statement-cache.ts';
import { createTopListReader, type TopListCandidates } from './top-list-reader.ts';
import { LISTABLE_TERM } from './top-lists.ts';

/** Search over one open database (synchronous; the store wraps it). */
export interface Searcher {
  search(request: SearchRequest): SearchResult;
}

/** Options of `createSearcher`. */
export interface SearcherOptions {
  /**
   * Time limit of one search, ms. The search runs synchronously (an HTTP server's own timer
   * cannot fire during it), so its statements check the clock themselves, in a SQL function
   * called for about one matching row in 64 (`rowid & 63` short-circuits the rest); past the
   * limit the search stops with EdgarError `timeout`. Absent: no limit, no check in the SQL.
   * Not interruptible: work FTS5 does before its first row (a phrase's document frequencies for
   * bm25(), one pass over the match per phrase; a prefix's doclists merged).
   */
  timeLimitMs?: number;
  /**
   * Rank by the champion lists (`top-lists.ts`) when a search allows it (default true); false
   * always takes the full path (tests compare the two).
   */
  topLists?: boolean;
  /** Called after each search that tried the lists: true when they proved its page, false when it fell back. */
  onTopLists?: (proved: boolean) => void;
}

/** Rows between two clock checks, as a mask on the row id (64: ~0.1 ms of usual matching). */
const CHECK_MASK = 63;

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

/** Hit metadata columns, per unit (`d` documents, `s` sections); `id` is the FTS rowid. */
const META_COLUMNS = {
  d: 'd.sequence, d.filename, d.type, d.description, f.accession, f.form, f.filing_date, f.cik, f.company_name, NULL AS code',
  s: 'd.sequence, d.filename, d.type, d.description, f.accession, f.form, f.filing_date, f.cik, f.company_name, s.code',
};

/**
 * Matches above which a snippet pass (walking the whole match) costs more than re-indexing the
 * page's texts (~2-4 ms for 20 hits): measured at 100k filings, a single word's pass costs about
 * 0.1 us a match plus the snippets, a phrase's 0.3-3 us a match (positions compared; the most
 * for phrases of common words). Below these a pass is as cheap or cheaper (10k filings).
 */
const SNIPPET_PASS_LIMIT = 10_000;
const SNIPPET_PASS_LIMIT_PHRASE = 5_000;

function filterPlan(filters: SearchFilters, sections: boolean): Plan {
  const where: string[] = [];
  const args: Array<string | number> = [];
  const json = (list: string[]) => JSON.stringify(list);
  if (filters.forms?.length === 1) {
    // Equality lets SQLite walk filings_form_date in date order instead of sorting.
    where.push('f.form = ?');
    args.push(filters.forms[0] as string);
  } else if (filters.forms?.length) {
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
        'JOIN sections s ON s.id = section_fts.rowid JOIN documents d ON d.id = s.document_id JOIN filings f ON f.id = s.filing_id',
      where,
      args,
      needsJoin: true,
    };
  }
  return {
    fts: 'document_fts',
    unit: 'd',
    joins: 'JOIN documents d ON d.id = document_fts.rowid JOIN filings f ON f.id = d.filing_id',
    where,
    args,
    needsJoin: where.length > 0,
  };
}

/**
 * The OFFSET clause of a page and its bound value (bound, not written in: every `from` of EDGAR
 * full-text search would be a statement of its own); nothing for none. SQLite's sorter keeps
 * offset + limit rows, so a deep page costs one pass, as the first does.
 */
function offsetSql(offset: number): string {
  return offset > 0 ? ' OFFSET ?' : '';
}

function offsetArgs(offset: number): number[] {
  return offset > 0 ? [offset] : [];
}

/** Relative margin of the lists' bound, far above bm25()'s float error (~1e-15). */
const BOUND_MARGIN = 1e-9;

/**
 * The phrases of a search the champion lists can rank, one entry (its words) per phrase FTS5
 * scores: a word or a phrase, or an AND of them; no prefix, no exclusion, no OR, and only words
 * the tokenizer leaves as they are.
 */
function listPhrases(node: QueryNode | undefined): string[][] | undefined {
  if (!node) return undefined;
  const words = (n: QueryNode): string[] | undefined => {
    const tokens = n.kind === 'term' ? [n.token] : n.kind === 'phrase' ? n.tokens : undefined;
    if (!tokens?.length || ('prefix' in n && n.prefix) || !tokens.every((t) => LISTABLE_TERM.test(t)))
      return undefined;
    return tokens;
  };
  if (node.kind !== 'and') {
    const w = words(node);
    return w && [w];
  }
  if (node.exclude?.length) return undefined;
  const out: string[][] = [];
  for (const c of node.children) {
    const w = words(c);
    if (!w) return undefined;
    out.push(w);
  }
  return out.length > 0 ? out : undefined;
}

/** Whether `node` holds a phrase of two or more tokens (matching it compares positions). */
function hasPhrase(node: QueryNode | undefined): boolean {
  if (!node) return false;
  switch (node.kind) {
    case 'term':
      return false;
    case 'phrase':
      return node.tokens.length > 1;
    case 'or':
      return node.children.some(hasPhrase);
    case 'and':
      return node.children.some(hasPhrase) || (node.exclude ?? []).some(hasPhrase);
  }
}

/**
 * Create the searcher; fixed statements are prepared once, filter shapes on demand.
 * @example createSearcher(db, { timeLimitMs: 10_000 }).search({ text, filters: {}, sort: 'relevance' })
 */
export function createSearcher(db: Database.Database, options: SearcherOptions = {}): Searcher {
  const makeSnippets = createSnippetMaker(db);
  const timeLimitMs = options.timeLimitMs;
  let deadline = Number.POSITIVE_INFINITY;
  if (timeLimitMs !== undefined) {
    // True (keeps the row) while in time; past the deadline it throws from inside the statement,
    // and better-sqlite3 aborts the statement and rethrows this error.
    db.function('edgarbox_in_time', { deterministic: false, directOnly: true }, () => {
      if (performance.now() > deadline) throw createError('timeout', 'search', timeLimitMs);
      return 1;
    });
  }
  /** The clock check for a WHERE clause over row ids `id`: always true; empty without a limit. */
  const check = (id: string): string =>
    timeLimitMs === undefined ? '' : ` AND (${id} & ${CHECK_MASK} OR edgarbox_in_time())`;
  // Bound `IN (?, ?, ...)` lists: about 4x cheaper than `IN (SELECT value FROM json_each(?))` here.
  const metaFrom = {
    d: `SELECT d.id, ${META_COLUMNS.d} FROM documents d JOIN filings f ON f.id = d.filing_id WHERE d.id IN`,
    s: `SELECT s.id, ${META_COLUMNS.s} FROM sections s JOIN documents d ON d.id = s.document_id
        JOIN filings f ON f.id = s.filing_id WHERE s.id IN`,
  };
  const prepare = createStatementCache(db);
  const topLists = options.topLists === false ? undefined : createTopListReader(db);
  /** (rowid, score) pairs `edgarbox_collect` gathers during one statement of `rankedFromLists`. */
  let collected: number[] = [];
  if (topLists) {
    db.function('edgarbox_collect', { deterministic: false, directOnly: true }, (id, score) => {
      collected.push(id as number, score as number);
      return 1;
    });
  }
  // A small document match: the snippet pass also joins each page row's metadata (the `+rowid`
  // test comes before the joins, so only page rows are joined): one statement instead of two.
  const passWithMeta = db.prepare<[string, string], HitMeta & { s: string }>(
    `SELECT document_fts.rowid AS id, ${META_COLUMNS.d}, ${snippetCall('document_fts')} AS s
     FROM document_fts JOIN documents d ON d.id = document_fts.rowid JOIN filings f ON f.id = d.filing_id
     WHERE document_fts MATCH ?${check('document_fts.rowid')} AND +document_fts.rowid IN (SELECT value FROM json_each(?))`,
  );

  function searchText(req: SearchRequest, match: string, limit: number, offset: number): SearchResult {
    const plan = filterPlan(req.filters, (req.filters.sections?.length ?? 0) > 0);
    const byDate = req.sort === 'date';
    if (!byDate && topLists && !plan.needsJoin && plan.fts === 'document_fts') {
      const phrases = listPhrases(req.text);
      const candidates = phrases && topLists.candidates(phrases);
      if (candidates) {
        const result = rankedFromLists(req, plan, match, limit, offset, candidates);
        options.onTopLists?.(result !== undefined);
        if (result) return result;
      }
    }
    // A separate count is cheap only for words without filters (FTS5 counts doclists without
    // reading positions or joining); otherwise it would repeat the match: count while ranking.
    if (!byDate && (plan.needsJoin || hasPhrase(req.text)))
      return rankedInOnePass(req, plan, match, limit, offset);
    const t = plan.fts;
    const joins = plan.needsJoin || byDate ? plan.joins : '';
    const filters = plan.where.map((w) => ` AND ${w}`).join('');
    const keyset: string[] = [];
    const args: Array<string | number> = [...plan.args];
    if (req.cursor !== undefined && byDate) {
      const c = decodeCursor(req.cursor, { d: 'string', i: 'number' });
      keyset.push(` AND (f.filing_date, ${t}.rowid) < (?, ?)`);
      args.push(c.d, c.i);
    } else if (req.cursor !== undefined) {
      const c = decodeCursor(req.cursor, { s: 'number', i: 'number' });
      keyset.push(` AND (bm25(${t}) > ? OR (bm25(${t}) = ? AND ${t}.rowid > ?))`);
      args.push(c.s, c.s, c.i);
    }
    // (1) The ranked page, ids and scores only: SQLite keeps the best rows in a small heap and
    // (score, rowid) is a total order, so cursors never skip or repeat a tied hit. The limit is
    // written into the SQL (an integer 1..101, checked below): a bound LIMIT costs ~10% more
    // here (0.38 vs 0.34 ms CPU for a medium word at 10k), and a statement per limit is cached.
    const order = byDate ? `f.filing_date DESC, ${t}.rowid DESC` : `score, ${t}.rowid`;
    const rows = prepare(
      `SELECT ${t}.rowid AS id, bm25(${t}) AS score, ${byDate ? 'f.filing_date' : "''"} AS date FROM ${t} ${joins}
       WHERE ${t} MATCH ?${filters}${keyset.join('')}${check(`${t}.rowid`)} ORDER BY ${order} LIMIT ${limit + 1}${offsetSql(offset)}`,
    ).all(match, ...args, ...offsetArgs(offset)) as Array<{ id: number; score: number; date: string }>;
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    // Exact total: a first page that is not full already is the whole answer. Without filters the
    // count only walks doclists (~0.05 us a match): no clock check there (it cost ~40% more).
    const total =
      req.cursor === undefined && offset === 0 && !more
        ? page.length
        : (
            prepare(
              `SELECT count(*) AS n FROM ${t} ${plan.needsJoin ? plan.joins : ''} WHERE ${t} MATCH ?${filters}${plan.needsJoin ? check(`${t}.rowid`) : ''}`,
            ).get(match, ...plan.args) as { n: number }
          ).n;
    return finish(plan, match, page, total, more, byDate, hasPhrase(req.text));
  }

  /**
   * Relevance order from the champion lists, in one pass over the match that counts it: bm25()
   * runs on the candidates only (so FTS5 reads positions for them alone, and the scores are the
   * full path's), collected by `edgarbox_collect` and ordered here as SQL orders them (score,
   * then rowid). The page stands when the row after it scores better than the bound on every
   * non-candidate; otherwise `undefined` (take the full path).
   */
  function rankedFromLists(
    req: SearchRequest,
    plan: Plan,
    match: string,
    limit: number,
    offset: number,
    c: TopListCandidates,
  ): SearchResult | undefined {
    const t = plan.fts;
    const k = req.cursor === undefined ? undefined : decodeCursor(req.cursor, { s: 'number', i: 'number' });
    // One walk that counts the match and hands each candidate's score to `edgarbox_collect`.
    collected = [];
    const { n: total } = prepare(
      `SELECT count(*) AS n FROM ${t} WHERE ${t} MATCH ?${check(`${t}.rowid`)}
       AND CASE WHEN +${t}.rowid IN (SELECT value FROM json_each(?)) OR +${t}.rowid > ?
         THEN edgarbox_collect(${t}.rowid, bm25(${t})) ELSE 1 END`,
    ).get(match, c.rowids, c.tailAfter) as { n: number };
    let rows: Array<{ id: number; score: number }> = [];
    for (let i = 0; i < collected.length; i += 2)
      rows.push({ id: collected[i] as number, score: collected[i + 1] as number });
    collected = [];
    if (k)
      rows = rows.filter((r) => r.score > (k.s as number) || (r.score === k.s && r.id > (k.i as number)));
    rows.sort((x, y) => x.score - y.score || x.id - y.id);
    rows = rows.slice(offset, offset + limit + 1);
    const edge = rows[limit];
    const bound = c.bound(total);
    // Bound 0: no document outside the candidates matches, the candidates are the whole answer.
    if (bound > 0 && !(edge && -edge.score > bound * (1 + BOUND_MARGIN))) return undefined;
    const more = rows.length > limit;
    const page = (more ? rows.slice(0, limit) : rows).map((r) => ({ id: r.id, score: r.score, date: '' }));
    return finish(plan, match, page, total, more, false, hasPhrase(req.text));
  }

  /**
   * Relevance order in one pass that also counts: for phrases, where matching (comparing
   * positions) is the cost, and for filtered searches (joins per match), where a separate
   * `count(*)` would pay it again. Same order, keyset and total as the two-statement path.
   */
  function rankedInOnePass(
    req: SearchRequest,
    plan: Plan,
    match: string,
    limit: number,
    offset: number,
  ): SearchResult {
    const t = plan.fts;
    const filters = plan.where.map((w) => ` AND ${w}`).join('');
    const matched = `SELECT ${t}.rowid AS id, bm25(${t}) AS score FROM ${t} ${plan.needsJoin ? plan.joins : ''}
       WHERE ${t} MATCH ?${filters}${check(`${t}.rowid`)}`;
    let keyset = '';
    const args: Array<string | number> = [match, ...plan.args];
    if (req.cursor !== undefined) {
      const c = decodeCursor(req.cursor, { s: 'number', i: 'number' });
      keyset = 'WHERE score > ? OR (score = ? AND id > ?)';
      args.push(c.s, c.s, c.i);
    }
    // The match is materialized once (C, about 0.3 us a row): the count and the page's small
    // sort both read that, so positions are compared and bm25() run once per match. `n` is the
    // same (uncorrelated, computed once) on every row.
    const rows = prepare(
      `WITH m AS MATERIALIZED (${matched})
       SELECT id, score, (SELECT count(*) FROM m) AS n FROM m ${keyset} ORDER BY score, id LIMIT ${limit + 1}${offsetSql(offset)}`,
    ).all(...args, ...offsetArgs(offset)) as Array<{ id: number; score: number; n: number }>;
    const more = rows.length > limit;
    const page = (more ? rows.slice(0, limit) : rows).map((r) => ({ id: r.id, score: r.score, date: '' }));
    // No row after the cursor or the offset: the count did not come back with one, so ask for it.
    const total =
      rows[0]?.n ??
      (req.cursor === undefined && offset === 0
        ? 0
        : (prepare(`SELECT count(*) AS n FROM (${matched})`).get(match, ...plan.args) as { n: number }).n);
    return finish(plan, match, page, total, more, false, hasPhrase(req.text));
  }

  function finish(
    plan: Plan,
    match: string,
    page: Array<{ id: number; score: number; date: string }>,
    total: number,
    more: boolean,
    byDate: boolean,
    phrase: boolean,
  ): SearchResult {
    // (2) Snippets for the page rows only: a pass over the match while that is cheap, else the
    // page's texts re-indexed on their own (`snippets.ts`); (3) the page rows' metadata.
    const costly = total > SNIPPET_PASS_LIMIT || (phrase && total > SNIPPET_PASS_LIMIT_PHRASE);
    let hits: SearchHit[];
    if (!costly && plan.unit === 'd' && page.length > 0) {
      const rows = passWithMeta.all(match, JSON.stringify(page.map((r) => r.id)));
      const meta = new Map(rows.map((m) => [m.id, m]));
      hits = toHits(page, meta, (id) => meta.get(id)?.s);
    } else {
      const marked = makeSnippets(
        plan.fts as SnippetSource,
        match,
        page.map((r) => r.id),
        costly ? 'scratch' : 'pass',
      );
      hits = toHits(page, readMeta(page, plan.unit), (id) => marked.get(id));
    }
    const result: SearchResult = { total, hits };
    const last = page[page.length - 1];
    if (more && last) {
      result.nextCursor = encodeCursor(byDate ? { d: last.date, i: last.id } : { s: last.score, i: last.id });
    }
    return result;
  }

  function searchFilters(req: SearchRequest, limit: number, offset: number): SearchResult {
    const sections = (req.filters.sections?.length ?? 0) > 0;
    // Without section or document-type filters a hit is a filing's primary document: walk the
    // filings (their date indexes) and keyset on the filing id.
    const primary = !sections && !req.filters.documentTypes?.length;
    const plan = filterPlan(req.filters, sections);
    const where = [...plan.where];
    const args: Array<string | number> = [...plan.args];
    let base: string;
    let countBase: string;
    if (sections) {
      base = 'FROM sections s JOIN documents d ON d.id = s.document_id JOIN filings f ON f.id = s.filing_id';
      countBase = base;
    } else if (primary) {
      base = 'FROM filings f JOIN documents d ON d.filing_id = f.id AND d.sequence = f.primary_sequence';
      countBase = 'FROM filings f';
      // Only filings with a primary document have a hit (the join says so for the page).
      where.push('f.primary_sequence IS NOT NULL');
    } else {
      base = 'FROM documents d JOIN filings f ON f.id = d.filing_id';
      countBase = base;
    }
    const keyCol = sections ? 's.id' : primary ? 'f.id' : 'd.id';
    // The clock check goes last (`check` starts with AND); `1` stands in for no other condition.
    const w = () => {
      const clock = check(keyCol);
      return where.length || clock ? `WHERE ${where.length ? where.join(' AND ') : '1'}${clock}` : '';
    };
    const total = (prepare(`SELECT count(*) AS n ${countBase} ${w()}`).get(...args) as { n: number }).n;
    if (req.cursor !== undefined) {
      const c = decodeCursor(req.cursor, { d: 'string', i: 'number' });
      where.push(`(f.filing_date, ${keyCol}) < (?, ?)`);
      args.push(c.d, c.i);
    }
    const rows = prepare(
      `SELECT ${sections ? 's.id' : 'd.id'} AS id, ${keyCol} AS k, 0 AS score, f.filing_date AS date ${base} ${w()}
       ORDER BY f.filing_date DESC, ${keyCol} DESC LIMIT ${limit + 1}${offsetSql(offset)}`,
    ).all(...args, ...offsetArgs(offset)) as Array<{ id: number; k: number; score: number; date: string }>;
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const result: SearchResult = { total, hits: toHits(page, readMeta(page, plan.unit), () => undefined) };
    const last = page[page.length - 1];
    if (more && last) result.nextCursor = encodeCursor({ d: last.date, i: last.k });
    return result;
  }

  function readMeta(page: Array<{ id: number }>, unit: 'd' | 's'): Map<number, HitMeta> {
    if (page.length === 0) return new Map();
    const rows = prepare(`${metaFrom[unit]} (${page.map(() => '?').join(', ')})`).all(
      ...page.map((r) => r.id),
    ) as HitMeta[];
    return new Map(rows.map((m) => [m.id, m]));
  }

  function toHits(
    page: Array<{ id: number; score: number }>,
    meta: Map<number, HitMeta>,
    snippetOf: (id: number) => string | undefined,
  ): SearchHit[] {
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
      const offset = toSearchOffset(req.offset);
      if (timeLimitMs !== undefined) deadline = performance.now() + timeLimitMs;
      if (req.text === undefined) return searchFilters(req, limit, offset);
      const match = toFtsMatch(req.text);
      try {
        return searchText(req, match, limit, offset);
      } catch (e) {
        // Tokens are quoted, so FTS5 should never reject a match; if it does, say so as a query
        // error rather than leak SQLite's message.
        if (e instanceof Error && /fts5|MATCH/i.test(e.message) && !isEdgarError(e)) {
          throw createError('invalid-query', 'the full-text index could not run it');
        }
        throw e;
      }
    },
  };
}
