/**
 * The edgarbox query language, parsed into the backend-neutral tree of `query-node.ts`.
 *
 * - words: all must match (`multiple myeloma`); `OR` between two terms makes either enough and
 *   binds tighter than the implicit AND (`myeloma OR lymphoma trial`);
 * - `"exact phrases"`; `-word` / `-"a phrase"` excludes; `prefix*` (at least 2 characters);
 * - filters: `form:8-K cik:1279704 item:7.01 section:1A company:cellectar company:"cellectar bio"
 *   type:EX-99.1 from:2017-01-01 to:2017-12-31` (repeat a field to allow several values).
 *
 * Words are tokenised the way the index tokenises text (letters and digits; everything else
 * separates), so `CLR-131` is the phrase `clr 131`. Unknown `name:value` words are searched as text.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseCik } from '../core/ids.ts';
import type { ParsedQuery, QueryNode, SearchFilters } from './query-node.ts';

/** Longest accepted query, in characters. */
export const MAX_QUERY_LENGTH = 2000;
/** Most terms (words, phrases, prefixes) in one query. */
export const MAX_QUERY_TERMS = 64;

const FIELDS = new Set(['form', 'cik', 'item', 'section', 'company', 'type', 'from', 'to']);

/** Split text into index tokens: lower case, diacritics removed, letters and digits only. */
export function toTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * Normalise a date filter value: `2017-03-08`, `20170308`, or a year (`2017`; `from` takes
 * January 1, `to` December 31).
 * @throws EdgarError `invalid-query`
 */
export function parseDateFilter(value: string, end: 'from' | 'to'): string {
  const v = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(v);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso)) return iso;
  }
  m = /^(\d{4})$/.exec(v);
  if (m) return end === 'from' ? `${m[1]}-01-01` : `${m[1]}-12-31`;
  throw createError(
    'invalid-query',
    `${end}: expected a date like 2017-03-08, got ${JSON.stringify(value.slice(0, 40))}`,
  );
}

interface Lexeme {
  kind: 'word' | 'phrase' | 'or';
  text: string;
  negated: boolean;
  field?: string;
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < input.length && !/\s/.test(input[i + 1] as string)) {
      negated = true;
      i++;
    }
    let field: string | undefined;
    const fm = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i, i + 20));
    if (fm && FIELDS.has((fm[1] as string).toLowerCase())) {
      field = (fm[1] as string).toLowerCase();
      i += fm[0].length;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) throw createError('invalid-query', 'a quote is not closed');
      let text = input.slice(i + 1, close);
      i = close + 1;
      if (input[i] === '*') {
        text += '*';
        i++;
      }
      out.push(
        field === undefined ? { kind: 'phrase', text, negated } : { kind: 'phrase', text, negated, field },
      );
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j] as string) && input[j] !== '"') j++;
    const text = input.slice(i, j);
    i = j;
    if (text === 'OR' && !negated && field === undefined) out.push({ kind: 'or', text, negated: false });
    else
      out.push(
        field === undefined ? { kind: 'word', text, negated } : { kind: 'word', text, negated, field },
      );
  }
  return out;
}

function addFilter(filters: SearchFilters, field: string, raw: string): void {
  const value = raw.trim();
  if (value === '') throw createError('invalid-query', `${field}: needs a value`);
  const push = (key: 'forms' | 'ciks' | 'companies' | 'items' | 'sections' | 'documentTypes', v: string) => {
    const list = filters[key] ?? [];
    if (!list.includes(v)) list.push(v);
    filters[key] = list;
  };
  switch (field) {
    case 'form':
      push('forms', value.toUpperCase());
      return;
    case 'type':
      push('documentTypes', value.toUpperCase());
      return;
    case 'cik':
      try {
        push('ciks', parseCik(value));
      } catch {
        throw createError(
          'invalid-query',
          `cik: expected 1 to 10 digits, got ${JSON.stringify(value.slice(0, 40))}`,
        );
      }
      return;
    case 'company':
      push('companies', value);
      return;
    case 'item':
      if (!/^\d{1,2}\.\d{2}$/.test(value))
        throw createError(
          'invalid-query',
          `item: expected an item code like 2.02, got ${JSON.stringify(value.slice(0, 40))}`,
        );
      push('items', value);
      return;
    case 'section':
      push('sections', value.toUpperCase());
      return;
    case 'from':
    case 'to': {
      const iso = parseDateFilter(value, field);
      const current = filters[field];
      // Several bounds narrow the range.
      if (current === undefined || (field === 'from' ? iso > current : iso < current)) filters[field] = iso;
      return;
    }
  }
}

