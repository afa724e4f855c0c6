/**
 * `webRoutes()` without a browser: the shell on the UI's paths with the strict CSP, client modules
 * by name only, ETag revalidation, and a clear page when the UI was not built.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { webRoutes } from '../src/web/web-routes.ts';

describe('webRoutes()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-web-routes-'));
  const built = join(dir, 'client');
  mkdirSync(built);
  writeFileSync(join(built, 'main.js'), "import './api.js';\n");
  writeFileSync(join(built, 'api.js'), 'export const x = 1;\n');
  writeFileSync(join(built, 'api.d.ts'), 'export declare const x: number;\n');
  after(() => rmSync(dir, { recursive: true, force: true }));
  const app = webRoutes({ assetsDir: built });

  test('webRoutes() answers the UI paths with the shell, the strict CSP and module preloads', async () => {
    for (const path of ['/', '/?q=%22CLR+131%22', '/filing/0001144204-17-013452', '/company/1279704']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe/);
      const html = await res.text();
      assert.match(html, /<script type="module" src="\/assets\/main\.js"><\/script>/);
      assert.match(html, /<link rel="modulepreload" href="\/assets\/api\.js">/);
      assert.doesNotMatch(html, /\.d\.ts/);
    }
  });

  test('webRoutes() serves client modules by plain name only, as JavaScript, revalidated by ETag', async () => {
    const res = await app.request('/assets/api.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(await res.text(), 'export const x = 1;\n');
    const etag = res.headers.get('etag') ?? '';
    assert.match(etag, /^"[\w-]+"$/);
    const again = await app.request('/assets/api.js', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    for (const bad of ['/assets/api.d.ts', '/assets/nope.js', '/assets/Main.JS', '/assets/..%2fmain.js'])
      assert.equal((await app.request(bad)).status, 404, bad);
    const css = await app.request('/assets/style.css');
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await css.text(), /\.hit-link/);
  });

  test('webRoutes() says how to build the UI when the client modules are missing', async () => {
    const bare = webRoutes({ assetsDir: join(dir, 'missing') });
    const res = await bare.request('/');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /npm run build/);
  });
});
