/**
 * A search snippet as one string for an agent: matched words in `**bold**`, length bounded.
 * @module
 */
import type { Snippet } from '../store/store.ts';

/**
 * Mark the highlights of `snippet` with `**` and cut the result to about `maxChars`.
 * @example toSnippet({ text: 'a CLR 131 b', highlights: [[2, 5]] }, 100) // 'a **CLR** 131 b'
 */
export function toSnippet(snippet: Snippet, maxChars: number): string {
  const text = snippet.text.length > maxChars ? snippet.text.slice(0, maxChars) : snippet.text;
  const ranges = snippet.highlights
    .filter(([s, e]) => s >= 0 && e > s && e <= text.length)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    out += `${text.slice(at, s)}**${text.slice(s, e)}**`;
    at = e;
  }
  out += text.slice(at);
  return snippet.text.length > maxChars ? `${out}…` : out;
}
