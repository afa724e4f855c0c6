/**
 * The pure SEC-format generators of `src/server/sec/` checked against real SEC samples in the
 * shared corpus: JSON by shape (same keys, same types, recursively), index files by the samples'
 * column layout and header block, feeds and pages by their elements.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toCompanyAtom } from '../src/server/sec/company-atom.ts';
import { toCurrentAtom } from '../src/server/sec/current-atom.ts';
import { toIndexHeaderDate, toSecTimestamp, toSizeLabel } from '../src/server/sec/dates.ts';
import { toDirectoryJson } from '../src/server/sec/directory-json.ts';
import { displayName, toEftsResponse } from '../src/server/sec/efts-json.ts';
import { toFilingIndexHtml } from '../src/server/sec/filing-index-html.ts';
import { toIndexFile } from '../src/server/sec/index-file.ts';
import { toIndexHeadersHtml } from '../src/server/sec/index-headers-html.ts';
import { toSubmissionsJson } from '../src/server/sec/submissions-json.ts';
import type { SecEntity, SecFilingRow } from '../src/server/sec/types.ts';
import { corpusPath, corpusSkip } from './corpus.ts';
import { shapeOf, shapeProblems } from './e2e/json-shape.ts';

const skip = corpusSkip();

function sample(rel: string): string {
  const p = corpusPath(rel);
  if (typeof p !== 'string') throw new Error(p.skip);
  return readFileSync(p, 'latin1');
}

function json(rel: string): unknown {
  return JSON.parse(sample(rel));
}

const entity: SecEntity = {
  cik: '0009990001',
  name: 'Fictional Widgets Inc.',
  sic: '3571',
  sicDescription: 'Electronic Computers',
  irsNumber: '123456789',
  stateOfIncorporation: 'DE',
  fiscalYearEnd: '1231',
  businessAddress: {
    street1: '1 Example Way',
    city: 'SPRINGFIELD',
    stateOrCountry: 'IL',
    zipCode: '62701',
    phone: '555-0100',
  },
  mailAddress: { street1: '1 Example Way', city: 'SPRINGFIELD', stateOrCountry: 'IL', zipCode: '62701' },
  formerNames: [{ name: 'FICTIONAL GADGETS INC', from: '2001-02-03', to: '2010-05-06' }],
};

const rows: SecFilingRow[] = [
  {
    accessionNumber: '0009990001-24-000001',
    cik: '0009990001',
    companyName: 'Fictional Widgets Inc.',
    role: 'filer',
    form: '8-K',
    filingDate: '2024-03-08',
    reportDate: '2024-03-07',
    acceptanceDateTime: '2024-03-08T16:02:21-05:00',
    act: '34',
    fileNumber: '001-99999',
    filmNumber: '24000001',
    items: ['2.02', '9.01'],
    size: 309_000,
    isXBRL: true,
    isInlineXBRL: true,
    primaryDocument: 'fw-8k.htm',
    primaryDocDescription: '8-K',
  },
  {
    accessionNumber: '0009990002-24-000007',
    cik: '0009990002',
    companyName: 'A Very Long Fictional Company Name That Overflows The Column Width Of SEC',
    role: 'reporting-owner',
    form: '4',
    filingDate: '2024-03-08',
    items: [],
    size: 5000,
  },
];

test('toSubmissionsJson() has the keys and types of real data.sec.gov submissions', skip, () => {
  const shape = shapeOf(
    json('json/CIK0000789019.json'),
    json('json/submission.json'),
    json('json/submission1.json'),
    json('json/submissions_1017389.json'),
    json('json/company_submission.json'),
  );
  const ours = toSubmissionsJson(entity, rows);
  assert.deepEqual(shapeProblems(ours, shape), []);
  assert.equal(ours.cik, '9990001');
  assert.equal(ours.filings.recent.acceptanceDateTime[0], '2024-03-08T16:02:21.000Z');
  assert.equal(ours.filings.recent.items[0], '2.02,9.01');
  assert.equal(ours.formerNames[0]?.to, '2010-05-06T00:00:00.000Z');
  const lens = Object.values(ours.filings.recent).map((c) => c.length);
  assert.deepEqual(new Set(lens), new Set([2]));
});

test('shapeProblems() reports a wrong type, a missing key and an extra key', skip, () => {
  const shape = shapeOf(json('json/CIK0000789019.json'));
  const bad = structuredClone(toSubmissionsJson(entity, rows)) as unknown as Record<string, unknown>;
  bad.cik = 9990001;
  delete bad.phone;
  bad.extra = 1;
  const problems = shapeProblems(bad, shape);
  assert.ok(problems.some((p) => p.startsWith('$.cik: number')));
  assert.ok(problems.includes('$.phone: missing'));
  assert.ok(problems.includes('$.extra: not in the samples'));
});

test('toDirectoryJson() has the keys and types of a real filing index.json', skip, () => {
  const shape = shapeOf(json('json/0001213900-24-004875-index.json'), json('json/directory.json'));
  const ours = toDirectoryJson({
    cik: '0009990001',
    accessionNumber: '0009990001-24-000001',
    lastModified: '2024-03-08 16:02:21',
    documents: [
      { sequence: 1, filename: 'fw-8k.htm', type: '8-K', size: 1234 },
      { sequence: 2, filename: 'logo.jpg', type: 'GRAPHIC', size: 99 },
    ],
  });
  assert.deepEqual(shapeProblems(ours, shape), []);
  assert.equal(ours.directory.name, '/Archives/edgar/data/9990001/000999000124000001');
  assert.equal(ours.directory.item[4]?.type, 'image2.gif');
  assert.equal(ours.directory.item[2]?.size, '');
});

test('toEftsResponse() has the keys and types of a real EFTS search-index response', skip, () => {
  const shape = shapeOf(json('json/search-index.json'), json('json/search-s-1.json'));
  const ours = toEftsResponse(
    [
      {
        accessionNumber: '0009990001-24-000001',
        filename: 'fw-8k.htm',
        sequence: 1,
        fileType: '8-K',
        fileDescription: 'FORM 8-K',
        form: '8-K',
        filingDate: '2024-03-08',
        reportDate: '2024-03-07',
        items: ['2.02'],
        entities: [
          {
            cik: '0009990001',
            name: 'Fictional Widgets Inc.',
            sic: '3571',
            bizState: 'IL',
            bizCity: 'SPRINGFIELD',
            fileNumber: '001-99999',
            filmNumber: '24000001',
            stateOfIncorporation: 'DE',
          },
        ],
        score: 3.5,
      },
    ],
    {
      total: 1,
      took: 2,
      request: {
        q: 'widgets',
        forms: ['8-K'],
        startdt: '2024-01-01',
        enddt: '2024-12-31',
        from: 0,
        size: 100,
      },
    },
  );
  assert.deepEqual(shapeProblems(ours, shape), []);
  assert.equal(ours.hits.hits[0]?._id, '0009990001-24-000001:fw-8k.htm');
  assert.equal(ours.hits.hits[0]?._source.biz_locations[0], 'Springfield, IL');
  assert.equal(ours.aggregations.form_filter.buckets[0]?.key, '8-K');
});

test('displayName() writes two spaces before each parenthesis, like EFTS', () => {
  assert.equal(
    displayName({ cik: '0001844419', name: 'Maquia Capital Acquisition Corp', tickers: ['MAQC', 'MAQCU'] }),
    'Maquia Capital Acquisition Corp  (MAQC, MAQCU)  (CIK 0001844419)',
  );
  assert.equal(displayName({ cik: '0000000001', name: 'DOE JOHN' }), 'DOE JOHN  (CIK 0000000001)');
});

/** Header block lines up to and including the dashes line. */
function headerBlock(text: string): string[] {
  const lines = text.split('\n');
  const dash = lines.findIndex((l) => /^-{20,}$/.test(l));
  return lines.slice(0, dash + 1);
}

