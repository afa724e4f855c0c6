/**
 * End to end over a real listener on 127.0.0.1: ingest the real corpus (`../shared/corpus/sgml`)
 * into a temporary store (SQLite, and PostgreSQL where a server is available; always under CI), serve it, and check every SEC-compatible endpoint family against
 * the real SEC samples in `../shared/corpus/{json,index}`, byte identity of the `.txt` files,
 * a sec.gov-style client, the OpenAPI document, and that bad requests change nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runIngest } from '../../src/ingest/run-ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { createNodeServer, type RunningServer } from '../../src/server/node.ts';
import { createPostgresStore } from '../../src/store/postgres/store.ts';
import { createSqliteStore } from '../../src/store/sqlite/store.ts';
import type { Store } from '../../src/store/store.ts';
import { corpusPath, corpusSkip } from '../corpus.ts';
import { createTestDatabase, dropTestDatabase } from '../pg-server.ts';
import { shapeOf, shapeProblems } from './json-shape.ts';

const skip = corpusSkip();
const SEED = '0001144204-17-013452';
const SEED_CIK = '1279704';
const TOKEN = 'test-token-5f0c';
const UA = 'edgarbox tests tests@example.com';

function corpus(rel: string): string {
  const p = corpusPath(rel);
  if (typeof p !== 'string') throw new Error(p.skip);
  return p;
}

function sampleJson(rel: string): unknown {
  return JSON.parse(readFileSync(corpus(rel), 'utf8'));
}

/** A raw HTTP GET whose path is sent exactly as written (fetch would normalise `..`). */
function rawGet(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(parts).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A store for the suite and how to remove it afterwards. */
interface SuiteStore {
  store: Store;
  dispose: () => Promise<void>;
}

/** The whole suite over one backend: the same URLs must answer the same on SQLite and PostgreSQL. */
function serverSuite(backend: string, open: (dir: string) => Promise<SuiteStore>): void {
  describe(`edgarbox serve over the real corpus (${backend})`, skip, () => {
    let dir: string;
    let opened: SuiteStore | undefined;
    let store: Store;
    let server: RunningServer;
    let base: string;
    const logLines: string[] = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'edgarbox-e2e-'));
      opened = await open(dir);
      store = opened.store;
      const summary = await runIngest({ store, paths: [corpus('sgml')], workers: 2 });
      assert.ok(summary.ingested >= 40, `ingested ${summary.ingested}`);
      const app = createApp({
        store,
        token: TOKEN,
        limits: { maxUploadBytes: 256 * 1024 },
        log: (l) => logLines.push(l),
        mcp: true,
      });
      server = await createNodeServer({ app, host: '127.0.0.1', port: 0 });
      base = server.url;
    });

    after(async () => {
      await server?.close();
      await opened?.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function get(path: string): Promise<Response> {
      return fetch(`${base}${path}`, { headers: { 'User-Agent': UA } });
    }

    test('createApp() answers every SEC endpoint family for the seed filing', async () => {
      const folder = `/Archives/edgar/data/${SEED_CIK}/${SEED.replaceAll('-', '')}`;
      const cases: Array<[string, RegExp]> = [
        [`/Archives/edgar/data/${SEED_CIK}/${SEED}.txt`, /^text\/plain/],
        [`${folder}/${SEED}.txt`, /^text\/plain/],
        [`${folder}/v461435_8k.htm`, /^text\/html/],
        [`${folder}/index.json`, /^application\/json/],
        [`${folder}/${SEED}-index.htm`, /^text\/html/],
        [`${folder}/${SEED}-index-headers.html`, /^text\/html/],
        [`/Archives/edgar/data/${SEED_CIK}/index.json`, /^application\/json/],
        ['/submissions/CIK0001279704.json', /^application\/json/],
        ['/Archives/edgar/full-index/2017/QTR1/company.idx', /^text\/plain/],
        ['/Archives/edgar/full-index/2017/QTR1/form.idx', /^text\/plain/],
        ['/Archives/edgar/full-index/2017/QTR1/master.idx', /^text\/plain/],
        ['/Archives/edgar/daily-index/2017/QTR1/master.20170308.idx', /^text\/plain/],
        ['/Archives/edgar/daily-index/2017/QTR1/company.20170308.idx', /^text\/plain/],
        [
          `/cgi-bin/browse-edgar?action=getcompany&CIK=${SEED_CIK}&type=8-K&dateb=&owner=include&count=40&output=atom`,
          /^application\/atom\+xml/,
        ],
        ['/cgi-bin/browse-edgar?action=getcurrent&count=20&output=atom', /^application\/atom\+xml/],
        [
          '/LATEST/search-index?q=%22multiple%20myeloma%22&forms=8-K&dateRange=custom&startdt=2017-01-01&enddt=2017-12-31&ciks=0001279704',
          /^application\/json/,
        ],
        ['/api/filings?cik=1279704', /^application\/json/],
        [`/api/filings/${SEED}`, /^application\/json/],
        [`/api/filings/${SEED}/documents/2/markdown`, /^text\/markdown/],
        ['/api/search?q=myeloma&limit=1', /^application\/json/],
      ];
      for (const [path, type] of cases) {
        const res = await get(path);
        const body = await res.text();
        assert.equal(res.status, 200, `${path}: ${body.slice(0, 200)}`);
        assert.match(res.headers.get('content-type') ?? '', type, path);
        assert.ok(body.length > 0, path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      }
    });

    test('GET /Archives/.../{accession}.txt returns every ingested submission byte-identical', async () => {
      const seed = readFileSync(corpus(`sgml/${SEED}.txt`));
      for (const path of [
        `/Archives/edgar/data/${SEED_CIK}/${SEED}.txt`,
        `/Archives/edgar/data/${SEED_CIK}/${SEED.replaceAll('-', '')}/${SEED}.txt`,
      ]) {
        const res = await get(path);
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(seed), path);
        assert.equal(res.headers.get('content-length'), String(seed.length));
      }
      const page = await store.listFilings({ limit: 1000 });
      assert.ok(page.filings.length >= 40);
      for (const f of page.filings) {
        const cik = (f.parties.find((p) => p.cik)?.cik ?? f.cik).replace(/^0+/, '');
        const res = await get(
          `/Archives/edgar/data/${cik}/${f.accession.replaceAll('-', '')}/${f.accession}.txt`,
        );
        assert.equal(res.status, 200, f.accession);
        const sha = createHash('sha256')
          .update(Buffer.from(await res.arrayBuffer()))
          .digest('hex');
        const record = await store.getFiling(f.accession);
        assert.equal(sha, record?.sha256, f.accession);
        if (record?.sourcePath)
          assert.equal(
            sha,
            createHash('sha256').update(readFileSync(record.sourcePath)).digest('hex'),
            record.sourcePath,
          );
      }
    });

    test('GET /submissions/CIK##########.json has the shape of the real data.sec.gov samples for every entity', async () => {
      // SEC renders an empty address (seen for `business` in submissions_1017389.json) with nulls; an
      // entity with no mailing address either gets the same rendering in the `mailing` slot.
      const owner = sampleJson('json/submissions_1017389.json') as {
        addresses: { mailing: unknown; business: unknown };
      };
      const emptyMailing = structuredClone(owner);
      emptyMailing.addresses.mailing = owner.addresses.business;
      const shape = shapeOf(
        sampleJson('json/CIK0000789019.json'),
        sampleJson('json/submission.json'),
        sampleJson('json/submission1.json'),
        owner,
        emptyMailing,
        sampleJson('json/company_submission.json'),
      );
      const entities = await store.listEntities({ limit: 10_000 });
      assert.ok(entities.entities.length > 100);
      for (const e of entities.entities) {
        const res = await get(`/submissions/CIK${e.cik}.json`);
        assert.equal(res.status, 200, e.cik);
        const doc = (await res.json()) as { cik: string; filings: { recent: Record<string, unknown[]> } };
        assert.deepEqual(shapeProblems(doc, shape), [], `CIK ${e.cik}`);
        assert.equal(doc.cik, e.cik.replace(/^0+/, ''));
        assert.equal(doc.filings.recent.accessionNumber?.length, e.filingCount, e.cik);
      }
      const seed = (await (await get('/submissions/CIK0001279704.json')).json()) as {
        filings: { recent: Record<string, unknown[]> };
        formerNames: unknown[];
      };
      const i = seed.filings.recent.accessionNumber?.indexOf(SEED) ?? -1;
      assert.ok(i >= 0);
      assert.equal(seed.filings.recent.acceptanceDateTime?.[i], '2017-03-08T16:02:21.000Z');
      assert.equal(seed.filings.recent.items?.[i], '7.01,9.01');
      assert.equal(seed.filings.recent.primaryDocument?.[i], 'v461435_8k.htm');
      assert.equal(seed.filings.recent.size?.[i], 28261);
      assert.equal(seed.formerNames.length, 2);
    });

    test('GET .../index.json and /LATEST/search-index have the shape of the real SEC samples', async () => {
      const dirShape = shapeOf(
        sampleJson('json/0001213900-24-004875-index.json'),
        sampleJson('json/directory.json'),
      );
      const page = await store.listFilings({ limit: 1000 });
      for (const f of page.filings) {
        const res = await get(
          `/Archives/edgar/data/${f.cik.replace(/^0+/, '')}/${f.accession.replaceAll('-', '')}/index.json`,
        );
        assert.equal(res.status, 200, f.accession);
        assert.deepEqual(shapeProblems(await res.json(), dirShape), [], f.accession);
      }
      const eftsShape = shapeOf(sampleJson('json/search-index.json'), sampleJson('json/search-s-1.json'));
      for (const q of [
        'q=myeloma',
        'q=%22multiple%20myeloma%22&forms=8-K',
        'forms=4&dateRange=all',
        'q=revenue&from=5&size=5',
        'q=zzzznotaword',
      ]) {
        const res = await get(`/LATEST/search-index?${q}`);
        assert.equal(res.status, 200, q);
        const body = (await res.json()) as { hits: { hits: Array<{ _id: string }> } };
        assert.deepEqual(shapeProblems(body, eftsShape), [], q);
      }
      const roots = (await (await get('/LATEST/search-index?forms=SC%2013G&dateRange=all')).json()) as {
        hits: { hits: Array<{ _source: { form: string; root_forms: string[] } }> };
      };
      const rootForms = new Set(roots.hits.hits.map((h) => h._source.form));
      assert.ok(rootForms.has('SC 13G') && rootForms.has('SC 13G/A'), [...rootForms].join());
      assert.ok(roots.hits.hits.every((h) => h._source.root_forms[0] === 'SC 13G'));
      const seed = (await (await get('/LATEST/search-index?q=%22CLR%20131%22&ciks=0001279704')).json()) as {
        hits: {
          total: { value: number };
          hits: Array<{ _id: string; _source: { adsh: string; ciks: string[] } }>;
        };
      };
      assert.ok(seed.hits.total.value >= 1);
      assert.ok(
        seed.hits.hits.every((h) => h._source.adsh === SEED && h._source.ciks.includes('0001279704')),
      );
      assert.ok(seed.hits.hits.some((h) => h._id === `${SEED}:v461435_ex99-1.htm`));
    });

    test('GET full-index and daily-index .idx files parse with the column layout of the real samples', async () => {
      const sampleForm = readFileSync(corpus('index/form.20200318.idx'), 'latin1').split('\n');
      const head = sampleForm.find((l) => l.startsWith('Form Type')) ?? '';
      const cols = ['Company Name', 'CIK', 'Date Filed', 'File Name'].map((c) => head.indexOf(c)) as [
        number,
        number,
        number,
        number,
      ];
      for (const [path, dateRe] of [
        ['/Archives/edgar/full-index/2017/QTR1/form.idx', /^\d{4}-\d{2}-\d{2}$/],
        ['/Archives/edgar/daily-index/2017/QTR1/form.20170308.idx', /^\d{8}$/],
      ] as const) {
        const lines = (await (await get(path)).text()).split('\n');
        assert.equal(
          lines.find((l) => l.startsWith('Form Type')),
          head,
          path,
        );
        const rows = lines.slice(lines.findIndex((l) => /^-+$/.test(l)) + 1).filter((l) => l !== '');
        assert.ok(rows.length >= 1, path);
        for (const row of rows) {
          const [name, cik, date, file] = cols;
          const parsed = {
            form: row.slice(0, name).trim(),
            cik: row.slice(cik, date).trim(),
            date: row.slice(date, file).trim(),
            file: row.slice(file).trim(),
          };
          assert.match(parsed.cik, /^\d{1,10}$/, row);
          assert.match(parsed.date, dateRe, row);
          assert.equal(
            parsed.file,
            `edgar/data/${parsed.cik}/${/(\d{10}-\d{2}-\d{6})\.txt$/.exec(parsed.file)?.[1]}.txt`,
            row,
          );
        }
        const seedRow = rows.find((r) => r.includes(SEED)) ?? '';
        assert.equal(seedRow.slice(0, cols[0]).trim(), '8-K');
        assert.equal(seedRow.slice(cols[0], cols[1]).trim(), 'Cellectar Biosciences, Inc.');
      }
      const master = (await (await get('/Archives/edgar/full-index/2017/QTR1/master.idx')).text()).split(
        '\n',
      );
      const sampleMaster = readFileSync(corpus('index/xbrl.idx'), 'latin1').split('\n');
      assert.equal(master[8], sampleMaster[8]);
      assert.ok(
        master.includes(
          `${SEED_CIK}|Cellectar Biosciences, Inc.|8-K|2017-03-08|edgar/data/${SEED_CIK}/${SEED}.txt`,
        ),
      );
    });

    test('GET full-index/ and daily-index/ index.json listings have the shape of the real SEC listings', async () => {
      const shape = shapeOf(
        ...[
          'full-index.json',
          'full-index-2021.json',
          'full-index-qtr.json',
          'daily-index.json',
          'daily-index-2023.json',
          'daily-index-qtr.json',
        ].map((f) => sampleJson(`json/${f}`)),
      );
      const listings: Record<string, { directory: { item: Array<{ name: string; href: string }> } }> = {};
      for (const path of [
        '/Archives/edgar/full-index/index.json',
        '/Archives/edgar/full-index/2017/index.json',
        '/Archives/edgar/full-index/2017/QTR1/index.json',
        '/Archives/edgar/daily-index/index.json',
        '/Archives/edgar/daily-index/2017/index.json',
        '/Archives/edgar/daily-index/2017/QTR1/index.json',
      ]) {
        const res = await get(path);
        assert.equal(res.status, 200, path);
        const body = (await res.json()) as (typeof listings)[string];
        assert.deepEqual(shapeProblems(body, shape), [], path);
        listings[path] = body;
      }
      assert.ok(
        listings['/Archives/edgar/full-index/index.json']?.directory.item.some(
          (i) => i.name === '2017' && i.href === '2017/',
        ),
      );
      assert.deepEqual(
        listings['/Archives/edgar/full-index/2017/QTR1/index.json']?.directory.item.map((i) => i.name),
        ['company.idx', 'form.idx', 'master.idx'],
      );
      const daily =
        listings['/Archives/edgar/daily-index/2017/QTR1/index.json']?.directory.item.map((i) => i.name) ?? [];
      assert.ok(daily.includes('master.20170308.idx'));
      for (const name of daily.slice(0, 3))
        assert.equal((await get(`/Archives/edgar/daily-index/2017/QTR1/${name}`)).status, 200, name);
    });

    test('GET /cgi-bin/browse-edgar Atom feeds list the stored filings with SEC links back to us', async () => {
      const company = await (
        await get(`/cgi-bin/browse-edgar?action=getcompany&CIK=${SEED_CIK}&type=8-K&output=atom`)
      ).text();
      assert.match(company, /<cik>0001279704<\/cik>/);
      assert.match(company, new RegExp(`<accession-number>${SEED}</accession-number>`));
      const href = /<filing-href>([^<]+)<\/filing-href>/.exec(company)?.[1] ?? '';
      assert.ok(href.startsWith(base), href);
      assert.equal((await get(new URL(href).pathname)).status, 200);
      const current = await (
        await get('/cgi-bin/browse-edgar?action=getcurrent&count=10&output=atom')
      ).text();
      assert.equal((current.match(/<entry>/g) ?? []).length, 10);
      const owners = await (
        await get('/cgi-bin/browse-edgar?action=getcurrent&type=4&owner=only&count=100&output=atom')
      ).text();
      assert.ok([...owners.matchAll(/term="([^"]+)"/g)].every((m) => /^4/.test(m[1] ?? '')));
    });

    test('a client written for sec.gov works unchanged against edgarbox', async () => {
      // Exactly what a sec.gov client does: declared User-Agent, SEC URL patterns, JSON then documents.
      const sec = {
        data: base, // https://data.sec.gov
        www: base, // https://www.sec.gov
        efts: base, // https://efts.sec.gov
      };
      const headers = { 'User-Agent': UA, 'Accept-Encoding': 'gzip, deflate' };
      const cik = '1279704';
      const subs = (await (
        await fetch(`${sec.data}/submissions/CIK${cik.padStart(10, '0')}.json`, { headers })
      ).json()) as {
        name: string;
        filings: { recent: { accessionNumber: string[]; form: string[]; primaryDocument: string[] } };
      };
      assert.equal(subs.name, 'Cellectar Biosciences, Inc.');
      const r = subs.filings.recent;
      const i = r.form.indexOf('8-K');
      const acc = r.accessionNumber[i] ?? '';
      const docUrl = `${sec.www}/Archives/edgar/data/${cik}/${acc.replace(/-/g, '')}/${r.primaryDocument[i]}`;
      const doc = await fetch(docUrl, { headers });
      assert.equal(doc.status, 200);
      assert.match(await doc.text(), /FORM 8-K/i);
      const idx = await (
        await fetch(`${sec.www}/Archives/edgar/full-index/2017/QTR1/master.idx`, { headers })
      ).text();
      const entries = idx
        .split('\n')
        .slice(idx.split('\n').findIndex((l) => l.startsWith('----')) + 1)
        .filter((l) => l.includes('|'))
        .map((l) => {
          const [c, name, form, date, file] = l.split('|');
          return { cik: c, name, form, date, file };
        });
      const e = entries.find((x) => x.form === '8-K' && x.cik === cik);
      assert.ok(e);
      const txt = await fetch(`${sec.www}/Archives/${e.file}`, { headers });
      assert.equal(txt.status, 200);
      assert.match(await txt.text(), /^<SEC-DOCUMENT>/);
      const fts = (await (
        await fetch(
          `${sec.efts}/LATEST/search-index?q=${encodeURIComponent('"multiple myeloma"')}&dateRange=custom&startdt=2017-01-01&enddt=2017-12-31&forms=8-K`,
          { headers },
        )
      ).json()) as {
        hits: { hits: Array<{ _id: string; _source: { ciks: string[] } }> };
      };
      const [adsh, file] = (fts.hits.hits[0]?._id ?? '').split(':');
      const ftsCik = (fts.hits.hits[0]?._source.ciks[0] ?? '').replace(/^0+/, '');
      const hitDoc = await fetch(
        `${sec.www}/Archives/edgar/data/${ftsCik}/${(adsh ?? '').replace(/-/g, '')}/${file}`,
        { headers },
      );
      assert.equal(hitDoc.status, 200);
    });

    test('GET /api/openapi.json lists paths that all answer', async () => {
      const doc = (await (await get('/api/openapi.json')).json()) as {
        openapi: string;
        paths: Record<
          string,
          Record<string, { parameters?: Array<{ name: string; in: string; example?: string }> }>
        >;
      };
      assert.equal(doc.openapi, '3.1.0');
      const paths = Object.keys(doc.paths);
      assert.ok(paths.length >= 15);
      for (const [template, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          let path = template;
          const query = new URLSearchParams();
          for (const p of op.parameters ?? []) {
            if (p.in === 'path') {
              assert.ok(p.example, `${template} ${p.name} needs an example`);
              path = path.replace(`{${p.name}}`, p.example);
            } else if (p.example !== undefined) query.set(p.name, p.example);
          }
          const url = `${base}${path}${query.size > 0 ? `?${query}` : ''}`;
          const mcp = template === '/mcp';
          const res = await fetch(url, {
            method: method.toUpperCase(),
            headers: {
              'User-Agent': UA,
              ...(mcp
                ? { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }
                : {}),
            },
            ...(mcp
              ? {
                  body: JSON.stringify({
                    jsonrpc: '2.0',
                    id: 1,
                    method: 'initialize',
                    params: {
                      protocolVersion: '2025-06-18',
                      capabilities: {},
                      clientInfo: { name: 'e2e', version: '1' },
                    },
                  }),
                }
              : {}),
          });
          await res.arrayBuffer();
          if (method === 'post' && !mcp) assert.equal(res.status, 401, template);
          else assert.equal(res.status, 200, `${method} ${url}`);
        }
      }
    });

    test('POST /mcp answers an MCP initialize over Streamable HTTP', async () => {
      const res = await fetch(`${base}/mcp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'e2e', version: '1' },
          },
        }),
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { result?: { serverInfo?: { name?: string } } };
      assert.ok(body.result?.serverInfo?.name);
    });

    test('bad requests get the right status and a JSON error, and the store does not change', async () => {
      const before = await store.stats();
      const cases: Array<[string, number, string]> = [
        ['/submissions/CIK0009999999.json', 404, 'not-found'],
        ['/submissions/CIK12.json', 400, 'invalid-cik'],
        ['/Archives/edgar/data/1279704/0001144204-17-01345.txt', 404, 'not-found'],
        ['/Archives/edgar/data/1279704/00011442041701345/index.json', 400, 'invalid-accession'],
        ['/api/filings/0001144204-17-01345x', 400, 'invalid-accession'],
        ['/Archives/edgar/data/9999999/000114420417013452/index.json', 404, 'not-found'],
        ['/Archives/edgar/data/1279704/000114420417013452/nope.htm', 404, 'not-found'],
        ['/Archives/edgar/data/abc/000114420417013452/index.json', 400, 'invalid-cik'],
        ['/Archives/edgar/full-index/2017/QTR5/master.idx', 400, 'invalid-argument'],
        ['/LATEST/search-index?q=x&from=9990&size=100', 400, 'invalid-argument'],
        ['/cgi-bin/browse-edgar?action=getcompany&CIK=0009999999&output=atom', 404, 'not-found'],
        ['/api/search?q=x&limit=1000', 400, 'invalid-argument'],
      ];
      for (const [path, status, code] of cases) {
        const res = await get(path);
        assert.equal(res.status, status, path);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, code, path);
      }
      for (const path of [
        '/Archives/edgar/data/1279704/../../../../etc/passwd',
        '/Archives/edgar/data/1279704/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/Archives/edgar/data/1279704/000114420417013452/%2E%2E%2Fstore.db',
        '/Archives/edgar/data/1279704/000114420417013452/..%2f..%2fstore.db',
        '/api/filings/0001144204-17-013452/documents/..%2F..%2Fstore.db',
      ]) {
        const res = await rawGet(base, path);
        assert.equal(res.status, 400, path);
        assert.match(res.type, /^application\/json/, path);
        assert.equal((JSON.parse(res.body) as { error: { code: string } }).error.code, 'unsafe-path', path);
      }
      const upload = readFileSync(corpus(`sgml/${SEED}.txt`));
      const post = (headers: Record<string, string>, body: Uint8Array<ArrayBuffer>) =>
        fetch(`${base}/api/submissions`, { method: 'POST', headers: { 'User-Agent': UA, ...headers }, body });
      const noToken = await post({}, upload);
      assert.equal(noToken.status, 401);
      assert.equal(((await noToken.json()) as { error: { code: string } }).error.code, 'unauthorized');
      const wrong = await post({ Authorization: 'Bearer wrong-token' }, upload);
      assert.equal(wrong.status, 401);
      await wrong.arrayBuffer();
      const big = await post({ Authorization: `Bearer ${TOKEN}` }, new Uint8Array(300 * 1024).fill(65));
      assert.equal(big.status, 413);
      assert.equal(((await big.json()) as { error: { code: string } }).error.code, 'too-large');
      const junk = await post(
        { Authorization: `Bearer ${TOKEN}` },
        new TextEncoder().encode('not a filing at all'),
      );
      assert.equal(junk.status, 422);
      assert.equal(((await junk.json()) as { error: { code: string } }).error.code, 'unreadable');
      assert.deepEqual(await store.stats(), before);
    });

    test('POST /api/submissions with the token stores an upload that is then served', async () => {
      const bytes = readFileSync(new URL('../../examples/0009999901-24-000003.txt', import.meta.url));
      const res = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain', 'User-Agent': UA },
        body: bytes,
      });
      const body = (await res.json()) as { accession: string; status: string };
      assert.equal(res.status, 201, JSON.stringify(body));
      assert.equal(body.accession, '0009999901-24-000003');
      const back = await get('/Archives/edgar/data/9999901/000999990124000003/0009999901-24-000003.txt');
      assert.ok(Buffer.from(await back.arrayBuffer()).equals(bytes));
      const again = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: bytes,
      });
      assert.equal(((await again.json()) as { status: string }).status, 'unchanged');
      assert.equal(again.status, 200);
      assert.equal(await store.deleteFiling('0009999901-24-000003'), true);
      const form = new FormData();
      form.set('file', new Blob([bytes]), '0009999901-24-000003.txt');
      const multipart = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: form,
      });
      assert.equal(multipart.status, 201);
      assert.equal(((await multipart.json()) as { accession: string }).accession, '0009999901-24-000003');
      assert.equal(await store.deleteFiling('0009999901-24-000003'), true);
    });

    test('filing HTML is served sandboxed and every request leaves one access-log line', async () => {
      const before = logLines.length;
      const res = await get(
        `/Archives/edgar/data/${SEED_CIK}/${SEED.replaceAll('-', '')}/v461435_ex99-1.htm`,
      );
      await res.text();
      assert.equal(res.headers.get('content-security-policy'), 'sandbox');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const api = await get(`/api/filings/${SEED}/documents/v461435_ex99-1.htm`);
      await api.text();
      assert.equal(api.headers.get('content-security-policy'), 'sandbox');
      assert.equal(logLines.length, before + 2);
      assert.match(
        logLines.at(-1) ?? '',
        /^\S+Z GET \/api\/filings\/0001144204-17-013452\/documents\/v461435_ex99-1\.htm 200 [\d.]+ms$/,
      );
    });
  });
}

serverSuite('sqlite', async (dir) => {
  const store = createSqliteStore({ path: join(dir, 'store.db') });
  return { store, dispose: () => store.close() };
});

const pgProbe = await createTestDatabase();
if (typeof pgProbe === 'string') {
  await dropTestDatabase(pgProbe);
  serverSuite('postgres', async () => {
    const url = await createTestDatabase();
    if (typeof url !== 'string') throw new Error(url.skip);
    const store = await createPostgresStore({ url });
    return {
      store,
      dispose: async () => {
        await store.close();
        await dropTestDatabase(url);
      },
    };
  });
} else {
  test('edgarbox serve over the real corpus (postgres)', { skip: pgProbe.skip }, () => {});
}
