import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createStreamProcessor } from '../src/ingest/process-stream.ts';
import {
  MAX_FILING_TEXT_CHARS,
  MAX_TEXT_CHARS,
  processSubmission,
} from '../src/ingest/process-submission.ts';
import { documentBody, parseSubmission } from '../src/sgml/index.ts';
import { corpusPath, corpusSkip, repoRoot } from './corpus.ts';

const fixtures = join(repoRoot, 'test', 'fixtures', 'ingest');
const options = { maxTextChars: MAX_TEXT_CHARS, maxFilingTextChars: MAX_FILING_TEXT_CHARS };

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function streamed(
  bytes: Buffer,
  label: string,
  rnd: () => number,
  maxChunk: number,
  maxDocumentBytes?: number,
) {
  const p = createStreamProcessor(label, { ...options, ...(maxDocumentBytes ? { maxDocumentBytes } : {}) });
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(rnd() * maxChunk);
    p.write(bytes.subarray(at, at + n));
    at += n;
  }
  return p.end();
}

describe('processSubmission()', () => {
  test('processSubmission() hashes, parses, converts and compresses a submission', () => {
    const bytes = readFileSync(join(fixtures, '0000990001-24-000001.txt'));
    const r = processSubmission(bytes, 'a.txt', options);
    assert.ok(r.ok);
    assert.equal(r.filing.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(r.filing.submission.accessionNumber, '0000990001-24-000001');
    assert.deepEqual(
      r.filing.documents?.map((d) => d.sequence),
      [1, 2],
    );
    assert.match(r.filing.documents?.[0]?.text ?? '', /record sales of tidal kites/);
    assert.equal(r.filing.sourcePath, 'a.txt');
  });

  test('processSubmission() cuts text at the per-document cap with a text-truncated warning', () => {
    const bytes = readFileSync(join(fixtures, '0000990001-24-000001.txt'));
    const r = processSubmission(bytes, 'a.txt', { maxTextChars: 20, maxFilingTextChars: 1e6 });
    assert.ok(r.ok);
    assert.equal(r.filing.documents?.[0]?.text?.length, 20);
    assert.ok(r.filing.submission.warnings.some((w) => w.code === 'text-truncated'));
  });

  test('processSubmission() refuses bytes that are not a submission, with a reason', () => {
    const r = processSubmission(
      readFileSync(join(fixtures, 'broken-not-a-submission.txt')),
      'b.txt',
      options,
    );
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /not an EDGAR submission/);
  });
});

describe('createStreamProcessor()', () => {
  test('createStreamProcessor() gives the same result as processSubmission() for any chunking', () => {
    const rnd = mulberry32(7);
    for (const name of readdirSync(fixtures)) {
      const bytes = readFileSync(join(fixtures, name));
      const whole = processSubmission(bytes, name, options);
      for (const maxChunk of [1, 7, 64, 4096])
        assert.deepEqual(streamed(bytes, name, rnd, maxChunk), whole, name);
    }
  });

  test('createStreamProcessor() matches processSubmission() on real corpus submissions', corpusSkip(), () => {
    const rnd = mulberry32(11);
    const dir = corpusPath('sgml') as string;
    for (const name of ['0001144204-17-013452.txt', '0000929638-25-000114.nc', '0001213900-25-032135.txt']) {
      const bytes = readFileSync(join(dir, name));
      assert.deepEqual(streamed(bytes, name, rnd, 100_000), processSubmission(bytes, name, options), name);
    }
  });

  test('createStreamProcessor() converts only the first part of an oversized body but hashes all of it', () => {
    const bytes = readFileSync(join(fixtures, '0000990001-24-000001.txt'));
    const r = streamed(bytes, 'a.txt', mulberry32(3), 100, 64);
    assert.ok(r.ok);
    const doc = parseSubmission(bytes).documents[0];
    assert.ok(doc);
    const body = documentBody(bytes, doc);
    assert.equal(r.filing.documents?.[0]?.sha256, createHash('sha256').update(body).digest('hex'));
    assert.equal(r.filing.documents?.[0]?.size, body.length);
    assert.ok(r.filing.submission.warnings.some((w) => w.code === 'document-truncated'));
    assert.equal(r.filing.sha256, createHash('sha256').update(bytes).digest('hex'));
  });
});