function dataLines(text: string): string[] {
  const lines = text.split('\n');
  const dash = lines.findIndex((l) => /^-{20,}$/.test(l));
  return lines.slice(dash + 1).filter((l) => l.length > 0);
}

function sameHeaderExceptDate(ours: string, theirs: string): void {
  const a = headerBlock(ours);
  const b = headerBlock(theirs);
  assert.equal(a.length, b.length, 'header line count');
  a.forEach((line, i) => {
    if (line.startsWith('Last Data Received:')) assert.match(line, /^Last Data Received: {4}\S/);
    else assert.equal(line, b[i], `header line ${i + 1}`);
  });
}

test(
  'toIndexFile() daily form.idx has the header block and column layout of a real daily form index',
  skip,
  () => {
    const theirs = sample('index/form.20200318.idx');
    const ours = toIndexFile({ kind: 'form', period: 'daily', lastDataReceived: '2024-03-08', rows });
    sameHeaderExceptDate(ours, theirs);
    const head = headerBlock(theirs).at(-2) ?? '';
    const cols = ['Company Name', 'CIK', 'Date Filed', 'File Name'].map((c) => head.indexOf(c));
    const lines = dataLines(ours);
    const first = lines[0] ?? '';
    const [name, cik, date, file] = cols as [number, number, number, number];
    const second = lines[1] ?? '';
    assert.equal(second.length, dataLines(theirs)[0]?.length, 'row width');
    assert.deepEqual(
      [
        second.slice(0, name).trim(),
        second.slice(name, cik).trim(),
        second.slice(cik, date).trim(),
        second.slice(date, file).trim(),
        second.slice(file).trim(),
      ],
      ['8-K', 'Fictional Widgets Inc.', '9990001', '20240308', 'edgar/data/9990001/0009990001-24-000001.txt'],
    );
    assert.match(
      first,
      /^4 +A Very Long .* 9990002 +20240308 +edgar\/data\/9990002\/0009990002-24-000007\.txt +$/,
    );
  },
);

