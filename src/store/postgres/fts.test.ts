import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTextQuery, havingSql, splitTextChunks, toTsvectorText } from './fts.ts';

test('compileTextQuery() compiles phrases, prefixes, OR and exclusions to tsquery text', () => {
  const q = compileTextQuery({
    kind: 'and',
    children: [
      { kind: 'phrase', tokens: ['clr', '131'] },
      {
        kind: 'or',
        children: [
          { kind: 'term', token: 'myelo', prefix: true },
          { kind: 'term', token: 'cancer' },
        ],
      },
    ],
    exclude: [{ kind: 'term', token: 'mouse' }],
  });
  assert.deepEqual(q, {
    full: "(('clr' <-> '131') & ('myelo':* | 'cancer') & !'mouse')",
    any: "('clr' <-> '131') | 'myelo':* | 'cancer'",
    leaves: ["('clr' <-> '131')", "'myelo':*", "'cancer'", "'mouse'"],
  });
});

test('compileTextQuery() drops tokens that are not letters or digits, and empty trees', () => {
  assert.equal(compileTextQuery({ kind: 'term', token: "a'b" }), undefined);
  assert.equal(compileTextQuery({ kind: 'phrase', tokens: ['x'], prefix: true })?.full, "'x':*");
});

test('havingSql() checks excluded leaves of multi-chunk documents against every chunk', () => {
  const sql = havingSql(
    { kind: 'and', children: [{ kind: 'term', token: 'a' }], exclude: [{ kind: 'term', token: 'b' }] },
    (i) => `$${i + 1}`,
  );
  assert.match(
    sql,
    /^\(coalesce\(bool_or\(c\.tsv @@ \$1\) FILTER \(WHERE c\.n_chunks > 1\), false\) AND NOT \(CASE WHEN max\(c\.n_chunks\) = 1 THEN false/,
  );
  assert.match(sql, /EXISTS \(SELECT 1 FROM fts_chunks x[\s\S]*x\.tsv @@ \$2\) END\)\)$/);
});

test('splitTextChunks() cuts after whitespace within the size and joins back exactly', () => {
  const text = Array.from({ length: 5000 }, (_, i) => `word${i}${i % 7 === 0 ? '\n' : ' '}`).join('');
  const chunks = splitTextChunks(text, 1000);
  assert.equal(chunks.join(''), text);
  assert.ok(chunks.every((c) => c.length <= 1000));
  assert.ok(chunks.slice(0, -1).every((c) => /\s$/.test(c)));
  const solid = 'x'.repeat(2500);
  assert.deepEqual(
    splitTextChunks(solid, 1000).map((c) => c.length),
    [1000, 1000, 500],
  );
});

test('toTsvectorText() indexes the query tokenizer tokens with positions, ASCII or not', () => {
  assert.equal(toTsvectorText('CLR-131 and clr'), "'clr':1,4 '131':2 'and':3");
  assert.equal(toTsvectorText('Café CAFE naïve'), "'cafe':1,2 'naive':3");
  assert.equal(toTsvectorText('  ...  '), '');
});
