/**
 * `/Archives/edgar/full-index/{year}/QTR{n}/{company,form,master}.idx` and
 * `/Archives/edgar/daily-index/{year}/QTR{n}/{kind}.{YYYYMMDD}.idx`, generated from the store.
 * @module
 */
import { Hono } from 'hono';
import { createError } from '../../core/errors.ts';
import { cached } from '../cached.ts';
import type { ServerContext } from '../context.ts';
import { listAllFilings } from '../list-all-filings.ts';
import { dateParam } from '../params.ts';
import { quarterOf } from '../sec/dates.ts';
import { type IndexKind, toIndexFile } from '../sec/index-file.ts';
import { type IndexListingEntry, toIndexListingJson } from '../sec/index-listing-json.ts';
import { toSecRows } from '../to-sec-rows.ts';

/** Most filings one index file is built from (bounds memory per request). */
const MAX_FILINGS = 500_000;
const TEXT = 'text/plain; charset=utf-8';

function yearParam(s: string): number {
  if (!/^\d{4}$/.test(s) || Number(s) < 1993 || Number(s) > 2999)
    throw createError('invalid-argument', `year ${s.slice(0, 10)}`);
  return Number(s);
}

function quarterParam(s: string): number {
  const m = /^QTR([1-4])$/.exec(s);
  if (!m)
    throw createError('invalid-argument', `expected QTR1 to QTR4, got ${JSON.stringify(s.slice(0, 10))}`);
  return Number(m[1]);
}

