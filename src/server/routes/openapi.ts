/**
 * The OpenAPI 3.1 description of edgarbox's HTTP API, hand-written. A test requests every path
 * listed here (with each parameter's `example`) and expects an answer, so it stays true.
 * @module
 */

type Json = Record<string, unknown>;

const ACCESSION = {
  name: 'accession',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d{10}-?\\d{2}-?\\d{6}$' },
  example: '0001144204-17-013452',
};
const CIK_PATH = {
  name: 'cik',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d{1,10}$' },
  example: '1279704',
};
const REF = {
  name: 'ref',
  in: 'path',
  required: true,
  description: 'Document <SEQUENCE> number or file name',
  schema: { type: 'string' },
  example: '1',
};
const LIMIT = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } };
const CURSOR = {
  name: 'cursor',
  in: 'query',
  description: 'Opaque `nextCursor` of the previous page',
  schema: { type: 'string' },
};

function q(name: string, description: string, schema: Json = { type: 'string' }): Json {
  return { name, in: 'query', description, schema };
}

function json(description: string, schema: Json = { type: 'object' }): Json {
  return { description, content: { 'application/json': { schema } } };
}

function text(description: string, type: string): Json {
  return { description, content: { [type]: { schema: { type: 'string' } } } };
}

const ERRORS: Json = {
  '400': { $ref: '#/components/responses/Error' },
  '404': { $ref: '#/components/responses/Error' },
  '503': { $ref: '#/components/responses/Error' },
};

function get(summary: string, parameters: Json[], ok: Json, tag: string): Json {
  return { get: { summary, tags: [tag], parameters, responses: { '200': ok, ...ERRORS } } };
}

let memo: string | undefined;

/**
 * The document served at `/api/openapi.json`, as JSON text (built once).
 * @example JSON.parse(openApiJson()).openapi // '3.1.0'
 */
export function openApiJson(): string {
  memo ??= JSON.stringify(openApiDocument());
  return memo;
}

