import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MALLOC_TUNING, needsMallocTuning } from '../src/cli/malloc-tuning.ts';
import { createCommitQueue } from '../src/ingest/commit-queue.ts';
import {
  MAX_FILING_TEXT_CHARS,
  MAX_TEXT_CHARS,
  processSubmission,
} from '../src/ingest/process-submission.ts';
import { releaseBuffer } from '../src/ingest/release-buffer.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { repoRoot } from './corpus.ts';

// What keeps the ingest's peak RSS down: buffers freed as soon as they are done with, and a
// nursery that does not grow on the thread that runs the pipeline.

test('releaseBuffer() frees a buffer that owns its memory and leaves pooled, partial and shared ones alone', () => {
  const owned = Buffer.allocUnsafeSlow(4096).fill(7);
  assert.equal(releaseBuffer(owned), true);
  assert.equal(owned.byteLength, 0);
  assert.equal((owned.buffer as ArrayBuffer).detached, true);
  assert.equal(releaseBuffer(owned), false, 'a released buffer is not released twice');

  const pooled = Buffer.from('abc');
  assert.equal(releaseBuffer(pooled), false);
  assert.equal(pooled.toString(), 'abc');

  const whole = Buffer.allocUnsafeSlow(100).fill(1);
  const part = whole.subarray(10, 20);
  assert.equal(releaseBuffer(part), false);
  assert.equal(whole.byteLength, 100);

  const shared = new Uint8Array(new SharedArrayBuffer(64));
  assert.equal(releaseBuffer(shared), false);
  assert.equal(shared.byteLength, 64);
});

test('createCommitQueue() flush() releases the raw chunks of the filings it wrote, which the store keeps intact', async () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'ingest', '0000990001-24-000001.txt'));
  const result = processSubmission(text, 'f0', {
    maxTextChars: MAX_TEXT_CHARS,
    maxFilingTextChars: MAX_FILING_TEXT_CHARS,
  });
  assert.ok(result.ok);
  const raw = result.filing.raw;
  assert.ok(!(raw instanceof Uint8Array));
  // As they arrive from a worker: each chunk owns its memory.
  raw.chunks = raw.chunks.map((c) => Uint8Array.from(c));
  const chunks = raw.chunks;
  const store = createSqliteStore({ path: ':memory:' });
  try {
    const progress = { files: 0, bytesRead: 0, bytes: 0, ingested: 0, unchanged: 0, replaced: 0, failed: 0 };
    const queue = createCommitQueue({
      store,
      progress,
      batchFilings: 8,
      batchBytes: 1 << 30,
      batchMillis: 0,
    });
    queue.settle(0, { kind: 'done', label: 'f0', result, sniffed: undefined });
    await queue.flush();
    assert.equal(progress.ingested, 1);
    assert.deepEqual(
      chunks.map((c) => c.byteLength),
      chunks.map(() => 0),
    );
    const blob = await store.openRaw('0000990001-24-000001');
    assert.ok(blob);
    const parts: Uint8Array[] = [];
    for await (const c of blob.read()) parts.push(c);
    assert.ok(Buffer.concat(parts).equals(text));
  } finally {
    await store.close();
  }
});

/** The nursery size (MiB) a fresh Node reaches under steady allocation, with or without the limit. */
function nurseryAfterChurn(limited: boolean): number {
  const url = pathToFileURL(join(repoRoot, 'src', 'cli', 'limit-young-generation.ts')).href;
  const code = `
    const { limitYoungGeneration, youngGenerationBytes } = await import(${JSON.stringify(url)});
    if (${limited}) limitYoungGeneration();
    let keep = [];
    let most = 0;
    for (let i = 0; i < 800_000; i++) {
      keep.push({ i, s: 'x' + i });
      if (keep.length > 100_000) { keep = []; most = Math.max(most, youngGenerationBytes()); }
    }
    console.log(Math.max(most, youngGenerationBytes()) / 1048576);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Number(r.stdout.trim());
}

test('limitYoungGeneration() keeps the nursery near its starting size under steady allocation', () => {
  const free = nurseryAfterChurn(false);
  const limited = nurseryAfterChurn(true);
  assert.ok(free >= 16, `without the limit the nursery grows (${free} MiB)`);
  assert.ok(limited <= 8, `with the limit it stays small (${limited} MiB)`);
});

test('needsMallocTuning() asks for the re-exec only for ingest on Linux without the variable set', () => {
  const ingest = ['node', 'bin.js', 'ingest', 'a.tar'];
  assert.equal(needsMallocTuning(ingest, {}, 'linux'), true);
  assert.equal(needsMallocTuning(ingest, { ...MALLOC_TUNING }, 'linux'), false, 'already tuned: no loop');
  assert.equal(needsMallocTuning(ingest, { MALLOC_MMAP_THRESHOLD_: '65536' }, 'linux'), false);
  assert.equal(needsMallocTuning(ingest, { EDGARBOX_MALLOC_TUNING: '0' }, 'linux'), false);
  assert.equal(needsMallocTuning(ingest, {}, 'darwin'), false);
  assert.equal(needsMallocTuning(['node', 'bin.js', 'search', 'ingest'], {}, 'linux'), false);
  assert.equal(needsMallocTuning(['node', 'bin.js'], {}, 'linux'), false);
});
