/**
 * The web UI's routes, mounted at `/` by `server/app.ts`: the shell page for the UI's paths
 * (`/`, `/filing/{accession}`, `/company/{cik}`), the built client modules under `/assets/`,
 * and the stylesheet. Every response carries the strict `WEB_CSP`; assets are read once at
 * startup and revalidated by ETag.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { findAssetsDir } from './find-assets.ts';
import { toShellHtml } from './shell-html.ts';
import { STYLE_CSS } from './style-css.ts';
import { WEB_CSP } from './web-csp.ts';

/** Options of `webRoutes`. */
export interface WebRoutesOptions {
  /** Folder of the built client modules; default `findAssetsDir()`. */
  assetsDir?: string;
}

interface Asset {
  body: string;
  type: string;
  etag: string;
}

const ASSET_NAME = /^[a-z0-9-]+\.js(\.map)?$/;

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

function loadAssets(dir: string | undefined): Map<string, Asset> {
  const out = new Map<string, Asset>();
  if (dir === undefined || !existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (!ASSET_NAME.test(name)) continue;
    const type = name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
    out.set(name, asset(readFileSync(join(dir, name), 'utf8'), type));
  }
  return out;
}

function send(c: Context, a: Asset): Response {
  c.header('Content-Security-Policy', WEB_CSP);
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', a.etag);
  c.header('Referrer-Policy', 'same-origin');
  if (c.req.header('If-None-Match') === a.etag) return c.body(null, 304);
  return c.body(a.body, 200, { 'Content-Type': a.type });
}

/**
 * The UI routes.
 * @example app.route('/', webRoutes())
 */
export function webRoutes(options: WebRoutesOptions = {}): Hono {
  const assets = loadAssets(options.assetsDir ?? findAssetsDir());
  const built = assets.has('main.js');
  const preload = [...assets.keys()].filter((n) => n.endsWith('.js') && n !== 'main.js').sort();
  const shell = asset(
    built
      ? toShellHtml({ preload })
      : '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>edgarbox</title></head><body><h1>edgarbox</h1><p>The web UI is not built: run <code>npm run build</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>',
    'text/html; charset=utf-8',
  );
  const css = asset(STYLE_CSS, 'text/css; charset=utf-8');
  const app = new Hono();
  const page = (c: Context): Response => send(c, shell);
  app.get('/', page);
  app.get('/filing/:accession', page);
  app.get('/company/:cik', page);
  app.get('/assets/style.css', (c) => send(c, css));
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'max-age=86400' }));
  app.get('/assets/:name', (c) => {
    const a = assets.get(c.req.param('name'));
    if (!a) return c.json({ error: { code: 'not-found', message: `Not found: ${c.req.path}` } }, 404);
    return send(c, a);
  });
  return app;
}
