/**
 * `/LATEST/search-index`: the EDGAR full-text search endpoint (GET query string or POST JSON body),
 * answered in EFTS's JSON shape and backed by edgarbox's search (`services/searchFilings`).
 * @module
 */
import { Hono } from 'hono';
import { createError } from '../../core/errors.ts';
import { searchFilings } from '../../services/search-filings.ts';
import type { EntityRecord, FilingRecord, SearchHit } from '../../store/store.ts';
import type { ServerContext } from '../context.ts';
import { memo } from '../memo.ts';
import { dateParam, intParam, listParam } from '../params.ts';
import { type EftsEntity, type EftsHitInput, toEftsResponse } from '../sec/efts-json.ts';

/** EFTS's own cap: `from + size` may not pass 10,000. */
const WINDOW = 10_000;

/** The request after validation. */
interface EftsRequest {
  q: string;
  forms: string[];
  ciks: string[];
  startdt?: string;
  enddt?: string;
  from: number;
  size: number;
}

function relativeStart(range: string, today: Date): string | undefined {
  const d = new Date(today);
  if (range === '30d') d.setUTCDate(d.getUTCDate() - 30);
  else if (/^(1|5|10)y$/.test(range)) d.setUTCFullYear(d.getUTCFullYear() - Number.parseInt(range, 10));
  else return undefined;
  return d.toISOString().slice(0, 10);
}

function toRequest(p: Record<string, unknown>): EftsRequest {
  const str = (k: string): string | undefined => {
    const v = p[k];
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v.map(String).join(',');
    return String(v);
  };
  const q = str('q') ?? '';
  if (q.length > 2000) throw createError('invalid-query', 'q is longer than 2000 characters');
  const from = intParam(str('from'), 'from', 0, 0, WINDOW);
  const size = intParam(str('size'), 'size', 100, 1, 100);
  if (from + size > WINDOW) {
    throw createError(
      'invalid-argument',
      `Result window is too large, from + size must be less than or equal to: [${WINDOW}]`,
    );
  }
  const range = str('dateRange') ?? (str('startdt') || str('enddt') ? 'custom' : 'all');
  const req: EftsRequest = {
    q,
    forms: listParam(str('forms'), 'forms').filter((f) => !f.startsWith('-')),
    ciks: listParam(str('ciks'), 'ciks'),
    from,
    size,
  };
  if (range === 'custom') {
    const s = dateParam(str('startdt'));
    const e = dateParam(str('enddt'));
    if (s) req.startdt = s;
    if (e) req.enddt = e;
  } else if (range !== 'all') {
    const s = relativeStart(range, new Date());
    if (!s) throw createError('invalid-argument', `dateRange must be all, custom, 30d, 1y, 5y or 10y`);
    req.startdt = s;
  }
  return req;
}

/**
 * The EFTS routes.
 * @example app.route('/', eftsRoutes(ctx))
 */
export function eftsRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  async function answer(req: EftsRequest): Promise<unknown> {
    const started = performance.now();
    // EFTS pages by offset (`from`): one search skips to it (the store's sorter keeps from + size
    // rows), instead of walking up to 100 pages of cursors.
    const { total, hits } = await ctx.query(
      searchFilings(ctx.store, {
        q: req.q,
        // EFTS filters on root forms: `10-K` also finds `10-K/A`.
        forms: req.forms.flatMap((f) => (f.toUpperCase().endsWith('/A') ? [f] : [f, `${f}/A`])),
        ciks: req.ciks,
        ...(req.startdt ? { from: req.startdt } : {}),
        ...(req.enddt ? { to: req.enddt } : {}),
        limit: req.size,
        offset: req.from,
      }),
      'search',
    );
    const inputs = await toHitInputs(ctx, hits);
    return toEftsResponse(inputs, {
      total,
      took: Math.round(performance.now() - started),
      request: {
        q: req.q,
        forms: req.forms,
        ciks: req.ciks,
        from: req.from,
        size: req.size,
        ...(req.startdt ? { startdt: req.startdt } : {}),
        ...(req.enddt ? { enddt: req.enddt } : {}),
      },
    });
  }

  app.get('/LATEST/search-index', async (c) => c.json(await answer(toRequest(c.req.query()))));
  app.post('/LATEST/search-index', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw createError('invalid-argument', 'the body must be a JSON object');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw createError('invalid-argument', 'the body must be a JSON object');
    }
    return c.json(await answer(toRequest(body as Record<string, unknown>)));
  });
  return app;
}

/** What a hit needs from its filing (memoised per accession). */
interface FilingFacts {
  items: string[];
  reportDate?: string;
  parties: Array<{ cik: string; name: string; fileNumber?: string; filmNumber?: string }>;
}

/** What a hit needs from each entity (memoised per CIK). */
type EntityFacts = Pick<EftsEntity, 'name' | 'sic' | 'bizState' | 'bizCity' | 'stateOfIncorporation'>;

async function filingFacts(ctx: ServerContext, accession: string): Promise<FilingFacts | undefined> {
  return memo(ctx, `efts-filing:${accession}`, async () => {
    const f: FilingRecord | undefined = await ctx.query(ctx.store.getFiling(accession), 'getFiling');
    if (!f) return undefined;
    const facts: FilingFacts = {
      items: f.items,
      parties: f.parties.map((p) => ({
        cik: p.cik,
        name: p.name,
        ...(p.fileNumber ? { fileNumber: p.fileNumber } : {}),
        ...(p.filmNumber ? { filmNumber: p.filmNumber } : {}),
      })),
    };
    if (f.reportDate) facts.reportDate = f.reportDate;
    return facts;
  });
}

async function entityFacts(ctx: ServerContext, cik: string): Promise<EntityFacts | undefined> {
  return memo(ctx, `efts-entity:${cik}`, async () => {
    const e: EntityRecord | undefined = await ctx.query(ctx.store.getEntity(cik), 'getEntity');
    if (!e) return undefined;
    const facts: EntityFacts = { name: e.name };
    if (e.sic) facts.sic = e.sic;
    if (e.businessAddress?.stateOrCountry) facts.bizState = e.businessAddress.stateOrCountry;
    if (e.businessAddress?.city) facts.bizCity = e.businessAddress.city;
    if (e.stateOfIncorporation) facts.stateOfIncorporation = e.stateOfIncorporation;
    return facts;
  });
}

/** Fill each hit's entities (names, SIC, states, file numbers) from its filing and the entities. */
async function toHitInputs(ctx: ServerContext, hits: readonly SearchHit[]): Promise<EftsHitInput[]> {
  const out: EftsHitInput[] = [];
  for (const h of hits) {
    const f = await filingFacts(ctx, h.accession);
    const parties = f?.parties ?? [{ cik: h.cik, name: h.companyName }];
    const list: EftsEntity[] = [];
    for (const p of parties) {
      if (!p.cik || list.some((e) => e.cik === p.cik)) continue;
      const e = await entityFacts(ctx, p.cik);
      const item: EftsEntity = { ...e, cik: p.cik, name: e?.name ?? p.name };
      if (p.fileNumber) item.fileNumber = p.fileNumber;
      if (p.filmNumber) item.filmNumber = p.filmNumber;
      list.push(item);
    }
    const input: EftsHitInput = {
      accessionNumber: h.accession,
      filename: h.filename,
      sequence: h.sequence,
      fileType: h.documentType,
      form: h.form,
      filingDate: h.filingDate,
      items: f?.items ?? [],
      entities: list,
      score: h.score,
    };
    if (h.description) input.fileDescription = h.description;
    if (f?.reportDate) input.reportDate = f.reportDate;
    out.push(input);
  }
  return out;
}
