/**
 * The Node listener: serve an app on a host and port. The few lines that touch `node:http`.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running server. */
export interface RunningServer {
  /** `http://host:port` (the real port when 0 was asked). */
  url: string;
  port: number;
  /** Stop accepting connections and close idle ones. */
  close(): Promise<void>;
}

/** Options of `createNodeServer`. */
export interface NodeServerOptions {
  app: Hono;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Per-request socket timeout in ms (default 60,000). */
  requestTimeoutMs?: number;
}

/**
 * Listen and resolve once the port is bound.
 * @example const server = await createNodeServer({ app, port: 0 }); console.log(server.url);
 */
export function createNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: options.app.fetch, hostname: host, port: options.port ?? 8080 },
      (info: AddressInfo) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once('error', reject);
    if ('requestTimeout' in server) server.requestTimeout = options.requestTimeoutMs ?? 60_000;
    if ('headersTimeout' in server) server.headersTimeout = 20_000;
  });
}
