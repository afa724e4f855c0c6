import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectSequence } from './select-sequence.ts';

test('selectSequence() prefers the body over a table of contents that repeats the same codes', () => {
  const toc = [1, 2, 3].map((order, i) => ({ id: `toc-${order}`, position: i, rank: i, order, weight: 1 }));
  const body = [1, 2, 3].map((order, i) => ({
    id: `body-${order}`,
    position: 10 + i,
    rank: 10 + i,
    order,
    weight: 5,
  }));
  assert.deepEqual(
    selectSequence([...toc, ...body]).map((n) => n.id),
    ['body-1', 'body-2', 'body-3'],
  );
});

test('selectSequence() skips an out-of-order reference inside the body', () => {
  const nodes = [
    { id: 'item-1', position: 0, rank: 0, order: 1, weight: 5 },
    { id: 'item-7', position: 1, rank: 1, order: 7, weight: 5 },
    { id: 'ref-1A', position: 2, rank: 2, order: 2, weight: 4 },
    { id: 'item-8', position: 3, rank: 3, order: 8, weight: 5 },
  ];
  assert.deepEqual(
    selectSequence(nodes).map((n) => n.id),
    ['item-1', 'item-7', 'item-8'],
  );
});

test('selectSequence() returns nothing for no candidates', () => {
  assert.deepEqual(selectSequence([]), []);
});
