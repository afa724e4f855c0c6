/**
 * The search page (`/?q=...`): the query and filters from the URL, results with company, form,
 * date and highlighted snippet, cursor paging with the next page fetched ahead. Without a query
 * it lists the latest filings.
 * @module
 */
import { type ApiFilingPage, type ApiHit, type ApiSearchResult, apiPath, getJson } from './api.ts';
import { h } from './dom.ts';
import { filingHref, shortCik } from './format.ts';
import { renderSnippet } from './snippet.ts';
import { busy, errorPanel, showPage } from './view.ts';

/** The URL parameters of a search, as the form writes them. */
export const SEARCH_FIELDS = ['q', 'forms', 'company', 'from', 'to', 'items', 'sort'] as const;

const PAGE_SIZE = 20;
const prefetched = new Map<string, Promise<ApiSearchResult>>();

function searchApiPath(params: URLSearchParams): string {
  const company = (params.get('company') ?? '').trim();
  const isCik = /^\d{1,10}$/.test(company);
  return apiPath('/api/search', {
    q: params.get('q') ?? '',
    forms: params.get('forms') ?? undefined,
    ciks: isCik ? company : undefined,
    companies: isCik ? undefined : company,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    items: params.get('items') ?? undefined,
    sort: params.get('sort') ?? undefined,
    cursor: params.get('cursor') ?? undefined,
    limit: PAGE_SIZE,
  });
}

function fetchSearch(path: string, signal: AbortSignal): Promise<ApiSearchResult> {
  const hit = prefetched.get(path);
  if (hit) {
    prefetched.delete(path);
    return hit;
  }
  return getJson<ApiSearchResult>(path, signal);
}

function prefetch(path: string): void {
  if (prefetched.size > 8) prefetched.clear();
  const p = getJson<ApiSearchResult>(path);
  p.catch(() => prefetched.delete(path));
  prefetched.set(path, p);
}

function hitItem(hit: ApiHit): HTMLElement {
  const doc =
    hit.description && hit.description !== hit.documentType
      ? `${hit.documentType}: ${hit.description}`
      : hit.documentType;
  return h(
    'li',
    { class: 'hit' },
    h(
      'a',
      { class: 'hit-link', href: filingHref(hit.accession, hit.sequence), 'data-hit': '' },
      h('span', { class: 'hit-company' }, hit.companyName || `CIK ${shortCik(hit.cik)}`),
      h(
        'span',
        { class: 'hit-meta' },
        h('span', { class: 'form' }, hit.form),
        ' ',
        h('time', null, hit.filingDate),
      ),
    ),
    h('div', { class: 'hit-doc' }, doc, hit.section ? ` · Item ${hit.section}` : '', ' · ', hit.accession),
    hit.snippet ? h('p', { class: 'snippet' }, renderSnippet(hit.snippet)) : null,
  );
}

function latestItem(f: ApiFilingPage['filings'][number]): HTMLElement {
  return h(
    'li',
    { class: 'hit' },
    h(
      'a',
      { class: 'hit-link', href: filingHref(f.accession), 'data-hit': '' },
      h('span', { class: 'hit-company' }, f.companyName || `CIK ${shortCik(f.cik)}`),
      h(
        'span',
        { class: 'hit-meta' },
        h('span', { class: 'form' }, f.form),
        ' ',
        h('time', null, f.filingDate),
      ),
    ),
    h(
      'div',
      { class: 'hit-doc' },
      f.primaryDocDescription ?? f.primaryDocument ?? `${f.documentCount} documents`,
      f.items.length ? ` · Items ${f.items.join(', ')}` : '',
      ' · ',
      f.accession,
    ),
  );
}

async function renderLatest(signal: AbortSignal): Promise<void> {
  let page: ApiFilingPage;
  try {
    page = await busy(getJson<ApiFilingPage>(apiPath('/api/filings', { limit: PAGE_SIZE }), signal));
  } catch (e) {
    if (!signal.aborted) showPage('', errorPanel(e));
    return;
  }
  if (signal.aborted) return;
  showPage(
    '',
    h('h1', { class: 'page-title' }, 'Latest filings'),
    page.filings.length
      ? h('ol', { class: 'results' }, page.filings.map(latestItem))
      : h(
          'p',
          { class: 'empty' },
          'The store is empty: ingest some filings with ',
          h('code', null, 'edgarbox ingest'),
          '.',
        ),
  );
}

/**
 * Render the search page for `url`.
 * @example await renderSearchPage(new URL(location.href), signal)
 */
export async function renderSearchPage(url: URL, signal: AbortSignal): Promise<void> {
  const params = url.searchParams;
  if (!SEARCH_FIELDS.some((k) => k !== 'sort' && (params.get(k) ?? '').trim() !== ''))
    return renderLatest(signal);
  const path = searchApiPath(params);
  let result: ApiSearchResult;
  try {
    result = await busy(fetchSearch(path, signal));
  } catch (e) {
    if (!signal.aborted) showPage('Search', errorPanel(e));
    return;
  }
  if (signal.aborted) return;
  let next: HTMLElement | null = null;
  if (result.nextCursor) {
    const nextParams = new URLSearchParams(params);
    nextParams.set('cursor', result.nextCursor);
    prefetch(searchApiPath(nextParams));
    next = h('a', { class: 'button', href: `/?${nextParams}`, rel: 'next' }, 'Next page →');
  }
  const first = new URLSearchParams(params);
  first.delete('cursor');
  const q = params.get('q') ?? '';
  showPage(
    q || 'Search',
    h(
      'p',
      { class: 'summary', role: 'status' },
      `${result.total.toLocaleString('en-US')} ${result.total === 1 ? 'result' : 'results'}`,
      q ? ` for ${q}` : '',
    ),
    result.hits.length
      ? h('ol', { class: 'results' }, result.hits.map(hitItem))
      : h('p', { class: 'empty' }, 'Nothing matched. Try fewer words, or remove a filter.'),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Result pages' },
      params.has('cursor') ? h('a', { class: 'button', href: `/?${first}` }, '← First page') : null,
      next,
    ),
    h(
      'p',
      { class: 'hint' },
      'Query language: words, "exact phrases", OR, -exclude, prefix*, and filters such as form:8-K cik:1279704 item:7.01.',
    ),
  );
}
