/**
 * Test helper: a real SQLite store in a temp folder holding the real corpus's SGML submissions,
 * put through the real ingest (`ingestOne`: parse, convert, locate sections, atomic write).
 * @module
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestOne } from '../src/ingest/ingest-one.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { corpusPath } from './corpus.ts';

/** A store file built from the corpus, and how to remove it. */
export interface CorpusStore {
  /** Path of the SQLite file (closed: open it again, or hand it to a child process). */
  dbPath: string;
  /** Accessions ingested. */
  accessions: string[];
  remove(): void;
}

/**
 * Ingest every `.txt` / `.nc` file of `sgml/` into a fresh store file; `{ skip }` without a corpus.
 * @example const built = await buildCorpusStore(); if ('skip' in built) return t.skip(built.skip);
 */
export async function buildCorpusStore(): Promise<CorpusStore | { skip: string }> {
  const dir = corpusPath('sgml');
  if (typeof dir !== 'string') return dir;
  const tmp = mkdtempSync(join(tmpdir(), 'edgarbox-mcp-'));
  const dbPath = join(tmp, 'edgarbox.db');
  const store = createSqliteStore({ path: dbPath });
  const accessions: string[] = [];
  try {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(txt|nc)$/.test(name)) continue;
      const result = await ingestOne({ store, bytes: readFileSync(join(dir, name)), label: name });
      if (result.ok) accessions.push(result.accession);
    }
  } finally {
    await store.close();
  }
  return { dbPath, accessions, remove: () => rmSync(tmp, { recursive: true, force: true }) };
}
