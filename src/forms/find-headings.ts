/**
 * Finds every line that looks like a Part or Item heading, before any choice is made
 * between the table of contents, the body and in-text references.
 * @module
 */

import { lineText, type MarkdownLine } from './markdown-lines.ts';

/** A Part or Item heading as written, not yet checked against a form's catalog. */
export interface HeadingCandidate {
  kind: 'item' | 'part';
  /** Index of the line in the `MarkdownLine[]`. */
  line: number;
  /** Item numbers as written, normalised (`2.02`, `1A`, `7`); several for "Items 2.02 and 9.01". Part: the roman numeral (`II`). */
  codes: string[];
  /** Text after the number on the same line (may be empty). */
  title: string;
  /** Heading markup or a short line of its own. */
  emphasized: boolean;
  /** The line is a table row. */
  tableRow: boolean;
  /** The line ends with a page number (typical of a table of contents). */
  pageNumber: boolean;
  /** A sub-paragraph heading such as "Item 14(a)(1)": the item's continuation when the item has its own heading. */
  subItem: boolean;
}

const code = String.raw`(\d{1,2})(?:\s?\.\s?(\d{2})(?!\d))?(?:\s?([A-C])(?![a-z]))?(?:\s?\(T\))?`;
const itemPattern = new RegExp(String.raw`^(items?|item\s+no\.?)\s*${code}`, 'i');
const moreCodes = new RegExp(String.raw`^\s*(?:,|and|&|through)\s*(?:items?\s*)?${code}`, 'i');
const partPattern = /^part\s*[-–—]?\s*(IV|I{1,3}|[1-4])(?:(?![A-Za-z0-9])|(?=Item))\s*[.:\-–—]*\s*(.*)$/i;
const laterItem = /(?<![A-Za-z])(?:Items?|ITEMS?)\s*\d|(?<=[a-z\]).:])(?:Item|ITEM)\s*\d/g;
const romans: Record<string, string> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

function toCode(m: RegExpExecArray, offset: number): string {
  const major = String(Number(m[offset]));
  const minor = m[offset + 1];
  const letter = m[offset + 2];
  return `${major}${minor === undefined ? '' : `.${minor}`}${letter === undefined ? '' : letter.toUpperCase()}`;
}

/**
 * Parses "Item 2.02 - Results ..." at the start of `text`.
 * @param text plain text starting where an item heading may start
 * @returns the codes and the rest of the text, or undefined when it is not an item heading
 * @example parseItemHeading('ITEM 7.01REGULATION FD DISCLOSURE') // { codes: ['7.01'], title: 'REGULATION FD DISCLOSURE', subItem: false }
 */
export function parseItemHeading(
  text: string,
): { codes: string[]; title: string; subItem: boolean } | undefined {
  const m = itemPattern.exec(text);
  if (!m) return undefined;
  const codes = [toCode(m, 2)];
  let rest = text.slice(m[0].length);
  for (let more = moreCodes.exec(rest); more; more = moreCodes.exec(rest)) {
    codes.push(toCode(more, 1));
    rest = rest.slice(more[0].length);
  }
  // The number must end here: "Item 1 of this report" is a reference, "Item 10-K" is noise.
  if (/^\d|^-[A-Za-z]/.test(rest)) return undefined;
  const subItem = /^\s*\([a-z0-9]{1,3}\)/i.test(rest);
  const title = rest.replace(/^\s*[.:\-–—)]+/, '').trim();
  // A heading's title starts with a capital, a quote or a bracket; a reference continues a sentence.
  if (title !== '' && !/^[A-Z"'“‘([]/.test(title)) return undefined;
  return { codes, title, subItem };
}

/**
 * Lists heading candidates: lines starting with "Item n", "Part N", or "Part N ... Item n".
 * @param lines the document's lines (see `toMarkdownLines`)
 * @returns candidates in document order; a line with a Part and an Item yields both
 */
export function findHeadings(lines: MarkdownLine[]): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || !line.headingLike || line.size < 4) continue;
    const text = lineText(line);
    const first = text.charCodeAt(0) | 0x20;
    if (first !== 0x69 && first !== 0x70) continue; // i, p
    const pageNumber = /\s\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/.test(text) && text.length < 200;
    const emphasized = line.emphasized || (text.length <= 120 && !line.tableRow);
    const base = { line: i, tableRow: line.tableRow, pageNumber };
    const part = partPattern.exec(text);
    let rest = text;
    if (part) {
      const numeral = (part[1] ?? '').toUpperCase();
      rest = part[2] ?? '';
      const at = rest.search(/items?\s*\d/i);
      const title = (at >= 0 ? rest.slice(0, at) : rest).replace(/[\s.:\-–—]+$/, '').slice(0, 120);
      found.push({
        ...base,
        kind: 'part',
        codes: [romans[numeral] ?? numeral],
        title,
        emphasized,
        subItem: false,
      });
      if (at < 0 || at > 80) continue;
      rest = rest.slice(at);
    }
    const item = parseItemHeading(rest);
    if (!item) continue;
    found.push({
      ...base,
      kind: 'item',
      codes: item.codes,
      title: item.title,
      emphasized,
      subItem: item.subItem,
    });
    // Headings run together on one bold line ("Item 6. [Reserved] Item 7. Management's ...").
    if (!line.emphasized || text.length > 2000) continue;
    laterItem.lastIndex = 1;
    for (let m = laterItem.exec(rest); m; m = laterItem.exec(rest)) {
      const more = parseItemHeading(rest.slice(m.index));
      if (more)
        found.push({
          ...base,
          kind: 'item',
          codes: more.codes,
          title: more.title,
          emphasized,
          subItem: more.subItem,
        });
    }
  }
  return found;
}
