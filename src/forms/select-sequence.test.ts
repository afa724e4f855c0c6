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

test('selectSequence() never chains two readings of the same candidate', () => {
  // A 10-Q "Item 1" may be I-1 or II-1; one line cannot be both.
  const nodes = [
    { id: 'I-1', position: 0, rank: 0, order: 1, weight: 5 },
    { id: 'II-1', position: 0, rank: 0, order: 6, weight: 5 },
  ];
  assert.equal(selectSequence(nodes).length, 1);
});

test('selectSequence() stays fast on a hostile number of candidates', () => {
  const nodes = Array.from({ length: 200_000 }, (_, i) => ({
    position: i,
    rank: i,
    order: (i * 7919) % 500,
    weight: 1,
  }));
  const started = performance.now();
  const chosen = selectSequence(nodes);
  assert.ok(performance.now() - started < 2000, 'under 2 s for 200,000 candidates');
  for (let i = 1; i < chosen.length; i++) assert.ok((chosen[i]?.order ?? 0) > (chosen[i - 1]?.order ?? 0));
});
