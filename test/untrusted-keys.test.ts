/**
 * Names and types from filings are untrusted: a lookup table keyed by them must answer only for
 * its own keys, never for `Object.prototype` members (`constructor`, `__proto__`, `toString`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formName } from '../src/server/sec/form-names.ts';
import { toContentType } from '../src/sgml/content-type.ts';

const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

test('toContentType: an extension named like an Object member falls back to sniffing the content', () => {
  for (const key of PROTOTYPE_KEYS) {
    assert.equal(toContentType(`exhibit.${key}`, undefined, '<html><body>x'), 'text/html', key);
    assert.equal(toContentType(`exhibit.${key}`, undefined, 'plain words'), 'text/plain', key);
  }
  assert.equal(toContentType('r1.htm', undefined, 'plain words'), 'text/html');
});

test('formName: a form type named like an Object member is returned as written', () => {
  for (const key of PROTOTYPE_KEYS) {
    assert.equal(formName(key), key);
    assert.equal(formName(`${key}/A`), `${key}/A`);
  }
  assert.equal(formName('8-K/A'), 'Current report');
});
