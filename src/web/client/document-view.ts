/**
 * One document of a filing, two ways: the original (HTML, text and XML in an
 * `<iframe sandbox>` with no permissions at all, loaded from the API's document URL, which the
 * server also sends with `Content-Security-Policy: sandbox`; images as images; other binaries as
 * downloads) and the reading view (our Markdown rendered safely), plus its outline.
 * @module
 */
import { type ApiDocument, type ApiSection, getText } from './api.ts';
import { h } from './dom.ts';
import { formatBytes } from './format.ts';
import { type MarkdownContext, renderMarkdown } from './markdown.ts';

/** Which rendering is shown. */
export type DocumentMode = 'reading' | 'original';

/** The URL of a document's bytes. */
export function documentUrl(accession: string, doc: ApiDocument): string {
  return `/api/filings/${encodeURIComponent(accession)}/documents/${doc.sequence}`;
}

function isFramed(doc: ApiDocument): boolean {
  return /^(text\/|application\/(xml|xhtml\+xml|json))/.test(doc.contentType);
}

/** The original rendering of a document. */
export function originalView(accession: string, doc: ApiDocument): HTMLElement {
  const url = documentUrl(accession, doc);
  if (doc.contentType.startsWith('image/'))
    return h(
      'figure',
      { class: 'doc-image' },
      h('img', { src: url, alt: doc.description ?? doc.filename, loading: 'lazy' }),
    );
  if (isFramed(doc))
    return h('iframe', {
      class: 'doc-frame',
      sandbox: '',
      src: url,
      title: `${doc.type} ${doc.filename} (original)`,
      referrerpolicy: 'no-referrer',
    });
  return h(
    'p',
    { class: 'download' },
    h('a', { class: 'button', href: url, download: doc.filename }, `Download ${doc.filename}`),
    ` (${doc.contentType}, ${formatBytes(doc.size)})`,
  );
}

/** A document's Markdown from the API. */
export function getMarkdown(accession: string, sequence: number, signal: AbortSignal): Promise<string> {
  return getText(`/api/filings/${encodeURIComponent(accession)}/documents/${sequence}/markdown`, signal);
}

/** Markdown split at section starts, each part wrapped in `<section id=…>` so the outline can link to it. */
export async function readingView(
  accession: string,
  doc: ApiDocument,
  sections: ApiSection[],
  signal: AbortSignal,
  early?: Promise<string>,
): Promise<{ body: HTMLElement; outline: Array<{ id: string; label: string; level: number }> }> {
  const md = await (early ?? getMarkdown(accession, doc.sequence, signal));
  const ctx: MarkdownContext = { headings: [], idPrefix: `d${doc.sequence}` };
  const body = h('article', { class: 'reading' });
  const starts = sections
    .filter((s) => s.start >= 0 && s.start < md.length)
    .sort((a, b) => a.start - b.start);
  const outline: Array<{ id: string; label: string; level: number }> = [];
  let at = 0;
  for (const s of starts) {
    if (s.start > at) body.append(...renderMarkdown(md.slice(at, s.start), ctx));
    const next = starts.find((t) => t.start > s.start)?.start ?? md.length;
    const id = `sec-${s.code.replace(/[^A-Za-z0-9]/g, '-')}`;
    outline.push({
      id,
      label: `${s.kind === 'part' ? 'Part' : 'Item'} ${s.code}. ${s.title}`,
      level: s.kind === 'part' ? 1 : 2,
    });
    body.append(h('section', { id }, renderMarkdown(md.slice(s.start, next), ctx)));
    at = next;
  }
  if (at < md.length) body.append(...renderMarkdown(md.slice(at), ctx));
  if (outline.length === 0) {
    // Headings, keeping only the top levels when there are too many to scan.
    let shown = ctx.headings;
    const levels = [...new Set(shown.map((x) => x.level))].sort((a, b) => a - b);
    while (shown.length > 60 && levels.length > 1) {
      const drop = levels.pop();
      shown = shown.filter((x) => x.level !== drop);
    }
    if (shown.length >= 2 && shown.length <= 60) {
      const top = levels[0] ?? 1;
      for (const hd of shown)
        outline.push({ id: hd.id, label: hd.text, level: Math.min(hd.level - top + 1, 3) });
    }
  }
  if (!body.firstChild) body.append(h('p', { class: 'empty' }, 'This document has no text.'));
  return { body, outline };
}
