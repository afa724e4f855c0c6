import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyExhibit } from '../src/forms/index.ts';

test('classifyExhibit() maps Item 601 type codes to categories', () => {
  const cases: Array<[string, string, string]> = [
    ['EX-10.1', '10.1', 'material-contract'],
    ['EX-21', '21', 'subsidiaries'],
    ['EX-21.1', '21.1', 'subsidiaries'],
    ['EX-23.1', '23.1', 'consent'],
    ['EX-31.1', '31.1', 'certification'],
    ['EX-32.2', '32.2', 'certification'],
    ['EX-3.1', '3.1', 'articles-bylaws'],
    ['EX-4.2', '4.2', 'instrument'],
    ['EX-99.1', '99.1', 'additional-exhibit'],
    ['EX-101.INS', '101.INS', 'xbrl'],
    ['EX-101.SCH', '101.SCH', 'xbrl'],
    ['EX-104', '104', 'cover-page-xbrl'],
    ['EX-107', '107', 'filing-fees'],
    ['ex-10.01', '10.01', 'material-contract'],
  ];
  for (const [type, number, category] of cases) {
    const result = classifyExhibit(type);
    assert.equal(result?.number, number, type);
    assert.equal(result?.category, category, type);
    assert.ok((result?.label ?? '').length > 0, `${type} has a label`);
  }
});

test('classifyExhibit() calls an EX-99 a press release when its description or first text says so', () => {
  assert.equal(classifyExhibit('EX-99.1', 'Press release dated March 8, 2017')?.category, 'press-release');
  assert.equal(classifyExhibit('EX-99', 'NEWS RELEASE')?.category, 'press-release');
  assert.equal(
    classifyExhibit('EX-99.1', 'EXHIBIT 99.1', 'FOR IMMEDIATE RELEASE\nAcme Corp. reports')?.category,
    'press-release',
  );
  assert.equal(classifyExhibit('EX-99.2', 'Investor presentation')?.category, 'additional-exhibit');
  // Only EX-99 becomes a press release: a contract that mentions one stays a contract.
  assert.equal(classifyExhibit('EX-10.1', 'Agreement; see press release')?.category, 'material-contract');
});

test('classifyExhibit() returns undefined for documents that are not exhibits', () => {
  for (const type of ['8-K', '10-K', 'GRAPHIC', 'XML', 'ZIP', 'EXCEL', 'JSON', '']) {
    assert.equal(classifyExhibit(type), undefined, type);
  }
  assert.equal(classifyExhibit('EX-FILING FEES')?.category, 'filing-fees');
  assert.equal(classifyExhibit('EX-98')?.category, 'other-exhibit');
});
