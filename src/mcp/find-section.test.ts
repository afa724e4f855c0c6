import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEdgarError } from '../core/errors.ts';
import type { SectionRecord } from '../store/store.ts';
import { findSection, toSectionCode } from './find-section.ts';

const section = (code: string, sequence: number): SectionRecord => ({
  kind: 'item',
  code,
  title: `Item ${code}`,
  start: 0,
  end: 5,
  sequence,
  markdown: 'text.',
});

test('toSectionCode() accepts "Item 7.01", "item 1a." and bare codes', () => {
  assert.equal(toSectionCode('Item 7.01'), '7.01');
  assert.equal(toSectionCode(' item 1a. '), '1A');
  assert.equal(toSectionCode('II-1A'), 'II-1A');
});

test('findSection() prefers the section in the given document', () => {
  const found = findSection([section('7.01', 1), section('7.01', 2)], 'item 7.01', 'acc', 2);
  assert.equal(found.sequence, 2);
});

test('findSection() fails with not-found listing the located codes', () => {
  assert.throws(
    () => findSection([section('7.01', 1), section('9.01', 1)], '2.02', '0001144204-17-013452'),
    (e) => isEdgarError(e, 'not-found') && e.message.includes('7.01, 9.01'),
  );
});
