/**
 * `searchFilings`: the search use case every front door calls. Parses the user query, merges
 * the caller's filters with those written inside the query, validates, and asks the store.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseCik } from '../core/ids.ts';
import { parseDateFilter, parseQuery } from '../search/query.ts';
import type { SearchFilters } from '../search/query-node.ts';
import { toSearchOffset } from '../store/search-offset.ts';
import type { SearchResult, Store } from '../store/store.ts';

/** A search as a front door receives it; option filters add to filters written in `q`. */
export interface SearchFilingsInput {
  /** The user query (words, phrases, OR, -exclusion, prefix*, field:value filters). */
  q: string;
  forms?: string[];
  ciks?: string[];
  companies?: string[];
  /** Filing date from/to (inclusive): `2017-03-08`, `20170308` or a year. */
  from?: string;
  to?: string;
  items?: string[];
  sections?: string[];
  documentTypes?: string[];
  sort?: 'relevance' | 'date';
  /** 1..100, default 20. */
  limit?: number;
  cursor?: string;
  /** Hits to skip first, 0..10,000 (`SearchRequest.offset`). */
  offset?: number;
}

function merge(into: string[] | undefined, more: string[]): string[] {
  const out = [...(into ?? [])];
  for (const v of more) if (!out.includes(v)) out.push(v);
  return out;
}

/**
 * Run a search.
 * @throws EdgarError `invalid-query` for a malformed query, filter, limit, cursor or offset.
 * @example await searchFilings(store, { q: '"CLR 131" multiple myeloma', forms: ['8-K'] })
 */
export async function searchFilings(store: Store, input: SearchFilingsInput): Promise<SearchResult> {
  const hasOptionFilter =
    [input.forms, input.ciks, input.companies, input.items, input.sections, input.documentTypes].some(
      (l) => (l?.length ?? 0) > 0,
    ) ||
    input.from !== undefined ||
    input.to !== undefined;
  const parsed =
    input.q.trim() === '' && hasOptionFilter ? { filters: {} as SearchFilters } : parseQuery(input.q);
  const f: SearchFilters = { ...parsed.filters };
  const upper = (l: string[]) => l.map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
  if (input.forms?.length) f.forms = merge(f.forms, upper(input.forms));
  if (input.documentTypes?.length) f.documentTypes = merge(f.documentTypes, upper(input.documentTypes));
  if (input.sections?.length) f.sections = merge(f.sections, upper(input.sections));
  if (input.companies?.length)
    f.companies = merge(
      f.companies,
      input.companies.map((s) => s.trim()).filter((s) => s !== ''),
    );
  if (input.items?.length) {
    for (const i of input.items)
      if (!/^\d{1,2}\.\d{2}$/.test(i.trim()))
        throw createError('invalid-query', `item: expected an item code like 2.02, got ${JSON.stringify(i)}`);
    f.items = merge(
      f.items,
      input.items.map((s) => s.trim()),
    );
  }
  if (input.ciks?.length) {
    const ciks = input.ciks.map((c) => {
      try {
        return parseCik(c);
      } catch {
        throw createError('invalid-query', `cik: expected 1 to 10 digits, got ${JSON.stringify(c)}`);
      }
    });
    f.ciks = merge(f.ciks, ciks);
  }
  if (input.from !== undefined) {
    const d = parseDateFilter(input.from, 'from');
    if (f.from === undefined || d > f.from) f.from = d;
  }
  if (input.to !== undefined) {
    const d = parseDateFilter(input.to, 'to');
    if (f.to === undefined || d < f.to) f.to = d;
  }
  const limit = input.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw createError('invalid-query', `limit must be 1 to 100, got ${input.limit}`);
  const sort = input.sort ?? (parsed.text === undefined ? 'date' : 'relevance');
  return store.search({
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
    filters: f,
    sort,
    limit,
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
    ...(input.offset === undefined ? {} : { offset: toSearchOffset(input.offset) }),
  });
}
