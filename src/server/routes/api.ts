/**
 * edgarbox's own JSON API under `/api/`: filings, a filing with its documents, a document as
 * bytes, text or Markdown, sections, companies, search with cursor paging, stats, and
 * `POST /api/submissions` (bearer token). Described by `/api/openapi.json`.
 * @module
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createError } from '../../core/errors.ts';
import { ingestOne } from '../../ingest/ingest-one.ts';
import { getCompany } from '../../services/get-company.ts';
import { getDocument } from '../../services/get-document.ts';
import { getFiling } from '../../services/get-filing.ts';
import { getRawFiling } from '../../services/get-raw-filing.ts';
import { getSections } from '../../services/get-sections.ts';
import { listCompanies } from '../../services/list-companies.ts';
import { listFilings } from '../../services/list-filings.ts';
import { searchFilings } from '../../services/search-filings.ts';
import type { DocumentRef } from '../../store/store.ts';
import type { ServerContext } from '../context.ts';
import { accessionParam, cikParam, dateParam, intParam, listParam } from '../params.ts';
import { requireToken } from '../require-token.ts';
import { toWebStream } from '../stream-body.ts';
import { openApiJson } from './openapi.ts';

function refParam(s: string): DocumentRef {
  if (/^\d{1,6}$/.test(s)) return Number(s);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.+~-]{0,199}$/.test(s) || s.includes('..'))
    throw createError('unsafe-path', s);
  return s;
}

function cursorParam(s: string | undefined): { cursor?: string } {
  if (s === undefined || s === '') return {};
  if (s.length > 500) throw createError('invalid-query', 'cursor is too long');
  return { cursor: s };
}

/**
 * The `/api/` routes.
 * @example app.route('/', apiRoutes(ctx))
 */
