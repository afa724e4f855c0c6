/**
 * The one HTML page of the UI: a static shell (header, search form with its filters, an empty
 * `<main>`) that `client/main.ts` fills. No inline script or style: the page loads
 * `/assets/main.js` and `/assets/style.css` only, so the strict CSP holds.
 * @module
 */
import { currentFormItems } from '../core/items.ts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FORMS = [
  '8-K',
  '10-K',
  '10-Q',
  '4',
  'SC 13G',
  'SC 13D',
  '13F-HR',
  'S-1',
  'DEF 14A',
  '424B5',
  '20-F',
  'D',
];

/** Options of `toShellHtml`. */
export interface ShellOptions {
  /** Client module file names to preload besides `main.js`. */
  preload?: string[];
}

/**
 * The shell page.
 * @example c.html(toShellHtml({ preload: ['api.js'] }))
 */
export function toShellHtml(options: ShellOptions = {}): string {
  const items = currentFormItems
    .map((i) => `<option value="${escapeHtml(i.code)}">${escapeHtml(`${i.code} ${i.title}`)}</option>`)
    .join('');
  const forms = FORMS.map((f) => `<option value="${escapeHtml(f)}"></option>`).join('');
  const preload = (options.preload ?? [])
    .map((f) => `<link rel="modulepreload" href="/assets/${escapeHtml(f)}">`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>edgarbox</title>
<link rel="stylesheet" href="/assets/style.css">
<script type="module" src="/assets/main.js"></script>${preload}
</head>
<body>
<a class="skip" href="#app">Skip to content</a>
<header class="top">
<a class="brand" href="/" data-nav>edgar<b>box</b></a>
<form class="search" role="search" action="/" method="get" id="search-form">
<label class="sr" for="q">Search filings</label>
<input id="q" name="q" type="search" placeholder="Search filings: &quot;CLR 131&quot; myeloma form:8-K" autocomplete="off" spellcheck="false" aria-keyshortcuts="/">
<button type="submit">Search</button>
<details class="filters" id="filters">
<summary>Filters</summary>
<div class="filter-grid">
<label>Form <input name="forms" list="form-list" placeholder="8-K" size="8"></label>
<label>Company or CIK <input name="company" placeholder="Cellectar or 1279704"></label>
<label>From <input name="from" type="date"></label>
<label>To <input name="to" type="date"></label>
<label>8-K item <select name="items"><option value="">Any</option>${items}</select></label>
<label>Sort <select name="sort"><option value="">Best match</option><option value="date">Newest</option></select></label>
</div>
</details>
<datalist id="form-list">${forms}</datalist>
</form>
</header>
<main id="app" tabindex="-1"><p class="loading">Loading…</p></main>
<footer class="foot">edgarbox · <a href="/api/openapi.json">API</a><span class="keys"> · keys: <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open</span></footer>
</body>
</html>
`;
}
