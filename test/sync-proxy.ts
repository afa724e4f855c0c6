/**
 * A test server around a real `edgarbox serve`: forwards every request to it, records each one
 * (time, path, headers), serves extra files the server does not have (`company_tickers.json`,
 * feed archives), and on request misbehaves with a seeded random: drops connections (before
 * and during the body), answers 429 with `Retry-After`, and 503s.
 * @module
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How often to misbehave, per request, for paths matching `paths`. */
export interface Chaos {
  seed: number;
  /** Probability of dropping the connection before answering. */
  drop: number;
  /** Probability of sending part of the body, then dropping. */
  dropMidBody: number;
  /** Probability of a 429 with `Retry-After: 1`. */
  tooMany: number;
  /** Probability of a 503. */
  unavailable: number;
  /** Misbehave at most this many times per path (so that every request ends). */
  perPath: number;
  paths: RegExp;
}

/** One request seen by the proxy. */
export interface SeenRequest {
  t: number;
  path: string;
  headers: IncomingHttpHeaders;
  /** What the proxy did: forwarded, or the misbehaviour. */
  outcome: 'forward' | 'extra' | 'drop' | 'drop-mid-body' | '429' | '503' | '304';
}

/** A running proxy. */
export interface SyncProxy {
  url: string;
  seen: SeenRequest[];
  /** Replace (or clear) the misbehaviour. */
  setChaos(chaos: Chaos | undefined): void;
  /** Serve `body` at `path` instead of forwarding (with `status`, default 200). */
  setExtra(path: string, body: Uint8Array | string, status?: number): void;
  /** Send an `ETag` (a hash of the body) with index files and answer `If-None-Match` with 304. */
  setValidators(on: boolean): void;
  /** Forward `path` again. */
  removeExtra(path: string): void;
  close(): Promise<void>;
}

/**
 * Start a proxy on 127.0.0.1 in front of `upstream`.
 * @example const proxy = await createSyncProxy('http://127.0.0.1:8080');
 */
export async function createSyncProxy(upstream: string): Promise<SyncProxy> {
  const target = new URL(upstream);
  const seen: SeenRequest[] = [];
  const extras = new Map<string, { body: Uint8Array | string; status: number }>();
  let chaos: Chaos | undefined;
  let validators = false;
  let random = () => 0.5;
  const counts = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const record = (outcome: SeenRequest['outcome']): void => {
      seen.push({ t: performance.now(), path, headers: req.headers, outcome });
    };
    const extra = extras.get(path);
    if (extra !== undefined) {
      record('extra');
      res
        .writeHead(extra.status, { 'Content-Length': String(Buffer.byteLength(extra.body)) })
        .end(extra.body);
      return;
    }
    if (chaos?.paths.test(path) && (counts.get(path) ?? 0) < chaos.perPath) {
      const r = random();
      let edge = chaos.drop;
      const act = (outcome: SeenRequest['outcome']): true => {
        counts.set(path, (counts.get(path) ?? 0) + 1);
        record(outcome);
        return true;
      };
      if (r < edge && act('drop')) {
        req.socket.destroy();
        return;
      }
      edge += chaos.tooMany;
      if (r < edge && act('429')) {
        res.writeHead(429, { 'Retry-After': '1' }).end('Too Many Requests');
        return;
      }
      edge += chaos.unavailable;
      if (r < edge && act('503')) {
        res.writeHead(503).end('Service Unavailable');
        return;
      }
      edge += chaos.dropMidBody;
      if (r < edge && act('drop-mid-body')) {
        forward(path, req.headers, (status, headers, body) => {
          res.writeHead(status, headers);
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
        });
        return;
      }
    }
    forward(path, req.headers, (status, headers, body) => {
      if (validators && status === 200 && /-index\//.test(path)) {
        const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
        if (req.headers['if-none-match'] === etag) {
          record('304');
          res.writeHead(304, { ETag: etag }).end();
          return;
        }
        headers.etag = etag;
      }
      record('forward');
      res.writeHead(status, headers).end(body);
    });
  });

  function forward(
    path: string,
    headers: IncomingHttpHeaders,
    done: (status: number, headers: Record<string, string>, body: Buffer) => void,
  ): void {
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'GET',
        headers: { ...headers, host: target.host },
      },
      (r) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => {
          const body = Buffer.concat(parts);
          const out: Record<string, string> = { 'Content-Length': String(body.length) };
          for (const k of ['content-type', 'content-encoding', 'etag', 'last-modified', 'retry-after']) {
            const v = r.headers[k];
            if (typeof v === 'string') out[k] = v;
          }
          done(r.statusCode ?? 502, out, body);
        });
      },
    );
    up.on('error', () => done(502, {}, Buffer.alloc(0)));
    up.end();
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    setChaos(c) {
      chaos = c;
      counts.clear();
      random = c ? mulberry32(c.seed) : () => 0.5;
    },
    setExtra(path, body, status = 200) {
      extras.set(path, { body, status });
    },
    setValidators(on) {
      validators = on;
    },
    removeExtra(path) {
      extras.delete(path);
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** A small seeded PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
