/**
 * The `/api/` calls the UI makes (the same API everyone else uses), with the response shapes it
 * reads (a subset of `store/store.ts`, restated here because the browser bundle imports nothing
 * from the server side; `test/web-api-contract.ts` makes the type check fail when they drift apart).
 * @module
 */

/** A party as listed on a filing. */
export interface ApiParty {
  cik: string;
  name: string;
  role: string;
  kind: 'company' | 'owner';
  formType?: string;
  fileNumber?: string;
  filmNumber?: string;
}

/** An address block. */
export interface ApiAddress {
  street1?: string;
  street2?: string;
  city?: string;
  stateOrCountry?: string;
  zipCode?: string;
  phone?: string;
}

/** A full party of a filing header. */
export interface ApiPartyFull {
  role: string;
  cik?: string;
  name?: string;
  kind: 'company' | 'owner';
  formerNames?: Array<{ name: string; date?: string }>;
  sic?: string;
  sicDescription?: string;
  stateOfIncorporation?: string;
  businessAddress?: ApiAddress;
  mailAddress?: ApiAddress;
  filingValues?: Array<{ formType?: string; act?: string; fileNumber?: string; filmNumber?: string }>;
}

/** A filing as listed. */
export interface ApiFilingSummary {
  accession: string;
  form: string;
  filingDate: string;
  reportDate?: string;
  acceptanceDateTime?: string;
  fileNumber?: string;
  filmNumber?: string;
  items: string[];
  cik: string;
  companyName: string;
  parties: ApiParty[];
  size: number;
  documentCount: number;
  primaryDocument?: string;
  primaryDocDescription?: string;
}

/** One document's metadata. */
export interface ApiDocument {
  sequence: number;
  type: string;
  filename: string;
  description?: string;
  contentType: string;
  size: number;
  hasMarkdown: boolean;
}

/** A whole filing. */
export interface ApiFiling extends ApiFilingSummary {
  itemTitles: string[];
  dateOfChange?: string;
  effectivenessDate?: string;
  partiesFull: ApiPartyFull[];
  documents: ApiDocument[];
}

/** A located section. */
export interface ApiSection {
  sequence: number;
  kind: 'item' | 'part';
  code: string;
  title: string;
  start: number;
  end: number;
}

/** A search hit. */
export interface ApiHit {
  accession: string;
  form: string;
  filingDate: string;
  cik: string;
  companyName: string;
  sequence: number;
  filename: string;
  documentType: string;
  description?: string;
  section?: string;
  snippet?: { text: string; highlights: Array<[number, number]> };
}

/** A page of search hits. */
export interface ApiSearchResult {
  total: number;
  hits: ApiHit[];
  nextCursor?: string;
}

/** A page of filings. */
export interface ApiFilingPage {
  filings: ApiFilingSummary[];
  nextCursor?: string;
}

/** A company (or reporting owner). */
export interface ApiCompany {
  cik: string;
  name: string;
  entityType: 'company' | 'owner';
  sic?: string;
  sicDescription?: string;
  stateOfIncorporation?: string;
  fiscalYearEnd?: string;
  businessAddress?: ApiAddress;
  mailAddress?: ApiAddress;
  formerNames: Array<{ name: string; from?: string; to?: string }>;
  filingCount: number;
  firstFilingDate?: string;
  lastFilingDate?: string;
}

/** An error answered by the API (`{ error: { code, message } }`) or the network. */
export class ApiError extends Error {
  /** The API's stable code (`not-found`, `invalid-query`, ...) or `network`. */
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

async function request(path: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, signal ? { signal } : {});
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('network', 'The server did not answer.', 0);
  }
  if (!res.ok) {
    let code = 'http-error';
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(code, message, res.status);
  }
  return res;
}

/** GET a JSON document from the API. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, signal)).json()) as T;
}

/** GET a text document from the API. */
export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  return (await request(path, signal)).text();
}

/** `/api/...?a=1&b=2` from params, leaving out empty values. */
export function apiPath(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
