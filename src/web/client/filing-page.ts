/**
 * The filing page (`/filing/{accession}?doc=2&view=reading`): header facts, parties, the
 * document list, and one document shown as the original or in the reading view, with an outline.
 * @module
 */
import { type ApiDocument, type ApiFiling, type ApiPartyFull, type ApiSection, getJson } from './api.ts';
import { type DocumentMode, documentUrl, getMarkdown, originalView, readingView } from './document-view.ts';
import { h } from './dom.ts';
import { companyHref, filingHref, formatBytes, formatDateTime, shortCik } from './format.ts';
import { busy, errorPanel, facts, showPage } from './view.ts';

function rawHref(f: ApiFiling): string {
  return `/Archives/edgar/data/${shortCik(f.cik)}/${f.accession.replaceAll('-', '')}/${f.accession}.txt`;
}

function viewHref(f: ApiFiling, doc: ApiDocument, mode: DocumentMode): string {
  return `${filingHref(f.accession, doc.sequence)}&view=${mode}`;
}

function partyRow(p: ApiPartyFull): HTMLElement {
  const values = p.filingValues?.[0];
  return h(
    'tr',
    null,
    h('td', null, p.role.replace(/-/g, ' ')),
    h('td', null, p.cik ? h('a', { href: companyHref(p.cik) }, p.name ?? p.cik) : (p.name ?? '')),
    h('td', { class: 'num' }, p.cik ? shortCik(p.cik) : ''),
    h('td', null, values?.fileNumber ?? ''),
    h('td', null, values?.filmNumber ?? ''),
  );
}

function documentsTable(f: ApiFiling, current: ApiDocument | undefined): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'docs' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, '#'),
          h('th', null, 'Type'),
          h('th', null, 'Description'),
          h('th', null, 'File'),
          h('th', { class: 'num' }, 'Size'),
        ),
      ),
      h(
        'tbody',
        null,
        f.documents.map((d) =>
          h(
            'tr',
            d === current ? { 'aria-current': 'true', class: 'current' } : null,
            h('td', { class: 'num' }, d.sequence),
            h('td', null, h('a', { href: filingHref(f.accession, d.sequence) }, d.type || '(none)')),
            h('td', null, d.description ?? ''),
            h(
              'td',
              { class: 'file' },
              h('a', { href: documentUrl(f.accession, d), download: d.filename }, d.filename),
            ),
            h('td', { class: 'num' }, formatBytes(d.size)),
          ),
        ),
      ),
    ),
  );
}

function itemsList(f: ApiFiling): HTMLElement | null {
  if (f.items.length === 0 && f.itemTitles.length === 0) return null;
  const rows = f.items.length
    ? f.items.map((code, i) => h('li', null, h('b', null, code), ' ', f.itemTitles[i] ?? ''))
    : f.itemTitles.map((t) => h('li', null, t));
  return h('ul', { class: 'items' }, rows);
}

/**
 * Render the filing page for `url`.
 * @example await renderFilingPage(new URL('/filing/0001144204-17-013452', location.href), signal)
 */
