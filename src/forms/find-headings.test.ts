import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseItemHeading } from './find-headings.ts';

test('parseItemHeading() reads the numbering variants filers use', () => {
  const cases: Array<[string, string[], string]> = [
    ['Item 2.02. Results of Operations', ['2.02'], 'Results of Operations'],
    ['ITEM 2.02 - RESULTS', ['2.02'], 'RESULTS'],
    ['ITEM 7.01REGULATION FD DISCLOSURE', ['7.01'], 'REGULATION FD DISCLOSURE'],
    ['Item 2. 02 Results', ['2.02'], 'Results'],
    ['Item 1A. Risk Factors', ['1A'], 'Risk Factors'],
    ['Item 9A(T). Controls and Procedures', ['9A'], 'Controls and Procedures'],
    ['Items 2.02 and 9.01 Results', ['2.02', '9.01'], 'Results'],
    ['Items 1 and 2. Business and Properties', ['1', '2'], 'Business and Properties'],
    ['ITEM 1.  BUSINESS', ['1'], 'BUSINESS'],
    ['Item 5.', ['5'], ''],
    ['Item No. 3 Legal Proceedings', ['3'], 'Legal Proceedings'],
  ];
  for (const [text, codes, title] of cases) {
    assert.deepEqual(parseItemHeading(text), { codes, title, subItem: false }, text);
  }
});

test('parseItemHeading() rejects references that continue a sentence', () => {
  for (const text of [
    'Item 7 of this report describes',
    'Item 1A. of our annual report',
    'Item 2.02 of Form 8-K',
    'Itemized deductions',
    'Item 10-K',
  ]) {
    assert.equal(parseItemHeading(text), undefined, text);
  }
});

test('parseItemHeading() marks sub-paragraph headings such as "Item 14(a)(1)"', () => {
  assert.equal(parseItemHeading('Item 14(a)(1): Financial Statements')?.subItem, true);
  assert.equal(parseItemHeading('ITEM 9.01(d). Exhibits')?.subItem, true);
  assert.equal(parseItemHeading('Item 14. Exhibits')?.subItem, false);
});
