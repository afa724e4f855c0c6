/**
 * The UI's stylesheet, served at `/assets/style.css` (kept in TypeScript so that source
 * checkouts and the built package serve the same bytes without a copy step). Mobile first;
 * fixed-size frames and reserved space so nothing shifts while pages load.
 * @module
 */

/** The stylesheet. */
export const STYLE_CSS: string = `
:root {
  --fg: #1b1f24; --muted: #57606a; --bg: #fff; --panel: #f6f8fa; --line: #d0d7de;
  --accent: #0b57d0; --accent-bg: #e8f0fe; --mark: #fff1a8; --bad: #b42318;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 3px;
}
code, kbd { font-family: var(--mono); font-size: .9em; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em; background: var(--panel); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; z-index: 10; }
.skip:focus { left: .5rem; }
.muted { color: var(--muted); font-weight: normal; }

.top {
  position: sticky; top: 0; z-index: 5; background: var(--bg); border-bottom: 1px solid var(--line);
  display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; align-items: start;
  padding: .6rem max(1rem, calc((100vw - 1200px) / 2));
}
body.busy .top { box-shadow: inset 0 -3px 0 var(--accent); }
.brand { font-size: 1.25rem; color: var(--fg); line-height: 2.4rem; letter-spacing: -.02em; }
.brand b { color: var(--accent); }
.search { display: grid; grid-template-columns: 1fr auto; gap: .4rem; min-width: 0; }
.search input[type=search] {
  width: 100%; min-width: 0; height: 2.4rem; padding: 0 .75rem; font: inherit;
  border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg);
}
button, .button {
  display: inline-block; height: 2.4rem; padding: 0 1rem; font: inherit; line-height: 2.3rem; cursor: pointer;
  border: 1px solid var(--accent); border-radius: 6px; background: var(--accent); color: #fff; white-space: nowrap;
}
.button { background: var(--bg); color: var(--accent); }
.button:hover { text-decoration: none; background: var(--accent-bg); }
button:disabled { opacity: .6; cursor: progress; }
.filters { grid-column: 1 / -1; font-size: .9rem; }
.filters summary { color: var(--muted); cursor: pointer; width: max-content; }
.filter-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .5rem; padding: .5rem 0; }
.filter-grid label, .tl-filter label { display: flex; flex-direction: column; color: var(--muted); font-size: .85rem; }
.filter-grid input, .filter-grid select, .tl-filter input, .tl-filter select {
  font: inherit; font-size: .95rem; color: var(--fg); height: 2.2rem; padding: 0 .5rem;
  border: 1px solid var(--line); border-radius: 6px; background: var(--bg); min-width: 0;
}

main { flex: 1; width: 100%; max-width: 1200px; margin: 0 auto; padding: 1rem; min-height: 100vh; }
main:focus { outline: none; }
.foot { color: var(--muted); font-size: .85rem; padding: 1rem; text-align: center; border-top: 1px solid var(--line); }
.loading { color: var(--muted); }
.page-title { font-size: 1.3rem; margin: 0 0 .75rem; }
.summary { color: var(--muted); margin: 0 0 .5rem; }
.hint { color: var(--muted); font-size: .85rem; }
.empty { color: var(--muted); padding: 1rem 0; }
.error { border: 1px solid var(--bad); border-left-width: 4px; border-radius: 6px; padding: .75rem 1rem; }
.error strong { color: var(--bad); }

.results { list-style: none; margin: 0; padding: 0; }
.hit { padding: .75rem 0; border-bottom: 1px solid var(--line); }
.hit-link { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1rem; font-weight: 600; font-size: 1.05rem; }
.hit-link:focus-visible { outline-offset: 4px; }
.hit-meta { color: var(--muted); font-weight: normal; font-size: .95rem; white-space: nowrap; }
.form {
  display: inline-block; font-family: var(--mono); font-size: .8rem; font-weight: 600; line-height: 1.4;
  padding: 0 .4em; border-radius: 4px; background: var(--accent-bg); color: #0842a0; vertical-align: .1em;
}
.hit-doc { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
.snippet { margin: .3rem 0 0; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.pager { display: flex; gap: .5rem; justify-content: space-between; margin: 1rem 0; min-height: 2.4rem; }
.pager [rel=next] { margin-left: auto; }

.filing, .company { display: grid; gap: 0 2rem; grid-template-columns: minmax(0, 1fr); }
.filing-head h1 { font-size: 1.4rem; margin: 0 0 .75rem; line-height: 1.3; }
.crumbs { margin: 0; color: var(--muted); font-size: .9rem; }
.sub { font-size: 1.05rem; margin: 1rem 0 .5rem; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .3rem .75rem; margin: 0; font-size: .92rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.facts address { font-style: normal; }
.company .facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
.company .facts dd { margin-bottom: .5rem; }
.items { list-style: none; margin: 0; padding: 0; }
.names { list-style: none; margin: 0 0 1rem; padding: 0; }
.names li { padding: .15rem 0; }
.outline { margin-top: 1rem; font-size: .9rem; }
.outline summary { font-weight: 600; cursor: pointer; margin-bottom: .4rem; }
.outline li { padding: .1rem 0; }
.outline ol { list-style: none; margin: 0; padding: 0; }
.outline .lvl2 { padding-left: .75rem; }
.outline .lvl3 { padding-left: 1.5rem; }

.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: .9rem; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.docs .file { font-family: var(--mono); font-size: .85rem; overflow-wrap: anywhere; }
tr.current td { background: var(--accent-bg); }

.viewer { margin-top: 1.25rem; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.viewer-bar {
  display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
  padding: .5rem .75rem; background: var(--panel); border-bottom: 1px solid var(--line);
}
.viewer-bar h2 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
.tabs { display: flex; gap: .25rem; }
.tab { padding: .25rem .75rem; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); font-size: .9rem; }
.tab[aria-current=page] { background: var(--accent); color: #fff; border-color: var(--accent); }
.tab.disabled { color: var(--muted); }
.doc-frame { display: block; width: 100%; height: 80vh; border: 0; background: #fff; }
.doc-image { margin: 0; padding: 1rem; text-align: center; }
.doc-image img { max-width: 100%; height: auto; }
.download { padding: 1rem; margin: 0; }
.reading { padding: 1rem 1.25rem; max-width: 50rem; overflow-wrap: break-word; }
/* Long documents: blocks off screen are not laid out until scrolled near. */
.reading > *, .reading > section > * { content-visibility: auto; contain-intrinsic-size: auto 3rem; }
.reading h2 { font-size: 1.25rem; } .reading h3 { font-size: 1.1rem; } .reading h4, .reading h5, .reading h6 { font-size: 1rem; }
.reading table { font-size: .85rem; margin: .75rem 0; }
.reading td, .reading th { border: 1px solid var(--line); }
.reading pre { overflow-x: auto; background: var(--panel); padding: .75rem; font-size: .85rem; }
.reading section { scroll-margin-top: 7rem; }
.reading [id] { scroll-margin-top: 7rem; }
.img-alt { color: var(--muted); font-style: italic; }

.tl-filter { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: .75rem; }
.tl-filter .button { height: 2.2rem; line-height: 2.1rem; }
.timeline { list-style: none; margin: 0; padding: 0; }
.tl-year h3 { font-size: 1rem; margin: .75rem 0 .25rem; color: var(--muted); }
.tl-year ol { list-style: none; margin: 0; padding: 0 0 0 .75rem; border-left: 2px solid var(--line); }
.tl-item { display: flex; flex-wrap: wrap; gap: 0 .75rem; padding: .3rem 0; border-bottom: 1px solid var(--panel); }
.tl-item time { color: var(--muted); font-variant-numeric: tabular-nums; min-width: 6.5rem; }
.tl-item a { overflow-wrap: anywhere; }

@media (min-width: 900px) {
  .filing, .company { grid-template-columns: 18rem minmax(0, 1fr); }
  .filing-head { grid-column: 1 / -1; }
  .filing-side { grid-column: 1; grid-row: 2; position: sticky; top: 8rem; align-self: start; max-height: calc(100vh - 9rem); overflow-y: auto; }
  .filing-main { grid-column: 2; grid-row: 2; }
}
@media (max-width: 560px) {
  .top { grid-template-columns: 1fr; padding: .5rem .75rem; }
  .brand { line-height: 1.6rem; }
  main { padding: .75rem; }
  .foot .keys, .hint { display: none; }
  .docs th:nth-child(4), .docs td:nth-child(4), .parties th:nth-child(5), .parties td:nth-child(5) { display: none; }
}
`;