test('toIndexFile() quarterly form.idx matches the header of a real quarterly form index', skip, () => {
  const theirs = sample('index/empty-form.idx').replace(/^$/gm, ' ');
  const ours = toIndexFile({ kind: 'form', period: 'quarterly', lastDataReceived: '2025-03-29', rows: [] });
  sameHeaderExceptDate(ours, theirs);
  assert.equal(headerBlock(ours)[1], 'Last Data Received:    March 29, 2025');
  assert.deepEqual(dataLines(ours), []);
});

test(
  'toIndexFile() daily company.idx has the split header and the column layout of a real daily company index',
  skip,
  () => {
    const theirs = sample('index/company.idx');
    const ours = toIndexFile({ kind: 'company', period: 'daily', lastDataReceived: '2023-07-03', rows });
    assert.deepEqual(headerBlock(ours), headerBlock(theirs));
    const real = dataLines(theirs)[0] ?? '';
    const formAt = (headerBlock(theirs).at(-3) ?? '').indexOf('Form Type');
    const cikAt = (headerBlock(theirs).at(-3) ?? '').indexOf('CIK');
    const dateAt = real.search(/ \d{8} /) + 1;
    const fileAt = real.indexOf('edgar/');
    const line = dataLines(ours)[1] ?? '';
    assert.equal(line.length, real.length);
    assert.deepEqual(
      [
        line.slice(0, formAt).trim(),
        line.slice(formAt, cikAt).trim(),
        line.slice(cikAt, dateAt).trim(),
        line.slice(dateAt, fileAt).trim(),
        line.slice(fileAt).trim(),
      ],
      ['Fictional Widgets Inc.', '8-K', '9990001', '20240308', 'edgar/data/9990001/0009990001-24-000001.txt'],
    );
  },
);