function toTerm(text: string): QueryNode | undefined {
  let prefix = false;
  let t = text;
  if (t.endsWith('*')) {
    prefix = true;
    t = t.replace(/\*+$/, '');
  }
  const tokens = toTokens(t);
  if (tokens.length === 0) return undefined;
  if (prefix && (tokens[tokens.length - 1] as string).length < 2) {
    throw createError(
      'invalid-query',
      `a prefix needs at least 2 letters or digits before *, got ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  if (tokens.length === 1)
    return prefix
      ? { kind: 'term', token: tokens[0] as string, prefix }
      : { kind: 'term', token: tokens[0] as string };
  return prefix ? { kind: 'phrase', tokens, prefix } : { kind: 'phrase', tokens };
}

function countTerms(n: QueryNode): number {
  if (n.kind === 'term' || n.kind === 'phrase') return 1;
  const ex = n.kind === 'and' ? (n.exclude ?? []) : [];
  return [...n.children, ...ex].reduce((s, c) => s + countTerms(c), 0);
}

/**
 * Parse a user query.
 * @throws EdgarError `invalid-query` with a message saying what is wrong (unclosed quote, OR
 * without a term on each side, only exclusions, a bad filter value, too long).
 * @example parseQuery('"CLR 131" myeloma form:8-K') // { text: { kind: 'and', children: [...] }, filters: { forms: ['8-K'] } }
 */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH)
    throw createError('invalid-query', `longer than ${MAX_QUERY_LENGTH} characters`);
  const filters: SearchFilters = {};
  const groups: QueryNode[][] = [];
  const exclude: QueryNode[] = [];
  let pendingOr = false;
  for (const lx of lex(input)) {
    if (lx.kind === 'or') {
      if (groups.length === 0 || pendingOr)
        throw createError('invalid-query', 'OR needs a word on each side');
      pendingOr = true;
      continue;
    }
    if (lx.field !== undefined) {
      if (lx.negated) throw createError('invalid-query', `-${lx.field}: excluding a filter is not supported`);
      if (pendingOr) throw createError('invalid-query', 'OR cannot join a filter');
      addFilter(filters, lx.field, lx.text);
      continue;
    }
    const node = toTerm(lx.text);
    if (node === undefined) continue;
    if (lx.negated) {
      if (pendingOr) throw createError('invalid-query', 'OR cannot join an excluded word');
      exclude.push(node);
      continue;
    }
    if (pendingOr) {
      (groups[groups.length - 1] as QueryNode[]).push(node);
      pendingOr = false;
    } else groups.push([node]);
  }
  if (pendingOr) throw createError('invalid-query', 'OR needs a word on each side');
  const children = groups.map(
    (g): QueryNode => (g.length === 1 ? (g[0] as QueryNode) : { kind: 'or', children: g }),
  );
  if (children.length === 0 && exclude.length > 0)
    throw createError('invalid-query', 'it excludes words but has none to find');
  const result: ParsedQuery = { filters };
  if (children.length > 0) {
    const text: QueryNode =
      children.length === 1 && exclude.length === 0
        ? (children[0] as QueryNode)
        : exclude.length
          ? { kind: 'and', children, exclude }
          : { kind: 'and', children };
    if (countTerms(text) > MAX_QUERY_TERMS)
      throw createError('invalid-query', `more than ${MAX_QUERY_TERMS} terms`);
    result.text = text;
  }
  if (result.text === undefined && Object.keys(filters).length === 0)
    throw createError('invalid-query', 'it is empty: give words to find or a filter');
  return result;
}
