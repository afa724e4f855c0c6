/**
 * A search snippet (`{ text, highlights }` from the API) as nodes: the text as text nodes and
 * only our own highlight ranges as `<mark>`. Nothing in the snippet is ever parsed as HTML.
 * @module
 */
import { type Child, h } from './dom.ts';

/**
 * Snippet to nodes; ranges that overlap, run backwards or fall outside the text are ignored.
 * @example h('p', null, renderSnippet({ text: 'CLR 131 is', highlights: [[0, 7]] }))
 */
export function renderSnippet(snippet: { text: string; highlights: Array<[number, number]> }): Child[] {
  const { text } = snippet;
  const ranges = [...snippet.highlights]
    .filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b > a && b <= text.length)
    .sort((x, y) => x[0] - y[0]);
  const out: Child[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at) continue;
    if (a > at) out.push(text.slice(at, a));
    out.push(h('mark', null, text.slice(a, b)));
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
