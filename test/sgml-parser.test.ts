/**
 * Behaviour of the SGML parser on hand-written fixtures (test/fixtures/sgml), one per dialect and
 * edge case, plus the date, item and uudecode helpers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { itemCodeFromTitle, itemTitle } from '../src/core/items.ts';
import { isEasternDaylightTime } from '../src/sgml/dates.ts';
import {
  createSubmissionParser,
  decodeDocument,
  documentBody,
  parseAcceptanceDateTime,
  parseSubmission,
  parseSubmissionFile,
  toDocumentInput,
  uudecode,
} from '../src/sgml/index.ts';
import { corpusPath, repoRoot } from './corpus.ts';

const fixture = (name: string) => {
  const dir = join(repoRoot, 'test', 'fixtures', 'sgml', name);
  for (const f of ['input.txt', 'input.nc']) {
    try {
      return readFileSync(join(dir, f));
    } catch {}
  }
  throw new Error(`no input in ${dir}`);
};
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

test('parseSubmission() strips one <XBRL> wrapper and decodes a uuencoded GRAPHIC', () => {
  const bytes = fixture('txt-lf');
  const s = parseSubmission(bytes);
  const [html, xsd, gif] = s.documents;
  assert.ok(html && xsd && gif);
  assert.equal(text(documentBody(bytes, html)).slice(0, 6), '<HTML>');
  assert.equal(xsd.wrapper, 'XBRL');
  assert.equal(
    text(documentBody(bytes, xsd)),
    '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>\n',
  );
  assert.equal(gif.encoding, 'uuencode');
  assert.equal(gif.uuencodeName, 'logo.gif');
  const decoded = Buffer.from(decodeDocument(bytes, gif));
  const original = Buffer.concat([
    Buffer.from('GIF89a'),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    Buffer.from('trailer'),
  ]);
  assert.ok(decoded.equals(original));
  assert.equal(toDocumentInput(bytes, gif).contentType, 'image/gif');
  // a sequence gap (3 missing) explains a declared count of 3 with 3 documents present: no warning
  assert.deepEqual(s.warnings, []);
  // the block covers <DOCUMENT> through </DOCUMENT>\n
  assert.ok(
    text(bytes.subarray(gif.blockOffset, gif.blockOffset + gif.blockLength)).startsWith('<DOCUMENT>'),
  );
  assert.ok(
    text(bytes.subarray(gif.blockOffset, gif.blockOffset + gif.blockLength)).endsWith('</DOCUMENT>\n'),
  );
});

test('parseSubmission() gives the same header and bodies for LF, CRLF and bare-CR line endings', () => {
  const lf = parseSubmission(fixture('txt-lf'));
  const crlfBytes = fixture('txt-crlf');
  const crlf = parseSubmission(crlfBytes);
  assert.deepEqual(crlf.parties, lf.parties);
  assert.deepEqual(crlf.warnings, []);
  assert.equal(
    text(documentBody(crlfBytes, crlf.documents[1] as never)).replaceAll('\r\n', '\n'),
    '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>\n',
  );
  const ncLf = parseSubmission(fixture('nc-lf'));
  const crBytes = fixture('nc-bare-cr');
  const cr = parseSubmission(crBytes);
  assert.deepEqual(cr.parties, ncLf.parties);
  assert.equal(cr.documents[0]?.wrapper, 'XML');
  assert.ok(
    text(documentBody(crBytes, cr.documents[0] as never)).startsWith(
      '<?xml version="1.0"?>\r<ownershipDocument>',
    ),
  );
});

test('parseSubmission() reads a tagged .nc header, also when it sits on one line', () => {
  for (const name of ['nc-lf', 'nc-one-line-header']) {
    const s = parseSubmission(fixture(name));
    assert.equal(s.dialect, 'submission');
    assert.equal(s.accessionNumber, '0000123456-25-000002');
    assert.equal(s.form, '4');
    assert.equal(s.reportDate, '2025-02-12');
    assert.deepEqual(
      s.parties.map((p) => [p.role, p.kind, p.cik, p.name]),
      [
        ['reporting-owner', 'owner', '0000999001', 'DOE JANE Q'],
        ['issuer', 'company', '0000123456', 'FICTIONAL WIDGETS INC'],
      ],
    );
    assert.equal(s.parties[1]?.sic, '7372');
    assert.equal(s.act, '34');
    assert.deepEqual(s.warnings, []);
  }
});

test('parseSubmission() skips a PEM preamble and reads an <IMS-DOCUMENT> without FILENAMEs', () => {
  const s = parseSubmission(fixture('pem-ims'));
  assert.equal(s.dialect, 'ims-document');
  assert.equal(s.pem, true);
  assert.equal(s.accessionNumber, '0000123456-94-000003');
  assert.equal(s.parties[0]?.sic, undefined);
  assert.deepEqual(
    s.documents.map((d) => [d.filename, d.filenameSynthesised]),
    [
      ['1.txt', true],
      ['2.txt', true],
    ],
  );
  assert.equal(s.raw.find((n) => n.key === 'SROS')?.value, 'NYSE');
  assert.deepEqual(s.warnings, []);
});

test('parseSubmission() reads a header-only file with a blank line after every line and fund series', () => {
  const s = parseSubmission(fixture('header-only-double-newlines'));
  assert.equal(s.dialect, 'header-only');
  assert.equal(s.acceptanceDateTime, '2024-03-13T15:00:33-04:00');
  assert.equal(s.parties[0]?.filingValues[0]?.act, '40');
  assert.equal(s.parties[0]?.organizationName, undefined);
  assert.deepEqual(s.series, [
    {
      seriesId: 'S000000001',
      ownerCik: '0000123457',
      name: 'Fictional Growth Fund',
      status: 'existing',
      classes: [
        { classContractId: 'C000000001', name: 'Class A', ticker: 'FICTX' },
        { classContractId: 'C000000002', name: 'Class I' },
      ],
    },
  ]);
  assert.equal(s.primaryDocument, -1);
  assert.deepEqual(s.warnings, []);
});

test('parseSubmission() takes the accession of bare <DOCUMENT> blocks from their content, else warns', () => {
  const s = parseSubmission(fixture('bare-documents'));
  assert.equal(s.dialect, 'bare-documents');
  assert.equal(s.accessionNumber, '0000123456-95-000005');
  assert.equal(s.form, 'S-3/A');
  assert.deepEqual(s.warnings, []);
  const none = parseSubmission(fixture('bare-documents-no-accession'));
  assert.equal(none.accessionNumber, '');
  assert.deepEqual(
    none.warnings.map((w) => w.code),
    ['missing-accession'],
  );
});

test('parseSubmission() keeps every repeated role block and the group members', () => {
  const s = parseSubmission(fixture('multi-party'));
  assert.deepEqual(
    s.parties.map((p) => p.role),
    ['subject-company', 'filed-by', 'filed-by', 'filed-by'],
  );
  assert.deepEqual(s.groupMembers, ['JANE DOE', 'JOHN ROE']);
});

test('parseSubmission() nests a 1990s tagged <REPORTING-OWNER> with indented content and <RELATIONSHIP>', () => {
  const s = parseSubmission(fixture('reporting-owner-1998'));
  const owner = s.parties.find((p) => p.role === 'reporting-owner');
  assert.equal(owner?.cik, '0000999001');
  assert.equal(owner?.relationship, 'DIRECTOR');
  assert.equal(owner?.filingValues[0]?.formType, '4');
  assert.deepEqual(s.warnings, []);
});

test('parseSubmission() reads an indented copy of a submission like the original', () => {
  const a = parseSubmission(fixture('txt-lf'));
  const b = parseSubmission(fixture('indented-copy'));
  assert.deepEqual(b.parties, a.parties);
  assert.deepEqual(b.items, ['7.01', '9.01']);
  assert.equal(b.documents.length, 3);
  assert.deepEqual(b.warnings, []);
});

test('parseSubmission() reports located warnings for a bad date, a missing CIK, a count mismatch and a duplicate sequence', () => {
  const bytes = fixture('problems');
  const s = parseSubmission(bytes);
  assert.deepEqual(
    s.warnings.map((w) => w.code),
    ['invalid-date', 'invalid-cik', 'document-count-mismatch', 'duplicate-sequence'],
  );
  const bad = s.warnings[0];
  assert.ok(bad && text(bytes.subarray(bad.offset, bad.offset + 16)) === 'FILED AS OF DATE');
  assert.equal(s.filingDate, undefined);
  assert.equal(s.parties[0]?.cik, '');
  assert.equal(s.documents[0]?.filename, '1.txt');
  assert.equal(s.documents[0]?.contentType, 'text/html');
});

test('parseSubmission() keeps what a truncated file holds and warns', () => {
  const bytes = fixture('truncated');
  const s = parseSubmission(bytes);
  assert.equal(s.documents.length, 2);
  assert.equal((s.documents[1]?.offset ?? 0) + (s.documents[1]?.length ?? 0), bytes.length);
  assert.ok(s.warnings.some((w) => w.code === 'unterminated-text'));
});

test('parseSubmission() does not throw on input that is not a submission', () => {
  for (const input of [
    '',
    '\n\n',
    '<?xml version="1.0"?><Error/>',
    '<DOCUMENT>',
    '<SEC-DOCUMENT>x\n<SEC-HEADER>\n<FILER>\n</X>',
  ]) {
    const s = parseSubmission(Buffer.from(input));
    assert.ok(Array.isArray(s.documents));
  }
  assert.equal(parseSubmission(Buffer.from('<?xml version="1.0"?><Error/>')).dialect, 'unknown');
});

test('createSubmissionParser() streams body chunks that add up to documentBody()', () => {
  const bytes = fixture('txt-crlf');
  const want = parseSubmission(bytes);
  const chunks: Buffer[][] = [];
  const p = createSubmissionParser({
    onDocumentStart: () => chunks.push([]),
    onDocumentChunk: (_meta, c) => chunks.at(-1)?.push(Buffer.from(c)),
  });
  for (let i = 0; i < bytes.length; i += 10) p.write(bytes.subarray(i, i + 10));
  const got = p.end();
  assert.deepEqual(got, want);
  want.documents.forEach((d, i) => {
    assert.ok(Buffer.concat(chunks[i] ?? []).equals(Buffer.from(documentBody(bytes, d))));
  });
});

test('parseSubmissionFile() streams a file to the same result as parseSubmission()', async () => {
  const path = join(repoRoot, 'test', 'fixtures', 'sgml', 'txt-lf', 'input.txt');
  assert.deepEqual(await parseSubmissionFile(path), parseSubmission(readFileSync(path)));
});

test('parseAcceptanceDateTime() applies the US Eastern DST rules of the year', () => {
  assert.equal(parseAcceptanceDateTime('20170308160221'), '2017-03-08T16:02:21-05:00');
  assert.equal(parseAcceptanceDateTime('20170313090000'), '2017-03-13T09:00:00-04:00'); // 2nd Sunday March 2017 = 12th
  assert.equal(parseAcceptanceDateTime('20171105090000'), '2017-11-05T09:00:00-05:00'); // 1st Sunday Nov = 5th
  assert.equal(parseAcceptanceDateTime('20171104090000'), '2017-11-04T09:00:00-04:00');
  assert.equal(parseAcceptanceDateTime('20060402090000'), '2006-04-02T09:00:00-04:00'); // 1st Sunday April 2006
  assert.equal(parseAcceptanceDateTime('20060315090000'), '2006-03-15T09:00:00-05:00');
  assert.equal(parseAcceptanceDateTime('20061029090000'), '2006-10-29T09:00:00-05:00'); // last Sunday Oct 2006
  assert.equal(parseAcceptanceDateTime('19981028120000'), '1998-10-28T12:00:00-05:00');
  assert.equal(parseAcceptanceDateTime('20171399000000'), undefined);
});

test('itemCodeFromTitle() maps titles tolerant of case and punctuation, by regime', () => {
  assert.equal(itemCodeFromTitle('Regulation FD Disclosure'), '7.01');
  assert.equal(itemCodeFromTitle('REGULATION FD DISCLOSURE.'), '7.01');
  assert.equal(itemCodeFromTitle('Changes in Registrant’s Certifying Accountant'), '4.01');
  assert.equal(itemCodeFromTitle('Regulation FD Disclosure', '2003-06-01'), '9');
  assert.equal(itemCodeFromTitle('Financial Statements, Pro Forma Financial Information and Exhibits'), '7');
  assert.equal(itemCodeFromTitle('Not an item'), undefined);
  assert.equal(itemTitle('9.01'), 'Financial Statements and Exhibits');
});

test('isEasternDaylightTime() agrees with the America/New_York tz database for 1990-2030', () => {
  let checked = 0;
  for (let y = 1990; y <= 2030; y++) {
    for (let m = 1; m <= 12; m++) {
      for (const d of [1, 7, 8, 14, 15, 21, 22, 28]) {
        const local = new Date(Date.UTC(y, m - 1, d, 17)).toLocaleString('en-US', {
          timeZone: 'America/New_York',
          timeZoneName: 'short',
        });
        assert.equal(isEasternDaylightTime(y, m, d, 12), local.includes('EDT'), `${y}-${m}-${d}`);
        checked++;
      }
    }
  }
  assert.equal(checked, 41 * 12 * 8);
});

test('uudecode() decodes lines whose trailing spaces were stripped, beyond 3/4 of the encoded size', () => {
  // 90 zero bytes encode as two 45-byte lines of backquote-free "M" + 60 spaces; SEC strips the
  // spaces, so each line is just "M". Decoding by the length byte must still give 90 bytes.
  const original = new Uint8Array(90);
  const body = Buffer.from('M\nM\n`\nend\n', 'latin1');
  const { bytes, badLines } = uudecode(body, 0, body.length);
  assert.equal(bytes.length, 90);
  assert.deepEqual(Buffer.from(bytes), Buffer.from(original));
  assert.equal(badLines, 2);
});

test('parseSubmission() takes the accession from the header, not from <MULTI-ACCESSION-NUMBERS>', () => {
  const path = corpusPath('sgml/sec-edgar-parser-fixture-2.txt');
  if (typeof path !== 'string') return;
  const s = parseSubmission(readFileSync(path));
  assert.equal(s.accessionNumber, '0001193125-19-278752');
  const multi = s.raw.find((n) => n.key === 'MULTI-ACCESSION-NUMBERS');
  assert.deepEqual(
    multi?.children?.map((c) => c.value),
    ['0001145549-19-040797', '0001145549-19-040798'],
  );
});

test('parseSubmission() ends a document closed before any <TEXT> there, and the next document keeps its body', () => {
  const text = [
    '<DOCUMENT>\n<TYPE>EX-1\n<SEQUENCE>1\n<FILENAME>a.txt\n</DOCUMENT>\n',
    '<DOCUMENT>\n<TYPE>EX-2\n<SEQUENCE>2\n<FILENAME>b.txt\n<TEXT>\nsecond body\n</TEXT>\n</DOCUMENT>\n',
  ].join('');
  const bytes = Buffer.from(text, 'latin1');
  const whole = parseSubmission(bytes);
  assert.deepEqual(
    whole.documents.map((d) => [d.type, d.sequence, d.length]),
    [
      ['EX-1', 1, 0],
      ['EX-2', 2, 'second body\n'.length],
    ],
  );
  const [first, second] = whole.documents;
  assert.ok(first && second);
  assert.equal(first.blockOffset + first.blockLength, text.indexOf('<DOCUMENT>', 1));
  assert.equal(text.slice(second.offset, second.offset + second.length), 'second body\n');
  assert.ok(whole.warnings.some((w) => w.code === 'unterminated-text' && w.offset === 0));
  // Any chunking gives the same documents.
  for (const size of [1, 7, 53, 61, 64]) {
    const p = createSubmissionParser();
    for (let i = 0; i < bytes.length; i += size) p.write(bytes.subarray(i, i + size));
    assert.deepEqual(p.end().documents, whole.documents, `chunks of ${size}`);
  }
});
