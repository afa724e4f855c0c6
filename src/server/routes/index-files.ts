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

/**
 * The index-file routes.
 * @example app.route('/', indexFileRoutes(ctx))
 */
export function indexFileRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

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
