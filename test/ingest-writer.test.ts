import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createCommitQueue } from '../src/ingest/commit-queue.ts';
import type { IngestProgress } from '../src/ingest/ingest-summary.ts';
import {
  MAX_FILING_TEXT_CHARS,
  MAX_TEXT_CHARS,
  processSubmission,
} from '../src/ingest/process-submission.ts';
import { createWorkerPool } from '../src/ingest/worker-pool.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { repoRoot } from './corpus.ts';

const fixtures = join(repoRoot, 'test', 'fixtures', 'ingest');
const options = { maxTextChars: MAX_TEXT_CHARS, maxFilingTextChars: MAX_FILING_TEXT_CHARS };

/** The fixture 8-K under accession 0000990001-24-<n>: distinct filings from one hand-written file. */
function filingBytes(n: number): Buffer {
  const text = readFileSync(join(fixtures, '0000990001-24-000001.txt'), 'latin1');
  return Buffer.from(
    text.replaceAll('0000990001-24-000001', `0000990001-24-${String(n).padStart(6, '0')}`),
    'latin1',
  );
}

function emptyProgress(): IngestProgress {
  return { files: 0, bytesRead: 0, bytes: 0, ingested: 0, unchanged: 0, replaced: 0, failed: 0 };
}

describe('createCommitQueue()', () => {
  test('createCommitQueue() flush() writes at most one batch per call, oldest first', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    try {
      const progress = emptyProgress();
      const queue = createCommitQueue({
        store,
        progress,
        batchFilings: 2,
        batchBytes: 1 << 30,
        batchMillis: 60_000,
      });
      for (let seq = 0; seq < 5; seq++) {
        const result = processSubmission(filingBytes(seq + 1), `f${seq}`, options);
        queue.settle(seq, { kind: 'done', label: `f${seq}`, result, sniffed: undefined });
      }
      assert.equal(queue.queued, 5);
      assert.equal(queue.due(), true);
      const written: number[] = [];
      while (queue.queued > 0) {
        await queue.flush();
        written.push((await store.stats()).filings);
      }
      assert.deepEqual(written, [2, 4, 5]);
      assert.equal(progress.ingested, 5);
      assert.ok(await store.getFiling('0000990001-24-000001'));
    } finally {
      await store.close();
    }
  });
});

describe('createCommitQueue() by bytes', () => {
  test('createCommitQueue() flush() stops a batch at batchBytes (one filing at least)', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    try {
      const queue = createCommitQueue({
        store,
        progress: emptyProgress(),
        batchFilings: 128,
        batchBytes: 1,
        batchMillis: 60_000,
      });
      for (let seq = 0; seq < 3; seq++) {
        const result = processSubmission(filingBytes(seq + 1), `f${seq}`, options);
        queue.settle(seq, { kind: 'done', label: `f${seq}`, result, sniffed: undefined });
      }
      await queue.flush();
      assert.deepEqual([queue.queued, (await store.stats()).filings], [2, 1]);
    } finally {
      await store.close();
    }
  });
});

describe('createWorkerPool()', () => {
  test('createWorkerPool() grow() adds workers up to maxSize, and every worker processes tasks', async () => {
    const pool = createWorkerPool({ size: 1, maxSize: 2 });
    try {
      assert.deepEqual([pool.size, pool.maxSize], [1, 2]);
      assert.equal(pool.grow(), true);
      assert.equal(pool.size, 2);
      assert.equal(pool.grow(), false);
      assert.equal(pool.size, 2);
      // Two tasks at once go to the two (least busy) workers.
      const results = await Promise.all([
        pool.run(filingBytes(7), 'a', options),
        pool.run(filingBytes(8), 'b', options),
      ]);
      assert.deepEqual(
        results.map((r) => (r.ok ? r.filing.submission.accessionNumber : r.reason)),
        ['0000990001-24-000007', '0000990001-24-000008'],
      );
      assert.ok(pool.cpuSeconds > 0, 'the workers report the CPU time they spent');
    } finally {
      await pool.close();
    }
  });

  test('createWorkerPool() without maxSize never grows', async () => {
    const pool = createWorkerPool({ size: 1 });
    try {
      assert.equal(pool.grow(), false);
      assert.equal(pool.size, 1);
    } finally {
      await pool.close();
    }
  });
});
