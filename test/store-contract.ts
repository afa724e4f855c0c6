/**
 * The backend-neutral `Store` contract: one suite every backend runs (SQLite now, PostgreSQL
 * later). Call `storeContract(name, open)` from a backend's test file; `open` returns a fresh,
 * empty store each time.
 * @module
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isEdgarError } from '../src/core/errors.ts';
import { parseQuery } from '../src/search/query.ts';
import { compressRaw } from '../src/store/compress-raw.ts';
import type { FilingInput, SearchRequest, Store } from '../src/store/store.ts';
import { makeFiling, sha256 } from './store-filing-fixture.ts';

/** Opens a fresh empty store; `dispose` removes it afterwards. */
export type StoreFactory = () => Promise<{
  store: Store;
  dispose: () => Promise<void>;
  /** Another store over the same data (a reopen), closed by the caller. */
  reopen?: () => Promise<Store>;
}>;

const ACME = '0000000101';
const BOLT = '0000000202';
const CARR = '0000000303';

const pixel = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 255));

/** The shared fixture set: three fictional companies, 8-Ks, a 10-K with sections, a binary. */
export function contractFilings(): Array<ReturnType<typeof makeFiling>> {
  const md10k =
    '# Annual report\n\n## Item 1A. Risk Factors\n\nOur zeppelin fleet faces helium shortages.\n\n## Item 7. Management discussion\n\nRevenue from zeppelin tours grew.\n';
  const riskStart = md10k.indexOf('## Item 1A');
  const mdaStart = md10k.indexOf('## Item 7.');
  return [
    makeFiling({
      accession: '0000000101-17-000001',
      form: '8-K',
      filingDate: '2017-03-08',
      items: ['7.01', '9.01'],
      parties: [
        {
          cik: ACME,
          name: 'ACME ROCKETS INC',
          sic: '3760',
          stateOfIncorporation: 'DE',
          formerNames: [{ name: 'ACME FIREWORKS CO', date: '2010-05-01' }],
        },
      ],
      documents: [
        {
          type: '8-K',
          filename: 'acme8k.htm',
          description: 'FORM 8-K',
          body: '<html><p>Acme Rockets announces the CLR 131 rocket for multiple myeloma research payloads.</p></html>\n',
        },
        {
          type: 'EX-99.1',
          filename: 'ex991.htm',
          description: 'PRESS RELEASE',
          body: '<p>Press release: Acme Rockets launches orbital tourism service.</p>\n',
        },
        { type: 'GRAPHIC', filename: 'logo.jpg', binary: pixel },
      ],
    }),
    makeFiling({
      accession: '0000000202-17-000002',
      form: '8-K',
      filingDate: '2017-06-15',
      items: ['2.02'],
      parties: [{ cik: BOLT, name: 'BOLT BATTERIES CORP' }],
      documents: [
        {
          type: '8-K',
          filename: 'bolt8k.htm',
          body: '<p>Bolt Batteries reports quarterly results of operations; lithium demand rose.</p>\n',
        },
      ],
    }),
    makeFiling({
      accession: '0000000101-18-000003',
      form: '10-K',
      filingDate: '2018-02-20',
      reportDate: '2017-12-31',
      parties: [
        {
          cik: ACME,
          name: 'ACME SPACE HOLDINGS INC',
          sic: '3760',
          fiscalYearEnd: '1231',
          formerNames: [
            { name: 'ACME ROCKETS INC', date: '2018-01-15' },
            { name: 'ACME FIREWORKS CO', date: '2010-05-01' },
          ],
        },
      ],
      documents: [
        {
          type: '10-K',
          filename: 'acme10k.htm',
          body: '<p>Annual report. Risk Factors: our zeppelin fleet faces helium shortages. Revenue from zeppelin tours grew.</p>\n',
          markdown: md10k,
          sections: [
            { kind: 'item', code: '1A', title: 'Risk Factors', start: riskStart, end: mdaStart },
            { kind: 'item', code: '7', title: 'Management discussion', start: mdaStart, end: md10k.length },
          ],
        },
      ],
    }),
    makeFiling({
      accession: '0000000303-17-000004',
      form: 'SC 13G',
      filingDate: '2017-03-09',
      parties: [
        { cik: CARR, name: 'CARRIER PIGEON LOGISTICS LLC', role: 'subject-company' },
        { cik: BOLT, name: 'BOLT BATTERIES CORP', role: 'filed-by' },
      ],
      documents: [
        {
          type: 'SC 13G',
          filename: 'sc13g.txt',
          body: 'Bolt Batteries holds 7.5 percent of Carrier Pigeon Logistics. Myeloma not mentioned elsewhere.\n',
        },
      ],
    }),
  ];
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => isEdgarError(e) && e.code === code);
}

