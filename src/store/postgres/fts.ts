/**
 * Full text on PostgreSQL: compile edgarbox's query tree (`search/query-node.ts`) to `tsquery`
 * text for the `edgarbox` text-search configuration, and split long text into chunks that each
 * fit a `tsvector` (at most 1 MB, and word positions stop at 16,383).
 *
 * A document (or a located section) is indexed as one row per chunk, so matching is evaluated
 * per document: every term or phrase of the query (a "leaf") is tested against each chunk and the
 * results are combined with `bool_or` across the chunks of a document (`havingSql`). A cheap
 * chunk-level prefilter (`prefilterSql`) lets the GIN index find the candidates first.
 * @module
 */

import { toTokens } from '../../search/query.ts';
import type { QueryNode } from '../../search/query-node.ts';

/**
 * The text-search configuration created by the migrations (no stemming, no stop words,
 * unaccented): used only to find words to highlight in `ts_headline`. Indexing and queries do
 * not go through it: the index holds exactly the tokens `search/query.ts` `toTokens` makes.
 */
export const TS_CONFIG = 'edgarbox';

/** Characters of text per indexed chunk: ~10k words, well under 16,383 positions and 1 MB. */
export const TEXT_CHUNK_CHARS = 64 * 1024;

/** A compiled full-text query: its leaves and SQL fragments over a chunk alias `c`. */
export interface CompiledTextQuery {
  /** tsquery text of the whole query (chunk-level; exact for single-chunk documents). */
  full: string;
  /** tsquery text matching any positive leaf (for ranking, headlines and multi-chunk candidates). */
  any: string | undefined;
  /** tsquery text of every leaf, in order. */
  leaves: string[];
}

const TOKEN = /^[\p{L}\p{N}]+$/u;

function quote(token: string): string {
  return `'${token.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
}

function leafText(node: QueryNode & { kind: 'term' | 'phrase' }): string | undefined {
  if (node.kind === 'term') {
    if (!TOKEN.test(node.token)) return undefined;
    return node.prefix === true ? `${quote(node.token)}:*` : quote(node.token);
  }
  const tokens = node.tokens.filter((t) => TOKEN.test(t));
  if (tokens.length === 0) return undefined;
  const parts = tokens.map(quote);
  if (node.prefix === true) parts[parts.length - 1] = `${parts[parts.length - 1]}:*`;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' <-> ')})`;
}

/**
 * Compile a query tree. Empty parts (no usable tokens) are dropped; a tree with nothing left
 * compiles to `undefined`.
 * @example compileTextQuery({ kind: 'phrase', tokens: ['clr', '131'] }).full // "('clr' <-> '131')"
 */
export function compileTextQuery(node: QueryNode): CompiledTextQuery | undefined {
  const leaves: string[] = [];
  const positive: string[] = [];
  const walk = (n: QueryNode, negated: boolean): string | undefined => {
    if (n.kind === 'term' || n.kind === 'phrase') {
      const text = leafText(n);
      if (text === undefined) return undefined;
      leaves.push(text);
      if (!negated) positive.push(text);
      return text;
    }
    if (n.kind === 'or') {
      const parts = n.children.map((c) => walk(c, negated)).filter((p) => p !== undefined);
      return parts.length === 0 ? undefined : `(${parts.join(' | ')})`;
    }
    const parts = n.children.map((c) => walk(c, negated)).filter((p) => p !== undefined);
    const excluded = (n.exclude ?? []).map((c) => walk(c, !negated)).filter((p) => p !== undefined);
    const all = [...parts, ...excluded.map((e) => `!${e}`)];
    if (parts.length === 0) return undefined;
    return `(${all.join(' & ')})`;
  };
  const full = walk(node, false);
  if (full === undefined) return undefined;
  return { full, any: positive.length === 0 ? undefined : positive.join(' | '), leaves };
}

/**
 * SQL deciding, for the group of chunks of a multi-chunk document, whether the whole document
 * matches (a single-chunk document already passed the exact prefilter, so the caller skips this
 * for it). `leafParam(i)` returns the placeholder (e.g. `$4`) holding leaf `i`'s tsquery. The
 * group holds only the chunks that passed the prefilter, which is enough for positive leaves; an
 * excluded leaf is checked against all of the document's chunks.
 */
export function havingSql(node: QueryNode, leafParam: (i: number) => string): string {
  let i = 0;
  const walk = (n: QueryNode, negated: boolean): string | undefined => {
    if (n.kind === 'term' || n.kind === 'phrase') {
      if (leafText(n) === undefined) return undefined;
      const p = leafParam(i++);
      if (!negated) return `coalesce(bool_or(c.tsv @@ ${p}) FILTER (WHERE c.n_chunks > 1), false)`;
      return `(CASE WHEN max(c.n_chunks) = 1 THEN false ELSE EXISTS (SELECT 1 FROM fts_chunks x
        WHERE x.accession = c.accession AND x.filing_year = c.filing_year AND x.position = c.position
        AND x.section = c.section AND x.tsv @@ ${p}) END)`;
    }
    if (n.kind === 'or') {
      const parts = n.children.map((c) => walk(c, negated)).filter((p) => p !== undefined);
      return parts.length === 0 ? undefined : `(${parts.join(' OR ')})`;
    }
    const parts = n.children.map((c) => walk(c, negated)).filter((p) => p !== undefined);
    const excluded = (n.exclude ?? []).map((c) => walk(c, !negated)).filter((p) => p !== undefined);
    if (parts.length === 0) return undefined;
    return `(${[...parts, ...excluded.map((e) => `NOT ${e}`)].join(' AND ')})`;
  };
  return walk(node, false) ?? 'true';
}

/**
 * Split text into chunks of at most about `size` characters, cutting after whitespace where
 * possible and never inside a surrogate pair. Joining the chunks gives back the text exactly.
 */
export function splitTextChunks(text: string, size = TEXT_CHUNK_CHARS): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    let end = start + size;
    const window = text.slice(start + (size >> 1), end);
    const ws = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
    if (ws >= 0) end = start + (size >> 1) + ws + 1;
    else if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** Positions PostgreSQL keeps per lexeme. */
const MAX_POSITIONS = 256;
/** Highest word position a tsvector stores. */
const MAX_POSITION = 16383;
/** Longest lexeme PostgreSQL accepts, in bytes. */
const MAX_LEXEME_BYTES = 2046;

/**
 * The `tsvector` text of a chunk, built here with the same tokenizer as queries (`toTokens`:
 * lower case, diacritics removed, letters and digits only), so PostgreSQL matches exactly the
 * words SQLite's `unicode61 remove_diacritics 2` tokenizer does, without stemming.
 * @example toTsvectorText('CLR-131 and clr') // "'131':2 'and':3 'clr':1,4"
 */
export function toTsvectorText(text: string): string {
  const positions = new Map<string, number[]>();
  let pos = 0;
  // ASCII fast path, same tokens as `toTokens` (NFKD and mark removal change nothing there).
  const tokens = /[^\p{ASCII}]/u.test(text)
    ? toTokens(text)
    : text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((t) => t.length > 0);
  for (const token of tokens) {
    pos = Math.min(MAX_POSITION, pos + 1);
    const list = positions.get(token);
    if (list === undefined) {
      if (Buffer.byteLength(token) <= MAX_LEXEME_BYTES) positions.set(token, [pos]);
    } else if (list.length < MAX_POSITIONS && list[list.length - 1] !== pos) list.push(pos);
  }
  const parts: string[] = [];
  for (const [token, list] of positions) parts.push(`${quote(token)}:${list.join(',')}`);
  return parts.join(' ');
}
