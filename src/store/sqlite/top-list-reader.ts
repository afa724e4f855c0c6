/**
 * The query side of the champion lists (`top-lists.ts`): for a search whose every phrase (a word
 * or several) has a listed word, the candidate documents (per phrase, the list of its word with
 * the least theta; plus every document newer than the build) and a bound no other document can
 * beat.
 *
 * The bound, per word t: a document that existed at the build and is not in t's list has a tf
 * part <= theta_t there; the tf part depends on the document (tf, length: fixed) and on avgdl,
 * and rises at most by avgdl_now / avgdl_build when avgdl grows (never when it shrinks). bm25()
 * sums idf_t * tf part over the query's phrases, so a non-candidate scores at most
 * SUM idf_t(now) * theta_t * max(1, avgdl_now / avgdl_build). idf_t(now) needs the word's
 * document count now, which only FTS5's own pass knows: it is bounded from the build's count
 * minus the documents deleted since (N_build + live documents newer than the build - N_now), and
 * from the search's own total (every phrase matches at least the documents the search matches);
 * idf falls as the count rises, so the larger of the two gives an upper bound. A phrase of several
 * words: its tf is at most each word's, so outside the list of any one of its words its tf part is
 * at most that word's theta (the least one is taken), with the phrase's own idf.
 * @module
 */
import type Database from 'better-sqlite3';
import { parseFtsAverages } from './fts-averages.ts';

/** Candidates of one search and the best score any other document could have. */
export interface TopListCandidates {
  /** JSON array of the candidate rowids (per phrase, the documents of one of its words' lists). */
  rowids: string;
  /** Documents with a rowid above this are newer than the lists: candidates too. */
  tailAfter: number;
  /**
   * Upper bound of the score (higher is better, i.e. -bm25()) of any matching document that is
   * not a candidate, given `total`, the number of documents the search matches (every phrase
   * of it matches at least those); 0 when there can be none (a list holds all its documents).
   */
  bound(total: number): number;
}

/** Reads the lists for searches. */
export interface TopListReader {
  /**
   * Candidates for a search whose phrases (each one word or several, in the order and with the
   * repeats FTS5 scores them) are `phrases`; `undefined` when a phrase has no listed word.
   */
  candidates(phrases: string[][]): TopListCandidates | undefined;
}

/** Documents newer than the lists, as a share of the documents they cover, past which they are not used. */
const STALE_TAIL_SHARE = 1;

/**
 * FTS5's idf (fts5_aux.c): ln((N - n + 0.5) / (n + 0.5)), 1e-6 when that is <= 0.
 * @example ftsIdf(1000, 10) // 4.55...
 */
export function ftsIdf(rows: number, docs: number): number {
  const idf = Math.log((rows - docs + 0.5) / (docs + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/**
 * Create the reader; `undefined` when the store has no list tables (an older schema opened
 * read-only by an older path) so that searches simply take the full path.
 */
export function createTopListReader(db: Database.Database): TopListReader | undefined {
  let q: {
    meta: Database.Statement<[], { rows: number; avgdl: number; max_rowid: number }>;
    list: Database.Statement<[string], { df: number; theta: number; rowids: string }>;
    averages: Database.Statement<[], { block: Uint8Array }>;
    tail: Database.Statement<[number], { n: number }>;
  };
  try {
    q = {
      meta: db.prepare('SELECT rows, avgdl, max_rowid FROM fts_top_meta WHERE id = 1'),
      list: db.prepare('SELECT df, theta, rowids FROM fts_top_lists WHERE term = ?'),
      averages: db.prepare('SELECT block FROM document_fts_data WHERE id = 1'),
      tail: db.prepare('SELECT count(*) AS n FROM document_fts_docsize WHERE id > ?'),
    };
  } catch {
    return undefined;
  }
  return {
    candidates(phrases) {
      const meta = q.meta.get();
      if (!meta || phrases.length === 0) return undefined;
      const lists = new Map<string, { df: number; theta: number; rowids: string } | undefined>();
      const read = (t: string) => {
        if (!lists.has(t)) lists.set(t, q.list.get(t));
        return lists.get(t);
      };
      // Per phrase: the list of its word with the least theta (a document outside it has, for the
      // phrase, a tf part <= that theta; one above it for the phrase is above it for each word,
      // so in that list already), and for a one-word phrase the word's count at the build.
      const units: Array<{ theta: number; df: number }> = [];
      const chosen = new Set<{ rowids: string }>();
      for (const words of phrases) {
        let best: { theta: number; rowids: string } | undefined;
        for (const w of words) {
          const l = read(w);
          if (l && (!best || l.theta < best.theta)) best = l;
        }
        if (!best) return undefined;
        chosen.add(best);
        units.push({ theta: best.theta, df: words.length === 1 ? (read(words[0] as string)?.df ?? 0) : 0 });
      }
      const tail = q.tail.get(meta.max_rowid)?.n ?? 0;
      // Lists older than most of the store (writes that never rebuild them, such as uploads to
      // a server that runs for months): every newer document would be scored, so rank as before.
      if (tail > meta.rows * STALE_TAIL_SHARE) return undefined;
      const now = parseFtsAverages(q.averages.get()?.block ?? new Uint8Array(0));
      // Documents of the build deleted since (at least; more when the boundary moved down).
      const deleted = Math.max(0, meta.rows + tail - now.rows);
      const avgdl = now.rows > 0 ? (now.tokens[0] ?? 0) / now.rows : 0;
      const scale = meta.avgdl > 0 ? Math.max(1, avgdl / meta.avgdl) : Number.POSITIVE_INFINITY;
      const complete = units.some((u) => u.theta === 0);
      let rowids: string;
      if (chosen.size === 1) rowids = ([...chosen][0] as { rowids: string }).rowids;
      else {
        const all = new Set<number>();
        for (const l of chosen) for (const id of JSON.parse(l.rowids) as number[]) all.add(id);
        rowids = JSON.stringify([...all]);
      }
      return {
        rowids,
        tailAfter: meta.max_rowid,
        bound(total) {
          if (complete) return 0;
          let sum = 0;
          // idf falls as a phrase's document count rises: the least count it can have gives the
          // most idf it can have (or the 1e-6 FTS5 puts for an idf <= 0, if more).
          for (const u of units)
            sum += Math.max(1e-6, ftsIdf(now.rows, Math.max(total, u.df - deleted))) * u.theta * scale;
          return sum;
        },
      };
    },
  };
}
