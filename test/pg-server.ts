/**
 * A PostgreSQL server for tests: `EDGARBOX_TEST_DATABASE_URL` or `DATABASE_URL` when set, else a
 * scratch server started with
 * `initdb` / `pg_ctl` in a temp directory on a free 127.0.0.1 port (as root, through
 * `runuser -u postgres`), stopped when the process exits. Each caller gets its own fresh database.
 * Without either, tests skip with a clear reason; under `CI=true` that is a failure instead.
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A skip reason for `node:test` (`{ skip: false }` when PostgreSQL is available). */
export type PgSkip = { skip: string } | { skip: false };

let serverUrl: Promise<string | { skip: string }> | undefined;

/** Find the directory holding `initdb` and `pg_ctl`, or undefined. */
function findPgBin(): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config on PATH
  }
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join('/usr/lib/postgresql', v, 'bin'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Run a PostgreSQL binary, as `postgres` when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout || r.error}`);
  }
}

async function startScratchServer(): Promise<string | { skip: string }> {
  const bin = findPgBin();
  if (bin === undefined) {
    return { skip: 'PostgreSQL tests skipped: DATABASE_URL is not set and initdb/pg_ctl were not found' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-pg-'));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  runPg(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  runPg(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', opts, 'start']);
  process.on('exit', () => {
    try {
      runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * The server URL: `EDGARBOX_TEST_DATABASE_URL` (what `.ci/run` sets) or `DATABASE_URL`, else a
 * scratch server started once per process.
 */
export function getPgServerUrl(): Promise<string | { skip: string }> {
  const fromEnv = process.env.EDGARBOX_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (fromEnv?.startsWith('postgres')) return Promise.resolve(fromEnv);
  serverUrl ??= startScratchServer().then((r) => {
    if (typeof r !== 'string' && process.env.CI === 'true') {
      throw new Error(`CI=true requires PostgreSQL: ${r.skip}`);
    }
    return r;
  });
  return serverUrl;
}

/**
 * A fresh, empty database on the test server; its URL, or a skip reason.
 * @example const db = await createTestDatabase(); if (typeof db !== 'string') return t.skip(db.skip);
 */
export async function createTestDatabase(): Promise<string | { skip: string }> {
  const base = await getPgServerUrl();
  if (typeof base !== 'string') {
    process.stderr.write(`# ${base.skip}\n`);
    return base;
  }
  const name = `edgarbox_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drop a database made by `createTestDatabase` (closing other sessions on it first). */
export async function dropTestDatabase(url: string): Promise<void> {
  const base = await getPgServerUrl();
  if (typeof base !== 'string') return;
  const name = new URL(url).pathname.slice(1);
  if (!/^edgarbox_test_\w+$/.test(name)) return;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
