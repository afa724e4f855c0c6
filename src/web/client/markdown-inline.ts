/**
 * Inline Markdown (the subset `html/` writes: backslash escapes, code spans, `**strong**`,
 * `*em*`/`_em_`, links and images) to DOM nodes. Text only ever becomes text nodes; link targets
 * are kept only when they are http(s), mailto or in-page, and images are shown as their alt text.
 * @module
 */
import { type Child, h } from './dom.ts';

const SAFE_HREF = /^(https?:\/\/|mailto:|#)/i;

/** Index of the `]` that closes the `[` at `open`, honouring escapes and nesting; -1 when none. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `)` that closes a link destination starting at `open` (a `(`); -1 when none. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Inline Markdown to nodes.
 * @example h('p', null, renderInline('**Item 7.01** Regulation FD'))
 */
export function renderInline(s: string): Child[] {
  const out: Child[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push(text);
    text = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1] as string)) {
      text += s[++i];
    } else if (c === '\n') {
      flush();
      out.push(h('br'));
    } else if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const end = s.indexOf(fence, i + n);
      if (end < 0) {
        text += fence;
        i += n - 1;
        continue;
      }
      flush();
      out.push(h('code', null, s.slice(i + n, end).trim()));
      i = end + n - 1;
    } else if ((c === '*' || c === '_') && s[i + 1] === c && s[i + 2] !== ' ') {
      const end = s.indexOf(c + c, i + 2);
      if (end > i + 2) {
        flush();
        out.push(h('strong', null, renderInline(s.slice(i + 2, end))));
        i = end + 1;
      } else text += c;
    } else if ((c === '*' || c === '_') && s[i + 1] !== ' ' && s[i + 1] !== undefined) {
      const end = s.indexOf(c, i + 1);
      if (end > i + 1 && s[end - 1] !== ' ' && s[end - 1] !== '\\') {
        flush();
        out.push(h('em', null, renderInline(s.slice(i + 1, end))));
        i = end;
      } else text += c;
    } else if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const open = c === '!' ? i + 1 : i;
      const close = closingBracket(s, open);
      const endParen = close > 0 && s[close + 1] === '(' ? closingParen(s, close + 1) : -1;
      if (close < 0) {
        text += c;
        continue;
      }
      const label = s.slice(open + 1, close);
      flush();
      if (endParen < 0) {
        // reference-less bracket text such as `[image: logo]`
        out.push('[', ...renderInline(label), ']');
        i = close;
        continue;
      }
      const href = s
        .slice(close + 2, endParen)
        .trim()
        .replace(/\\(.)/g, '$1');
      if (c === '!') out.push(h('span', { class: 'img-alt' }, `[image${label ? `: ${label}` : ''}]`));
      else if (SAFE_HREF.test(href))
        out.push(
          h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, renderInline(label)),
        );
      else out.push(...renderInline(label));
      i = endParen;
    } else text += c;
  }
  flush();
  return out;
}