export function apiRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const store = ctx.store;

  app.get('/api/openapi.json', (c) => c.body(openApiJson(), 200, { 'Content-Type': 'application/json' }));

  app.get('/api/stats', async (c) => c.json(await ctx.query(store.stats(), 'stats')));

  app.get('/api/filings', async (c) => {
    const q = c.req.query();
    const from = dateParam(q.from);
    const to = dateParam(q.to);
    const forms = listParam(q.form ?? q.forms, 'form');
    if (q.order !== undefined && q.order !== 'asc' && q.order !== 'desc')
      throw createError('invalid-argument', 'order must be asc or desc');
    const page = await ctx.query(
      listFilings(store, {
        ...(q.cik ? { cik: cikParam(q.cik) } : {}),
        ...(forms.length > 0 ? { forms } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(q.order ? { order: q.order as 'asc' | 'desc' } : {}),
        limit: intParam(q.limit, 'limit', 50, 1, 1000),
        ...cursorParam(q.cursor),
      }),
      'listFilings',
    );
    return c.json(page);
  });

  app.get('/api/filings/:accession', async (c) => {
    const f = await ctx.query(getFiling(store, accessionParam(c.req.param('accession'))), 'getFiling');
    if (c.req.query('header') === 'true') return c.json(f);
    const { header: _header, ...rest } = f;
    return c.json(rest);
  });

  app.get('/api/filings/:accession/raw', async (c) => {
    const blob = await ctx.query(getRawFiling(store, accessionParam(c.req.param('accession'))), 'openRaw');
    c.header('Content-Type', 'text/plain');
    c.header('Content-Length', String(blob.size));
    return c.body(toWebStream(blob.read()));
  });

  app.get('/api/filings/:accession/sections', async (c) => {
    const doc = c.req.query('document');
    const code = c.req.query('code');
    const sections = await ctx.query(
      getSections(store, accessionParam(c.req.param('accession')), {
        ...(doc ? { document: refParam(doc) } : {}),
        ...(code ? { code: code.slice(0, 20) } : {}),
      }),
      'getSections',
    );
    return c.json({ sections });
  });

  app.get('/api/filings/:accession/documents/:ref', async (c) => {
    const body = await ctx.query(
      getDocument(store, accessionParam(c.req.param('accession')), refParam(c.req.param('ref')), 'body'),
      'readDocument',
    );
    c.header('Content-Type', body.document.contentType || 'application/octet-stream');
    c.header('Content-Security-Policy', 'sandbox');
    return c.body(toWebStream(body.chunks));
  });

  const rendered = (format: 'text' | 'markdown', type: string) => async (c: Context) => {
    const s = await ctx.query(
      getDocument(
        store,
        accessionParam(c.req.param('accession')),
        refParam(c.req.param('ref') ?? ''),
        format,
      ),
      format,
    );
    return c.body(s, 200, { 'Content-Type': type });
  };
  app.get('/api/filings/:accession/documents/:ref/text', rendered('text', 'text/plain; charset=utf-8'));
  app.get(
    '/api/filings/:accession/documents/:ref/markdown',
    rendered('markdown', 'text/markdown; charset=utf-8'),
  );

  app.get('/api/companies', async (c) => {
    const q = c.req.query();
    const page = await ctx.query(
      listCompanies(store, {
        ...(q.q ? { q: q.q } : {}),
        limit: intParam(q.limit, 'limit', 50, 1, 1000),
        ...cursorParam(q.cursor),
      }),
      'listEntities',
    );
    return c.json(page);
  });

  app.get('/api/companies/:cik', async (c) => {
    return c.json(await ctx.query(getCompany(store, cikParam(c.req.param('cik'))), 'getEntity'));
  });

  app.get('/api/search', async (c) => {
    const q = c.req.query();
    if (q.sort !== undefined && q.sort !== 'relevance' && q.sort !== 'date')
      throw createError('invalid-argument', 'sort must be relevance or date');
    const forms = listParam(q.forms ?? q.form, 'forms');
    const ciks = listParam(q.ciks ?? q.cik, 'ciks');
    const companies = listParam(q.companies ?? q.company, 'companies');
    const items = listParam(q.items, 'items');
    const sections = listParam(q.sections, 'sections');
    const types = listParam(q.types, 'types');
    const result = await ctx.query(
      searchFilings(store, {
        q: q.q ?? '',
        ...(forms.length ? { forms } : {}),
        ...(ciks.length ? { ciks } : {}),
        ...(companies.length ? { companies } : {}),
        ...(items.length ? { items } : {}),
        ...(sections.length ? { sections } : {}),
        ...(types.length ? { documentTypes: types } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.sort ? { sort: q.sort as 'relevance' | 'date' } : {}),
        limit: intParam(q.limit, 'limit', 20, 1, 100),
        ...cursorParam(q.cursor),
      }),
      'search',
    );
    return c.json(result);
  });

  app.post(
    '/api/submissions',
    requireToken(ctx.token),
    bodyLimit({
      maxSize: ctx.limits.maxUploadBytes,
      onError: () => {
        throw createError('too-large', 'The upload', ctx.limits.maxUploadBytes);
      },
    }),
    async (c) => {
      const bytes = await uploadBytes(c);
      if (bytes.length === 0) throw createError('invalid-argument', 'the upload is empty');
      const r = await ingestOne({ store, bytes, label: 'upload' });
      if (!r.ok) throw createError('unreadable', 'the upload', r.reason);
      ctx.cache.clear();
      ctx.memo.clear();
      return c.json(
        {
          accession: r.accession,
          status: r.status,
          sha256: r.sha256,
          warnings: r.warnings.length,
          url: `/api/filings/${r.accession}`,
        },
        r.status === 'inserted' ? 201 : 200,
      );
    },
  );

  return app;
}

/** The submission bytes: the raw body, or the `file` field of a multipart form. */
async function uploadBytes(c: Context): Promise<Uint8Array> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw createError('invalid-argument', 'the form needs a "file" field');
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await c.req.arrayBuffer());
}
