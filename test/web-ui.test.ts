/**
 * The web UI in real headless Chromium (Debian's `chromium`, driven by playwright-core) against a
 * real `edgarbox serve` child process on 127.0.0.1, over a temporary SQLite store holding the
 * real corpus (`../shared/corpus/sgml`, via the real ingest) plus `test/fixtures/web/`, a filing
 * whose HTML carries scripts and event handlers. Screenshots go to `docs/screenshots/` when
 * missing or with `UPDATE=1`. Skips without `/usr/bin/chromium` (set `EDGARBOX_CHROMIUM` to use
 * another binary), except under `CI=true`.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { corpusPath, repoRoot } from './corpus.ts';

const CHROMIUM = process.env.EDGARBOX_CHROMIUM ?? '/usr/bin/chromium';
const SEED = '0001144204-17-013452';
const FIXTURE = '0009999901-26-000007';
const PRESS_RELEASE_FIRST = 'Madison, Wisc. (March 8, 2017) -- Cellectar Biosciences, Inc.';

function skipReason(): string | false {
  if (!existsSync(CHROMIUM)) {
    const msg = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set EDGARBOX_CHROMIUM)`;
    if (process.env.CI === 'true') throw new Error(`CI=true requires Chromium: ${msg}`);
    return msg;
  }
  const p = corpusPath('sgml');
  return typeof p === 'string' ? false : p.skip;
}

/** Start `edgarbox serve --port 0 --json` and resolve its URL from the first stdout line. */
function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'src/cli/bin.ts'), 'serve', '--db', db, '--port', '0', '--json', '--quiet'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EDGARBOX_TOKEN: '' } },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`edgarbox serve exited ${code}: ${stderr}`)));
  });
}

const shotsDir = join(repoRoot, 'docs', 'screenshots');

/** Take a screenshot; write it to docs/screenshots when missing or under UPDATE=1. */
async function shot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot();
  assert.ok(png.length > 1000, `${name}: screenshot is empty`);
  const file = join(shotsDir, `${name}.png`);
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    mkdirSync(shotsDir, { recursive: true });
    writeFileSync(file, png);
  }
}

