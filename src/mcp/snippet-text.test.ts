import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toSnippet } from './snippet-text.ts';

test('toSnippet() marks each highlight in bold', () => {
  const text = 'licensed CLR 131 from WARF';
  assert.equal(
    toSnippet(
      {
        text,
        highlights: [
          [22, 26],
          [9, 12],
        ],
      },
      100,
    ),
    'licensed **CLR** 131 from **WARF**',
  );
});

test('toSnippet() cuts long text and drops highlights past the cut', () => {
  const text = `${'x'.repeat(50)} WARF`;
  assert.equal(toSnippet({ text, highlights: [[51, 55]] }, 10), `${'x'.repeat(10)}…`);
});

test('toSnippet() ignores overlapping and empty ranges', () => {
  assert.equal(
    toSnippet(
      {
        text: 'abcdef',
        highlights: [
          [0, 3],
          [1, 2],
          [4, 4],
        ],
      },
      10,
    ),
    '**abc**def',
  );
});
