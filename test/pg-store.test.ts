/**
 * PostgreSQL store behaviour beyond the backend-neutral contract: chunked full text, partitions,
 * raw chunk ranges, uuencoded bodies, migrations and search semantics on hand-built filings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { isEdgarError } from '../src/core/errors.ts';
import { compressRaw } from '../src/store/compress-raw.ts';
import { SCHEMA_VERSION } from '../src/store/postgres/migrate.ts';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import type { FilingInput, SearchRequest, Store } from '../src/store/store.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';
import { makeFiling } from './store-filing-fixture.ts';

const db = await createTestDatabase();
const skip = typeof db === 'string' ? false : db.skip;
const url = typeof db === 'string' ? db : '';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

const filler = (n: number, word: string): string =>
  Array.from({ length: n }, (_, i) => `${word}${i % 50} lorem`).join(' ');

const acmeMarkdown =
  '# Item 2.02 Results\n\nAcme results were strong.\n\n# Item 9.01 Exhibits\n\nSee exhibit 99.1.\n';
const pdfBytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) % 256));

const acme1 = makeFiling({
  accession: '0000000101-17-000001',
  form: '8-K',
  filingDate: '2017-03-08',
  items: ['2.02', '9.01'],
  parties: [{ cik: '0000000101', name: 'ACME ROCKETS INC', sic: '3760' }],
  documents: [
    {
      type: '8-K',
      filename: 'acme-8k.htm',
      description: 'CURRENT REPORT',
      body: 'Acme Rockets announced results. The CLR 131 program for multiple myeloma advanced.\n',
      markdown: acmeMarkdown,
      sections: [
        { kind: 'item', code: '2.02', title: 'Results', start: 0, end: acmeMarkdown.indexOf('# Item 9.01') },
        {
          kind: 'item',
          code: '9.01',
          title: 'Exhibits',
          start: acmeMarkdown.indexOf('# Item 9.01'),
          end: acmeMarkdown.length,
          exhibits: ['99.1'],
        },
      ],
    },
    { type: 'EX-99.1', filename: 'acme-ex991.htm', body: 'Press release: rockets and satellites sold.\n' },
    { type: 'GRAPHIC', filename: 'chart.pdf', binary: pdfBytes },
  ],
});
const longText = `${filler(9000, 'alpha')} zephyrine ${filler(9000, 'beta')} quokkaship ${filler(9000, 'gamma')}\n`;
const acme2 = makeFiling({
  accession: '0000000101-18-000002',
  form: '10-K',
  filingDate: '2018-02-20',
  parties: [
    {
      cik: '0000000101',
      name: 'ACME SPACE CORP',
      formerNames: [{ name: 'ACME ROCKETS INC', date: '2017-12-01' }],
    },
  ],
  documents: [{ type: '10-K', filename: 'acme-10k.htm', body: longText }],
});
const bolt = makeFiling({
  accession: '0000000202-17-000003',
  form: '8-K',
  filingDate: '2017-05-01',
  items: ['7.01'],
  parties: [
    { cik: '0000000202', name: 'BOLT MOTORS LLC' },
    { cik: '0000000101', name: 'ACME ROCKETS INC', role: 'subject-company' },
  ],
  documents: [
    {
      type: '8-K',
      filename: 'bolt.htm',
      body: 'Bolt motors sold rockets to Acme. Multiple orders myeloma.\n',
    },
  ],
});

describe('createPostgresStore()', { skip }, () => {
  let store: Store;
  before(async () => {
    store = await createPostgresStore({ url });
    const results = await store.putFilings([acme1, acme2, bolt]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['inserted', 'inserted', 'inserted'],
    );
  });
  after(async () => {
    await store?.close();
    await dropTestDatabase(url);
  });

  const search = (req: Partial<SearchRequest>) => store.search({ filters: {}, ...req });

  test('putFilings() reports unchanged for the same bytes and replaces changed bytes without duplicates', async () => {
    assert.deepEqual(
      (await store.putFilings([bolt])).map((r) => r.status),
      ['unchanged'],
    );
    const changed = makeFiling({
      accession: '0000000202-17-000003',
      form: '8-K',
      filingDate: '2017-05-01',
      items: ['7.01'],
      parties: [
        { cik: '0000000202', name: 'BOLT MOTORS LLC' },
        { cik: '0000000101', name: 'ACME ROCKETS INC', role: 'subject-company' },
      ],
      documents: [
        {
          type: '8-K',
          filename: 'bolt.htm',
          body: 'Bolt motors sold rockets to Acme. Multiple orders myeloma.\n',
        },
      ],
    });
    changed.raw = new Uint8Array(Buffer.concat([Buffer.from(changed.raw as Uint8Array), Buffer.from('\n')]));
    changed.sha256 = 'f'.repeat(64);
    assert.deepEqual(
      (await store.putFilings([changed])).map((r) => r.status),
      ['replaced'],
    );
    const page = await store.listFilings({ cik: '202' });
    assert.deepEqual(
      page.filings.map((f) => f.accession),
      ['0000000202-17-000003'],
    );
    assert.equal(await store.getFilingHash('0000000202-17-000003'), 'f'.repeat(64));
    assert.equal((await store.stats()).filings, 3);
  });

  test('putFilings() fails one bad filing without affecting the others', async () => {
    const bad: FilingInput = { ...bolt, submission: { ...bolt.submission, accessionNumber: 'nope' } };
    const good = makeFiling({
      accession: '0000000303-19-000009',
      form: '4',
      filingDate: '2019-01-02',
      parties: [{ cik: '0000000303', name: 'CAROL PERSON', kind: 'owner', role: 'reporting-owner' }],
      documents: [{ type: '4', filename: 'form4.xml', body: '<ownershipDocument/>\n' }],
    });
    const results = await store.putFilings([bad, good]);
    assert.equal(results[0]?.status, 'failed');
    assert.match(results[0]?.error ?? '', /accession/);
    assert.equal(results[1]?.status, 'inserted');
    assert.equal(await store.deleteFiling('0000000303-19-000009'), true);
    assert.equal(await store.getFiling('0000000303-19-000009'), undefined);
    assert.equal(await store.getEntity('303'), undefined);
    assert.equal(await store.deleteFiling('0000000303-19-000009'), false);
  });

  test('getFiling() returns header fields, parties and document metadata', async () => {
    const f = await store.getFiling('000000010117000001');
    assert.ok(f);
    assert.equal(f.form, '8-K');
    assert.equal(f.filingDate, '2017-03-08');
    assert.deepEqual(f.items, ['2.02', '9.01']);
    assert.equal(f.cik, '0000000101');
    assert.equal(f.companyName, 'ACME ROCKETS INC');
    assert.equal(f.primaryDocument, 'acme-8k.htm');
    assert.equal(f.primaryDocDescription, 'CURRENT REPORT');
    assert.equal(f.documentCount, 3);
    assert.deepEqual(
      f.documents.map((d) => [d.sequence, d.type, d.hasText, d.hasMarkdown, d.sectionCount]),
      [
        [1, '8-K', true, true, 2],
        [2, 'EX-99.1', true, false, 0],
        [3, 'GRAPHIC', false, false, 0],
      ],
    );
    assert.equal(f.parties[0]?.act, '34');
    assert.equal(f.sha256, acme1.sha256);
    assert.equal(f.sourcePath, 'fixtures/0000000101-17-000001.txt');
  });

  test('openRaw() returns the bytes byte-identical, whole and by range across chunks', async () => {
    const small = makeFiling({
      accession: '0000000404-20-000001',
      form: '8-K',
      filingDate: '2020-06-01',
      parties: [{ cik: '0000000404', name: 'DELTA DATA CO' }],
      documents: [{ type: '8-K', filename: 'd.htm', body: longText }],
    });
    const plain = Buffer.from(small.raw as Uint8Array);
    small.raw = compressRaw(plain, 16_000);
    await store.putFilings([small]);
    try {
      const blob = await store.openRaw('0000000404-20-000001');
      assert.ok(blob);
      assert.equal(blob.size, plain.length);
      assert.ok((await collect(blob.read())).equals(plain), 'whole raw differs');
      assert.ok(
        (await collect(blob.read({ start: 15_990, end: 33_010 }))).equals(plain.subarray(15_990, 33_010)),
      );
      assert.equal((await collect(blob.read({ start: 5, end: 5 }))).length, 0);
      const acme = await store.openRaw(acme2.submission.accessionNumber);
      assert.ok(acme);
      assert.ok((await collect(acme.read())).equals(Buffer.from(acme2.raw as Uint8Array)));
    } finally {
      await store.deleteFiling('0000000404-20-000001');
    }
  });

  test('readDocument() decodes a uuencoded body and finds documents by file name', async () => {
    const body = await store.readDocument('0000000101-17-000001', 'chart.pdf');
    assert.ok(body);
    assert.equal(body.document.sequence, 3);
    assert.deepEqual(new Uint8Array(await collect(body.chunks)), pdfBytes);
    const text = await store.readDocument('0000000101-17-000001', 2);
    assert.ok(text);
    assert.equal((await collect(text.chunks)).toString(), 'Press release: rockets and satellites sold.\n');
    assert.equal(await store.readDocument('0000000101-17-000001', 9), undefined);
  });

  test('getDocumentText() reassembles text indexed in several chunks exactly', async () => {
    const text = await store.getDocumentText('0000000101-18-000002', 1);
    assert.equal(text, longText);
    assert.equal(await store.getDocumentText('0000000101-17-000001', 3), undefined);
    assert.match(
      (await store.getDocumentMarkdown('0000000101-17-000001', 'acme-8k.htm')) ?? '',
      /^# Item 2\.02/,
    );
  });

  test('getSections() returns each section with its Markdown slice', async () => {
    const sections = await store.getSections('0000000101-17-000001');
    assert.deepEqual(
      sections.map((s) => [s.code, s.markdown.split('\n')[0], s.exhibits]),
      [
        ['2.02', '# Item 2.02 Results', undefined],
        ['9.01', '# Item 9.01 Exhibits', ['99.1']],
      ],
    );
  });

  test('search() finds a phrase first with a highlighted snippet', async () => {
    const r = await search({
      text: {
        kind: 'and',
        children: [
          { kind: 'phrase', tokens: ['clr', '131'] },
          { kind: 'term', token: 'multiple' },
          { kind: 'term', token: 'myeloma' },
        ],
      },
    });
    assert.equal(r.total, 1);
    const hit = r.hits[0];
    assert.equal(hit?.accession, '0000000101-17-000001');
    assert.equal(hit?.filename, 'acme-8k.htm');
    assert.ok(hit?.snippet);
    const marked = hit.snippet.highlights.map(([a, b]) => hit.snippet?.text.slice(a, b));
    assert.ok(
      marked.includes('CLR 131') || (marked.includes('CLR') && marked.includes('131')),
      String(marked),
    );
    assert.ok(hit.score > 0);
  });

  test('search() matches words that sit in different chunks of one document', async () => {
    const r = await search({
      text: {
        kind: 'and',
        children: [
          { kind: 'term', token: 'zephyrine' },
          { kind: 'term', token: 'quokkaship' },
        ],
      },
    });
    assert.deepEqual(
      r.hits.map((h) => h.accession),
      ['0000000101-18-000002'],
    );
    const excluded = await search({
      text: {
        kind: 'and',
        children: [{ kind: 'term', token: 'zephyrine' }],
        exclude: [{ kind: 'term', token: 'quokkaship' }],
      },
    });
    assert.equal(excluded.total, 0);
  });

  test('search() supports OR, exclusion and prefix terms', async () => {
    const or = await search({
      text: {
        kind: 'or',
        children: [
          { kind: 'term', token: 'satellites' },
          { kind: 'term', token: 'motors' },
        ],
      },
      sort: 'date',
    });
    assert.deepEqual(
      or.hits.map((h) => `${h.accession}/${h.sequence}`),
      ['0000000202-17-000003/1', '0000000101-17-000001/2'],
    );
    const not = await search({
      text: {
        kind: 'and',
        children: [{ kind: 'term', token: 'rockets' }],
        exclude: [{ kind: 'term', token: 'bolt' }],
      },
    });
    assert.deepEqual(new Set(not.hits.map((h) => h.accession)), new Set(['0000000101-17-000001']));
    const prefix = await search({ text: { kind: 'term', token: 'myelo', prefix: true } });
    assert.equal(prefix.total, 2);
  });

  test('search() applies form, CIK, company, date, item, document-type and section filters', async () => {
    const rockets = { kind: 'term', token: 'rockets' } as const;
    const accs = async (filters: SearchRequest['filters']) =>
      (await search({ text: rockets, filters })).hits.map((h) => `${h.accession}/${h.sequence}`).sort();
    assert.deepEqual(await accs({ ciks: ['0000000202'] }), ['0000000202-17-000003/1']);
    assert.deepEqual(await accs({ ciks: ['0000000101'] }), [
      '0000000101-17-000001/1',
      '0000000101-17-000001/2',
      '0000000202-17-000003/1',
    ]);
    assert.deepEqual(await accs({ companies: ['bolt'] }), ['0000000202-17-000003/1']);
    assert.deepEqual(await accs({ from: '2017-04-01', to: '2017-12-31' }), ['0000000202-17-000003/1']);
    assert.deepEqual(await accs({ items: ['2.02'] }), ['0000000101-17-000001/1', '0000000101-17-000001/2']);
    assert.deepEqual(await accs({ documentTypes: ['EX-99.1'] }), ['0000000101-17-000001/2']);
    assert.deepEqual(await accs({ forms: ['10-K'] }), []);
    const sec = await search({ text: { kind: 'term', token: 'strong' }, filters: { sections: ['2.02'] } });
    assert.deepEqual(
      sec.hits.map((h) => [h.accession, h.section]),
      [['0000000101-17-000001', '2.02']],
    );
  });

  test('search() without text lists primary documents newest first', async () => {
    const r = await search({ filters: { ciks: ['0000000101'] } });
    assert.equal(r.total, 3);
    assert.deepEqual(
      r.hits.map((h) => [h.accession, h.sequence, h.score]),
      [
        ['0000000101-18-000002', 1, 0],
        ['0000000202-17-000003', 1, 0],
        ['0000000101-17-000001', 1, 0],
      ],
    );
  });

  test('search() pages by cursor through every hit once, with an exact total', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = -1;
    for (let i = 0; i < 10; i++) {
      const r = await search({
        text: { kind: 'term', token: 'lorem' },
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      total = r.total;
      seen.push(...r.hits.map((h) => h.accession));
      if (r.nextCursor === undefined) break;
      cursor = r.nextCursor;
    }
    assert.equal(total, 1);
    assert.deepEqual(seen, ['0000000101-18-000002']);
    const all: string[] = [];
    cursor = undefined;
    for (let i = 0; i < 10; i++) {
      const r = await search({ filters: {}, limit: 2, sort: 'date', ...(cursor ? { cursor } : {}) });
      assert.equal(r.total, 3);
      all.push(...r.hits.map((h) => h.accession));
      if (r.nextCursor === undefined) break;
      cursor = r.nextCursor;
    }
    assert.deepEqual(all, ['0000000101-18-000002', '0000000202-17-000003', '0000000101-17-000001']);
    await assert.rejects(search({ filters: {}, cursor: 'garbage' }), (e) => isEdgarError(e, 'invalid-query'));
  });

  test('getEntity() describes an entity from its latest filing, with names over time', async () => {
    const e = await store.getEntity('101');
    assert.ok(e);
    assert.equal(e.name, 'ACME SPACE CORP');
    assert.equal(e.filingCount, 3);
    assert.equal(e.firstFilingDate, '2017-03-08');
    assert.equal(e.lastFilingDate, '2018-02-20');
    assert.deepEqual(e.formerNames, [{ name: 'ACME ROCKETS INC', to: '2017-12-01' }]);
    const page = await store.listEntities({ q: 'acme' });
    assert.deepEqual(
      page.entities.map((x) => [x.cik, x.name]),
      [['0000000101', 'ACME SPACE CORP']],
    );
    const byCik = await store.listEntities({ q: '202' });
    assert.deepEqual(
      byCik.entities.map((x) => x.cik),
      ['0000000202'],
    );
    const first = await store.listEntities({ limit: 1 });
    assert.ok(first.nextCursor);
    const second = await store.listEntities({ limit: 1, cursor: first.nextCursor });
    assert.deepEqual(
      [...first.entities, ...second.entities].map((x) => x.name),
      ['ACME SPACE CORP', 'BOLT MOTORS LLC'],
    );
  });

  test('listFilings() filters by CIK (any party), form and date, and pages by cursor', async () => {
    const asc = await store.listFilings({ cik: '0000000101', order: 'asc', limit: 2 });
    assert.deepEqual(
      asc.filings.map((f) => f.accession),
      ['0000000101-17-000001', '0000000202-17-000003'],
    );
    const rest = await store.listFilings({
      cik: '0000000101',
      order: 'asc',
      limit: 2,
      cursor: asc.nextCursor ?? '',
    });
    assert.deepEqual(
      rest.filings.map((f) => f.accession),
      ['0000000101-18-000002'],
    );
    assert.equal(rest.nextCursor, undefined);
    const forms = await store.listFilings({ forms: ['10-K'], from: '2018-01-01' });
    assert.deepEqual(
      forms.filings.map((f) => f.accession),
      ['0000000101-18-000002'],
    );
  });

  test('stats() counts filings, documents and compressed raw bytes', async () => {
    const s = await store.stats();
    assert.equal(s.backend, 'postgres');
    assert.equal(s.schemaVersion, SCHEMA_VERSION);
    assert.equal(s.filings, 3);
    assert.equal(s.documents, 5);
    assert.ok(s.rawStoredBytes > 0 && s.rawStoredBytes < s.rawBytes);
    let chars = 0;
    for (const [acc, n] of [
      ['0000000101-17-000001', 3],
      ['0000000101-18-000002', 1],
      ['0000000202-17-000003', 1],
    ] as const) {
      for (let q = 1; q <= n; q++) chars += (await store.getDocumentText(acc, q))?.length ?? 0;
    }
    assert.equal(s.textChars, chars);
  });

  test('tables are partitioned by filing year', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ relname: string }>(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'filings' ORDER BY 1",
      );
      assert.deepEqual(
        rows.map((r) => r.relname).filter((n) => ['filings_y2017', 'filings_y2018'].includes(n)),
        ['filings_y2017', 'filings_y2018'],
      );
    } finally {
      await client.end();
    }
  });
});

describe('createPostgresStore() migrations', { skip }, () => {
  test('createPostgresStore() refuses a database written by a newer edgarbox', async () => {
    const other = await createTestDatabase();
    assert.equal(typeof other, 'string');
    const otherUrl = other as string;
    try {
      const s = await createPostgresStore({ url: otherUrl });
      assert.equal((await s.stats()).schemaVersion, SCHEMA_VERSION);
      await s.close();
      const again = await createPostgresStore({ url: otherUrl });
      await again.close();
      const client = new pg.Client({ connectionString: otherUrl });
      await client.connect();
      await client.query('INSERT INTO schema_version (version) VALUES (99)');
      await client.end();
      await assert.rejects(createPostgresStore({ url: otherUrl }), (e) => isEdgarError(e, 'store-version'));
    } finally {
      await dropTestDatabase(otherUrl);
    }
  });

  test('createPostgresStore() migrates a version 1 store to documents keyed by position, keeping every row', async () => {
    const other = await createTestDatabase();
    assert.equal(typeof other, 'string');
    const otherUrl = other as string;
    try {
      const s = await createPostgresStore({ url: otherUrl });
      await s.putFilings([acme2, bolt]);
      const before = await s.getFiling(acme2.submission.accessionNumber);
      const beforeText = await s.getDocumentText(acme2.submission.accessionNumber, 1);
      const beforeEntity = await s.getEntity('101');
      await s.close();
      // Take the schema back to version 1 (sequence keys), as a store written before migration 2.
      const client = new pg.Client({ connectionString: otherUrl });
      await client.connect();
      await client.query(`
        ALTER TABLE documents DROP COLUMN position; ALTER TABLE documents ADD PRIMARY KEY (accession, filing_year, sequence);
        ALTER TABLE sections DROP COLUMN position; ALTER TABLE sections ADD PRIMARY KEY (accession, filing_year, sequence, ord);
        ALTER TABLE fts_chunks DROP COLUMN position;
        ALTER TABLE fts_chunks ADD PRIMARY KEY (accession, filing_year, sequence, section, chunk);
        ALTER TABLE entities DROP COLUMN state;
        DROP INDEX filings_date_acceptance;
        DELETE FROM schema_version WHERE version > 1;`);
      await client.end();
      const upgraded = await createPostgresStore({ url: otherUrl });
      try {
        assert.equal((await upgraded.stats()).schemaVersion, SCHEMA_VERSION);
        assert.deepEqual(await upgraded.getFiling(acme2.submission.accessionNumber), before);
        assert.equal(await upgraded.getDocumentText(acme2.submission.accessionNumber, 1), beforeText);
        assert.deepEqual(await upgraded.getEntity('101'), beforeEntity);
        const hits = await upgraded.search({ text: { kind: 'term', token: 'quokkaship' }, filters: {} });
        assert.deepEqual(
          hits.hits.map((h) => [h.accession, h.sequence]),
          [[acme2.submission.accessionNumber, 1]],
        );
      } finally {
        await upgraded.close();
      }
    } finally {
      await dropTestDatabase(otherUrl);
    }
  });
});