/** Run axe-core in the page; return the serious and critical violations. */
async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: Node, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    // The filing's own HTML inside the sandboxed frame is not ours to check.
    const r = await axe.run(document, { iframes: false });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help}`);
}

interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: unknown[];
}

/** Cumulative layout shift recorded in the page so far (see the init script). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __cls: number }).__cls);
}

const skip = skipReason();

describe('web UI in headless Chromium over edgarbox serve', { skip }, () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let base: string;
  let browser: Browser;
  let desktop: BrowserContext;
  /** Requests any page or frame made to the marker URLs the fixture's scripts would call. */
  const markers: string[] = [];

  before(async () => {
    // The client modules are compiled by `npm run build`; rebuild them here so the test serves this tree.
    execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'src/web/client/tsconfig.json'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-web-'));
    const db = join(dir, 'store.db');
    const store = createSqliteStore({ path: db });
    const corpus = corpusPath('sgml') as string;
    const summary = await runIngest({
      store,
      paths: [corpus, join(repoRoot, 'test/fixtures/web', `${FIXTURE}.txt`)],
      workers: 2,
    });
    await store.close();
    assert.ok(summary.ingested >= 40, `ingested ${summary.ingested}`);
    const started = await startServe(db);
    server = started.child;
    base = started.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    desktop.on('request', (r) => {
      if (r.url().includes('/api/marker/')) markers.push(r.url());
    });
    // Layout shifts, recorded from before any page script runs (an init script is not page content).
    await desktop.addInitScript(() => {
      const w = globalThis as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>)
          if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('webRoutes() serves the shell with a strict CSP and no inline script', async () => {
    const res = await fetch(`${base}/`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await res.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'an inline <script> in the shell');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'an inline event handler in the shell');
    const js = await fetch(`${base}/assets/main.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal((await fetch(`${base}/assets/..%2fpackage.json`)).status >= 400, true);
    assert.equal((await fetch(`${base}/assets/nope.js`)).status, 404);
  });

  test('renderMarkdown() and renderSnippet() build DOM from text only: raw HTML stays text, unsafe links drop', async () => {
    const page = await desktop.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('.results');
    const out = await page.evaluate(async () => {
      const md = (await import(
        '/assets/markdown.js' as string
      )) as typeof import('../src/web/client/markdown.ts');
      const sn = (await import(
        '/assets/snippet.js' as string
      )) as typeof import('../src/web/client/snippet.ts');
      const html = (src: string): string => {
        const div = document.createElement('div');
        div.append(...md.renderMarkdown(src, { headings: [], idPrefix: 't' }));
        return div.innerHTML;
      };
      const snippet = document.createElement('p');
      for (const n of sn.renderSnippet({
        text: '<b>CLR</b> 131',
        highlights: [
          [3, 6],
          [0, 100],
          [5, 4],
          [11, 14],
        ],
      }))
        snippet.append(n as Node | string);
      return {
        script: html('<script>alert(1)</script> and <img src=x onerror=alert(2)>'),
        links: html(
          '[bad](javascript:alert(1)) [ok](https://example.com/a?b=1) ![logo](https://evil.example/x.png)',
        ),
        inline: html('**Item 7.01** and *em* and \\*not em\\* and `<code>`'),
        heading: html('## Item 2.02 Results'),
        table: html('| Year | Revenue |\n| --- | --- |\n| 2016 | $1,234 |'),
        list: html('- one\n  - two\n- three'),
        fence: html('```\n<b>raw</b>\n```'),
        snippet: snippet.innerHTML,
      };
    });
    assert.equal(
      out.script,
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;</p>',
    );
    assert.equal(
      out.links,
      '<p>bad <a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow" target="_blank">ok</a> <span class="img-alt">[image: logo]</span></p>',
    );
    assert.equal(
      out.inline,
      '<p><strong>Item 7.01</strong> and <em>em</em> and *not em* and <code>&lt;code&gt;</code></p>',
    );
    assert.equal(out.heading, '<h3 id="t-h1">Item 2.02 Results</h3>');
    assert.equal(
      out.table,
      '<div class="table-wrap"><table><thead><tr><th>Year</th><th>Revenue</th></tr></thead><tbody><tr><td class="num">2016</td><td class="num">$1,234</td></tr></tbody></table></div>',
    );
    assert.equal(out.list, '<ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>');
    assert.equal(out.fence, '<pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>');
    assert.equal(out.snippet, '&lt;b&gt;<mark>CLR</mark>&lt;/b&gt; <mark>131</mark>');
    await page.close();
  });

  test('search: "/" focuses the box, "CLR 131" finds the seed filing, the URL reflects it, j/k and Enter open a hit', async () => {
    const page = await desktop.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.waitForSelector('.results');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    await page.keyboard.type('"CLR 131"');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=%22CLR\+131%22/);
    await page.waitForSelector('.summary');
    const hits = await page.locator('.hit').allInnerTexts();
    assert.ok(hits.length >= 2, `hits: ${hits.length}`);
    assert.ok(
      hits.every((t) => t.includes('Cellectar Biosciences') && t.includes(SEED)),
      hits.join('\n---\n'),
    );
    const marks = await page.locator('.snippet mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => /^(CLR|131|CLR 131)$/.test(m)), marks.join('|'));
    await shot(page, 'search-desktop');
    assert.ok((await layoutShift(page)) < 0.1, `search: layout shift ${await layoutShift(page)}`);

    // Filters go to the URL too, and back/forward restore the search.
    await page.locator('summary').click();
    await page.locator('input[name=forms]').fill('10-K');
    await page.locator('input[name=forms]').press('Enter');
    await page.waitForURL(/forms=10-K/);
    // The URL changes before the new page renders: the previous summary ("2 results") is still up
    // until then, so wait for the filtered one (a timeout here means the filter did not apply).
    await page.locator('.summary', { hasText: /^0 results/ }).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('.summary').innerText(), /^0 results/);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('forms='));
    await page.waitForSelector('.hit');
    assert.equal(await page.locator('input[name=forms]').inputValue(), '');

    // A malformed query shows the API's message; a filter alone (company) is a search too.
    await page.goto(`${base}/?q=item%3Aabc`);
    await page.waitForSelector('.error');
    assert.match(await page.locator('.error').innerText(), /expected an item code like 2\.02/);
    await page.goto(`${base}/?company=Cellectar&items=7.01`);
    await page.waitForSelector('.summary');
    assert.equal(await page.locator('select[name=items]').inputValue(), '7.01');
    assert.ok(await page.locator('#filters').evaluate((d) => (d as HTMLDetailsElement).open));
    assert.match(await page.locator('.hit').first().innerText(), /Cellectar Biosciences/);
    await page.goto(`${base}/?q=%22CLR+131%22`);
    await page.waitForSelector('.hit');

    // j moves to the first result, j again to the second (the 8-K itself), Enter opens it.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const target = await page.evaluate(
      () => (document.activeElement as HTMLAnchorElement | null)?.href ?? '',
    );
    assert.match(target, new RegExp(`/filing/${SEED}\\?doc=1$`));
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/filing/${SEED}\\?doc=1$`));
    await page.waitForSelector('.viewer');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('filing page: header facts, parties, documents; switch to the press release and read its first paragraph', async () => {
    const page = await desktop.newPage();
    await page.goto(`${base}/filing/${SEED}`);
    await page.waitForSelector('.viewer .reading');
    const side = await page.locator('.facts').first().innerText();
    for (const want of [
      'Cellectar Biosciences, Inc.',
      SEED,
      '2017-03-08',
      '7.01',
      'Regulation FD Disclosure',
      '9.01',
      'Financial Statements and Exhibits',
      '001-36598',
      '17675115',
    ])
      assert.ok(side.includes(want), `facts lack ${want}:\n${side}`);
    assert.match(
      await page.locator('.parties').innerText(),
      /filer\s+Cellectar Biosciences, Inc\.\s+1279704/,
    );
    const docs = await page.locator('.docs tbody tr').allInnerTexts();
    assert.equal(docs.length, 2);
    assert.match(docs[1] ?? '', /EX-99\.1\s+EXHIBIT 99\.1\s+v461435_ex99-1\.htm\s+12 KB/);
    assert.equal(
      await page.locator('.facts a', { hasText: `${SEED}.txt` }).getAttribute('href'),
      `/Archives/edgar/data/1279704/${SEED.replaceAll('-', '')}/${SEED}.txt`,
    );

    // Switch to the press release (Exhibit 99.1): the reading view shows its first paragraph.
    await page.locator('.docs a', { hasText: 'EX-99.1' }).click();
    await page.waitForURL(/doc=2$/);
    const first = page.locator('.reading p', { hasText: 'Madison, Wisc.' }).first();
    await first.waitFor();
    assert.ok((await first.innerText()).startsWith(PRESS_RELEASE_FIRST), await first.innerText());
    await shot(page, 'filing-desktop');

    // The original, in a sandboxed frame served with CSP sandbox.
    const docResponse = page.waitForResponse((r) => r.url().endsWith(`/api/filings/${SEED}/documents/2`));
    await page.locator('.tab', { hasText: 'Original' }).click();
    const res = await docResponse;
    assert.equal(res.headers()['content-security-policy'], 'sandbox');
    const frame = page.locator('iframe.doc-frame');
    assert.equal(await frame.getAttribute('sandbox'), '');
    assert.match(await page.frameLocator('iframe.doc-frame').locator('body').innerText(), /Madison, Wisc\./);
    await page.goBack();
    await page.waitForSelector('.reading');
    assert.equal(await page.locator('.tab[aria-current=page]').innerText(), 'Reading view');

    const cls = await layoutShift(page);
    assert.ok(cls < 0.1, `cumulative layout shift ${cls}`);
    await page.close();
  });

  test('company page: both former names, addresses, SIC, and a timeline filtered by year', async () => {
    const page = await desktop.newPage();
    await page.goto(`${base}/filing/${SEED}`);
    await page.locator('.crumbs a').click();
    await page.waitForURL(/\/company\/1279704$/);
    await page.waitForSelector('.names');
    const names = await page.locator('.names').innerText();
    assert.match(names, /NOVELOS THERAPEUTICS, INC\.\s+2004-02-11 – 2005-06-17/);
    assert.match(names, /COMMON HORIZONS INC\s+until 2004-02-11/);
    const side = await page.locator('.filing-side').innerText();
    assert.match(side, /2834 PHARMACEUTICAL PREPARATIONS/);
    assert.match(side, /3301 AGRICULTURE DRIVE/);
    await shot(page, 'company-desktop');
    assert.ok((await layoutShift(page)) < 0.1, `company: layout shift ${await layoutShift(page)}`);
    await page.locator('select[name=year]').selectOption('2017');
    await page.locator('.tl-filter button').click();
    await page.waitForURL(/year=2017/);
    await page.waitForSelector('.tl-year[data-year="2017"]');
    assert.match(await page.locator('.timeline').innerText(), new RegExp(SEED));
    await page.close();
  });

  test('a filing whose HTML carries <script> and event handlers runs none of them', async () => {
    const page = await desktop.newPage();
    const frameResponse = page.waitForResponse((r) =>
      r.url().endsWith(`/api/filings/${FIXTURE}/documents/1`),
    );
    await page.goto(`${base}/filing/${FIXTURE}?doc=1&view=original`);
    assert.equal((await frameResponse).status(), 200);
    const body = page.frameLocator('iframe.doc-frame').locator('body');
    assert.match(await body.innerText(), /inkwell calibration line/);
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('body', 'data-pwned'), null);
    assert.notEqual(await page.title(), 'SCRIPT-RAN');

    // The reading view shows hostile-looking text as text.
    await page.locator('.tab', { hasText: 'Reading view' }).click();
    await page.waitForSelector('.reading');
    const reading = page.locator('.reading');
    assert.match(await reading.innerText(), /<img src=x onerror="fetch\('\/api\/marker\/markdown-ran'\)">/);
    assert.equal(await reading.locator('img, script, [onerror], a[href^="javascript:"]').count(), 0);

    // The uuencoded GIF is shown as an image.
    await page.locator('.docs a', { hasText: 'GRAPHIC' }).click();
    await page.locator('.tab', { hasText: 'Original' }).waitFor();
    const img = page.locator('.doc-image img');
    await img.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('.doc-image img') as HTMLImageElement | null)?.complete,
    );
    assert.equal(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth), 1);
    await page.waitForTimeout(200);
    assert.deepEqual(markers, []);
    await page.close();
  });

  test('axe-core finds no serious or critical violations on the search, filing and company pages', async () => {
    const page = await desktop.newPage();
    const found: string[] = [];
    for (const [path, ready] of [
      ['/?q=%22CLR+131%22', '.hit'],
      [`/filing/${SEED}?doc=2`, '.reading'],
      [`/filing/${SEED}?doc=1&view=original`, 'iframe.doc-frame'],
      ['/company/1279704', '.names'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.waitForSelector(ready);
      for (const v of await axeViolations(page)) found.push(`${path}: ${v}`);
    }
    assert.deepEqual(found, []);
    await page.close();
  });

  test('phone width: pages fit the screen without sideways scrolling', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    for (const [path, ready, name] of [
      ['/?q=%22CLR+131%22', '.hit', 'search-phone'],
      [`/filing/${SEED}?doc=2`, '.reading', 'filing-phone'],
      ['/company/1279704', '.names', 'company-phone'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.waitForSelector(ready);
      const [scroll, width] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      assert.ok((scroll ?? 0) <= (width ?? 0) + 1, `${path}: ${scroll}px wide on a ${width}px screen`);
      await shot(page, name);
    }
    await phone.close();
  });
});
