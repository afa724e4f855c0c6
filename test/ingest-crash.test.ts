import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { repoRoot } from './corpus.ts';

// Crash safety of `edgarbox ingest`: the real CLI writing a real SQLite file is SIGKILLed at
// seeded random moments. After every kill the store must open, pass PRAGMA integrity_check and
// hold only whole filings (every document, every raw byte); a final run completes the set.

const KILLS = Number(process.env.EDGARBOX_CRASH_KILLS ?? 20);
const SEED = Number(process.env.EDGARBOX_CRASH_SEED ?? 20261121);
const FILINGS = 400;
/** A bigger set for the Ctrl-C test, so that the interrupt lands while most is still unread. */
const MANY = 2000;
const bin = join(repoRoot, 'src', 'cli', 'bin.ts');
const fixture = readFileSync(
  join(repoRoot, 'test', 'fixtures', 'ingest', '0000990001-24-000001.txt'),
  'latin1',
);

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir = '';
const expected = new Map<string, string>(); // accession -> sha256 of its bytes

function writeFilings(folder: string, count: number): void {
  mkdirSync(folder);
  for (let i = 1; i <= count; i++) {
    const accession = `0000990001-24-${String(i).padStart(6, '0')}`;
    // Vary the size so that batches and raw chunks differ from filing to filing.
    const filler = `<p>${'Kite line tension report. '.repeat(1 + (i % 7) * 40)}</p>`;
    const text = fixture
      .replaceAll('0000990001-24-000001', accession)
      .replace('record sales of tidal kites', `record sales of kite model ${i}</p>${filler}<p>end`);
    const bytes = Buffer.from(text, 'latin1');
    writeFileSync(join(folder, `${accession}.txt`), bytes);
    expected.set(accession, createHash('sha256').update(bytes).digest('hex'));
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'edgarbox-crash-'));
  writeFilings(join(dir, 'in'), FILINGS);
  writeFilings(join(dir, 'many'), MANY);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface RunResult {
  code: number | null;
  signal: string | null;
  stdout: string;
}

/**
 * Run the real CLI. With `kill`, SIGKILL it: either `kill.afterMs` after the start, or
 * `kill.afterCommitMs` after its first committed filing becomes visible to a reader.
 */
function runCli(
  db: string,
  kill?: { afterMs?: number; afterCommitMs?: number; signal?: NodeJS.Signals },
  input = 'in',
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [bin, 'ingest', join(dir, input), '--db', db, '--json', '--quiet', '--batch', '8', '--workers', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let exited = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.resume();
    const timers: NodeJS.Timeout[] = [];
    if (kill?.afterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), kill.afterMs));
    if (kill?.afterCommitMs !== undefined) {
      const delay = kill.afterCommitMs;
      const poll = async (): Promise<void> => {
        while (!exited) {
          if ((await committedFilings(db)) > 0) {
            timers.push(setTimeout(() => child.kill(kill.signal ?? 'SIGKILL'), delay));
            return;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      void poll();
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout });
    });
  });
}

/** Filings a reader sees right now (0 while the store does not exist or is being created). */
async function committedFilings(db: string): Promise<number> {
  if (!existsSync(db)) return 0;
  try {
    const store = createSqliteStore({ path: db, readonly: true });
    try {
      return (await store.stats()).filings;
    } finally {
      await store.close();
    }
  } catch {
    return 0;
  }
}

/** The store opens, is intact, and every filing in it is whole. Returns how many filings it holds. */
async function checkWhole(db: string): Promise<number> {
  const raw = new Database(db, { readonly: true });
  try {
    assert.deepEqual(raw.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  } finally {
    raw.close();
  }
  const store = createSqliteStore({ path: db });
  try {
    const stats = await store.stats();
    let seen = 0;
    let cursor: string | undefined;
    do {
      const page = await store.listFilings({ limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
      for (const summary of page.filings) {
        seen++;
        const want = expected.get(summary.accession);
        assert.ok(want, `unexpected filing ${summary.accession}`);
        const filing = await store.getFiling(summary.accession);
        assert.equal(filing?.documents.length, 2, `${summary.accession} lost documents`);
        const text = await store.getDocumentText(summary.accession, 1);
        assert.match(text ?? '', /record sales of kite model \d+/);
        const blob = await store.openRaw(summary.accession);
        const hash = createHash('sha256');
        for await (const chunk of blob?.read() ?? []) hash.update(chunk);
        assert.equal(hash.digest('hex'), want, `${summary.accession} raw bytes incomplete`);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    assert.equal(seen, stats.filings);
    assert.equal(stats.documents, 2 * stats.filings);
    return seen;
  } finally {
    await store.close();
  }
}

test(`edgarbox ingest survives ${KILLS} SIGKILLs at random points (seed ${SEED}) and a rerun completes the set`, async (t) => {
  const db = join(dir, 'crash.db');
  const rnd = mulberry32(SEED);
  let killed = 0;
  let partial = 0;
  let lastCount = 0;
  // Runs that finish before their kill do not count: go on until KILLS runs were really killed.
  for (let round = 0; killed < KILLS && round < KILLS * 3; round++) {
    // Mostly kill while filings are being committed; sometimes during start-up or the first batch.
    const kill =
      rnd() < 0.2 ? { afterMs: Math.floor(100 + rnd() * 1200) } : { afterCommitMs: Math.floor(rnd() * 300) };
    const result = await runCli(db, kill);
    if (result.signal === 'SIGKILL') killed++;
    const count = await checkWhole(db);
    assert.ok(count >= lastCount, 'a kill lost filings that were already committed');
    if (count > 0 && count < FILINGS) partial++;
    lastCount = count;
    if (count === FILINGS) {
      // Everything went in: start over so that later kills land mid-ingest again.
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
      lastCount = 0;
    }
  }
  t.diagnostic(`${killed} runs killed, ${partial} of them left a partial store`);
  assert.ok(killed >= KILLS, `only ${killed} runs were killed mid-way`);
  assert.ok(partial > 0, 'no kill ever landed between the first and the last commit');
  const final = await runCli(db);
  assert.equal(final.code, 0, final.stdout);
  const summary = JSON.parse(final.stdout);
  assert.equal(summary.ingested + summary.unchanged + summary.replaced, FILINGS);
  assert.equal(summary.replaced, 0);
  assert.equal(await checkWhole(db), FILINGS);
});

test('edgarbox ingest on SIGINT commits what is in flight, prints the summary and exits 130', async () => {
  const db = join(dir, 'sigint.db');
  const result = await runCli(db, { afterCommitMs: 0, signal: 'SIGINT' }, 'many');
  assert.equal(result.code, 130, result.stdout);
  const summary = JSON.parse(result.stdout);
  assert.equal(summary.interrupted, true);
  const stored = await checkWhole(db);
  assert.equal(stored, summary.ingested);
  assert.ok(stored > 0 && stored < MANY, `stored ${stored}`);
});
