/**
 * The company page (`/company/{cik}?form=8-K&year=2017`): names over time, addresses, SIC and
 * the company's filings as a timeline grouped by year, filterable by form and year, paged by
 * cursor ("More filings").
 * @module
 */
import {
  type ApiAddress,
  type ApiCompany,
  type ApiFilingPage,
  type ApiFilingSummary,
  apiPath,
  getJson,
} from './api.ts';
import { h } from './dom.ts';
import { filingHref, shortCik } from './format.ts';
import { busy, errorPanel, facts, showPage } from './view.ts';

const PAGE = 100;

function address(a: ApiAddress | undefined): HTMLElement | null {
  if (!a) return null;
  const place = [a.city, a.stateOrCountry, a.zipCode].filter(Boolean).join(' ');
  return h(
    'address',
    null,
    [a.street1, a.street2, place].filter(Boolean).map((l, i) => [i ? h('br') : null, l as string]),
    a.phone ? [h('br'), `Phone ${a.phone}`] : null,
  );
}

function namesOverTime(c: ApiCompany): HTMLElement {
  const since = c.formerNames[0]?.to;
  return h(
    'ol',
    { class: 'names' },
    h(
      'li',
      null,
      h('b', null, c.name),
      h('span', { class: 'muted' }, since ? ` since ${since}` : ' (current)'),
    ),
    c.formerNames.map((n) =>
      h(
        'li',
        null,
        n.name,
        h(
          'span',
          { class: 'muted' },
          n.from && n.to ? ` ${n.from} – ${n.to}` : n.to ? ` until ${n.to}` : n.from ? ` from ${n.from}` : '',
        ),
      ),
    ),
  );
}

function filingRow(f: ApiFilingSummary): HTMLElement {
  return h(
    'li',
    { class: 'tl-item' },
    h('time', null, f.filingDate),
    h(
      'a',
      { href: filingHref(f.accession), 'data-hit': '' },
      h('span', { class: 'form' }, f.form),
      ' ',
      f.primaryDocDescription && f.primaryDocDescription !== f.form ? f.primaryDocDescription : f.accession,
    ),
    f.items.length ? h('span', { class: 'muted' }, ` Items ${f.items.join(', ')}`) : null,
  );
}

/** Append filings to the timeline, opening a new year group when the year changes. */
function appendTimeline(list: HTMLElement, filings: ApiFilingSummary[]): void {
  for (const f of filings) {
    const year = f.filingDate.slice(0, 4) || 'Undated';
    let group = list.lastElementChild as HTMLElement | null;
    if (group?.dataset.year !== year) {
      group = h('li', { class: 'tl-year', 'data-year': year }, h('h3', null, year), h('ol', null));
      list.append(group);
    }
    group.querySelector('ol')?.append(filingRow(f));
  }
}

function years(c: ApiCompany): string[] {
  const first = Number(c.firstFilingDate?.slice(0, 4));
  const last = Number(c.lastFilingDate?.slice(0, 4));
  if (!first || !last) return [];
  const out: string[] = [];
  for (let y = last; y >= first && out.length < 100; y--) out.push(String(y));
  return out;
}

/**
 * Render the company page for `url`.
 * @example await renderCompanyPage(new URL('/company/1279704', location.href), signal)
 */
export async function renderCompanyPage(url: URL, signal: AbortSignal): Promise<void> {
  const cik = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const form = (url.searchParams.get('form') ?? '').trim().toUpperCase();
  const year = (url.searchParams.get('year') ?? '').trim();
  const query = (cursor?: string): string =>
    apiPath('/api/filings', {
      cik,
      form: form || undefined,
      from: /^\d{4}$/.test(year) ? `${year}-01-01` : undefined,
      to: /^\d{4}$/.test(year) ? `${year}-12-31` : undefined,
      limit: PAGE,
      cursor,
    });
  let c: ApiCompany;
  let page: ApiFilingPage;
  try {
    [c, page] = await busy(
      Promise.all([
        getJson<ApiCompany>(`/api/companies/${encodeURIComponent(cik)}`, signal),
        getJson<ApiFilingPage>(query(), signal),
      ]),
    );
  } catch (e) {
    if (!signal.aborted) showPage('Company', errorPanel(e));
    return;
  }
  if (signal.aborted) return;

  const timeline = h('ol', { class: 'timeline' });
  appendTimeline(timeline, page.filings);
  const more = h('button', { type: 'button', class: 'button' }, 'More filings');
  let cursor = page.nextCursor;
  more.hidden = cursor === undefined;
  more.addEventListener('click', () => {
    if (!cursor) return;
    more.disabled = true;
    busy(getJson<ApiFilingPage>(query(cursor)))
      .then((p) => {
        appendTimeline(timeline, p.filings);
        cursor = p.nextCursor;
        more.hidden = cursor === undefined;
      })
      .catch((e: unknown) => more.replaceWith(errorPanel(e)))
      .finally(() => {
        more.disabled = false;
      });
  });

  const filter = h(
    'form',
    { class: 'tl-filter', action: url.pathname, method: 'get', 'aria-label': 'Filter filings' },
    h(
      'label',
      null,
      'Form ',
      h('input', { name: 'form', value: form, list: 'form-list', size: 8, placeholder: 'any' }),
    ),
    h(
      'label',
      null,
      'Year ',
      h(
        'select',
        { name: 'year' },
        h('option', { value: '' }, 'All years'),
        years(c).map((y) => h('option', { value: y, selected: y === year }, y)),
      ),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Filter'),
  );

  const sic = c.sic ? `${c.sic}${c.sicDescription ? ` ${c.sicDescription}` : ''}` : '';
  showPage(
    c.name,
    h(
      'div',
      { class: 'company' },
      h(
        'header',
        { class: 'filing-head' },
        h(
          'p',
          { class: 'crumbs' },
          c.entityType === 'owner' ? 'Reporting owner' : 'Company',
          ' · CIK ',
          shortCik(c.cik),
        ),
        h('h1', null, c.name),
      ),
      h(
        'aside',
        { class: 'filing-side' },
        h('h2', { class: 'sub' }, 'Names over time'),
        namesOverTime(c),
        facts([
          ['CIK', h('code', null, c.cik)],
          ['SIC', sic],
          ['Incorporated', c.stateOfIncorporation ?? ''],
          [
            'Fiscal year end',
            c.fiscalYearEnd ? `${c.fiscalYearEnd.slice(0, 2)}-${c.fiscalYearEnd.slice(2)}` : '',
          ],
          ['Business address', address(c.businessAddress)],
          ['Mail address', address(c.mailAddress)],
          ['Filings stored', String(c.filingCount)],
          ['First and last', c.firstFilingDate ? `${c.firstFilingDate} to ${c.lastFilingDate ?? ''}` : ''],
        ]),
      ),
      h(
        'section',
        { class: 'filing-main', 'aria-label': 'Filings' },
        h('h2', { class: 'sub' }, 'Filings'),
        filter,
        page.filings.length ? timeline : h('p', { class: 'empty' }, 'No filings match these filters.'),
        more,
      ),
    ),
  );
}