function quarterRange(year: number, q: number): { from: string; to: string } {
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${mm(startMonth)}-01`, to: `${year}-${mm(endMonth)}-${mm(lastDay)}` };
}

const KINDS: IndexKind[] = ['company', 'form', 'master'];

/** SEC rebuilds indexes nightly around 22:00 ET: show that time on the last filing date. */
function builtAt(date: string): string {
  return `${date}T22:00:00`;
}

/** First and last filing dates in the store ('' when empty). */
async function dateSpan(ctx: ServerContext): Promise<{ first: string; last: string }> {
  const [a, d] = await Promise.all([
    ctx.query(ctx.store.listFilings({ order: 'asc', limit: 1 }), 'listFilings'),
    ctx.query(ctx.store.listFilings({ order: 'desc', limit: 1 }), 'listFilings'),
  ]);
  return { first: a.filings[0]?.filingDate ?? '', last: d.filings[0]?.filingDate ?? '' };
}

/** Years with filings, each listed as a directory. */
async function yearEntries(ctx: ServerContext): Promise<IndexListingEntry[]> {
  const { first, last } = await dateSpan(ctx);
  if (!first || !last) return [];
  const out: IndexListingEntry[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
    out.push({
      name: String(y),
      type: 'dir',
      lastModified: builtAt(y === Number(last.slice(0, 4)) ? last : `${y}-12-31`),
    });
  }
  return out;
}

/** Quarters of `year` with filings. */
async function quarterEntries(ctx: ServerContext, year: number): Promise<IndexListingEntry[]> {
  const out: IndexListingEntry[] = [];
  for (let q = 1; q <= 4; q++) {
    const range = quarterRange(year, q);
    const page = await ctx.query(ctx.store.listFilings({ ...range, order: 'desc', limit: 1 }), 'listFilings');
    const last = page.filings[0]?.filingDate;
    if (last) out.push({ name: `QTR${q}`, type: 'dir', lastModified: builtAt(last) });
  }
  return out;
}

/**
 * The index-file routes.
 * @example app.route('/', indexFileRoutes(ctx))
 */
export function indexFileRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  for (const tree of ['full-index', 'daily-index'] as const) {
    app.get(`/Archives/edgar/${tree}/index.json`, async (c) =>
      c.json(toIndexListingJson(`${tree}/`, await yearEntries(ctx))),
    );
    app.get(`/Archives/edgar/${tree}/:year/index.json`, async (c) => {
      const year = yearParam(c.req.param('year'));
      const entries = await quarterEntries(ctx, year);
      if (entries.length === 0) throw createError('not-found', c.req.path);
      return c.json(toIndexListingJson(`${tree}/${year}/`, entries));
    });
  }

  app.get('/Archives/edgar/full-index/:year/:qtr/index.json', async (c) => {
    const year = yearParam(c.req.param('year'));
    const q = quarterParam(c.req.param('qtr'));
    return cached(ctx, c, 'application/json', async () => {
      const range = quarterRange(year, q);
      const filings = await listAllFilings(ctx, { ...range, order: 'asc' }, MAX_FILINGS);
      if (filings.length === 0) throw createError('not-found', c.req.path);
      const last = filings.at(-1)?.filingDate ?? range.to;
      const rows = filings.flatMap(toSecRows);
      const entries = KINDS.map((kind) => ({
        name: `${kind}.idx`,
        type: 'file' as const,
        size: Buffer.byteLength(toIndexFile({ kind, period: 'quarterly', lastDataReceived: last, rows })),
        lastModified: builtAt(last),
      }));
      return JSON.stringify(toIndexListingJson(`full-index/${year}/QTR${q}/`, entries));
    });
  });

  app.get('/Archives/edgar/daily-index/:year/:qtr/index.json', async (c) => {
    const year = yearParam(c.req.param('year'));
    const q = quarterParam(c.req.param('qtr'));
    return cached(ctx, c, 'application/json', async () => {
      const filings = await listAllFilings(ctx, { ...quarterRange(year, q), order: 'asc' }, MAX_FILINGS);
      if (filings.length === 0) throw createError('not-found', c.req.path);
      const days = [...new Set(filings.map((f) => f.filingDate))].sort();
      const entries: IndexListingEntry[] = KINDS.flatMap((kind) =>
        days.map((d) => ({
          name: `${kind}.${d.replaceAll('-', '')}.idx`,
          type: 'file' as const,
          lastModified: builtAt(d),
        })),
      );
      return JSON.stringify(toIndexListingJson(`daily-index/${year}/QTR${q}/`, entries));
    });
  });

  app.get('/Archives/edgar/full-index/:year/:qtr/:file', async (c) => {
    const year = yearParam(c.req.param('year'));
    const q = quarterParam(c.req.param('qtr'));
    const m = /^(company|form|master)\.idx$/.exec(c.req.param('file'));
    if (!m) throw createError('not-found', c.req.path);
    const kind = m[1] as IndexKind;
    return cached(ctx, c, TEXT, async () => {
      const range = quarterRange(year, q);
      const filings = await listAllFilings(ctx, { ...range, order: 'asc' }, MAX_FILINGS);
      const last = filings.at(-1)?.filingDate ?? range.to;
      return toIndexFile({
        kind,
        period: 'quarterly',
        lastDataReceived: last,
        rows: filings.flatMap(toSecRows),
      });
    });
  });

  app.get('/Archives/edgar/daily-index/:year/:qtr/:file', async (c) => {
    const year = yearParam(c.req.param('year'));
    const q = quarterParam(c.req.param('qtr'));
    const m = /^(company|form|master)\.(\d{8})\.idx$/.exec(c.req.param('file'));
    if (!m) throw createError('not-found', c.req.path);
    const kind = m[1] as IndexKind;
    const day = dateParam(m[2]) ?? '';
    if (Number(day.slice(0, 4)) !== year || quarterOf(day) !== q) throw createError('not-found', c.req.path);
    return cached(ctx, c, TEXT, async () => {
      const filings = await listAllFilings(ctx, { from: day, to: day, order: 'asc' }, MAX_FILINGS);
      if (filings.length === 0) throw createError('not-found', `no filings on ${day}`);
      return toIndexFile({ kind, period: 'daily', lastDataReceived: day, rows: filings.flatMap(toSecRows) });
    });
  });

  return app;
}
