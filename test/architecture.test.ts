/**
 * The dependency rule of ARCHITECTURE.md, checked on the source: a module imports only from its
 * own folder and from lower layers (plus the few same-layer edges listed there), and runtime
 * imports form no cycle.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './corpus.ts';

const src = join(repoRoot, 'src');

/** Layer of each top-level folder (store's backends are a layer above the interface). */
const layers: Record<string, number> = {
  core: 0,
  sgml: 1,
  html: 1,
  xml: 1,
  search: 1,
  store: 2,
  forms: 2,
  xbrl: 2,
  'store/sqlite': 3,
  'store/postgres': 3,
  services: 4,
  ingest: 4,
  sync: 4,
  server: 5,
  web: 5,
  mcp: 5,
  cli: 6,
  index: 7,
};

/** Same-layer edges ARCHITECTURE.md allows. */
const allowed = new Set(['html->xml', 'server->web', 'server->mcp', 'sync->ingest']);

function area(file: string): string {
  const parts = relative(src, file).split('/');
  if (parts.length === 1) return 'index';
  if (parts[0] === 'store' && (parts[1] === 'sqlite' || parts[1] === 'postgres')) return `store/${parts[1]}`;
  return parts[0] ?? '';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

function imports(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const out: Edge[] = [];
  const re =
    /^\s*(import|export)(\s+type)?[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4];
    if (spec) out.push({ to: resolve(dirname(file), spec), typeOnly: m[2] !== undefined });
  }
  return out;
}

const files = sourceFiles(src);
const graph = new Map(files.map((f) => [f, imports(f)]));

test('every module imports only from its own area and lower layers', () => {
  assert.ok(files.length > 100, `found ${files.length} source files`);
  const wrong: string[] = [];
  for (const [file, edges] of graph) {
    const from = area(file);
    for (const { to } of edges) {
      const target = area(to);
      const lf = layers[from];
      const lt = layers[target];
      assert.ok(lf !== undefined && lt !== undefined, `unknown area: ${from} or ${target} (${file})`);
      if (from === target || lt < lf || allowed.has(`${from}->${target}`)) continue;
      wrong.push(
        `${relative(src, file)} (${from}, layer ${lf}) imports ${relative(src, to)} (${target}, layer ${lt})`,
      );
    }
  }
  assert.deepEqual(wrong, []);
});

test('runtime imports form no cycle', () => {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]): void => {
    const s = state.get(file);
    if (s === 'done') return;
    if (s === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(src, f)).join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const e of graph.get(file) ?? []) if (!e.typeOnly && graph.has(e.to)) visit(e.to, [...path, file]);
    state.set(file, 'done');
  };
  for (const f of files) visit(f, []);
  assert.deepEqual(cycles, []);
});
