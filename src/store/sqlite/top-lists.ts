/**
 * Build the champion lists of `document_fts` (schema 8, `migrations/008-top-lists.ts`): for every
 * word in at least `minDocs` documents, the `size` documents it ranks best alone (FTS5 bm25(), so
 * exactly the order a search of that word gives) and the K-th one's tf part
 * theta = score / idf, where FTS5's BM25 is score = idf * tf(k1+1) / (tf + k1(1-b+b*dl/avgdl)),
 * k1 1.2, b 0.75, idf = ln((N-n+0.5)/(n+0.5)) (1e-6 when <= 0). A document outside a word's list
 * has a tf part <= theta, which is what lets `top-list-reader.ts` bound every document a search
 * did not score. The reads run in one snapshot; the lists are replaced in the same transaction,
 * so a search sees the old lists or the new ones, never a mix.
 * @module
 */
import type Database from 'better-sqlite3';
import { readFtsAverages } from './fts-averages.ts';
import { ftsIdf } from './top-list-reader.ts';

/** Options of `buildTopLists`. */
export interface TopListsOptions {
  /** Words in fewer documents get no list (their searches are cheap without). Default `TOP_LIST_MIN_DOCS`. */
  minDocs?: number;
  /** Documents per list (K). Default `TOP_LIST_SIZE`. */
  size?: number;
  /** Called now and then with the words done and the words to do. */
  onProgress?: (done: number, total: number) => void;
}

/** What a build did. */
export interface TopListsBuild {
  /** Words given a list. */
  terms: number;
  /** Documents in the index (N). */
  documents: number;
  /** Largest document rowid covered; larger ones are scored by every search. */
  maxRowid: number;
  minDocs: number;
  size: number;
  seconds: number;
}

/**
 * Default K: a page of up to 101 rows (EDGAR full-text search asks for 100), plus room for the
 * pages behind it and for AND queries, whose best documents come from the lists of their words.
 */
export const TOP_LIST_SIZE = 1000;
/**
 * Default T: measured at 100k filings, ranking a word in 5,000 documents costs ~5 ms; the lists
 * of the 1,667 words at or above it hold 30M postings, a build of ~40 s there.
 */
export const TOP_LIST_MIN_DOCS = 5000;

/**
 * Documents below which `refreshTopLists` builds nothing: measured on the 10k-filing bench store
 * (12,866 documents), a word in 74 % of them ("company") ranks in 14-25 ms CPU without lists, so
 * the ~20 ms a common word may cost is crossed at about this size.
 */
export const TOP_LISTS_MIN_STORE_DOCS = 20_000;
/**
 * Rebuild once the documents added and deleted since the last build reach this share of it: each
 * build then covers 1.3x the documents of the last, so all builds together cost a few times the
 * last one (amortized), and searches never score more than ~30 % of a word's documents beyond
 * its list.
 */
export const TOP_LISTS_GROWTH = 0.3;

/** Options of `refreshTopLists`. */
export interface RefreshTopListsOptions extends TopListsOptions {
  /** Build even when the store is small or has not changed enough. */
  force?: boolean;
  /** Default `TOP_LISTS_MIN_STORE_DOCS`. */
  minStoreDocs?: number;
  /** Default `TOP_LISTS_GROWTH`. */
  growth?: number;
}

/** What `refreshTopLists` did: built (with the build's figures) or why not. */
export type TopListsRefresh =
  | ({ built: true } & TopListsBuild)
  | { built: false; reason: 'small' | 'current'; documents: number; changed: number };

/**
 * Build the lists when they are worth it and missing or stale: the store holds at least
 * `minStoreDocs` documents, and no build exists or the documents added and deleted since reach
 * `growth` of it. Cheap when nothing is due (three small reads).
 * @example refreshTopLists(db, { onProgress }) // { built: false, reason: 'current', ... } most of the time
 */
