/**
 * The seed filing (issue 2 "It must show"): 0001144204-17-013452, a Cellectar 8-K.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { documentBody, parseSubmission } from '../src/sgml/index.ts';
import { corpusPath } from './corpus.ts';

test('parseSubmission() reads the seed 8-K header, filer and documents', (t) => {
  const path = corpusPath('sgml/0001144204-17-013452.txt');
  if (typeof path !== 'string') return t.skip(path.skip);
  const bytes = readFileSync(path);
  const s = parseSubmission(bytes);
  assert.equal(s.dialect, 'sec-document');
  assert.equal(s.accessionNumber, '0001144204-17-013452');
  assert.equal(s.form, '8-K');
  assert.equal(s.filingDate, '2017-03-08');
  assert.equal(s.reportDate, '2017-03-08');
  assert.equal(s.acceptanceDateTime, '2017-03-08T16:02:21-05:00');
  assert.deepEqual(s.items, ['7.01', '9.01']);
  assert.deepEqual(s.itemTitles, ['Regulation FD Disclosure', 'Financial Statements and Exhibits']);
  assert.equal(s.parties.length, 1);
  const f = s.parties[0];
  assert.ok(f);
  assert.equal(f.role, 'filer');
  assert.equal(f.cik, '0001279704');
  assert.equal(f.name, 'Cellectar Biosciences, Inc.');
  assert.equal(f.sic, '2834');
  assert.equal(f.sicDescription, 'PHARMACEUTICAL PREPARATIONS');
  assert.equal(f.stateOfIncorporation, 'DE');
  assert.equal(f.irsNumber, '043321804');
  assert.equal(f.fiscalYearEnd, '1231');
  assert.deepEqual(f.filingValues, [
    { formType: '8-K', act: '34', fileNumber: '001-36598', filmNumber: '17675115' },
  ]);
  assert.equal(s.fileNumber, '001-36598');
  assert.equal(s.filmNumber, '17675115');
  assert.deepEqual(f.businessAddress, {
    street1: '3301 AGRICULTURE DRIVE',
    city: 'MADISON',
    stateOrCountry: 'WI',
    zipCode: '53716',
    phone: '617-244-1616',
  });
  assert.deepEqual(f.mailAddress, {
    street1: '3301 AGRICULTURE DRIVE',
    city: 'MADISON',
    stateOrCountry: 'WI',
    zipCode: '53716',
  });
  assert.deepEqual(f.formerNames, [
    { name: 'NOVELOS THERAPEUTICS, INC.', date: '2005-06-17' },
    { name: 'COMMON HORIZONS INC', date: '2004-02-11' },
  ]);
  assert.deepEqual(
    s.documents.map((d) => [d.sequence, d.type, d.filename, d.contentType]),
    [
      [1, '8-K', 'v461435_8k.htm', 'text/html'],
      [2, 'EX-99.1', 'v461435_ex99-1.htm', 'text/html'],
    ],
  );
  assert.equal(s.primaryDocument, 0);
  assert.deepEqual(s.warnings, []);
  const body = Buffer.from(documentBody(bytes, s.documents[0] as (typeof s.documents)[number])).toString(
    'latin1',
  );
  assert.ok(body.startsWith('<HTML>'));
  assert.ok(body.endsWith('</HTML>\n'));
});
