/**
 * `edgarbox_top_hits`: an SQL aggregate that counts every row it sees and keeps the best `k` by
 * (score, id) ascending, after an optional keyset (score, id). One pass over an FTS5 match then
 * gives both the exact total and the ranked page, which matters when matching is the expensive
 * part (phrases: every candidate's positions are compared, and a separate `count(*)` would
 * compare them all again).
 * @module
 */
import type Database from 'better-sqlite3';

/** The aggregate's name, as SQL calls it. */
export const TOP_HITS = 'edgarbox_top_hits';

/** What the aggregate returns (as JSON): the row count and the best rows, best first. */
export interface TopHits {
  n: number;
  /** `[id, score]` pairs in (score, id) ascending order. */
  rows: Array<[number, number]>;
}

interface State {
  n: number;
  /** Sorted ascending by (score, id); at most `k` entries. */
  rows: Array<[number, number]>;
}

function before(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 < s2 || (s1 === s2 && i1 < i2);
}

/**
 * Register `edgarbox_top_hits(id, score, k, afterScore, afterId)` on `db`. Rows at or before the
 * keyset (`afterScore`, `afterId`; both NULL for the first page) are counted but not kept.
 * @example db.prepare(`SELECT ${TOP_HITS}(rowid, s, 21, NULL, NULL) FROM (...)`).pluck().get()
 */
export function registerTopHits(db: Database.Database): void {
  // The typings allow one argument per step; the function is variadic in SQL.
  const step = (state: State, ...args: unknown[]): State => {
    const [id, score, k, afterScore, afterId] = args as [
      number,
      number,
      number,
      number | null,
      number | null,
    ];
    state.n++;
    if (afterScore !== null && afterId !== null && !before(afterScore, afterId, score, id)) return state;
    const rows = state.rows;
    const worst = rows[rows.length - 1];
    if (rows.length >= k && worst && !before(score, id, worst[1], worst[0])) return state;
    // Insertion into a short sorted list (k <= 101): cheaper than a heap at this size.
    let i = rows.length;
    while (i > 0) {
      const r = rows[i - 1] as [number, number];
      if (!before(score, id, r[1], r[0])) break;
      i--;
    }
    rows.splice(i, 0, [id, score]);
    if (rows.length > k) rows.pop();
    return state;
  };
  db.aggregate<State>(TOP_HITS, {
    varargs: true,
    start: () => ({ n: 0, rows: [] }),
    step: step as (total: State, next: unknown) => State,
    result: (state) => JSON.stringify(state),
  });
}
