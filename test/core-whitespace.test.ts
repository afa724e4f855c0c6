import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWhitespace } from '../src/core/whitespace.ts';

test('isWhitespace() agrees with /\\s/ on every UTF-16 code unit', () => {
  const differ: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isWhitespace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
  assert.deepEqual(differ, []);
});
