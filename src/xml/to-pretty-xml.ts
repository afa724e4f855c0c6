/**
 * XML pretty printing: one element per line, two-space indentation, simple elements
 * (text only) kept on one line. Content is preserved; only whitespace between tags changes.
 * @module
 */
import { Parser } from 'htmlparser2';

const MAX_TEXT_LINE = 200;

/**
 * Re-indent an XML document.
 * @param source the XML text
 * @returns the indented XML, ending without a newline
 * @example toPrettyXml('<a><b>1</b></a>') // '<a>\n  <b>1</b>\n</a>'
 */
export function toPrettyXml(source: string): string {
  const out: string[] = [];
  let depth = 0;
  let pending: { open: string; name: string; text: string[] } | null = null;
  const line = (d: number, s: string): void => {
    out.push(`${'  '.repeat(Math.min(d, 40))}${s}`);
  };
  const flushPending = (): void => {
    if (!pending) return;
    line(depth - 1, pending.open);
    const text = pending.text.join('').trim();
    if (text) line(depth, escapeText(text));
    pending = null;
  };
  const parser = new Parser(
    {
      onprocessinginstruction: (_name, data) => {
        flushPending();
        line(depth, data.startsWith('?') && !data.endsWith('?') ? `<${data}?>` : `<${data}>`);
      },
      oncomment: (data) => {
        flushPending();
        line(depth, `<!--${data}-->`);
      },
      onopentag: (name, attribs) => {
        flushPending();
        const attrs = Object.entries(attribs)
          .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
          .join('');
        pending = { open: `<${name}${attrs}>`, name, text: [] };
        depth++;
      },
      ontext: (data) => {
        if (pending) pending.text.push(data);
        else if (data.trim()) line(depth, escapeText(data.trim()));
      },
      onclosetag: (name) => {
        depth = Math.max(0, depth - 1);
        if (pending && pending.name === name) {
          const text = pending.text.join('').trim();
          if (text.length === 0) line(depth, pending.open.replace(/>$/, '/>'));
          else if (text.length <= MAX_TEXT_LINE && !text.includes('\n')) {
            line(depth, `${pending.open}${escapeText(text)}</${name}>`);
          } else {
            line(depth, pending.open);
            line(depth + 1, escapeText(text));
            line(depth, `</${name}>`);
          }
          pending = null;
          return;
        }
        flushPending();
        line(depth, `</${name}>`);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(source);
  parser.end();
  flushPending();
  return out.join('\n');
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}