test('toIndexFile() master.idx has the pipe layout of real daily and quarterly master indexes', skip, () => {
  const daily = toIndexFile({ kind: 'master', period: 'daily', lastDataReceived: '2025-04-18', rows });
  sameHeaderExceptDate(daily, sample('index/2025-04-18.master.idx'));
  assert.deepEqual(dataLines(daily)[0]?.split('|'), [
    '9990001',
    'Fictional Widgets Inc.',
    '8-K',
    '20240308',
    'edgar/data/9990001/0009990001-24-000001.txt',
  ]);
  const quarterly = toIndexFile({
    kind: 'master',
    period: 'quarterly',
    lastDataReceived: '2023-03-31',
    rows,
  });
  const xbrl = sample('index/xbrl.idx').replace(
    'XBRL Index of EDGAR Dissemination Feed',
    'Master Index of EDGAR Dissemination Feed',
  );
  sameHeaderExceptDate(quarterly, xbrl);
  assert.equal(dataLines(quarterly)[0]?.split('|')[3], '2024-03-08');
});

test('toIndexHeaderDate() writes the long and padded short month forms of the samples', () => {
  assert.equal(toIndexHeaderDate('2021-03-31', 'long'), 'March 31, 2021');
  assert.equal(toIndexHeaderDate('2023-07-03', 'short'), 'Jul  3, 2023');
  assert.equal(toIndexHeaderDate('2020-03-18', 'short'), 'Mar 18, 2020');
});

test('toSecTimestamp() keeps the Eastern wall clock and appends .000Z', () => {
  assert.equal(toSecTimestamp('2022-10-24T06:08:50-04:00'), '2022-10-24T06:08:50.000Z');
  assert.equal(toSecTimestamp('2022-10-24'), '2022-10-24T00:00:00.000Z');
  assert.equal(toSecTimestamp(undefined), '');
  assert.equal(toSizeLabel(309_000), '302 KB');
  assert.equal(toSizeLabel(1_500_000), '1 MB');
});

/** Element names in order of first appearance inside the first `<entry>`. */
function entryElements(xml: string): string[] {
  const entry = /<entry>([\s\S]*?)<\/entry>/.exec(xml)?.[1] ?? '';
  return [...new Set([...entry.matchAll(/<([a-z][a-z_-]*)[\s>/]/g)].map((m) => m[1] ?? ''))];
}

test('toCompanyAtom() uses the elements of a real getcompany Atom feed', skip, () => {
  const theirs = sample('index/atom1.xml');
  const ours = toCompanyAtom(entity, rows.slice(0, 1), {
    baseUrl: 'http://127.0.0.1:1',
    type: '',
    start: 0,
    count: 40,
    updated: '2024-03-09T00:00:00-05:00',
  });
  assert.deepEqual(entryElements(ours), entryElements(theirs));
  assert.equal(ours.split('\n')[0], theirs.split('\n')[0]);
  assert.match(ours, /<items-desc>items 2\.02and9\.01<\/items-desc>/);
  assert.match(ours, /<title>Fictional Widgets Inc\. {2}\(0009990001\)<\/title>/);
  assert.match(ours, /<updated>2024-03-08T16:02:21-05:00<\/updated>/);
  const companyInfo = (s: string) =>
    [...(/<company-info>([\s\S]*?)<\/company-info>/.exec(s)?.[1] ?? '').matchAll(/<([a-z-]+)[\s>]/g)].map(
      (m) => m[1],
    );
  for (const el of [
    'addresses',
    'assigned-sic',
    'cik',
    'conformed-name',
    'fiscal-year-end',
    'state-location',
  ]) {
    assert.ok(companyInfo(ours).includes(el) && companyInfo(theirs).includes(el), el);
  }
});

