/**
 * Edge cases of the hand-written scanners that replaced regexes and per-pattern searches for speed
 * (issue 2): document tags, header dates, header closers in indented copies, `</TEXT>` detection.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import { parseHeaderDate } from '../src/sgml/dates.ts';
import { parseDocumentTags } from '../src/sgml/document-meta.ts';
import { parseAcceptanceDateTime, parseSubmission } from '../src/sgml/index.ts';

const tags = (s: string) => {
  const b = Buffer.from(s, 'latin1');
  return parseDocumentTags(b, 0, b.length);
};

test('parseDocumentTags() reads tags in any case, first value wins, values stop at <, CR or LF', () => {
  assert.deepEqual(tags('\n<type>10-K \n<SEQUENCE>2<FILENAME> a.htm\r\n<TYPE>8-K\n<Description>X<Y'), {
    type: '10-K',
    sequence: '2',
    filename: 'a.htm',
    description: 'X',
  });
});

test('parseDocumentTags() skips a < that does not start a tag name and ignores other tags', () => {
  assert.deepEqual(tags('<<TYPE>A<1X><TYPE.>B<PAGE>C<TYPE'), { type: 'A' });
  assert.deepEqual(tags('<FILENAME>'), { filename: '' });
  assert.deepEqual(tags('< TYPE>A<'), {});
});

test('parseHeaderDate() rejects non-digits and impossible dates, accepts dashes and spaces', () => {
  assert.equal(parseHeaderDate('20160229'), '2016-02-29');
  assert.equal(parseHeaderDate(' 2017-03-08 '), '2017-03-08');
  assert.equal(parseHeaderDate('20150229'), undefined);
  assert.equal(parseHeaderDate('20171308'), undefined);
  assert.equal(parseHeaderDate('20170300'), undefined);
  assert.equal(parseHeaderDate('+2017030'), undefined);
  assert.equal(parseHeaderDate('2017030x'), undefined);
});

test('parseAcceptanceDateTime() rejects out-of-range times and signs inside the digits', () => {
  assert.equal(parseAcceptanceDateTime('20170308235960'), '2017-03-08T23:59:60-05:00');
  assert.equal(parseAcceptanceDateTime('20170708120000'), '2017-07-08T12:00:00-04:00');
  assert.equal(parseAcceptanceDateTime('20170308240000'), undefined);
  assert.equal(parseAcceptanceDateTime('20170308236000'), undefined);
  assert.equal(parseAcceptanceDateTime('2017030816-221'), undefined);
});

const indented = [
  '<SEC-DOCUMENT>0000000001-24-000001.txt : 20240105',
  '    <SEC-HEADER>0000000001-24-000001.hdr.sgml : 20240105',
  '    ACCESSION NUMBER:\t\t0000000001-24-000001',
  '    CONFORMED SUBMISSION TYPE:\t8-K',
  '    PUBLIC DOCUMENT COUNT:\t\t1',
  '    </SEC-HEADER>',
  '    <DOCUMENT>',
  '    <TYPE>8-K',
  '    <SEQUENCE>1',
  '    <FILENAME>a.txt',
  '    <TEXT>',
  'x </TEXT without close; /TEXT> without open; <IMS-HEADER> text',
  '    </TEXT>',
  '    </DOCUMENT>',
  '    </SEC-DOCUMENT>',
  '',
].join('\n');

test('parseSubmission() ends an indented copy header at </SEC-HEADER> and a body only at a whole </TEXT>', () => {
  const s = parseSubmission(Buffer.from(indented, 'latin1'));
  assert.equal(s.form, '8-K');
  assert.equal(s.accessionNumber, '0000000001-24-000001');
  assert.equal(s.documents.length, 1);
  const d = s.documents[0];
  assert.ok(d);
  const body = indented.slice(d.offset, d.offset + d.length);
  assert.equal(body, 'x </TEXT without close; /TEXT> without open; <IMS-HEADER> text\n    ');
});

/** A one-document submission around `body`; returns the parsed body text. */
const bodyOf = (body: string): string => {
  const text = `<DOCUMENT>\n<TYPE>EX-1\n<SEQUENCE>1\n<FILENAME>a.txt\n<TEXT>\n${body}</TEXT>\n</DOCUMENT>\n`;
  const d = parseSubmission(Buffer.from(text, 'latin1')).documents[0];
  assert.ok(d);
  return text.slice(d.offset, d.offset + d.length);
};