function textSearch(q: string, more: Partial<SearchRequest> = {}): SearchRequest {
  const parsed = parseQuery(q);
  return { ...(parsed.text ? { text: parsed.text } : {}), filters: parsed.filters, ...more };
}

/**
 * Register the contract suite for one backend.
 * @example storeContract('sqlite', async () => { const store = createSqliteStore({ path }); return { store, dispose } });
 */
export function storeContract(name: string, open: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let reopen: (() => Promise<Store>) | undefined;
    const filings = contractFilings();

    before(async () => {
      ({ store, dispose, reopen } = await open());
      const results = await store.putFilings(filings);
      assert.deepEqual(
        results.map((r) => r.status),
        ['inserted', 'inserted', 'inserted', 'inserted'],
      );
    });
    after(async () => {
      await store.close();
      await dispose();
    });

    it('getFiling() returns the header, every party with its role, and document metadata', async () => {
      const f = await store.getFiling('000000010117000001');
      assert.ok(f);
      assert.equal(f.accession, '0000000101-17-000001');
      assert.equal(f.form, '8-K');
      assert.equal(f.filingDate, '2017-03-08');
      assert.deepEqual(f.items, ['7.01', '9.01']);
      assert.equal(f.cik, ACME);
      assert.equal(f.companyName, 'ACME ROCKETS INC');
      assert.equal(f.documentCount, 3);
      assert.equal(f.primaryDocument, 'acme8k.htm');
      assert.equal(f.sha256, filings[0]?.sha256);
      assert.deepEqual(
        f.documents.map((d) => [d.sequence, d.type, d.filename, d.encoding, d.hasText]),
        [
          [1, '8-K', 'acme8k.htm', 'text', true],
          [2, 'EX-99.1', 'ex991.htm', 'text', true],
          [3, 'GRAPHIC', 'logo.jpg', 'uuencode', false],
        ],
      );
      assert.equal(f.documents[2]?.size, pixel.length);
      const sc = await store.getFiling('0000000303-17-000004');
      assert.deepEqual(
        sc?.parties.map((p) => [p.cik, p.role]),
        [
          [CARR, 'subject-company'],
          [BOLT, 'filed-by'],
        ],
      );
      assert.equal(await store.getFiling('0000000999-17-000999'), undefined);
    });

    it('openRaw() gives back the original bytes byte-identical, whole and by range', async () => {
      const raw = await store.openRaw('0000000101-17-000001');
      assert.ok(raw);
      const original = Buffer.from(filings[0]?.bytes ?? []);
      assert.equal(raw.size, original.length);
      assert.ok((await collect(raw.read())).equals(original));
      assert.ok((await collect(raw.read({ start: 10, end: 200 }))).equals(original.subarray(10, 200)));
      assert.equal(await store.openRaw('0000000999-17-000999'), undefined);
    });

    it('openRaw() serves ranges across chunk boundaries of pre-compressed input', async () => {
      const f = contractFilings()[1] as ReturnType<typeof makeFiling>;
      const input: FilingInput = {
        ...f,
        submission: { ...f.submission, accessionNumber: '0000000202-19-000077' },
        raw: compressRaw(f.bytes, 64),
      };
      assert.equal((await store.putFilings([input]))[0]?.status, 'inserted');
      const raw = await store.openRaw('0000000202-19-000077');
      assert.ok(raw);
      const original = Buffer.from(f.bytes);
      assert.ok((await collect(raw.read())).equals(original));
      for (const [s, e] of [
        [0, 64],
        [63, 65],
        [100, 300],
        [original.length - 5, original.length + 100],
      ] as const) {
        assert.ok(
          (await collect(raw.read({ start: s, end: e }))).equals(original.subarray(s, e)),
          `range ${s}-${e}`,
        );
      }
      assert.equal(await store.deleteFiling('0000000202-19-000077'), true);
    });

    it('readDocument() returns a body by sequence or file name, decoding uuencoded binaries', async () => {
      const byName = await store.readDocument('0000000101-17-000001', 'acme8k.htm');
      assert.ok(byName);
      assert.match((await collect(byName.chunks)).toString('utf8'), /CLR 131 rocket/);
      const bin = await store.readDocument('0000000101-17-000001', 3);
      assert.ok(bin);
      assert.equal(bin.document.filename, 'logo.jpg');
      const bytes = await collect(bin.chunks);
      assert.equal(sha256(bytes), sha256(pixel));
      assert.equal(await store.readDocument('0000000101-17-000001', 'nope.htm'), undefined);
    });

    it('getDocumentText(), getDocumentMarkdown() and getSections() return what was put', async () => {
      assert.match((await store.getDocumentText('0000000202-17-000002', 1)) ?? '', /lithium demand/);
      assert.equal(await store.getDocumentText('0000000101-17-000001', 3), undefined);
      const md = await store.getDocumentMarkdown('0000000101-18-000003', 'acme10k.htm');
      assert.match(md ?? '', /## Item 1A/);
      const sections = await store.getSections('0000000101-18-000003');
      assert.deepEqual(
        sections.map((s) => [s.sequence, s.code, s.title]),
        [
          [1, '1A', 'Risk Factors'],
          [1, '7', 'Management discussion'],
        ],
      );
      assert.match(
        sections[0]?.markdown ?? '',
        /^## Item 1A\. Risk Factors\n\nOur zeppelin fleet faces helium shortages\./,
      );
      assert.deepEqual(await store.getSections('0000000202-17-000002'), []);
    });

    it('putFilings() reports unchanged for the same bytes and replaces changed bytes without duplicates', async () => {
      const again = contractFilings();
      assert.deepEqual(
        (await store.putFilings(again)).map((r) => r.status),
        ['unchanged', 'unchanged', 'unchanged', 'unchanged'],
      );
      const changed = makeFiling({
        accession: '0000000202-17-000002',
        form: '8-K',
        filingDate: '2017-06-15',
        items: ['2.02'],
        parties: [{ cik: BOLT, name: 'BOLT BATTERIES CORP' }],
        documents: [
          {
            type: '8-K',
            filename: 'bolt8k.htm',
            body: '<p>Bolt Batteries restates results; cobalt demand rose.</p>\n',
          },
        ],
      });
      assert.deepEqual(await store.putFilings([changed]), [
        { accession: '0000000202-17-000002', status: 'replaced' },
      ]);
      assert.equal(await store.getFilingHash('0000000202-17-000002'), changed.sha256);
      assert.equal((await store.search(textSearch('lithium'))).total, 0);
      assert.equal((await store.search(textSearch('cobalt'))).total, 1);
      const page = await store.listFilings({ cik: BOLT });
      assert.equal(page.filings.filter((f) => f.accession === '0000000202-17-000002').length, 1);
      // Put the original back so later tests see the fixture set.
      assert.equal((await store.putFilings([filings[1] as FilingInput]))[0]?.status, 'replaced');
    });

    it('putFilings() fails only the broken filing of a batch and writes the others whole', async () => {
      const good = makeFiling({
        accession: '0000000303-20-000010',
        form: '8-K',
        filingDate: '2020-01-02',
        parties: [{ cik: CARR, name: 'CARRIER PIGEON LOGISTICS LLC' }],
        documents: [
          { type: '8-K', filename: 'c.htm', body: '<p>Carrier pigeons deliver quokka newsletters.</p>\n' },
        ],
      });
      const bad = makeFiling({
        accession: '0000000303-20-000011',
        form: '8-K',
        filingDate: '2020-01-03',
        parties: [{ cik: CARR, name: 'CARRIER PIGEON LOGISTICS LLC' }],
        documents: [
          { type: '8-K', filename: 'a.htm', body: '<p>wombat</p>\n' },
          { type: 'EX-99.1', filename: 'b.htm', body: '<p>wombat again</p>\n' },
        ],
      });
      // A converter produced garbage: a section whose offsets are not numbers.
      const content = bad.documents?.[0];
      if (content)
        content.sections = [{ kind: 'item', code: '1', title: 'Broken', start: Number.NaN, end: 3 }];
      const noAccession = makeFiling({
        ...{ accession: 'garbage', form: '8-K', filingDate: '2020-01-04', parties: [], documents: [] },
      });
      const results = await store.putFilings([good, bad, noAccession]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['inserted', 'failed', 'failed'],
      );
      assert.ok(results[1]?.error);
      assert.equal(await store.getFiling('0000000303-20-000011'), undefined);
      assert.equal((await store.search(textSearch('wombat'))).total, 0);
      assert.equal((await store.search(textSearch('quokka'))).total, 1);
      assert.equal(await store.deleteFiling('0000000303-20-000010'), true);
    });

    it('putFilings() keeps documents that share a sequence number, each with its own content', async () => {
      const f = makeFiling({
        accession: '0000000303-20-000012',
        form: '8-K',
        filingDate: '2020-01-05',
        parties: [{ cik: CARR, name: 'CARRIER PIGEON LOGISTICS LLC' }],
        documents: [
          { type: '8-K', filename: 'one.htm', body: '<p>first narwhal</p>\n' },
          { type: 'EX-99.1', filename: 'two.htm', body: '<p>second walrus</p>\n' },
        ],
      });
      const second = f.submission.documents[1];
      const secondContent = f.documents?.[1];
      if (second) second.sequence = 1;
      if (secondContent) secondContent.sequence = 1;
      assert.equal((await store.putFilings([f]))[0]?.status, 'inserted');
      try {
        const rec = await store.getFiling('0000000303-20-000012');
        assert.deepEqual(
          rec?.documents.map((d) => [d.sequence, d.filename]),
          [
            [1, 'one.htm'],
            [1, 'two.htm'],
          ],
        );
        assert.match((await store.getDocumentText('0000000303-20-000012', 'two.htm')) ?? '', /second walrus/);
        assert.match((await store.getDocumentText('0000000303-20-000012', 1)) ?? '', /first narwhal/);
        const body = await store.readDocument('0000000303-20-000012', 'two.htm');
        assert.equal(
          (await collect(body?.chunks ?? (async function* () {})())).toString('utf8'),
          '<p>second walrus</p>\n',
        );
      } finally {
        await store.deleteFiling('0000000303-20-000012');
      }
    });

    it('search() finds words, phrases, OR, exclusions and prefixes with an exact total', async () => {
      const cases: Array<[string, string[]]> = [
        ['myeloma', ['0000000101-17-000001', '0000000303-17-000004']],
        ['"CLR 131" myeloma', ['0000000101-17-000001']],
        ['"131 CLR"', []],
        ['zeppelin OR lithium', ['0000000101-18-000003', '0000000202-17-000002']],
        ['myeloma -pigeon', ['0000000101-17-000001']],
        ['zeppel*', ['0000000101-18-000003']],
        ['CLR-131', ['0000000101-17-000001']],
      ];
      for (const [q, want] of cases) {
        const r = await store.search(textSearch(q));
        assert.equal(r.total, want.length, q);
        assert.deepEqual([...new Set(r.hits.map((h) => h.accession))].sort(), want, q);
      }
    });

    it('search() returns hits per document with metadata and a highlighted snippet', async () => {
      const r = await store.search(textSearch('"CLR 131" myeloma'));
      const hit = r.hits[0];
      assert.ok(hit);
      assert.equal(hit.accession, '0000000101-17-000001');
      assert.equal(hit.form, '8-K');
      assert.equal(hit.filingDate, '2017-03-08');
      assert.equal(hit.cik, ACME);
      assert.equal(hit.companyName, 'ACME ROCKETS INC');
      assert.equal(hit.sequence, 1);
      assert.equal(hit.filename, 'acme8k.htm');
      assert.equal(hit.documentType, '8-K');
      assert.ok(hit.score > 0);
      assert.ok(hit.snippet);
      const marked = hit.snippet.highlights.map(([s, e]) => hit.snippet?.text.slice(s, e).toLowerCase());
      assert.ok(marked.includes('clr 131'), JSON.stringify(hit.snippet));
      assert.ok(marked.includes('myeloma'), JSON.stringify(hit.snippet));
    });

    it('search() applies form, cik, company, date, item, type and section filters', async () => {
      const cases: Array<[string, string[]]> = [
        ['myeloma form:8-K', ['0000000101-17-000001']],
        [`myeloma cik:${BOLT.replace(/^0+/, '')}`, ['0000000303-17-000004']],
        ['myeloma company:pigeon', ['0000000303-17-000004']],
        ['myeloma from:2017-03-09', ['0000000303-17-000004']],
        ['myeloma to:2017-03-08', ['0000000101-17-000001']],
        ['rockets item:7.01', ['0000000101-17-000001']],
        ['rockets item:2.02', []],
        ['rockets type:EX-99.1', ['0000000101-17-000001']],
        ['helium section:1A', ['0000000101-18-000003']],
        ['revenue section:1A', []],
        ['form:8-K', ['0000000101-17-000001', '0000000202-17-000002']],
      ];
      for (const [q, want] of cases) {
        const r = await store.search(textSearch(q));
        assert.deepEqual([...new Set(r.hits.map((h) => h.accession))].sort(), want, q);
        assert.equal(r.total, r.hits.length, q);
      }
      const sec = await store.search(textSearch('helium section:1A'));
      assert.equal(sec.hits[0]?.section, '1A');
    });

    it('search() pages with cursors through every hit exactly once, by relevance and by date', async () => {
      for (const sort of ['relevance', 'date'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let total = -1;
        for (let i = 0; i < 20; i++) {
          const r = await store.search(
            textSearch('rockets OR batteries OR pigeon OR zeppelin', {
              sort,
              limit: 1,
              ...(cursor ? { cursor } : {}),
            }),
          );
          total = r.total;
          seen.push(...r.hits.map((h) => `${h.accession}/${h.sequence}`));
          if (!r.nextCursor) break;
          cursor = r.nextCursor;
        }
        assert.equal(seen.length, total, sort);
        assert.equal(new Set(seen).size, total, sort);
        assert.ok(total >= 4, sort);
      }
      // Filters only: one hit per filing (its primary document), newest first, paged.
      const pages: string[] = [];
      let next: string | undefined;
      do {
        const r = await store.search(textSearch('form:8-K', { limit: 1, ...(next ? { cursor: next } : {}) }));
        assert.equal(r.total, 2);
        pages.push(...r.hits.map((h) => `${h.accession}/${h.sequence}`));
        next = r.nextCursor;
      } while (next);
      assert.deepEqual(pages, ['0000000202-17-000002/1', '0000000101-17-000001/1']);
      const byDate = await store.search(
        textSearch('rockets OR batteries OR pigeon OR zeppelin', { sort: 'date', limit: 100 }),
      );
      const dates = byDate.hits.map((h) => h.filingDate);
      assert.deepEqual(dates, [...dates].sort().reverse());
    });

    it('search() pages through hits with equal scores exactly once', async () => {
      const twins = Array.from({ length: 5 }, (_, i) =>
        makeFiling({
          accession: `0000000505-22-00000${i}`,
          form: '8-K',
          filingDate: '2022-01-0' + String(i + 1),
          parties: [{ cik: '0000000505', name: 'ECHO TWINS INC' }],
          documents: [{ type: '8-K', filename: 'e.htm', body: '<p>Identical quasar nebula text.</p>\n' }],
        }),
      );
      await store.putFilings(twins);
      try {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const r = await store.search(textSearch('quasar', { limit: 2, ...(cursor ? { cursor } : {}) }));
          assert.equal(r.total, 5);
          const scores = new Set(r.hits.map((h) => h.score));
          assert.equal(scores.size, r.hits.length > 0 ? 1 : 0);
          seen.push(...r.hits.map((h) => h.accession));
          cursor = r.nextCursor;
        } while (cursor);
        assert.deepEqual([...seen].sort(), twins.map((t) => t.submission.accessionNumber).sort());
      } finally {
        for (const t of twins) await store.deleteFiling(t.submission.accessionNumber);
      }
    });

    it('search() skips `offset` hits in one call: the hits paging would reach, the same total, a cursor that goes on', async () => {
      const words = 'rockets OR batteries OR pigeon OR zeppelin';
      // Ranked words, ranked with a filter (one pass that also counts), by date, filters only.
      const cases: Array<[string, Partial<SearchRequest>]> = [
        [words, { sort: 'relevance' }],
        [`${words} form:8-K`, { sort: 'relevance' }],
        [words, { sort: 'date' }],
        ['form:8-K', { sort: 'date' }],
      ];
      for (const [q, more] of cases) {
        const label = `${q} ${JSON.stringify(more)}`;
        const all = await store.search(textSearch(q, { ...more, limit: 100 }));
        assert.ok(all.total >= 2 && all.hits.length === all.total, label);
        const page = await store.search(textSearch(q, { ...more, limit: 1, offset: 1 }));
        assert.equal(page.total, all.total, label);
        assert.deepEqual(page.hits, all.hits.slice(1, 2), label);
        if (all.total > 2) {
          assert.ok(page.nextCursor, label);
          const rest = await store.search(textSearch(q, { ...more, limit: 100, cursor: page.nextCursor }));
          assert.deepEqual(rest.hits, all.hits.slice(2), label);
        } else assert.equal(page.nextCursor, undefined, label);
        const past = await store.search(textSearch(q, { ...more, offset: all.total }));
        assert.deepEqual([past.hits.length, past.total], [0, all.total], label);
      }
      for (const offset of [-1, 1.5, 10_001])
        await rejectsWith(store.search(textSearch('myeloma', { offset })), 'invalid-query');
    });

    it('search() rejects a cursor it did not issue with invalid-query', async () => {
      await rejectsWith(store.search(textSearch('myeloma', { cursor: 'not-a-cursor!' })), 'invalid-query');
      await rejectsWith(store.search(textSearch('myeloma', { cursor: 'eyJ4IjoxfQ' })), 'invalid-query');
    });

    it('listFilings() selects by party CIK, form and dates, ordered by date, cursor-paged', async () => {
      const all = await store.listFilings({ cik: BOLT, order: 'asc' });
      assert.deepEqual(
        all.filings.map((f) => f.accession),
        ['0000000303-17-000004', '0000000202-17-000002'],
      );
      assert.deepEqual(
        (await store.listFilings({ forms: ['8-K'], from: '2017-01-01', to: '2017-12-31' })).filings.map(
          (f) => f.accession,
        ),
        ['0000000202-17-000002', '0000000101-17-000001'],
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listFilings({ limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.filings.map((f) => f.accession));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [
        '0000000101-18-000003',
        '0000000202-17-000002',
        '0000000303-17-000004',
        '0000000101-17-000001',
      ]);
      const sc = all.filings[0];
      assert.deepEqual(
        sc?.parties.map((p) => p.name),
        ['CARRIER PIGEON LOGISTICS LLC', 'BOLT BATTERIES CORP'],
      );
    });

    it('listFilings() orders filings of one date by acceptance time, then accession, in both directions', async () => {
      const day = (accession: string, acceptance: string | undefined) => {
        const f = makeFiling({
          accession,
          form: '8-K',
          filingDate: '2021-07-07',
          parties: [{ cik: '0000000606', name: 'TIMEKEEPER WATCH CO' }],
          documents: [{ type: '8-K', filename: 'tick.htm', body: '<p>tick</p>\n' }],
        });
        if (acceptance === undefined) delete f.submission.acceptanceDateTime;
        else f.submission.acceptanceDateTime = acceptance;
        return f;
      };
      const filings = [
        day('0000000606-21-000001', '2021-07-07T17:30:00-04:00'),
        day('0000000606-21-000002', '2021-07-07T06:05:00-04:00'),
        day('0000000606-21-000003', '2021-07-07T12:00:00-04:00'),
        day('0000000606-21-000004', undefined),
      ];
      await store.putFilings(filings);
      try {
        const newest = [
          '0000000606-21-000001',
          '0000000606-21-000003',
          '0000000606-21-000002',
          '0000000606-21-000004',
        ];
        const desc = await store.listFilings({ cik: '606' });
        assert.deepEqual(
          desc.filings.map((f) => f.accession),
          newest,
        );
        const asc = await store.listFilings({ cik: '606', order: 'asc' });
        assert.deepEqual(
          asc.filings.map((f) => f.accession),
          [...newest].reverse(),
        );
        // Cursor paging keeps that order, one filing per page.
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listFilings({ cik: '606', limit: 1, ...(cursor ? { cursor } : {}) });
          seen.push(...page.filings.map((f) => f.accession));
          cursor = page.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, newest);
      } finally {
        for (const f of filings) await store.deleteFiling(f.submission.accessionNumber);
      }
    });

    it('getEntity() describes a company from its latest filing, with names over time', async () => {
      const e = await store.getEntity('101');
      assert.ok(e);
      assert.equal(e.cik, ACME);
      assert.equal(e.name, 'ACME SPACE HOLDINGS INC');
      assert.equal(e.fiscalYearEnd, '1231');
      assert.equal(e.filingCount, 2);
      assert.equal(e.firstFilingDate, '2017-03-08');
      assert.equal(e.lastFilingDate, '2018-02-20');
      assert.deepEqual(e.formerNames, [
        { name: 'ACME ROCKETS INC', from: '2010-05-01', to: '2018-01-15' },
        { name: 'ACME FIREWORKS CO', to: '2010-05-01' },
      ]);
      assert.equal(await store.getEntity('999999'), undefined);
    });

    it('getEntity() merges all filings: each field from the latest company block that has it, former names unioned', async () => {
      const GRAPHITE = '0000000505';
      const doc = [{ type: 'EX-99', filename: 'g.htm', body: '<p>graphite note</p>\n' }];
      const tenK = makeFiling({
        accession: '0000000505-19-000001',
        form: '10-K',
        filingDate: '2019-01-10',
        parties: [
          {
            cik: GRAPHITE,
            name: 'GRAPHITE MINING CORP',
            sic: '1000',
            sicDescription: 'METAL MINING',
            stateOfIncorporation: 'DE',
            fiscalYearEnd: '1231',
            businessAddress: { city: 'ELKO', stateOrCountry: 'NV' },
            mailAddress: { city: 'RENO', stateOrCountry: 'NV' },
            formerNames: [{ name: 'GRAPHITE EXPLORATION INC', date: '2015-03-01' }],
          },
        ],
        documents: doc,
      });
      const eightK = makeFiling({
        accession: '0000000505-19-000002',
        form: '8-K',
        filingDate: '2019-06-01',
        parties: [
          {
            cik: GRAPHITE,
            name: 'GRAPHITE MINING CORP',
            sic: '1000',
            businessAddress: { city: 'BOISE', stateOrCountry: 'ID' },
            formerNames: [
              { name: 'GRAPHITE EXPLORATION INC', date: '2015-03-01' },
              { name: 'GRAPHITE HOLDINGS LLC', date: '2012-01-01' },
            ],
          },
        ],
        documents: doc,
      });
      // A Form 4: the ISSUER block has no FORMER COMPANY, MAIL ADDRESS or SIC.
      const form4 = makeFiling({
        accession: '0000000506-20-000003',
        form: '4',
        filingDate: '2020-02-02',
        parties: [
          { cik: '0000000506', name: 'QUARRY JANE', kind: 'owner', role: 'reporting-owner' },
          { cik: GRAPHITE, name: 'GRAPHITE MINING CORP', role: 'issuer' },
        ],
        documents: doc,
      });
      // Later still, an owner block of the same CIK (it reports holdings in another issuer).
      const ownerBlock = makeFiling({
        accession: '0000000507-20-000004',
        form: '4',
        filingDate: '2020-03-03',
        parties: [
          {
            cik: GRAPHITE,
            name: 'GRAPHITE MINING CORP /OWNER',
            kind: 'owner',
            role: 'reporting-owner',
            mailAddress: { city: 'ASPEN', stateOrCountry: 'CO' },
          },
          { cik: '0000000507', name: 'SLATE ROOFING INC', role: 'issuer' },
        ],
        documents: doc,
      });
      const oldName = makeFiling({
        accession: '0000000505-10-000005',
        form: '10-Q',
        filingDate: '2010-04-04',
        parties: [{ cik: GRAPHITE, name: 'GRAPHITE VENTURES', sic: '1400' }],
        documents: doc,
      });
      const all = [tenK, eightK, form4, ownerBlock, oldName];
      // Out of date order, over several batches: the merge must not depend on write order.
      await store.putFilings([form4]);
      await store.putFilings([oldName, ownerBlock]);
      await store.putFilings([eightK, tenK]);
      try {
        const e = await store.getEntity('505');
        assert.deepEqual(e, {
          cik: GRAPHITE,
          name: 'GRAPHITE MINING CORP',
          entityType: 'company',
          sic: '1000',
          sicDescription: 'METAL MINING',
          stateOfIncorporation: 'DE',
          fiscalYearEnd: '1231',
          businessAddress: { city: 'BOISE', stateOrCountry: 'ID' },
          mailAddress: { city: 'RENO', stateOrCountry: 'NV' },
          formerNames: [
            { name: 'GRAPHITE EXPLORATION INC', from: '2012-01-01', to: '2015-03-01' },
            { name: 'GRAPHITE HOLDINGS LLC', to: '2012-01-01' },
            { name: 'GRAPHITE MINING CORP /OWNER', from: '2020-03-03', to: '2020-03-03' },
            { name: 'GRAPHITE VENTURES', from: '2010-04-04', to: '2010-04-04' },
          ].sort((a, b) => b.to.localeCompare(a.to)),
          filingCount: 5,
          firstFilingDate: '2010-04-04',
          lastFilingDate: '2020-03-03',
        });
        // Removing the 8-K rebuilds the merge: the older business address, one former name less.
        await store.deleteFiling(eightK.submission.accessionNumber);
        const after8k = await store.getEntity('505');
        assert.deepEqual(after8k?.businessAddress, { city: 'ELKO', stateOrCountry: 'NV' });
        assert.deepEqual(
          after8k?.formerNames.map((n) => n.name),
          ['GRAPHITE MINING CORP /OWNER', 'GRAPHITE EXPLORATION INC', 'GRAPHITE VENTURES'],
        );
        const page = await store.listEntities({ q: '505' });
        assert.deepEqual(
          page.entities.map((x) => [x.name, x.entityType]),
          [['GRAPHITE MINING CORP', 'company']],
        );
      } finally {
        for (const f of all) await store.deleteFiling(f.submission.accessionNumber);
      }
      assert.equal(await store.getEntity('505'), undefined);
    });

    it('listEntities() finds entities by name fragment or CIK, ordered by name', async () => {
      const all = await store.listEntities({});
      assert.deepEqual(
        all.entities.map((e) => e.name),
        ['ACME SPACE HOLDINGS INC', 'BOLT BATTERIES CORP', 'CARRIER PIGEON LOGISTICS LLC'],
      );
      assert.deepEqual(
        (await store.listEntities({ q: 'pigeon' })).entities.map((e) => e.cik),
        [CARR],
      );
      assert.deepEqual(
        (await store.listEntities({ q: '202' })).entities.map((e) => e.name),
        ['BOLT BATTERIES CORP'],
      );
      const first = await store.listEntities({ limit: 2 });
      assert.ok(first.nextCursor);
      const second = await store.listEntities({ limit: 2, cursor: first.nextCursor });
      assert.deepEqual(
        second.entities.map((e) => e.cik),
        [CARR],
      );
    });

    it('deleteFiling() removes the filing, its documents, text, raw bytes and orphaned entity', async () => {
      const f = makeFiling({
        accession: '0000000404-21-000001',
        form: '8-K',
        filingDate: '2021-01-01',
        parties: [{ cik: '0000000404', name: 'DODO DRONES INC' }],
        documents: [{ type: '8-K', filename: 'd.htm', body: '<p>Dodo drones fly platypus parcels.</p>\n' }],
      });
      await store.putFilings([f]);
      assert.equal((await store.search(textSearch('platypus'))).total, 1);
      assert.ok(await store.getEntity('404'));
      assert.equal(await store.deleteFiling('0000000404-21-000001'), true);
      assert.equal(await store.deleteFiling('0000000404-21-000001'), false);
      assert.equal(await store.getFiling('0000000404-21-000001'), undefined);
      assert.equal(await store.openRaw('0000000404-21-000001'), undefined);
      assert.equal((await store.search(textSearch('platypus'))).total, 0);
      assert.equal(await store.getEntity('404'), undefined);
    });

    it('putSyncState() then getSyncState() round-trips values, overwrites, and deletes with null', async () => {
      assert.equal(await store.getSyncState('sync:test:a'), undefined);
      await store.putSyncState([
        { key: 'sync:test:a', value: '{"etag":"\\"x\\""}' },
        { key: 'sync:test:b', value: 'é ✓ 0' },
        { key: 'sync:test:empty', value: '' },
      ]);
      assert.equal(await store.getSyncState('sync:test:a'), '{"etag":"\\"x\\""}');
      assert.equal(await store.getSyncState('sync:test:b'), 'é ✓ 0');
      assert.equal(await store.getSyncState('sync:test:empty'), '');
      await store.putSyncState([
        { key: 'sync:test:a', value: 'second' },
        { key: 'sync:test:b', value: null },
        { key: 'sync:test:never', value: null },
      ]);
      assert.equal(await store.getSyncState('sync:test:a'), 'second');
      assert.equal(await store.getSyncState('sync:test:b'), undefined);
      assert.equal(await store.getSyncState('sync:test:never'), undefined);
      await store.putSyncState([]);
      assert.equal(await store.getSyncState('sync:test:a'), 'second');
      // The last write of a key in one call wins.
      await store.putSyncState([
        { key: 'sync:test:c', value: '1' },
        { key: 'sync:test:c', value: '2' },
      ]);
      assert.equal(await store.getSyncState('sync:test:c'), '2');
    });

    it('putSyncState() values survive a reopen of the store', async (t) => {
      if (reopen === undefined) return t.skip('this backend factory cannot reopen');
      await store.putSyncState([{ key: 'sync:test:kept', value: 'kept across opens' }]);
      const again = await reopen();
      try {
        assert.equal(await again.getSyncState('sync:test:kept'), 'kept across opens');
        await again.putSyncState([{ key: 'sync:test:kept', value: null }]);
      } finally {
        await again.close();
      }
      assert.equal(await store.getSyncState('sync:test:kept'), undefined);
    });

    it('stats() counts filings, documents, entities and sections', async () => {
      const s = await store.stats();
      assert.equal(s.filings, 4);
      assert.equal(s.documents, 6);
      assert.equal(s.entities, 3);
      assert.equal(s.sections, 2);
      assert.equal(
        s.rawBytes,
        filings.reduce((n, f) => n + f.bytes.length, 0),
      );
      assert.ok(s.rawStoredBytes > 0);
      const chars = filings.reduce(
        (n, f) => n + (f.documents ?? []).reduce((m, d) => m + (d.text?.length ?? 0), 0),
        0,
      );
      assert.equal(s.textChars, chars);
      assert.ok(s.schemaVersion >= 1);
    });
  });
}