export function refreshTopLists(
  db: Database.Database,
  options: RefreshTopListsOptions = {},
): TopListsRefresh {
  const documents = readFtsAverages(db, 'document_fts').rows;
  const meta = db.prepare('SELECT rows, max_rowid FROM fts_top_meta WHERE id = 1').get() as
    | { rows: number; max_rowid: number }
    | undefined;
  let changed = documents;
  if (meta) {
    const tail = (
      db.prepare('SELECT count(*) AS n FROM document_fts_docsize WHERE id > ?').get(meta.max_rowid) as {
        n: number;
      }
    ).n;
    // Added since (the live documents above the boundary) plus deleted since.
    changed = tail + Math.max(0, meta.rows + tail - documents);
  }
  if (!options.force) {
    if (documents < (options.minStoreDocs ?? TOP_LISTS_MIN_STORE_DOCS))
      return { built: false, reason: 'small', documents, changed };
    if (meta && changed < (options.growth ?? TOP_LISTS_GROWTH) * meta.rows)
      return { built: false, reason: 'current', documents, changed };
  }
  return { built: true, ...buildTopLists(db, options) };
}

/** Words the lists cover: what the tokenizer emits unchanged when a query quotes them. */
export const LISTABLE_TERM = /^[a-z0-9]+$/;

/**
 * Build (or rebuild) every list from the current index, replacing the old ones.
 * @throws SQLite `SQLITE_BUSY_SNAPSHOT` when another connection wrote during the build (run it again).
 * @example buildTopLists(db, { onProgress: (d, n) => console.error(`${d}/${n}`) })
 */
export function buildTopLists(db: Database.Database, options: TopListsOptions = {}): TopListsBuild {
  const minDocs = Math.max(1, Math.trunc(options.minDocs ?? TOP_LIST_MIN_DOCS));
  const size = Math.max(1, Math.trunc(options.size ?? TOP_LIST_SIZE));
  const started = performance.now();
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.edgarbox_fts_vocab USING fts5vocab(main, 'document_fts', 'row')",
  );
  const vocab = db.prepare<[number], { term: string }>(
    'SELECT term FROM temp.edgarbox_fts_vocab WHERE doc >= ?',
  );
  const count = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH ?',
  );
  const top = db.prepare<[string], { id: number; score: number }>(
    `SELECT rowid AS id, bm25(document_fts) AS score FROM document_fts WHERE document_fts MATCH ?
     ORDER BY score, rowid LIMIT ${size}`,
  );
  const maxRowid = db.prepare<[], { m: number | null }>('SELECT max(id) AS m FROM document_fts_docsize');
  const clear = db.prepare('DELETE FROM fts_top_lists');
  const insert = db.prepare('INSERT INTO fts_top_lists (term, df, theta, rowids) VALUES (?, ?, ?, ?)');
  const meta = db.prepare(
    `INSERT OR REPLACE INTO fts_top_meta (id, rows, avgdl, max_rowid, min_df, size, seconds, built_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction((): TopListsBuild => {
    const averages = readFtsAverages(db, 'document_fts');
    const n = averages.rows;
    const avgdl = n > 0 ? (averages.tokens[0] ?? 0) / n : 0;
    const terms = vocab
      .all(minDocs)
      .map((r) => r.term)
      .filter((t) => LISTABLE_TERM.test(t));
    const lists: Array<[string, number, number, string]> = [];
    for (const [i, term] of terms.entries()) {
      if (i % 50 === 0) options.onProgress?.(i, terms.length);
      const match = `"${term}"`;
      const df = count.get(match)?.n ?? 0;
      const rows = top.all(match);
      const last = rows[rows.length - 1];
      if (!last) continue;
      // A list holding every document of the word leaves nothing outside it: theta 0.
      const theta = rows.length < size || df <= rows.length ? 0 : -last.score / ftsIdf(n, df);
      lists.push([term, df, theta, JSON.stringify(rows.map((r) => r.id).sort((a, b) => a - b))]);
    }
    options.onProgress?.(terms.length, terms.length);
    const max = maxRowid.get()?.m ?? 0;
    clear.run();
    for (const l of lists) insert.run(...l);
    const seconds = (performance.now() - started) / 1000;
    meta.run(n, avgdl, max, minDocs, size, seconds, new Date().toISOString());
    return { terms: lists.length, documents: n, maxRowid: max, minDocs, size, seconds };
  })();
}
