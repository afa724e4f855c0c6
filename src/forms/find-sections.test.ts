import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSections } from './find-sections.ts';

test('findSections() returns no sections for forms without a finder', () => {
  assert.deepEqual(findSections({ form: 'S-1', markdown: '## Item 1. Business\n\nText.\n' }), []);
  assert.deepEqual(findSections({ form: '4', markdown: '' }), []);
});

test('findSections() tolerates empty and heading-free Markdown', () => {
  assert.deepEqual(findSections({ form: '10-K', markdown: '' }), []);
  assert.deepEqual(findSections({ form: '10-Q', markdown: 'No headings here.\n\nNone at all.' }), []);
  // An 8-K whose body has no item headings: header items cover the whole body.
  const markdown = 'Acme furnished a letter to holders.\n';
  assert.deepEqual(findSections({ form: '8-K', headerItems: ['7.01'], markdown }), [
    { kind: 'item', code: '7.01', title: 'Regulation FD Disclosure', start: 0, end: markdown.length },
  ]);
});

test('findSections() dispatches amendments to the base form finder', () => {
  const markdown = '### Item 1A. Risk Factors\n\nPrices may fall.\n';
  assert.deepEqual(
    findSections({ form: '10-K/A', markdown }).map((s) => s.code),
    ['1A'],
  );
  assert.deepEqual(
    findSections({ form: '10-Q/A', markdown }).map((s) => s.code),
    ['II-1A'],
  );
});

test('findSections() on a 6-K reads dotted items only and ignores header items', () => {
  const markdown = '**Item 5. Other Events**\n\nText.\n\n**Item 8.01 Other Events**\n\nMore.\n';
  assert.deepEqual(
    findSections({ form: '6-K', headerItems: ['9.01'], markdown }).map((s) => s.code),
    ['8.01'],
  );
});

test('findSections() offsets index the Markdown it was given', () => {
  const markdown = '# FORM 8-K\n\n**Item 8.01 Other Events.**\n\nThe plant reopened.\n';
  const [section] = findSections({ form: '8-K', filingDate: '20240105', markdown });
  assert.ok(section);
  assert.equal(
    markdown.slice(section.start, section.end),
    '**Item 8.01 Other Events.**\n\nThe plant reopened.\n',
  );
  assert.equal(section.title, 'Other Events');
});
