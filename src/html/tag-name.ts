/**
 * Tag names without a new string per tag: the names filings use are matched in place
 * (ASCII case-insensitively) and returned as shared constants, so later lookups and
 * comparisons work on interned strings; any other name is sliced and lower-cased.
 * @module
 */

/** Known names by length, most frequent first (td, font, div, tr, span, p ... in EDGAR HTML). */
const KNOWN: readonly (readonly string[])[] = groupByLength([
  'td',
  'font',
  'div',
  'tr',
  'span',
  'p',
  'a',
  'b',
  'table',
  'br',
  'ix:nonfraction',
  'strong',
  'hr',
  'ix:nonnumeric',
  'i',
  'sup',
  'u',
  'img',
  'th',
  'tbody',
  'li',
  'ul',
  'ol',
  'center',
  'page',
  'pre',
  'html',
  'body',
  'head',
  'meta',
  'title',
  'style',
  'script',
  'link',
  'sub',
  'em',
  'small',
  'big',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'thead',
  'tfoot',
  'col',
  'colgroup',
  'caption',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'xbrli:context',
  'xbrli:entity',
  'xbrli:identifier',
  'xbrli:segment',
  'xbrli:period',
  'xbrli:instant',
  'xbrli:startdate',
  'xbrli:enddate',
  'xbrldi:explicitmember',
  'ix:header',
  'ix:hidden',
  'ix:references',
  'ix:resources',
  'ix:continuation',
  'ix:exclude',
  'ix:footnote',
  'link:schemaref',
  'xbrli:unit',
  'xbrli:measure',
  'acronym',
  'abbr',
  'nobr',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'main',
  'form',
  'input',
  'label',
  'c',
  's',
  'fn',
]);

function groupByLength(names: readonly string[]): string[][] {
  const byLength: string[][] = [];
  for (const name of names) {
    const list = byLength[name.length] ?? [];
    if (!list.includes(name)) list.push(name);
    byLength[name.length] = list;
  }
  for (let i = 0; i < byLength.length; i++) byLength[i] ??= [];
  return byLength;
}

/**
 * The lower-cased tag name `s[start, end)`: a shared constant for the common names, else a new string.
 * @example readTagName('<TD align=right>', 1, 3) // 'td'
 */
export function readTagName(s: string, start: number, end: number): string {
  const candidates = KNOWN[end - start];
  if (candidates !== undefined) {
    for (let j = 0; j < candidates.length; j++) {
      const name = candidates[j] as string;
      let k = 0;
      for (; k < name.length; k++) {
        const c = s.charCodeAt(start + k);
        const l = name.charCodeAt(k);
        // Upper-case ASCII letters match their lower-case name; anything else only itself.
        if (c !== l && (c < 65 || c > 90 || c + 32 !== l)) break;
      }
      if (k === name.length) return name;
    }
  }
  return s.slice(start, end).toLowerCase();
}
