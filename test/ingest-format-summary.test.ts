/**
 * `formatSummary`, the human closing lines of `edgarbox ingest`: counts, speed, then the inputs
 * that replaced stored filings (a capped list: the count stays exact) and the failures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSummary } from '../src/cli/commands/ingest.ts';
import type { IngestSummary } from '../src/ingest/ingest-summary.ts';

const summary: IngestSummary = {
  files: 5,
  ingested: 1,
  unchanged: 0,
  replaced: 3,
  replacements: [
    { source: 'feed/b.txt', accession: '0000990001-24-000001' },
    { source: 'feed.tar:c.nc', accession: '0000990001-24-000002' },
  ],
  failed: [{ source: 'notes.md', reason: 'not an EDGAR submission (dialect unknown)' }],
  warnings: 0,
  bytes: 2_000_000,
  seconds: 1,
  mbPerSecond: 2,
  filingsPerSecond: 4,
  interrupted: false,
};

test('formatSummary() names each input that replaced a stored filing, says how many more were not listed, then the failures', () => {
  assert.equal(
    formatSummary(summary),
    [
      'ingested 1, unchanged 0, replaced 3, failed 1, warnings 0',
      '2.0 MB in 1.0 s (2.0 MB/s, 4 filings/s)',
      'replaced (new bytes for a filing stored before, by an earlier run or input):',
      '  feed/b.txt: 0000990001-24-000001',
      '  feed.tar:c.nc: 0000990001-24-000002',
      '  ... and 1 more',
      'failed:',
      '  notes.md: not an EDGAR submission (dialect unknown)',
      '',
    ].join('\n'),
  );
});

test('formatSummary() prints no replaced list when nothing was replaced', () => {
  const none = formatSummary({ ...summary, replaced: 0, replacements: [], failed: [] });
  assert.doesNotMatch(none, /replaced \(/);
  assert.equal(none.split('\n').length, 3);
});
