import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { isEdgarError } from '../src/core/errors.ts';
import { searchFilings } from '../src/services/search-filings.ts';
import { FTS_TUNING } from '../src/store/sqlite/fts-tuning.ts';
import { migrate } from '../src/store/sqlite/migrate.ts';
import { migrations } from '../src/store/sqlite/migrations/index.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { contractFilings, storeContract } from './store-contract.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'edgarbox-store-'));
}

storeContract('sqlite', async () => {
  const dir = tempDir();
  return {
    store: createSqliteStore({ path: join(dir, 'contract.db') }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
    reopen: async () => createSqliteStore({ path: join(dir, 'contract.db') }),
  };
});

describe('createSqliteStore()', () => {
  it('createSqliteStore() creates a WAL database that passes integrity_check after writes', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'nested', 'a.db');
      const store = createSqliteStore({ path });
      await store.putFilings(contractFilings());
      await store.close();
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() refuses a store written by a newer edgarbox with store-version', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'new.db');
      await createSqliteStore({ path }).close();
      const db = new Database(path);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(99);
      db.close();
      assert.throws(
        () => createSqliteStore({ path }),
        (e: unknown) => isEdgarError(e, 'store-version') && /99/.test(e.message),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() read-only migrates an older store first, then reads it', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'old.db');
      const a = createSqliteStore({ path });
      await a.putFilings(contractFilings());
      await a.close();
      const db = new Database(path);
      db.exec(
        'DROP INDEX filings_date_acceptance; ALTER TABLE documents DROP COLUMN text_chars; DELETE FROM schema_version WHERE version > 1',
      );
      db.close();
      const store = createSqliteStore({ path, readonly: true });
      const s = await store.stats();
      assert.equal(s.schemaVersion, migrations.length);
      assert.ok(s.textChars > 0);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() migrates a version-1 store with data to the current schema, backfilling', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'v1.db');
      const a = createSqliteStore({ path });
      await a.putFilings(contractFilings());
      const expected = (await a.stats()).textChars;
      await a.close();
      // Turn it back into what version 1 wrote.
      const db = new Database(path);
      db.exec(
        'DROP INDEX filings_date_acceptance; ALTER TABLE documents DROP COLUMN text_chars; DELETE FROM schema_version WHERE version > 1',
      );
      db.close();
      const b = createSqliteStore({ path });
      const s = await b.stats();
      assert.equal(s.schemaVersion, migrations.length);
      assert.ok(expected > 0);
      assert.equal(s.textChars, expected);
      assert.equal((await b.search({ text: { kind: 'term', token: 'myeloma' }, filters: {} })).total, 2);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() rebuilds entities written before version 4 as the merge over their filings', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'v3.db');
      const a = createSqliteStore({ path });
      await a.putFilings(contractFilings());
      const ciks = ['101', '202', '303'];
      const expected = await Promise.all(ciks.map((c) => a.getEntity(c)));
      await a.close();
      // What version 3 kept: the latest party block of each entity.
      const db = new Database(path);
      db.exec(`UPDATE entities SET party_json = (SELECT party_json FROM filing_parties p WHERE p.cik = entities.cik
                 ORDER BY filing_date DESC LIMIT 1);
               DROP INDEX filings_date_acceptance;
               DELETE FROM schema_version WHERE version > 3`);
      db.close();
      const b = createSqliteStore({ path });
      assert.equal((await b.stats()).schemaVersion, migrations.length);
      assert.ok(expected.every((e) => e !== undefined));
      assert.deepEqual(await Promise.all(ciks.map((c) => b.getEntity(c))), expected);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() reports a file that is not a database with store-error', () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'junk.db');
      writeFileSync(
        path,
        'this is not sqlite, just some text that is long enough to look like a header'.repeat(20),
      );
      assert.throws(
        () => createSqliteStore({ path }),
        (e: unknown) => isEdgarError(e, 'store-error'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() keeps stored filings readable after reopening, read-only too', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'reopen.db');
      const a = createSqliteStore({ path });
      await a.putFilings(contractFilings());
      await a.close();
      const b = createSqliteStore({ path, readonly: true });
      assert.equal((await b.stats()).filings, 4);
      assert.equal((await b.getFiling('0000000202-17-000002'))?.form, '8-K');
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createSqliteStore() sets the FTS write tuning on both indexes, and on a store that lacks it at the next read-write open', async () => {
    const dir = tempDir();
    const config = (path: string): Record<string, unknown> => {
      const db = new Database(path, { readonly: true });
      try {
        const out: Record<string, unknown> = {};
        for (const t of ['document_fts', 'section_fts'])
          for (const r of db.prepare(`SELECT k, v FROM ${t}_config`).all() as Array<{
            k: string;
            v: unknown;
          }>)
            if (r.k !== 'version') out[`${t}.${r.k}`] = r.v;
        return out;
      } finally {
        db.close();
      }
    };
    const tuned = {
      'document_fts.automerge': FTS_TUNING.automerge,
      'document_fts.hashsize': FTS_TUNING.hashsize,
      'section_fts.automerge': FTS_TUNING.automerge,
      'section_fts.hashsize': FTS_TUNING.hashsize,
    };
    try {
      const path = join(dir, 'tuned.db');
      const a = createSqliteStore({ path });
      await a.putFilings(contractFilings());
      await a.close();
      assert.deepEqual(config(path), tuned);
      // A store from before the tuning: FTS5's defaults.
      const db = new Database(path);
      for (const t of ['document_fts', 'section_fts'])
        db.exec(
          `INSERT INTO ${t} (${t}, rank) VALUES ('automerge', 4); INSERT INTO ${t} (${t}, rank) VALUES ('hashsize', 1048576)`,
        );
      db.close();
      const untuned = {
        'document_fts.automerge': 4,
        'document_fts.hashsize': 1048576,
        'section_fts.automerge': 4,
        'section_fts.hashsize': 1048576,
      };
      const r = createSqliteStore({ path, readonly: true });
      assert.equal((await r.search({ text: { kind: 'term', token: 'myeloma' }, filters: {} })).total, 2);
      await r.close();
      assert.deepEqual(config(path), untuned);
      const b = createSqliteStore({ path });
      assert.equal((await b.search({ text: { kind: 'term', token: 'myeloma' }, filters: {} })).total, 2);
      await b.close();
      assert.deepEqual(config(path), tuned);
      const check = new Database(path);
      check.exec("INSERT INTO document_fts (document_fts) VALUES ('integrity-check')");
      assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('searchFilings() over SQLite', () => {
  it('searchFilings() answers any user text with results or invalid-query, never an FTS5 error', async () => {
    const dir = tempDir();
    const store = createSqliteStore({ path: join(dir, 'fuzz.db') });
    try {
      await store.putFilings(contractFilings());
      const alphabet = [
        '"',
        '*',
        '-',
        '(',
        ')',
        ':',
        '^',
        '+',
        'OR',
        'AND',
        'NOT',
        'NEAR',
        ' ',
        'é',
        '中',
        '\u0000',
        "'",
        '{',
        '}',
        'myeloma',
        'form:',
        'x',
      ];
      let seed = 7;
      const next = () => {
        seed = (seed * 48271) % 2147483647;
        return seed;
      };
      for (let i = 0; i < 400; i++) {
        let q = '';
        for (let j = next() % 8; j >= 0; j--) q += alphabet[next() % alphabet.length];
        try {
          const r = await searchFilings(store, { q });
          assert.ok(r.total >= 0);
        } catch (e) {
          assert.ok(isEdgarError(e, 'invalid-query'), `${JSON.stringify(q)}: ${String(e)}`);
        }
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrate()', () => {
  it('migrate() applies only the missing migrations of an older store, in order', () => {
    const db = new Database(':memory:');
    assert.equal(migrate(db, migrations.slice(0, 1)), 1);
    const next = [
      ...migrations,
      { version: migrations.length + 1, description: 'test', sql: 'CREATE TABLE added_later (x INTEGER)' },
    ];
    assert.equal(migrate(db, next), migrations.length + 1);
    assert.equal(
      (
        db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'added_later'").get() as {
          n: number;
        }
      ).n,
      1,
    );
    assert.deepEqual(
      (
        db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>
      ).map((r) => r.version),
      next.map((m) => m.version),
    );
    // Running again is a no-op.
    assert.equal(migrate(db, next), migrations.length + 1);
    db.close();
  });
});