/**
 * The document served at `/api/openapi.json`.
 * @example openApiDocument().paths['/api/filings']
 */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'edgarbox',
      version: '0.1.0',
      description:
        "EDGAR in a box. `/api/` is edgarbox's own API; the other paths answer like sec.gov, data.sec.gov and efts.sec.gov. Errors are JSON: `{ error: { code, message } }`.",
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
      responses: { Error: json('An error with a stable code', { $ref: '#/components/schemas/Error' }) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The EDGARBOX_TOKEN the server was started with',
        },
      },
    },
    paths: {
      '/api/filings': get(
        'Filings by CIK, form and filing date, newest first, cursor-paged',
        [
          q('cik', 'Any party CIK'),
          q('form', 'Comma-separated form types'),
          q('from', 'Filing date from (ISO)'),
          q('to', 'Filing date to (ISO)'),
          q('order', 'asc or desc'),
          LIMIT,
          CURSOR,
        ],
        json('A page: `{ filings, nextCursor? }`'),
        'edgarbox',
      ),
      '/api/filings/{accession}': get(
        'One filing with parties and documents (`?header=true` adds the raw header tree)',
        [ACCESSION, q('header', 'true to include the raw header tree')],
        json('The filing'),
        'edgarbox',
      ),
      '/api/filings/{accession}/raw': get(
        'The complete submission as ingested, byte-identical',
        [ACCESSION],
        text('The .txt', 'text/plain'),
        'edgarbox',
      ),
      '/api/filings/{accession}/sections': get(
        'Located items and parts',
        [ACCESSION, q('document', 'Sequence or file name'), q('code', 'Section code, e.g. 7.01')],
        json('`{ sections }`'),
        'edgarbox',
      ),
      '/api/filings/{accession}/documents/{ref}': get(
        'A document body (decoded), with its content type; HTML is sandboxed',
        [ACCESSION, REF],
        { description: 'The body' },
        'edgarbox',
      ),
      '/api/filings/{accession}/documents/{ref}/text': get(
        'A document as plain text',
        [ACCESSION, REF],
        text('Text', 'text/plain'),
        'edgarbox',
      ),
      '/api/filings/{accession}/documents/{ref}/markdown': get(
        'A document as Markdown',
        [ACCESSION, REF],
        text('Markdown', 'text/markdown'),
        'edgarbox',
      ),
      '/api/companies': get(
        'Companies and people by name fragment or CIK, cursor-paged',
        [q('q', 'Name fragment or CIK'), LIMIT, CURSOR],
        json('`{ entities, nextCursor? }`'),
        'edgarbox',
      ),
      '/api/companies/{cik}': get(
        'One company or person with former names',
        [CIK_PATH],
        json('The entity'),
        'edgarbox',
      ),
      '/api/search': get(
        'Full-text search in the edgarbox query language, cursor-paged',
        [
          {
            ...q('q', 'Words, "phrases", OR, -exclusions, prefix*, and field:value filters'),
            example: 'myeloma',
          },
          q('forms', 'Comma-separated form types'),
          q('ciks', 'Comma-separated CIKs'),
          q('companies', 'Company-name fragments'),
          q('items', '8-K item codes'),
          q('sections', 'Section codes'),
          q('types', 'Document types (EX-99.1)'),
          q('from', 'Filing date from'),
          q('to', 'Filing date to'),
          q('sort', 'relevance or date'),
          LIMIT,
          CURSOR,
        ],
        json('`{ total, hits, nextCursor? }`'),
        'edgarbox',
      ),
      '/api/stats': get('Counts and sizes of the store', [], json('Stats'), 'edgarbox'),
      '/api/submissions': {
        post: {
          summary: 'Ingest one complete submission (.txt or .nc bytes, or a multipart `file` field)',
          tags: ['edgarbox'],
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'text/plain': { schema: { type: 'string' } },
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: {
            '201': json('Stored: `{ accession, status, sha256, warnings, url }`'),
            '200': json('Already stored (unchanged) or replaced'),
            '401': { $ref: '#/components/responses/Error' },
            '403': { $ref: '#/components/responses/Error' },
            '413': { $ref: '#/components/responses/Error' },
            '422': { $ref: '#/components/responses/Error' },
          },
        },
      },
      '/api/openapi.json': get('This document', [], json('OpenAPI 3.1'), 'edgarbox'),
      '/mcp': {
        post: {
          summary:
            'MCP over Streamable HTTP (stateless JSON-RPC): the tools of `edgarbox mcp`; only when served with `--mcp`',
          tags: ['edgarbox'],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '200': json('JSON-RPC response') },
        },
      },
      '/submissions/CIK{cik10}.json': get(
        'data.sec.gov submissions JSON',
        [
          {
            name: 'cik10',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^\\d{10}$' },
            example: '0001279704',
          },
        ],
        json('SEC submissions shape'),
        'sec.gov',
      ),
      '/Archives/edgar/data/{cik}/{accession}.txt': get(
        'Complete submission text file (legacy path)',
        [CIK_PATH, ACCESSION],
        text('Byte-identical .txt', 'text/plain'),
        'sec.gov',
      ),
      '/Archives/edgar/data/{cik}/{folder}/{filename}': get(
        'A document, `{accession}.txt`, `{accession}-index.htm`, `{accession}-index-headers.html` or `index.json` of a filing folder',
        [
          CIK_PATH,
          {
            name: 'folder',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^\\d{18}$' },
            example: '000114420417013452',
          },
          { name: 'filename', in: 'path', required: true, schema: { type: 'string' }, example: 'index.json' },
        ],
        { description: 'The file, with its content type' },
        'sec.gov',
      ),
      '/Archives/edgar/full-index/{year}/{qtr}/{file}': get(
        "Quarterly company.idx, form.idx or master.idx, or the quarter's index.json listing",
        [
          { name: 'year', in: 'path', required: true, schema: { type: 'string' }, example: '2017' },
          {
            name: 'qtr',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['QTR1', 'QTR2', 'QTR3', 'QTR4'] },
            example: 'QTR1',
          },
          {
            name: 'file',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['company.idx', 'form.idx', 'master.idx', 'index.json'] },
            example: 'master.idx',
          },
        ],
        text('Index file', 'text/plain'),
        'sec.gov',
      ),
      '/Archives/edgar/daily-index/{year}/{qtr}/{file}': get(
        'Daily {company,form,master}.YYYYMMDD.idx',
        [
          { name: 'year', in: 'path', required: true, schema: { type: 'string' }, example: '2017' },
          { name: 'qtr', in: 'path', required: true, schema: { type: 'string' }, example: 'QTR1' },
          {
            name: 'file',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            example: 'form.20170308.idx',
          },
        ],
        text('Index file', 'text/plain'),
        'sec.gov',
      ),
      '/cgi-bin/browse-edgar': get(
        'Atom feeds: action=getcompany (CIK, type, dateb, owner, start, count) and action=getcurrent',
        [
          { ...q('action', 'getcompany or getcurrent'), example: 'getcurrent' },
          q('CIK', 'CIK for getcompany'),
          q('type', 'Form type prefix'),
          q('owner', 'include, exclude or only'),
          q('start', 'Offset'),
          q('count', 'Page size'),
          { ...q('output', 'atom'), example: 'atom' },
        ],
        text('Atom feed', 'application/atom+xml'),
        'sec.gov',
      ),
      '/LATEST/search-index': get(
        'EDGAR full-text search (EFTS) JSON',
        [
          { ...q('q', 'Query text'), example: 'myeloma' },
          q('forms', 'Comma-separated forms'),
          q('dateRange', 'all, custom, 30d, 1y, 5y, 10y'),
          q('startdt', 'From (custom)'),
          q('enddt', 'To (custom)'),
          q('ciks', 'Comma-separated 10-digit CIKs'),
          q('from', 'Offset'),
          q('size', 'Page size (max 100)'),
        ],
        json('EFTS shape'),
        'sec.gov',
      ),
    },
  };
}
