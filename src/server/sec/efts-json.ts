/**
 * The EDGAR full-text search (`efts.sec.gov/LATEST/search-index`) response shape: one hit per
 * document, `_id` = `{accession}:{filename}`, Elasticsearch envelope and aggregations.
 * @module
 */

/** An entity of a hit. */
export interface EftsEntity {
  /** 10-digit CIK. */
  cik: string;
  name: string;
  tickers?: string[];
  fileNumber?: string;
  filmNumber?: string;
  sic?: string;
  /** Business address state/country code. */
  bizState?: string;
  bizCity?: string;
  stateOfIncorporation?: string;
}

/** One matching document. */
export interface EftsHitInput {
  accessionNumber: string;
  filename: string;
  sequence: number;
  /** Document `<TYPE>` (`8-K`, `EX-99.1`). */
  fileType: string;
  fileDescription?: string;
  /** Submission form type. */
  form: string;
  filingDate: string;
  reportDate?: string;
  items: readonly string[];
  entities: readonly EftsEntity[];
  /** Relevance (higher is better), `null` when sorted by date. */
  score: number | null;
}

/** The `_source` of a hit, with SEC's keys. */
export interface EftsSource {
  ciks: string[];
  period_ending: string | null;
  file_num: string[];
  display_names: string[];
  xsl: string | null;
  sequence: number;
  root_forms: string[];
  file_date: string;
  biz_states: string[];
  sics: string[];
  form: string;
  adsh: string;
  film_num: string[];
  biz_locations: string[];
  file_type: string;
  file_description: string;
  inc_states: string[];
  items: string[];
}

/** An aggregation, Elasticsearch terms style. */
export interface EftsAggregation {
  doc_count_error_upper_bound: number;
  sum_other_doc_count: number;
  buckets: Array<{ key: string; doc_count: number }>;
}

/** The whole response. */
export interface EftsResponse {
  took: number;
  timed_out: boolean;
  _shards: { total: number; successful: number; skipped: number; failed: number };
  hits: {
    total: { value: number; relation: 'eq' | 'gte' };
    max_score: number | null;
    hits: Array<{ _index: string; _id: string; _score: number | null; _source: EftsSource }>;
  };
  aggregations: {
    entity_filter: EftsAggregation;
    sic_filter: EftsAggregation;
    biz_states_filter: EftsAggregation;
    form_filter: EftsAggregation;
  };
  query: unknown;
}

/** Response options. */
export interface EftsResponseOptions {
  /** Total matches (capped at 10,000 with relation `gte`, as EFTS does). */
  total: number;
  /** Milliseconds the query took. */
  took: number;
  /** Hits the aggregations count (defaults to the page). */
  aggregateOver?: readonly EftsHitInput[];
  /** The request, echoed in SEC's Elasticsearch style. */
  request: EftsRequestEcho;
}

/** The parts of the search request that the response echoes. */
export interface EftsRequestEcho {
  q?: string;
  forms?: readonly string[];
  ciks?: readonly string[];
  startdt?: string;
  enddt?: string;
  from: number;
  size: number;
}

/**
 * `NAME  (TICKER, TICKER)  (CIK ##########)` with SEC's two spaces.
 * @example displayName({ cik: '0001844419', name: 'Maquia Capital Acquisition Corp', tickers: ['MAQC'] })
 */
export function displayName(e: EftsEntity): string {
  const tickers = e.tickers && e.tickers.length > 0 ? `  (${e.tickers.join(', ')})` : '';
  return `${e.name}${tickers}  (CIK ${e.cik})`;
}

/**
 * Build an EFTS search response.
 * @example toEftsResponse(hits, { total: 146, took: 3, request: { q: 'maqc', from: 0, size: 100 } })
 */