test('parseSubmission() finds </TEXT> past near misses around every X, sparse or dense', () => {
  const near = 'X </TEX> <TEXT> </TEXt> <TEXX> /TEXT> </ TEXT> </TEXTX EX XT> <XT> /XT> XXT>\n';
  // The search is for `XT>` with the four bytes before it checked: near misses share its tail or
  // its head, among sparse and dense X (uuencoded, capitals), right before the real closer.
  const sparse = `${near}${'a'.repeat(3000)}${near}`;
  assert.equal(bodyOf(sparse), sparse);
  for (let k = 0; k < 12; k++) {
    const dense = `${'XX X'.repeat(40 + k)}${near}${'M'.repeat(k)}`;
    assert.equal(bodyOf(dense), dense);
  }
  assert.equal(bodyOf(''), '');
});

/** A header-only submission with one FILER block per CIK value; returns the parsed parties' CIKs. */
const ciks = (values: string[]) => {
  const blocks = values.map(
    (v) =>
      `FILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tACME CORP\n\t\tCENTRAL INDEX KEY:\t\t\t${v}\n`,
  );
  const text = `<SEC-HEADER>\nACCESSION NUMBER:\t\t0000000001-24-000001\n${blocks.join('\n')}</SEC-HEADER>\n`;
  const s = parseSubmission(Buffer.from(text, 'latin1'));
  return {
    ciks: s.parties.map((p) => p.cik),
    warned: s.warnings.filter((w) => w.code === 'invalid-cik').length,
  };
};

test('parseSubmission() pads a CIK of 1 to 10 digits after its leading zeros to 10 and rejects others', () => {
  assert.deepEqual(ciks(['0001279704', '1279704', '000001279704', '7', '0000000000007']), {
    ciks: ['0001279704', '0001279704', '0001279704', '0000000007', '0000000007'],
    warned: 0,
  });
  assert.deepEqual(ciks(['0000000000', '12345678901', '12a4', '-123', '1 2']), {
    ciks: ['', '', '', '', ''],
    warned: 5,
  });
});

test('parseSubmission() keeps the first value of each address field, in the order they came', () => {
  const text = [
    '<SEC-HEADER>',
    'FILER:',
    '\tCOMPANY DATA:',
    '\t\tCENTRAL INDEX KEY:\t\t\t0000000001',
    '\tBUSINESS ADDRESS:',
    '\t\tZIP:\t\t\t12345',
    '\t\tCITY:\t\t\tSPRINGFIELD',
    '\t\tZIP:\t\t\t99999',
    '\t\tSTREET 2:\t\tSUITE 1',
    '\t\tSTATE:\t\t\t',
    '\t\tBUSINESS PHONE:\t\t555-0100',
    '</SEC-HEADER>',
    '',
  ].join('\n');
  const a = parseSubmission(Buffer.from(text, 'latin1')).parties[0]?.businessAddress;
  assert.deepEqual(a, { zipCode: '12345', city: 'SPRINGFIELD', street2: 'SUITE 1', phone: '555-0100' });
  assert.deepEqual(Object.keys(a ?? {}), ['zipCode', 'city', 'street2', 'phone']);
});

/** Bare documents with these sequence numbers; returns the duplicate warnings and count mismatch. */
const sequences = (seqs: number[], declared: number) => {
  const docs = seqs.map(
    (q) =>
      `<DOCUMENT>\n<TYPE>EX-${q}\n<SEQUENCE>${q}\n<FILENAME>d${q}.txt\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n`,
  );
  const text = `<SEC-HEADER>\nACCESSION NUMBER:\t\t0000000001-24-000001\nPUBLIC DOCUMENT COUNT:\t\t${declared}\n</SEC-HEADER>\n${docs.join('')}`;
  const s = parseSubmission(Buffer.from(text, 'latin1'));
  return s.warnings.map((w) => (w.code === 'duplicate-sequence' ? w.message : w.code));
};

test('toSubmission() warns once per repeated sequence and counts gaps, with few or many documents', () => {
  assert.deepEqual(sequences([1, 2, 2, 4, 2], 5), ['Sequence 2 appears twice', 'Sequence 2 appears twice']);
  // 3 distinct of max 5: two gaps, so 3 documents may declare up to 5 ...
  assert.deepEqual(sequences([1, 3, 5], 5), []);
  // ... but not 6.
  assert.deepEqual(sequences([1, 3, 5], 6), ['document-count-mismatch']);
  const many = Array.from({ length: 20 }, (_, i) => i + 1);
  many.push(7, 20, 7);
  assert.deepEqual(sequences(many, 23), [
    'Sequence 7 appears twice',
    'Sequence 20 appears twice',
    'Sequence 7 appears twice',
  ]);
  assert.deepEqual(sequences(many, 20), [
    'document-count-mismatch',
    'Sequence 7 appears twice',
    'Sequence 20 appears twice',
    'Sequence 7 appears twice',
  ]);
});

