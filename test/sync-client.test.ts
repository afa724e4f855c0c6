import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isEdgarError } from '../src/core/errors.ts';
import { createClient } from '../src/sync/client.ts';

// The sync client against a real HTTP listener on 127.0.0.1 whose routes misbehave on purpose.

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const routes = new Map<string, Handler>();
const hits = new Map<string, Array<{ t: number; headers: IncomingMessage['headers'] }>>();
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    const list = hits.get(path) ?? [];
    list.push({ t: performance.now(), headers: req.headers });
    hits.set(path, list);
    const h = routes.get(path);
    if (!h) {
      res.writeHead(404).end('no');
      return;
    }
    h(req, res, list.length);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const fast = { baseMs: 10, maxMs: 5000 };

test('createClient() sends the User-Agent and asks for gzip, and decodes a gzipped body', async () => {
  const body = Buffer.from('<SEC-DOCUMENT>0001144204-17-013452.txt : 20170308\n'.repeat(200));
  routes.set('/gz', (req, res) => {
    assert.match(String(req.headers['accept-encoding']), /gzip/);
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/plain' }).end(gzipSync(body));
  });
  const client = createClient({ userAgent: 'Jane Doe jane@example.com', rate: 100 });
  const r = await client.getBytes(`${base}/gz`);
  assert.deepEqual(Buffer.from(r.bytes), body);
  assert.equal(hits.get('/gz')?.[0]?.headers['user-agent'], 'Jane Doe jane@example.com');
});

test('createClient() waits as long as Retry-After says on a 429, then succeeds', async () => {
  routes.set('/429', (_req, res, hit) => {
    if (hit === 1) res.writeHead(429, { 'Retry-After': '1' }).end('slow down');
    else res.writeHead(200).end('ok');
  });
  const retries: number[] = [];
  const client = createClient({
    userAgent: 'ua',
    rate: 100,
    backoff: fast,
    onRetry: (r) => retries.push(r.delayMs),
  });
  const r = await client.getBytes(`${base}/429`);
  assert.equal(Buffer.from(r.bytes).toString(), 'ok');
  assert.deepEqual(retries, [1000]);
  const [first, second] = hits.get('/429') ?? [];
  assert.ok(first && second && second.t - first.t >= 990, 'second attempt at least a second later');
});

test('createClient() retries 503s and dropped connections (before and during the body) with backoff', async () => {
  const body = 'x'.repeat(200_000);
  routes.set('/flaky', (_req, res, hit) => {
    if (hit === 1) res.writeHead(503).end('busy');
    else if (hit === 2) res.socket?.destroy();
    else if (hit === 3) {
      res.writeHead(200, { 'Content-Length': String(body.length) });
      res.write(body.slice(0, 1000), () => res.socket?.destroy());
    } else res.writeHead(200, { 'Content-Length': String(body.length) }).end(body);
  });
  const client = createClient({ userAgent: 'ua', rate: 100, backoff: fast });
  const r = await client.getBytes(`${base}/flaky`);
  assert.equal(r.bytes.length, body.length);
  assert.equal(client.stats.retries, 3);
  assert.equal(hits.get('/flaky')?.length, 4);
});

test('createClient() stops at once on a 403 block page with code blocked', async () => {
  routes.set('/403', (_req, res) => res.writeHead(403).end('<html>Request Rate Threshold Exceeded</html>'));
  const client = createClient({ userAgent: 'ua', rate: 100, backoff: fast });
  await assert.rejects(client.getBytes(`${base}/403`), (e: unknown) => isEdgarError(e, 'blocked'));
  assert.equal(hits.get('/403')?.length, 1);
  // And sends nothing more afterwards.
  routes.set('/after403', (_req, res) => res.writeHead(200).end('ok'));
  await assert.rejects(client.getBytes(`${base}/after403`), (e: unknown) => isEdgarError(e, 'blocked'));
  assert.equal(hits.get('/after403'), undefined);
});

test('createClient() does not retry a 404 and gives up on a 503 after its retries', async () => {
  const client = createClient({ userAgent: 'ua', rate: 1000, retries: 2, backoff: fast });
  await assert.rejects(
    client.getBytes(`${base}/missing`),
    (e: unknown) => isEdgarError(e, 'http-status') && (e as { status?: number }).status === 404,
  );
  assert.equal(hits.get('/missing')?.length, 1);
  routes.set('/down', (_req, res) => res.writeHead(503).end());
  await assert.rejects(client.getBytes(`${base}/down`), (e: unknown) => isEdgarError(e, 'http-status'));
  assert.equal(hits.get('/down')?.length, 3);
});

test('createClient() sends validators back and reports 304 as notModified', async () => {
  routes.set('/idx', (req, res) => {
    if (
      req.headers['if-none-match'] === '"v1"' ||
      req.headers['if-modified-since'] === 'Wed, 08 Mar 2017 22:00:00 GMT'
    ) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { ETag: '"v1"', 'Last-Modified': 'Wed, 08 Mar 2017 22:00:00 GMT' }).end('index');
  });
  const client = createClient({ userAgent: 'ua', rate: 100 });
  const first = await client.getBytes(`${base}/idx`);
  assert.equal(first.notModified, false);
  assert.deepEqual(first.validators, { etag: '"v1"', lastModified: 'Wed, 08 Mar 2017 22:00:00 GMT' });
  const second = await client.getBytes(`${base}/idx`, first.validators);
  assert.equal(second.notModified, true);
  assert.equal(second.bytes.length, 0);
  assert.equal(client.stats.notModified, 1);
});

test('createClient() refuses a body larger than maxBytes with too-large', async () => {
  routes.set('/big', (_req, res) => res.writeHead(200, { 'Content-Length': '5000' }).end('y'.repeat(5000)));
  const client = createClient({ userAgent: 'ua', rate: 100, maxBytes: 1000 });
  await assert.rejects(client.getBytes(`${base}/big`), (e: unknown) => isEdgarError(e, 'too-large'));
});

test('createClient() holds the rate across concurrent requests (measured at the server)', async () => {
  routes.set('/r', (_req, res) => res.writeHead(200).end('r'));
  const rate = 20;
  const client = createClient({ userAgent: 'ua', rate, concurrency: 8 });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 30 }, () => client.getBytes(`${base}/r`)));
  const seconds = (performance.now() - t0) / 1000;
  const times = (hits.get('/r') ?? []).map((h) => h.t).sort((a, b) => a - b);
  assert.equal(times.length, 30);
  assert.ok(
    maxInWindow(times, 1000) <= rate,
    `at most ${rate} in any second, saw ${maxInWindow(times, 1000)}`,
  );
  // Held, not starved: 30 requests at 20/s take about 1.45 s.
  assert.ok(seconds < 3, `took ${seconds} s`);
});

test('createClient() stops waiting when its signal aborts', async () => {
  routes.set('/slow429', (_req, res) => res.writeHead(429, { 'Retry-After': '30' }).end());
  const controller = new AbortController();
  const client = createClient({ userAgent: 'ua', rate: 100, signal: controller.signal });
  const pending = client.getBytes(`${base}/slow429`);
  setTimeout(() => controller.abort(new Error('stop')), 100);
  const t0 = performance.now();
  await assert.rejects(pending, /stop/);
  assert.ok(performance.now() - t0 < 2000);
});

/** Most timestamps inside any half-open window `[t, t + ms)`. */
function maxInWindow(sorted: number[], ms: number): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
