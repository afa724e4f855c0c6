/**
 * Snippets for a page of hits. `snippet()` needs an FTS5 cursor positioned on the row, and the
 * only cheap way to one is a pass over the whole match (seeking by rowid is slower still: with a
 * rowid range FTS5 walks each doclist from the start, and `rowid = ?` with a bound value is
 * ignored beside MATCH in SQLite 3.54.1, returning every match). A pass costs in proportion to
 * the match: little for rare words, tens of ms for a phrase over common words (positions compared
 * for every candidate). For those, the page's texts are copied into a scratch FTS5 table in the
 * connection's temp schema (same tokenizer) and `snippet()` runs there: its output depends only
 * on the row's own text and the query, so it is the same, at a cost set by the page size alone.
 * `section_fts` keeps no text (schema 7), so section snippets always come from the scratch table,
 * filled with the sections' slices of their document's Markdown.
 * @module
 */
import type Database from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN } from '../../search/snippet.ts';

/** Words in a snippet (FTS5 counts tokens). */
const SNIPPET_TOKENS = 24;
/** The tokenizer of `document_fts` and `section_fts` (migration 1); the scratch table must match. */
const TOKENIZE = 'unicode61 remove_diacritics 2';

/** The FTS tables a snippet can come from. */
export type SnippetSource = 'document_fts' | 'section_fts';

/** Marked snippets (`SNIPPET_OPEN`/`SNIPPET_CLOSE` around matches) by FTS rowid. */
export type SnippetMaker = (
  fts: SnippetSource,
  match: string,
  ids: number[],
  /** `'pass'` is honoured for `document_fts` only (`section_fts` holds no text to pass over). */
  strategy: 'pass' | 'scratch',
) => Map<number, string>;

/** The `snippet()` call every path uses (markers, ellipsis, length), for the FTS table `fts`. */
export const snippetCall = (fts: string): string =>
  `snippet(${fts}, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '${SNIPPET_ELLIPSIS}', ${SNIPPET_TOKENS})`;

/**
 * Create the snippet maker over `db`. `strategy: 'pass'` walks the match once for all rows
 * (cheap when the match is small); `'scratch'` re-indexes just the page's texts.
 * @example makeSnippets('document_fts', '"clr" + "131"', [12, 40], 'pass').get(12)
 */
export function createSnippetMaker(db: Database.Database): SnippetMaker {
  // `+rowid` stops SQLite from turning the IN list into one FTS5 lookup per row.
  const passSql = (fts: string) =>
    db.prepare<[string, string], { id: number; s: string }>(
      `SELECT rowid AS id, ${snippetCall(fts)} AS s
       FROM ${fts} WHERE ${fts} MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
    );
  const pass = passSql('document_fts');
  let scratch:
    | {
        fill: Record<SnippetSource, (ids: string) => void>;
        index: Database.Statement;
        snippet: Database.Statement<[string], { id: number; s: string }>;
        clear: () => void;
      }
    | undefined;

  function openScratch(): NonNullable<typeof scratch> {
    // External content, so emptying it is one 'delete-all' instead of re-tokenizing each row.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS edgarbox_snip_text (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.edgarbox_snip USING fts5 (body, content = 'edgarbox_snip_text',
        content_rowid = 'id', tokenize = '${TOKENIZE}');`);
    const fillDocuments = db.prepare<[string]>(
      `INSERT INTO temp.edgarbox_snip_text (id, body)
       SELECT rowid, body FROM main.document_fts WHERE rowid IN (SELECT value FROM json_each(?))`,
    );
    // Offsets are JavaScript string offsets (UTF-16), as the writer sliced them: slice here too.
    const sectionSlices = db.prepare<
      [string],
      { id: number; markdown: string | null; start_offset: number; end_offset: number }
    >(
      `SELECT s.id, d.markdown, s.start_offset, s.end_offset FROM sections s JOIN documents d ON d.id = s.document_id
       WHERE s.id IN (SELECT value FROM json_each(?))`,
    );
    const insertText = db.prepare('INSERT INTO temp.edgarbox_snip_text (id, body) VALUES (?, ?)');
    const fillSections = (ids: string) => {
      for (const r of sectionSlices.all(ids))
        if (r.markdown !== null) insertText.run(r.id, r.markdown.slice(r.start_offset, r.end_offset));
    };
    const index = db.prepare(
      'INSERT INTO temp.edgarbox_snip (rowid, body) SELECT id, body FROM temp.edgarbox_snip_text',
    );
    const deleteAll = db.prepare("INSERT INTO temp.edgarbox_snip (edgarbox_snip) VALUES ('delete-all')");
    const deleteText = db.prepare('DELETE FROM temp.edgarbox_snip_text');
    return {
      fill: { document_fts: (ids) => fillDocuments.run(ids), section_fts: fillSections },
      index,
      snippet: db.prepare(
        `SELECT rowid AS id, ${snippetCall('edgarbox_snip')} AS s FROM temp.edgarbox_snip WHERE edgarbox_snip MATCH ?`,
      ),
      clear: () => {
        deleteAll.run();
        deleteText.run();
      },
    };
  }

  return (fts, match, ids, strategy) => {
    const out = new Map<number, string>();
    if (ids.length === 0) return out;
    if (strategy === 'pass' && fts === 'document_fts') {
      for (const row of pass.all(match, JSON.stringify(ids))) out.set(row.id, row.s);
      return out;
    }
    scratch ??= openScratch();
    const s = scratch;
    try {
      s.fill[fts](JSON.stringify(ids));
      s.index.run();
      for (const row of s.snippet.all(match)) out.set(row.id, row.s);
    } finally {
      s.clear();
    }
    return out;
  };
}