export async function renderFilingPage(url: URL, signal: AbortSignal): Promise<void> {
  const accession = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  // A linked document in the reading view: fetch its Markdown alongside the filing.
  const askedSeq = Number(url.searchParams.get('doc') ?? '');
  const early =
    askedSeq > 0 && url.searchParams.get('view') !== 'original'
      ? getMarkdown(accession, askedSeq, signal)
      : undefined;
  early?.catch(() => undefined);
  let f: ApiFiling;
  let sections: ApiSection[];
  try {
    [f, sections] = await busy(
      Promise.all([
        getJson<ApiFiling>(`/api/filings/${encodeURIComponent(accession)}`, signal),
        getJson<{ sections: ApiSection[] }>(
          `/api/filings/${encodeURIComponent(accession)}/sections`,
          signal,
        ).then(
          (r) => r.sections,
          () => [],
        ),
      ]),
    );
  } catch (e) {
    if (!signal.aborted) showPage('Filing', errorPanel(e));
    return;
  }
  if (signal.aborted) return;
  const doc =
    f.documents.find((d) => d.sequence === askedSeq) ??
    f.documents.find((d) => d.filename === f.primaryDocument) ??
    f.documents[0];
  const asked = url.searchParams.get('view');
  const mode: DocumentMode = doc && (asked === 'original' || !doc.hasMarkdown) ? 'original' : 'reading';

  let viewer: HTMLElement = h('p', { class: 'empty' }, 'This filing has no documents.');
  let outline: Array<{ id: string; label: string; level: number }> = [];
  if (doc) {
    let body: HTMLElement;
    if (mode === 'reading') {
      try {
        const r = await busy(
          readingView(
            f.accession,
            doc,
            sections.filter((s) => s.sequence === doc.sequence),
            signal,
            doc.sequence === askedSeq ? early : undefined,
          ),
        );
        body = r.body;
        outline = r.outline;
      } catch (e) {
        if (signal.aborted) return;
        body = errorPanel(e);
      }
    } else body = originalView(f.accession, doc);
    if (signal.aborted) return;
    const tab = (m: DocumentMode, label: string): HTMLElement =>
      m === 'reading' && !doc.hasMarkdown
        ? h('span', { class: 'tab disabled' }, label)
        : h(
            'a',
            { class: 'tab', href: viewHref(f, doc, m), 'aria-current': m === mode ? 'page' : undefined },
            label,
          );
    viewer = h(
      'section',
      { class: 'viewer', 'aria-label': 'Document' },
      h(
        'div',
        { class: 'viewer-bar' },
        h(
          'h2',
          null,
          doc.type || 'Document',
          doc.description ? ` · ${doc.description}` : '',
          h('span', { class: 'muted' }, ` ${doc.filename}`),
        ),
        h(
          'nav',
          { class: 'tabs', 'aria-label': 'View' },
          tab('reading', 'Reading view'),
          tab('original', 'Original'),
        ),
      ),
      body,
    );
  }

  const company = (): HTMLElement =>
    h('a', { href: companyHref(f.cik) }, f.companyName || `CIK ${shortCik(f.cik)}`);
  const values = f.partiesFull[0]?.filingValues?.[0];
  showPage(
    `${f.companyName} ${f.form} ${f.filingDate}`,
    h(
      'div',
      { class: 'filing' },
      h(
        'header',
        { class: 'filing-head' },
        h('p', { class: 'crumbs' }, company(), ' · CIK ', shortCik(f.cik)),
        h(
          'h1',
          null,
          h('span', { class: 'form' }, f.form),
          ' ',
          f.companyName,
          h('span', { class: 'muted' }, ` filed ${f.filingDate}`),
        ),
      ),
      h(
        'aside',
        { class: 'filing-side' },
        facts([
          ['Filer', company()],
          ['Form', f.form],
          ['Filed', f.filingDate],
          ['Accepted', f.acceptanceDateTime ? formatDateTime(f.acceptanceDateTime) : ''],
          ['Period', f.reportDate ?? ''],
          ['Changed', f.dateOfChange ?? ''],
          ['Effective', f.effectivenessDate ?? ''],
          ['Accession', h('code', null, f.accession)],
          ['File number', f.fileNumber ?? values?.fileNumber ?? ''],
          ['Film number', f.filmNumber ?? values?.filmNumber ?? ''],
          ['Items', itemsList(f)],
          [
            'Size',
            `${formatBytes(f.size)}, ${f.documentCount} ${f.documentCount === 1 ? 'document' : 'documents'}`,
          ],
          ['Raw', h('a', { href: rawHref(f) }, `${f.accession}.txt`)],
        ]),
        outline.length
          ? h(
              'details',
              { class: 'outline', open: matchMedia('(min-width: 900px)').matches },
              h('summary', null, `Outline (${outline.length})`),
              h(
                'nav',
                { 'aria-label': 'Outline' },
                h(
                  'ol',
                  null,
                  outline.map((o) =>
                    h('li', { class: `lvl${o.level}` }, h('a', { href: `#${o.id}` }, o.label)),
                  ),
                ),
              ),
            )
          : null,
      ),
      h(
        'div',
        { class: 'filing-main' },
        h('h2', { class: 'sub' }, 'Parties'),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'parties' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', null, 'Role'),
                h('th', null, 'Name'),
                h('th', { class: 'num' }, 'CIK'),
                h('th', null, 'File no.'),
                h('th', null, 'Film no.'),
              ),
            ),
            h('tbody', null, f.partiesFull.map(partyRow)),
          ),
        ),
        h('h2', { class: 'sub' }, 'Documents'),
        documentsTable(f, doc),
        viewer,
      ),
    ),
  );
  if (url.hash) document.getElementById(url.hash.slice(1))?.scrollIntoView();
}
