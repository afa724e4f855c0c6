/**
 * edgarbox's own search query tree: what `parseQuery` produces from a user query and what every
 * store backend compiles (SQLite to FTS5 MATCH, PostgreSQL to tsquery). Backend-neutral.
 * @module
 */

/**
 * One node of a full-text query. Terms hold tokens already normalised the way the index
 * tokenises text (lower case, letters and digits only), so a backend can quote them safely.
 */
export type QueryNode =
  /** One token; `prefix` matches every token starting with it (`myelo*`). */
  | { kind: 'term'; token: string; prefix?: boolean }
  /**
   * Tokens that must appear next to each other, in order (`"CLR 131"`, or `8-K` → `8 k`);
   * `prefix` makes the last token a prefix (`clr-13*`).
   */
  | { kind: 'phrase'; tokens: string[]; prefix?: boolean }
  /** Every child must match. `exclude` lists children that must NOT match (`-word`). */
  | { kind: 'and'; children: QueryNode[]; exclude?: QueryNode[] }
  /** At least one child must match. */
  | { kind: 'or'; children: QueryNode[] };

/** Structured filters: from CLI/API options and from `field:value` terms inside the query. */
export interface SearchFilters {
  /** Form types, exact (`8-K`, `10-K/A`), upper-cased. */
  forms?: string[];
  /** 10-digit CIKs: a filing matches when any of its parties has one of them. */
  ciks?: string[];
  /** Company-name fragments (case-insensitive substring of any party's name in the filing). */
  companies?: string[];
  /** Filing date from (inclusive), ISO. */
  from?: string;
  /** Filing date to (inclusive), ISO. */
  to?: string;
  /** 8-K item codes from the header (`2.02`): a filing matches when it lists any of them. */
  items?: string[];
  /** Section codes (`1A`, `7.01`): search inside those located sections only. */
  sections?: string[];
  /** Document types (`8-K`, `EX-99.1`), upper-cased. */
  documentTypes?: string[];
}

/** A parsed user query: the full-text part (absent when the query only filters) and its filters. */
export interface ParsedQuery {
  text?: QueryNode;
  filters: SearchFilters;
}