test('parseSubmission() finds <TEXT> after document tags of any length, across the decoded window', () => {
  for (let n = 440; n <= 520; n++) {
    const description = 'D'.repeat(n);
    const text = `<DOCUMENT>\n<TYPE>EX-1\n<SEQUENCE>1\n<FILENAME>a.txt\n<DESCRIPTION>${description}\n<TEXT>\nbody ${n}\n</TEXT>\n</DOCUMENT>\n`;
    const s = parseSubmission(Buffer.from(text, 'latin1'));
    const d = s.documents[0];
    assert.ok(d);
    assert.equal(d.description, description);
    assert.equal(text.slice(d.offset, d.offset + d.length), `body ${n}\n`);
    // Bare documents: the only warning is the missing accession.
    assert.deepEqual(
      s.warnings.map((w) => w.code),
      ['missing-accession'],
    );
  }
});

test('parseSubmission() reads a </DOCUMENT> before <TEXT> the same wherever it falls in the tags window', () => {
  const results = [0, 440, 462, 466, 471, 480, 2000].map((pad) => {
    const text = [
      `<DOCUMENT>\n<TYPE>EX-1\n<SEQUENCE>1\n<FILENAME>a.txt\n${' '.repeat(pad)}</DOCUMENT>\n`,
      '<DOCUMENT>\n<TYPE>EX-2\n<SEQUENCE>2\n<FILENAME>b.txt\n<TEXT>\nsecond\n</TEXT>\n</DOCUMENT>\n',
    ].join('');
    const s = parseSubmission(Buffer.from(text, 'latin1'));
    const d = s.documents[0];
    assert.ok(d);
    // The empty document's body starts at its </DOCUMENT>.
    assert.equal(d.offset, text.indexOf('</DOCUMENT>'));
    return JSON.stringify([s.documents.map((x) => [x.type, x.length]), s.warnings.map((w) => w.code)]);
  });
  assert.equal(new Set(results).size, 1, results.join('\n'));
  assert.match(results[0] ?? '', /unterminated-text/);
});

test('parseSubmission() splits STANDARD INDUSTRIAL CLASSIFICATION into code and name in every shape', () => {
  const sic = (v: string) => {
    const text = `<SEC-HEADER>\nFILER:\n\tCOMPANY DATA:\n\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t${v}\n</SEC-HEADER>\n`;
    const p = parseSubmission(Buffer.from(text, 'latin1')).parties[0];
    return [p?.sic, p?.sicDescription];
  };
  assert.deepEqual(sic('SERVICES-PREPACKAGED SOFTWARE [7372]'), ['7372', 'SERVICES-PREPACKAGED SOFTWARE']);
  assert.deepEqual(sic('BLANK CHECKS[6770]'), ['6770', 'BLANK CHECKS']);
  assert.deepEqual(sic('A [1] B \u00a0 [6022]'), ['6022', 'A [1] B']);
  assert.deepEqual(sic('[6022]'), ['6022', undefined]);
  assert.deepEqual(sic('UNKNOWN []'), [undefined, 'UNKNOWN']);
  assert.deepEqual(sic('ODD [12a]'), [undefined, 'ODD [12a]']);
  assert.deepEqual(sic('ODD [12] [x]'), [undefined, 'ODD [12] [x]']);
  assert.deepEqual(sic('2834'), ['2834', undefined]);
});

test('parseAcceptanceDateTime() switches to daylight time at 02:00 on the transition Sundays of every era', () => {
  const at = (v: string) => parseAcceptanceDateTime(v)?.slice(-6);
  // 1967-1986: last Sunday of April to last Sunday of October.
  assert.deepEqual([at('19860427015959'), at('19860427020000')], ['-05:00', '-04:00']);
  assert.deepEqual([at('19861026015959'), at('19861026020000')], ['-04:00', '-05:00']);
  // 1987-2006: first Sunday of April to last Sunday of October.
  assert.deepEqual([at('19870405015959'), at('19870405020000')], ['-05:00', '-04:00']);
  assert.deepEqual([at('20061029015959'), at('20061029020000')], ['-04:00', '-05:00']);
  // 2007 on: second Sunday of March to first Sunday of November; the same year twice (cached).
  for (let k = 0; k < 2; k++) {
    assert.deepEqual([at('20070311015959'), at('20070311020000')], ['-05:00', '-04:00']);
    assert.deepEqual([at('20071104015959'), at('20071104020000')], ['-04:00', '-05:00']);
  }
  assert.equal(parseAcceptanceDateTime('20240704120000'), '2024-07-04T12:00:00-04:00');
  assert.equal(at('19600704120000'), '-05:00');
});
