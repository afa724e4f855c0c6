/**
 * The UI's entry module: routes `/` (search), `/filing/{accession}` and `/company/{cik}`,
 * keeps the search form in step with the URL, and submits forms without reloading.
 * @module
 */
import { renderCompanyPage } from './company-page.ts';
import { renderFilingPage } from './filing-page.ts';
import { installKeyboard } from './keyboard.ts';
import { createRouter, isAppUrl } from './router.ts';
import { renderSearchPage, SEARCH_FIELDS } from './search-page.ts';

const form = document.getElementById('search-form') as HTMLFormElement;
const q = document.getElementById('q') as HTMLInputElement;
const filters = document.getElementById('filters') as HTMLDetailsElement;

/** Put the URL's search into the form (on load and on back/forward). */
function syncForm(url: URL): void {
  if (url.pathname !== '/') return;
  let anyFilter = false;
  for (const name of SEARCH_FIELDS) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!field) continue;
    field.value = url.searchParams.get(name) ?? '';
    if (name !== 'q' && field.value) anyFilter = true;
  }
  if (anyFilter) filters.open = true;
}

let firstRender = true;
const app = document.getElementById('app') as HTMLElement;

const router = createRouter(async (url, signal) => {
  syncForm(url);
  window.scrollTo(0, 0);
  if (url.pathname.startsWith('/filing/')) await renderFilingPage(url, signal);
  else if (url.pathname.startsWith('/company/')) await renderCompanyPage(url, signal);
  else await renderSearchPage(url, signal);
  // After an in-page navigation, screen readers and the keyboard continue from the new content.
  const active = document.activeElement;
  if (!firstRender && !signal.aborted && (active === document.body || active === null || !active.isConnected))
    app.focus({ preventScroll: true });
  firstRender = false;
});

document.addEventListener('submit', (e) => {
  const f = e.target as HTMLFormElement;
  const url = new URL(f.action, location.href);
  if (f.method.toLowerCase() !== 'get' || !isAppUrl(url)) return;
  e.preventDefault();
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(f)) if (typeof v === 'string' && v.trim() !== '') params.set(k, v.trim());
  const s = params.toString();
  router.navigate(`${url.pathname}${s ? `?${s}` : ''}`);
  if (f === form) q.blur();
});

installKeyboard(q);
router.start();
