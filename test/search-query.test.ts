import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isEdgarError } from '../src/core/errors.ts';
import { parseQuery, toTokens } from '../src/search/query.ts';
import { formatSnippet, parseSnippet, toHtmlSnippet } from '../src/search/snippet.ts';
import { toFtsMatch } from '../src/store/sqlite/fts.ts';

function invalid(q: string, pattern: RegExp): void {
  assert.throws(
    () => parseQuery(q),
    (e: unknown) => isEdgarError(e, 'invalid-query') && pattern.test(e.message),
    q,
  );
}

describe('parseQuery()', () => {
  it('parseQuery() ANDs words and keeps phrases as token lists', () => {
    assert.deepEqual(parseQuery('"CLR 131" Multiple myeloma'), {
      filters: {},
      text: {
        kind: 'and',
        children: [
          { kind: 'phrase', tokens: ['clr', '131'] },
          { kind: 'term', token: 'multiple' },
          { kind: 'term', token: 'myeloma' },
        ],
      },
    });
  });

  it('parseQuery() turns a punctuated word into a phrase of its tokens', () => {
    assert.deepEqual(parseQuery('CLR-131').text, { kind: 'phrase', tokens: ['clr', '131'] });
    assert.deepEqual(toTokens('Société Générale, S.A.'), ['societe', 'generale', 's', 'a']);
  });

  it('parseQuery() binds OR tighter than the implicit AND', () => {
    assert.deepEqual(parseQuery('myeloma OR lymphoma trial').text, {
      kind: 'and',
      children: [
        {
          kind: 'or',
          children: [
            { kind: 'term', token: 'myeloma' },
            { kind: 'term', token: 'lymphoma' },
          ],
        },
        { kind: 'term', token: 'trial' },
      ],
    });
  });

  it('parseQuery() collects -exclusions and prefix* terms', () => {
    assert.deepEqual(parseQuery('myelo* -"phase 2" -placebo').text, {
      kind: 'and',
      children: [{ kind: 'term', token: 'myelo', prefix: true }],
      exclude: [
        { kind: 'phrase', tokens: ['phase', '2'] },
        { kind: 'term', token: 'placebo' },
      ],
    });
  });

  it('parseQuery() lifts field filters out of the text and normalises their values', () => {
    const q = parseQuery(
      'license form:8-k cik:1279704 item:7.01 section:1a company:"cellectar bio" type:ex-99.1 from:20170101 to:2017',
    );
    assert.deepEqual(q.text, { kind: 'term', token: 'license' });
    assert.deepEqual(q.filters, {
      forms: ['8-K'],
      ciks: ['0001279704'],
      items: ['7.01'],
      sections: ['1A'],
      companies: ['cellectar bio'],
      documentTypes: ['EX-99.1'],
      from: '2017-01-01',
      to: '2017-12-31',
    });
  });

  it('parseQuery() accepts a filter-only query and searches unknown fields as words', () => {
    assert.deepEqual(parseQuery('form:10-K'), { filters: { forms: ['10-K'] } });
    assert.deepEqual(parseQuery('note:revenue').text, { kind: 'phrase', tokens: ['note', 'revenue'] });
  });

  it('parseQuery() rejects malformed queries with invalid-query and a reason', () => {
    invalid('"CLR 131', /quote is not closed/);
    invalid('OR myeloma', /OR needs a word on each side/);
    invalid('myeloma OR', /OR needs a word on each side/);
    invalid('a OR OR b', /OR needs a word on each side/);
    invalid('-placebo', /excludes words but has none/);
    invalid('   ', /empty/);
    invalid('m*', /prefix needs at least 2/);
    invalid('from:2017-02-30', /from: expected a date/);
    invalid('cik:abc', /cik: expected 1 to 10 digits/);
    invalid('item:seven', /item: expected an item code/);
    invalid('-form:8-K x', /excluding a filter/);
    invalid('x'.repeat(3000), /longer than/);
    invalid(Array.from({ length: 70 }, (_, i) => `w${i}`).join(' '), /more than 64 terms/);
  });
});

describe('toFtsMatch()', () => {
  it('toFtsMatch() quotes every token so user text never reaches FTS5 syntax', () => {
    const q = parseQuery('"CLR 131" myelo* OR NEAR -"a" b');
    assert.equal(
      toFtsMatch(q.text ?? { kind: 'term', token: 'x' }),
      '(("clr" + "131" AND ("myelo"* OR "near") AND "b") NOT "a")',
    );
    assert.equal(toFtsMatch({ kind: 'term', token: 'say"hi' }), '"say""hi"');
  });
});

describe('parseSnippet()', () => {
  it('parseSnippet() strips markers into highlight ranges, merging adjacent phrase words', () => {
    const s = parseSnippet('…the \u0002CLR\u0003 \u0002131\u0003 trial\n\n in \u0002myeloma\u0003');
    assert.equal(s.text, '…the CLR 131 trial in myeloma');
    assert.deepEqual(s.highlights, [
      [5, 12],
      [22, 29],
    ]);
    assert.equal(formatSnippet(s, '[', ']'), '…the [CLR 131] trial in [myeloma]');
  });

  it('toHtmlSnippet() escapes filing text and marks highlights', () => {
    assert.equal(
      toHtmlSnippet(parseSnippet('<b>\u0002x\u0003</b>')),
      '&#60;b&#62;<mark>x</mark>&#60;/b&#62;',
    );
  });
});
