/**
 * `/Archives/edgar/data/...`: complete submission `.txt` (byte-identical, streamed), each document
 * by file name with its content type, the folder's `index.json`, `-index.htm` and
 * `-index-headers.html`, and the per-CIK folder listing.
 * @module
 */
import { type Context, Hono } from 'hono';
import { createError } from '../../core/errors.ts';
import type { FilingRecord } from '../../store/store.ts';
import { parseByteRange } from '../byte-range.ts';
import type { ServerContext } from '../context.ts';
import { notModified } from '../etag.ts';
import { memo } from '../memo.ts';
import { accessionParam, cikParam, filenameParam } from '../params.ts';
import { toAcceptedTime } from '../sec/dates.ts';
import { toDirectoryJson } from '../sec/directory-json.ts';
import { toFilingIndexHtml } from '../sec/filing-index-html.ts';
import { toIndexHeadersHtml } from '../sec/index-headers-html.ts';
import { readPrefix, toWebStream } from '../stream-body.ts';
import { toSecDocuments } from '../to-sec-rows.ts';

const HTML = 'text/html; charset=utf-8';
const ACC = '(\\d{10}-\\d{2}-\\d{6})';
const TXT = new RegExp(`^${ACC}\\.txt$`);
const INDEX_PAGE = new RegExp(`^${ACC}-index\\.html?$`);
const HEADERS_PAGE = new RegExp(`^${ACC}-index-headers\\.html$`);
/** Longest header read to build `-index-headers.html`. */
const MAX_HEADER_BYTES = 8 * 1024 * 1024;

/**
 * The archive routes.
 * @example app.route('/', archivesRoutes(ctx))
 */
