import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEdgarError } from '../core/errors.ts';
import { apiDocumentUrl, documentUrl, indexPageUrl, submissionUrl } from './citation.ts';
import { toBaseUrl } from './context.ts';

const base = 'http://127.0.0.1:8080';

test('documentUrl() follows SEC archive layout: unpadded CIK, accession without dashes, encoded file name', () => {
  assert.equal(
    documentUrl(base, '0001279704', '0001144204-17-013452', 'v461435_ex99-1.htm'),
    'http://127.0.0.1:8080/Archives/edgar/data/1279704/000114420417013452/v461435_ex99-1.htm',
  );
  assert.equal(
    documentUrl(base, '1279704', '000114420417013452', 'a b#?.htm'),
    'http://127.0.0.1:8080/Archives/edgar/data/1279704/000114420417013452/a%20b%23%3F.htm',
  );
});

test('submissionUrl() and indexPageUrl() name the dashed accession inside the folder', () => {
  assert.equal(
    submissionUrl(base, '1279704', '0001144204-17-013452'),
    'http://127.0.0.1:8080/Archives/edgar/data/1279704/000114420417013452/0001144204-17-013452.txt',
  );
  assert.match(indexPageUrl(base, '1279704', '0001144204-17-013452'), /\/0001144204-17-013452-index\.htm$/);
});

test('apiDocumentUrl() points at the stored Markdown that offsets index', () => {
  assert.equal(
    apiDocumentUrl(base, '0001144204-17-013452', 2, 'markdown'),
    'http://127.0.0.1:8080/api/filings/0001144204-17-013452/documents/2/markdown',
  );
});

test('toBaseUrl() drops trailing slashes and refuses non-http URLs', () => {
  assert.equal(toBaseUrl('https://edgar.example.com/box/'), 'https://edgar.example.com/box');
  assert.equal(toBaseUrl('http://localhost:8080'), 'http://localhost:8080');
  assert.throws(
    () => toBaseUrl('file:///etc/passwd'),
    (e) => isEdgarError(e, 'invalid-argument'),
  );
  assert.throws(
    () => toBaseUrl('not a url'),
    (e) => isEdgarError(e, 'invalid-argument'),
  );
});