test('toCurrentAtom() writes one entry per row with the documented title grammar', () => {
  const xml = toCurrentAtom(rows, {
    baseUrl: 'http://x',
    updated: '2024-03-08T18:00:00-05:00',
    updatedLabel: 'Fri, 08 Mar 2024 18:00:00 EST',
  });
  assert.equal((xml.match(/<entry>/g) ?? []).length, 2);
  assert.match(xml, /<title>8-K - Fictional Widgets Inc\. \(0009990001\) \(Filer\)<\/title>/);
  assert.match(xml, /<title>4 - A Very Long .* \(0009990002\) \(Reporting\)<\/title>/);
  assert.match(xml, /<id>urn:tag:sec\.gov,2008:accession-number=0009990001-24-000001<\/id>/);
});

test('toFilingIndexHtml() has the structure scrapers read on a real -index.htm page', skip, () => {
  const theirs = sample('html/0001562180-17-002633-index.htm.html');
  const ours = toFilingIndexHtml({
    accessionNumber: '0009990001-24-000001',
    form: '8-K',
    filingDate: '2024-03-08',
    acceptanceDateTime: '2024-03-08T16:02:21-05:00',
    reportDate: '2024-03-07',
    items: ['2.02'],
    cik: '0009990001',
    size: 4321,
    documents: [{ sequence: 1, filename: 'fw-8k.htm', type: '8-K', description: 'FORM 8-K <b>', size: 1000 }],
    parties: [],
  });
  for (const marker of [
    '<table class="tableFile" summary="Document Format Files">',
    '<div class="infoHead">Filing Date</div>',
    '<div class="infoHead">Accepted</div>',
    '<div class="infoHead">Period of Report</div>',
    '<div id="secNum">',
  ]) {
    assert.ok(theirs.includes(marker) && ours.includes(marker), marker);
  }
  assert.match(ours, /<div class="info">2024-03-08 16:02:21<\/div>/);
  assert.match(ours, /FORM 8-K &lt;b&gt;/);
  assert.doesNotMatch(ours, /<script/i);
});

test(
  'toIndexHeadersHtml() has the layout of a real -index-headers.html and cannot be broken out of',
  skip,
  () => {
    const theirs = sample('html/0001971857-23-000246-index-headers.html');
    const ours = toIndexHeadersHtml({
      header: {
        accessionNumber: '0009990001-24-000001',
        form: '8-K',
        publicDocumentCount: 1,
        filingDate: '2024-03-08',
        acceptanceDateTime: '2024-03-08T16:02:21-05:00',
        items: ['2.02'],
        groupMembers: [],
        parties: [
          {
            role: 'filer',
            cik: '0009990001',
            name: 'Evil --> <script>alert(1)</script>',
            kind: 'company',
            filingValues: [{ formType: '8-K', act: '34' }],
            formerNames: [],
          },
        ],
      },
      indentedHeader: '<ACCEPTANCE-DATETIME>20240308160221\nACCESSION NUMBER:\t\t0009990001-24-000001\n',
      documents: [{ sequence: 1, filename: 'fw-8k.htm', type: '8-K', description: '8-K', size: 10 }],
    });
    const skeleton = (s: string) =>
      s
        .split('\n')
        .filter((l) =>
          /^(<HTML>|<!--|-->|<\/HEAD>|<PRE>|<SEC-HEADER>|<ACCEPTANCE-DATETIME>|<ACCESSION-NUMBER>|<TYPE>|&lt;(DOCUMENT|TEXT|\/DOCUMENT)&gt;)/.test(
            l,
          ),
        )
        .map((l) => l.replace(/[\d-]+/g, 'N').replace(/>.*$/, '>'));
    assert.deepEqual(
      skeleton(ours),
      skeleton(theirs).filter((l) => !/^<(PUBLIC|FILING|DATE)/.test(l)),
    );
    const comment = /<!--([\s\S]*?)-->/.exec(ours)?.[1] ?? '';
    assert.ok(comment.includes('<CONFORMED-NAME>Evil - -> <script>'));
    assert.equal(ours.indexOf('-->'), ours.lastIndexOf('-->'));
    assert.ok(ours.includes('&lt;FILENAME&gt;fw-8k.htm'));
  },
);