export function archivesRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  /** The filing, when `cik` is one of its parties; else `not-found`. */
  async function filingOf(cik: string, accession: string): Promise<FilingRecord> {
    const f = await ctx.query(ctx.store.getFiling(accession), 'getFiling');
    if (!f?.parties.some((p) => p.cik === cik)) {
      throw createError('not-found', `filing ${accession} under CIK ${cik}`);
    }
    return f;
  }

  /** `not-found` unless `cik` is a party of the filing (memoised: the check runs on every file request). */
  async function checkParty(cik: string, accession: string): Promise<void> {
    const ciks = await memo(ctx, `ciks:${accession}`, async () => {
      const f = await ctx.query(ctx.store.getFiling(accession), 'getFiling');
      return f ? f.parties.map((p) => p.cik) : undefined;
    });
    if (!ciks?.includes(cik)) throw createError('not-found', `filing ${accession} under CIK ${cik}`);
  }

  async function serveTxt(c: Context, cik: string, accession: string): Promise<Response> {
    await checkParty(cik, accession);
    const blob = await ctx.query(ctx.store.openRaw(accession), 'openRaw');
    if (!blob) throw createError('not-found', `${accession}.txt`);
    if (notModified(c, `"${blob.sha256}"`)) return c.body(null, 304);
    c.header('Content-Type', 'text/plain');
    c.header('Accept-Ranges', 'bytes');
    const answer = parseByteRange(c.req.header('Range'), blob.size);
    if (answer.kind === 'unsatisfiable') {
      c.header('Content-Range', `bytes */${blob.size}`);
      return c.body(null, 416);
    }
    if (answer.kind === 'range') {
      const { start, end } = answer.range;
      c.header('Content-Range', `bytes ${start}-${end - 1}/${blob.size}`);
      c.header('Content-Length', String(end - start));
      return c.body(toWebStream(blob.read(answer.range)), 206);
    }
    c.header('Content-Length', String(blob.size));
    return c.body(toWebStream(blob.read()));
  }

  async function serveIndexPage(c: Context, cik: string, accession: string): Promise<Response> {
    const f = await filingOf(cik, accession);
    const input = {
      accessionNumber: f.accession,
      form: f.form,
      filingDate: f.filingDate,
      items: f.items,
      cik,
      size: f.size,
      documents: toSecDocuments(f.documents),
      parties: f.partiesFull,
      ...(f.acceptanceDateTime ? { acceptanceDateTime: f.acceptanceDateTime } : {}),
      ...(f.reportDate ? { reportDate: f.reportDate } : {}),
    };
    return c.body(toFilingIndexHtml(input), 200, { 'Content-Type': HTML });
  }

  async function serveHeadersPage(c: Context, cik: string, accession: string): Promise<Response> {
    const f = await filingOf(cik, accession);
    const blob = await ctx.query(ctx.store.openRaw(accession), 'openRaw');
    const head = blob
      ? await readPrefix(
          blob.read(),
          MAX_HEADER_BYTES,
          (b) => b.includes('</SEC-HEADER>') || b.includes('<DOCUMENT>'),
        )
      : Buffer.alloc(0);
    const html = toIndexHeadersHtml({
      header: {
        accessionNumber: f.accession,
        form: f.form,
        filingDate: f.filingDate,
        items: f.items,
        groupMembers: f.groupMembers,
        parties: f.partiesFull,
        ...(f.publicDocumentCount !== undefined ? { publicDocumentCount: f.publicDocumentCount } : {}),
        ...(f.reportDate ? { reportDate: f.reportDate } : {}),
        ...(f.dateOfChange ? { dateOfChange: f.dateOfChange } : {}),
        ...(f.effectivenessDate ? { effectivenessDate: f.effectivenessDate } : {}),
        ...(f.acceptanceDateTime ? { acceptanceDateTime: f.acceptanceDateTime } : {}),
      },
      indentedHeader: indentedHeaderOf(head.toString('latin1')),
      documents: toSecDocuments(f.documents),
    });
    return c.body(html, 200, { 'Content-Type': HTML });
  }

  async function serveDirectory(c: Context, cik: string, accession: string): Promise<Response> {
    const f = await filingOf(cik, accession);
    const json = toDirectoryJson({
      cik,
      accessionNumber: f.accession,
      lastModified: toAcceptedTime(f.acceptanceDateTime, f.filingDate),
      documents: toSecDocuments(f.documents),
    });
    return c.json(json);
  }

  async function serveDocument(
    c: Context,
    cik: string,
    accession: string,
    filename: string,
  ): Promise<Response> {
    await checkParty(cik, accession);
    const body = await ctx.query(ctx.store.readDocument(accession, filename), 'readDocument');
    if (!body || body.document.filename !== filename)
      throw createError('not-found', `document ${filename} of ${accession}`);
    if (body.document.sha256 && notModified(c, `"${body.document.sha256}"`)) return c.body(null, 304);
    c.header('Content-Type', body.document.contentType || 'application/octet-stream');
    return c.body(toWebStream(body.chunks));
  }

  // /Archives/edgar/data/{cik}/index.json: the CIK's filing folders, newest first.
  app.get('/Archives/edgar/data/:cik/index.json', async (c) => {
    const cik = cikParam(c.req.param('cik'));
    const page = await ctx.query(ctx.store.listFilings({ cik, limit: 10_000 }), 'listFilings');
    const plain = cik.replace(/^0+/, '');
    return c.json({
      directory: {
        item: page.filings.map((f) => ({
          'last-modified': toAcceptedTime(f.acceptanceDateTime, f.filingDate),
          name: f.accession.replaceAll('-', ''),
          type: 'folder.gif',
          size: '',
        })),
        name: `/Archives/edgar/data/${plain}`,
        'parent-dir': '/Archives/edgar/data',
      },
    });
  });

  // Legacy two-segment paths: {accession}.txt and {accession}-index.htm directly under the CIK.
  app.get('/Archives/edgar/data/:cik/:name', async (c) => {
    const cik = cikParam(c.req.param('cik'));
    const name = c.req.param('name');
    let m = TXT.exec(name);
    if (m) return serveTxt(c, cik, accessionParam(m[1]));
    m = INDEX_PAGE.exec(name);
    if (m) return serveIndexPage(c, cik, accessionParam(m[1]));
    m = HEADERS_PAGE.exec(name);
    if (m) return serveHeadersPage(c, cik, accessionParam(m[1]));
    if (/^\d{18}$/.test(name))
      return c.redirect(`/Archives/edgar/data/${cik.replace(/^0+/, '')}/${name}/`, 301);
    filenameParam(name);
    throw createError('not-found', `/Archives/edgar/data/${cik.replace(/^0+/, '')}/${name}`);
  });

  app.get('/Archives/edgar/data/:cik/:folder/', async (c) => {
    const cik = cikParam(c.req.param('cik'));
    return serveDirectory(c, cik, folderParam(c.req.param('folder')));
  });

  app.get('/Archives/edgar/data/:cik/:folder/:name', async (c) => {
    const cik = cikParam(c.req.param('cik'));
    const accession = folderParam(c.req.param('folder'));
    const name = filenameParam(c.req.param('name'));
    if (name === 'index.json') return serveDirectory(c, cik, accession);
    const own = (re: RegExp) => {
      const m = re.exec(name);
      if (!m) return false;
      if (m[1] !== accession) throw createError('not-found', `${name} in folder of ${accession}`);
      return true;
    };
    if (own(TXT)) return serveTxt(c, cik, accession);
    if (own(INDEX_PAGE)) return serveIndexPage(c, cik, accession);
    if (own(HEADERS_PAGE)) return serveHeadersPage(c, cik, accession);
    return serveDocument(c, cik, accession, name);
  });

  return app;
}

/** An 18-digit folder name as the dashed accession. */
function folderParam(s: string): string {
  if (!/^\d{18}$/.test(s)) throw createError('invalid-accession', s);
  return accessionParam(s);
}

/**
 * The header text that `-index-headers.html` shows in its `<PRE>`: from the line after
 * `<SEC-HEADER>` to before `</SEC-HEADER>` (`.txt`), or the tagged header before the first `<DOCUMENT>` (`.nc`).
 */
function indentedHeaderOf(text: string): string {
  const open = text.search(/<(SEC|IMS)-HEADER>/);
  if (open >= 0) {
    const from = text.indexOf('\n', open) + 1;
    const close = text.search(/<\/(SEC|IMS)-HEADER>/);
    return text.slice(from, close > from ? close : undefined);
  }
  const doc = text.indexOf('<DOCUMENT>');
  return doc >= 0 ? text.slice(0, doc) : text;
}