export function toEftsResponse(hits: readonly EftsHitInput[], options: EftsResponseOptions): EftsResponse {
  const scores = hits.map((h) => h.score).filter((s): s is number => s !== null);
  const capped = Math.min(options.total, 10000);
  return {
    took: options.took,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total: { value: capped, relation: options.total > 10000 ? 'gte' : 'eq' },
      max_score: scores.length > 0 ? Math.max(...scores) : null,
      hits: hits.map((h) => ({
        _index: 'edgar_file',
        _id: `${h.accessionNumber}:${h.filename}`,
        _score: h.score,
        _source: toSource(h),
      })),
    },
    aggregations: aggregate(options.aggregateOver ?? hits),
    query: echo(options.request),
  };
}

function rootForm(form: string): string {
  return form.replace(/\/A$/, '');
}

function toSource(h: EftsHitInput): EftsSource {
  const list = (f: (e: EftsEntity) => string | undefined) =>
    h.entities.map(f).filter((v): v is string => v !== undefined && v !== '');
  return {
    ciks: h.entities.map((e) => e.cik),
    period_ending: h.reportDate ?? null,
    file_num: [...new Set(list((e) => e.fileNumber))],
    display_names: h.entities.map(displayName),
    xsl: null,
    sequence: h.sequence,
    root_forms: [rootForm(h.form)],
    file_date: h.filingDate,
    biz_states: list((e) => e.bizState),
    sics: list((e) => e.sic),
    form: h.form,
    adsh: h.accessionNumber,
    film_num: list((e) => e.filmNumber),
    biz_locations: list((e) =>
      e.bizCity && e.bizState ? `${titleCase(e.bizCity)}, ${e.bizState}` : undefined,
    ),
    file_type: h.fileType,
    file_description: h.fileDescription ?? '',
    inc_states: list((e) => e.stateOfIncorporation),
    items: [...h.items],
  };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function aggregate(hits: readonly EftsHitInput[]): EftsResponse['aggregations'] {
  const count = (keys: (h: EftsHitInput) => string[]): EftsAggregation => {
    const m = new Map<string, number>();
    for (const h of hits) for (const k of new Set(keys(h))) m.set(k, (m.get(k) ?? 0) + 1);
    const buckets = [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([key, doc_count]) => ({ key, doc_count }));
    const top = buckets.slice(0, 30);
    const other = buckets.slice(30).reduce((n, b) => n + b.doc_count, 0);
    return { doc_count_error_upper_bound: 0, sum_other_doc_count: other, buckets: top };
  };
  return {
    entity_filter: count((h) => h.entities.map(displayName)),
    sic_filter: count((h) => h.entities.flatMap((e) => (e.sic ? [e.sic] : []))),
    biz_states_filter: count((h) => h.entities.flatMap((e) => (e.bizState ? [e.bizState] : []))),
    form_filter: count((h) => [rootForm(h.form)]),
  };
}

/** SEC echoes the Elasticsearch query it ran; this is the same shape for the request we ran. */
function echo(r: EftsRequestEcho): unknown {
  const must: unknown[] = [];
  if (r.ciks && r.ciks.length > 0) must.push(...r.ciks.map((c) => ({ match: { display_names: c } })));
  if (r.q) must.push({ match_phrase: { doc_text: r.q } });
  const filter: unknown[] = [];
  if (r.forms && r.forms.length > 0) filter.push({ terms: { root_forms: [...r.forms] } });
  if (r.startdt || r.enddt)
    filter.push({ range: { file_date: { gte: r.startdt ?? '', lte: r.enddt ?? '' } } });
  const terms = (field: string) => ({ terms: { field, size: 30 } });
  return {
    _source: { exclude: ['doc_text'] },
    query: { bool: { must, must_not: [], should: [], filter } },
    from: r.from,
    size: r.size,
    aggregations: {
      form_filter: terms('root_forms'),
      entity_filter: terms('display_names.raw'),
      sic_filter: terms('sics'),
      biz_states_filter: terms('biz_states'),
    },
  };
}
