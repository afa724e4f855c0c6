/**
 * Unit tests for the pieces behind `toText` / `toMarkdown`: the scanner (any chunking gives
 * the same tokens), encoding detection, document kinds, table normalization, hostile input.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentInput } from '../src/core/document-input.ts';
import { HtmlScanner } from '../src/html/html-scanner.ts';
import {
  detectEncoding,
  getDocumentKind,
  parseHtml,
  renderMarkdown,
  renderText,
  toMarkdown,
  toText,
} from '../src/html/index.ts';
import { isPageNumber } from '../src/html/noise.ts';
import { toPrettyXml } from '../src/xml/index.ts';

const html = (body: string, contentType = 'text/html'): DocumentInput => ({
  bytes: new TextEncoder().encode(body),
  type: 'EX-99.1',
  filename: 'doc.htm',
  contentType,
});

function tokensOf(chunks: string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push(`T:${text}`);
    text = '';
  };
  const scanner = new HtmlScanner({
    openTag: (name, attribs, selfClosing) => {
      flush();
      out.push(`O:${name}:${JSON.stringify(attribs)}:${selfClosing}`);
    },
    closeTag: (name) => {
      flush();
      out.push(`C:${name}`);
    },
    text: (data) => {
      text += data;
    },
  });
  for (const c of chunks) scanner.write(c);
  scanner.end();
  flush();
  return out;
}

test('HtmlScanner gives the same tokens for any chunking of the input', () => {
  const doc =
    '<!DOCTYPE html><HTML><BODY STYLE="font: 10pt">A &amp; B&nbsp;&#9744;<!-- c > d --><P ALIGN=center>x < y</P>' +
    '<script>if (a < b) { "</p>" }</script><img src="a.jpg" alt=\'Logo "x"\'/><![CDATA[raw <b>]]><td colspan=3>z</td></BODY>';
  const whole = tokensOf([doc]);
  for (let size = 1; size <= 13; size++) {
    const chunks: string[] = [];
    for (let i = 0; i < doc.length; i += size) chunks.push(doc.slice(i, i + size));
    assert.deepEqual(tokensOf(chunks), whole, `chunk size ${size}`);
  }
  assert.ok(whole.includes('T:A & B\u00a0☐'));
  assert.ok(whole.includes('O:p:{"align":"center"}:false'));
  assert.ok(whole.includes('T:x < y'));
});

test('HtmlScanner sends cheap whitespace-only runs to space() when the sink has one, everything else to text()', () => {
  const events: string[] = [];
  const scanner = new HtmlScanner({
    openTag: (name) => events.push(`O:${name}`),
    closeTag: (name) => events.push(`C:${name}`),
    text: (data) => events.push(`T:${data}`),
    space: (data) => events.push(`S:${data}`),
  });
  scanner.write('<p>\n  <b>A &amp; B</b>\n&nbsp;<i> </i>&#160;x</p><td>&nbsp;</td>');
  scanner.end();
  assert.deepEqual(events, [
    'O:p',
    'S:\n  ',
    'O:b',
    'T:A & B',
    'C:b',
    'T:\n\u00a0',
    'O:i',
    'S: ',
    'C:i',
    'T:\u00a0x',
    'C:p',
    'O:td',
    'S:\u00a0',
    'C:td',
  ]);
  // Any chunking gives the same text, whichever callback each piece takes.
  const doc = '<p>a &amp;\n b</p>\n &nbsp; <td>&nbsp;</td>x&lt;y';
  const merged = (chunks: string[]): string[] => {
    const out: string[] = [];
    let text = '';
    const s = new HtmlScanner({
      openTag: (name) => {
        out.push(text, `O:${name}`);
        text = '';
      },
      closeTag: (name) => {
        out.push(text, `C:${name}`);
        text = '';
      },
      text: (data) => {
        text += data;
      },
      space: (data) => {
        text += data;
      },
    });
    for (const c of chunks) s.write(c);
    s.end();
    out.push(text);
    return out;
  };
  const whole = merged([doc]);
  for (let size = 1; size <= 9; size++) {
    const chunks: string[] = [];
    for (let i = 0; i < doc.length; i += size) chunks.push(doc.slice(i, i + size));
    assert.deepEqual(merged(chunks), whole, `chunk size ${size}`);
  }
  assert.deepEqual(whole, ['', 'O:p', 'a &\n b', 'C:p', '\n \u00a0 ', 'O:td', '\u00a0', 'C:td', 'x<y']);
});

test('HtmlScanner skips script content and keeps only the attributes converters read', () => {
  const tokens = tokensOf([
    '<div class="c" STYLE="display:none" data-x="1">t</div><script>x("<div>")</script>',
  ]);
  assert.deepEqual(tokens, [
    'O:div:{"style":"display:none"}:false',
    'T:t',
    'C:div',
    'O:script:{}:false',
    'C:script',
  ]);
});

test('detectEncoding() reads valid UTF-8 as UTF-8 and anything else as windows-1252', () => {
  assert.equal(detectEncoding(new TextEncoder().encode('café ☐')), 'utf-8');
  assert.equal(detectEncoding(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x92])), 'windows-1252');
  const declared = new TextEncoder().encode('<meta charset="iso-8859-1"><p>plain ascii</p>');
  assert.equal(detectEncoding(declared), 'utf-8');
});

test('toText() decodes Windows-1252 punctuation and entities', () => {
  const bytes = Uint8Array.from([
    ...Buffer.from('<p>Bank'),
    0x92,
    ...Buffer.from('s &#9744; &rsquo;x&nbsp;y</p>'),
  ]);
  assert.equal(
    toText({ bytes, type: '8-K', filename: 'a.htm', contentType: 'text/html' }),
    'Bank’s ☐ ’x y\n',
  );
});

test('getDocumentKind() sniffs HTML inside text/plain and classifies binaries', () => {
  const plain = (body: string): DocumentInput => ({ ...html(body, 'text/plain'), filename: 'doc.txt' });
  assert.equal(getDocumentKind(plain('<HTML><BODY>x</BODY></HTML>')), 'html');
  assert.equal(getDocumentKind(plain('<TABLE>\n<S> <C>\n</TABLE>')), 'text');
  assert.equal(
    getDocumentKind({ ...html('%PDF-1.4'), filename: 'x.pdf', contentType: 'application/pdf' }),
    'pdf',
  );
  assert.equal(
    getDocumentKind({ ...html('PK'), filename: 'x.zip', contentType: 'application/zip' }),
    'binary',
  );
  assert.equal(
    getDocumentKind({ ...html('<a/>'), filename: 'x.xml', contentType: 'application/xml' }),
    'xml',
  );
});

test('toMarkdown() gives binaries one reference line and never their bytes', () => {
  const pdf = {
    bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]),
    type: 'EX-99',
    filename: 'deck.pdf',
    contentType: 'application/pdf',
  };
  assert.equal(toMarkdown(pdf), '[PDF document: deck.pdf]\n');
  const zip = {
    bytes: Uint8Array.from([0x50, 0x4b, 3, 4]),
    type: 'ZIP',
    filename: 'r_1.zip',
    contentType: 'application/zip',
  };
  assert.equal(toText(zip), '[binary document: r_1.zip]\n');
});

test('toMarkdown() merges "$" | "1,234" | ")" cells and drops spacer columns', () => {
  const md = toMarkdown(
    html(
      '<table><tr><td></td><td></td><td>2024</td><td></td></tr>' +
        '<tr><td>Revenue</td><td>$</td><td>(1,234</td><td>)</td></tr>' +
        '<tr><td>Margin</td><td></td><td>12.5</td><td>%</td></tr></table>',
    ),
  );
  assert.equal(md, '|  | 2024 |\n| --- | --- |\n| Revenue | $(1,234) |\n| Margin | 12.5% |\n');
});

test('toMarkdown() escapes pipes in table cells and keeps colspan alignment', () => {
  const md = toMarkdown(
    html('<table><tr><th colspan="2">A|B</th><th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>'),
  );
  assert.equal(md, '| A\\|B |  | C |\n| --- | --- | --- |\n| 1 | 2 | 3 |\n');
});

test('parseHtml() survives hostile input: prototype tag names, deep nesting, huge colspan', () => {
  assert.doesNotThrow(() =>
    parseHtml(['<constructor><__proto__><toString>x</toString></__proto__></constructor>']),
  );
  const deep = `${'<div><font>'.repeat(20_000)}deep${'</font></div>'.repeat(20_000)}`;
  assert.equal(toText(html(deep)), 'deep\n');
  const wide = toText(
    html('<table><tr><td colspan="99999999">a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'),
  );
  assert.match(wide, /a/);
  assert.ok(wide.length < 10_000, 'colspan is capped');
});

test('toMarkdown() drops javascript: links and keeps real ones', () => {
  const md = toMarkdown(
    html('<p><a href="javascript:alert(1)">bad</a> and <a href="https://x.test/a b">good</a></p>'),
  );
  assert.equal(md, 'bad and [good](https://x.test/a%20b)\n');
});

test('toText() drops a running footer that counts the pages and keeps numbered headings and images near page breaks', () => {
  const page = (n: number, top: string): string =>
    `${top}<p>Body text of page ${n} with enough words to be a paragraph.</p>` +
    `<p style="text-align:center">Contoso Inc. | 2024 Proxy Statement | ${n + 6}</p>` +
    '<div style="page-break-before:always"></div>';
  const doc = [
    page(1, ''),
    page(2, '<p><b>Proposal No. 1</b></p>'),
    page(3, '<p><b>Proposal No. 2</b></p>'),
    page(4, '<p><img src="slide004.jpg"></p>'),
    page(5, '<p><b>Proposal No. 3</b></p>'),
    page(6, '<p><img src="slide006.jpg"></p>'),
    page(7, '<p><img src="slide007.jpg"></p>'),
  ].join('');
  const text = toText(html(doc));
  assert.ok(!text.includes('Proxy Statement |'), text);
  for (const kept of [
    'Proposal No. 1',
    'Proposal No. 2',
    'Proposal No. 3',
    '[image: slide004.jpg]',
    '[image: slide007.jpg]',
  ])
    assert.ok(text.includes(kept), `${kept} missing from:\n${text}`);
});

test('parseHtml() gives the same blocks for a document in chunks (strings copied out of each chunk) as in one piece', () => {
  const unit =
    '<p>Revenue &amp; “costs” of item 7</p><table><tr><td style="x">Net sales</td><td>$</td><td>1,234</td></tr>' +
    '<tr><td style="x">Cost</td><td>$</td><td>(567</td><td>)</td></tr></table><a href="https://example.com/a">link</a>\n';
  const whole = unit.repeat(100);
  const chunks: string[] = [];
  for (let i = 0; i < whole.length; i += 7001) chunks.push(whole.slice(i, i + 7001));
  assert.ok(chunks.length >= 3);
  const expected = parseHtml([whole]);
  const actual = parseHtml(chunks);
  assert.equal(actual.length, expected.length);
  assert.equal(renderMarkdown(actual), renderMarkdown(expected));
  assert.equal(renderText(actual), renderText(expected));
});

test('toPrettyXml() indents elements and keeps text and attributes escaped', () => {
  assert.equal(
    toPrettyXml('<?xml version="1.0"?><a x="1 &amp; 2"><b>t &lt; u</b><c/></a>'),
    '<?xml version="1.0"?>\n<a x="1 &amp; 2">\n  <b>t &lt; u</b>\n  <c/>\n</a>',
  );
});

test('isPageNumber() knows page numbers and leaves years and footnote marks alone', () => {
  for (const line of ['7', '- 7 -', 'F-3', 'Page 4', 'ii', 'Page 2 of 9'])
    assert.ok(isPageNumber(line), line);
  for (const line of ['2024', '(1)', 'Item 1', '99.1', 'None.']) assert.ok(!isPageNumber(line), line);
});
