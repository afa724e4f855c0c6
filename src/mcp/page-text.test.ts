import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageText } from './page-text.ts';

test('pageText() returns the whole text with no nextOffset when it fits', () => {
  const page = pageText('short text', 0, 100);
  assert.deepEqual(page, { text: 'short text', start: 0, end: 10, totalChars: 10 });
});

test('pageText() ends after a line break in the last fifth of the window', () => {
  const text = `${'a'.repeat(9)}\n${'b'.repeat(20)}`;
  const page = pageText(text, 0, 11);
  assert.equal(page.text, `${'a'.repeat(9)}\n`);
  assert.equal(page.nextOffset, 10);
});

test('pageText() cuts hard when no line break is near the end', () => {
  const text = `a\n${'b'.repeat(50)}`;
  const page = pageText(text, 0, 20);
  assert.equal(page.end, 20);
  assert.equal(page.nextOffset, 20);
});

test('pageText() pages through a text exactly, without gaps or overlaps', () => {
  const text = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(i % 17)}`).join('\n');
  let offset: number | undefined = 0;
  let joined = '';
  let calls = 0;
  while (offset !== undefined) {
    const page = pageText(text, offset, 97);
    assert.ok(page.text.length <= 97);
    assert.equal(page.start, offset);
    joined += page.text;
    offset = page.nextOffset;
    calls += 1;
  }
  assert.equal(joined, text);
  assert.ok(calls > 10);
});

test('pageText() never splits a surrogate pair', () => {
  const text = `${'a'.repeat(9)}😀${'b'.repeat(10)}`;
  const first = pageText(text, 0, 10);
  assert.equal(first.text, 'a'.repeat(9));
  const second = pageText(text, first.nextOffset ?? -1, 10);
  assert.ok(second.text.startsWith('😀'));
  assert.equal(pageText(text, 10, 5).start, 9);
});

test('pageText() gives an empty last page for an offset past the end', () => {
  const page = pageText('abc', 99, 10);
  assert.deepEqual(page, { text: '', start: 3, end: 3, totalChars: 3 });
});
