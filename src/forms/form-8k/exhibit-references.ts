/**
 * Exhibit numbers mentioned in a piece of an 8-K: "Exhibit 99.1", "Exhibits 99.1 and 99.2",
 * and the rows of an exhibit table ("| 99.1 | Press release dated ... |").
 * @module
 */

import { lineText, type MarkdownLine } from '../markdown-lines.ts';

/** One exhibit a section refers to, with what the filing says about it. */
export interface ExhibitReference {
  /** Exhibit number as normalised (`99.1`, `10.2`, `99`). */
  number: string;
  /** The exhibit table's description, when the number came from one. */
  description?: string;
}

const number = String.raw`(\d{1,3}(?:\.\d{1,3})?)`;
const mention = new RegExp(String.raw`\bexhibits?\s*(?:no\.?|number)?\s*${number}(?![\d.]\d)`, 'gi');
const continued = new RegExp(
  String.raw`^\s*(?:,|and|&|through|to)\s*(?:exhibits?\s*)?${number}(?![\d.]\d)`,
  'i',
);
const mayCite = /exhibit|^[\s|*_#>\\-]*\d/i;
const tableRow = new RegExp(
  String.raw`^(?:exhibit\s*(?:no\.?)?\s*)?${number}[.:]?\s+(?:[-–—]\s*)?(.{3,})$`,
  'i',
);

/**
 * Normalises an exhibit number for comparison: `99.01` and `99.1` are the same exhibit.
 * @param written as written (`99.01`, `EX-99.1`, `10`)
 * @returns `major` or `major.minor` without leading zeros
 * @example normalizeExhibitNumber('EX-99.01') // '99.1'
 */
export function normalizeExhibitNumber(written: string): string {
  const m = /(\d{1,3})(?:\.(\d{1,3}))?/.exec(written);
  if (!m) return written;
  return m[2] === undefined ? String(Number(m[1])) : `${Number(m[1])}.${Number(m[2])}`;
}

function plausible(n: string): boolean {
  const major = Number(n.split('.')[0]);
  return major >= 1 && major <= 110;
}

/**
 * Lists the exhibits referred to in `lines[from..to)`, in order of first mention.
 * @param lines the document's lines
 * @param from first line index
 * @param to line index past the last line
 * @param tables also read exhibit-table rows ("99.1 Press release ...") as references
 * @returns unique references, with table descriptions where present
 */
export function findExhibitReferences(
  lines: readonly MarkdownLine[],
  from: number,
  to: number,
  tables: boolean,
): ExhibitReference[] {
  const found = new Map<string, ExhibitReference>();
  const add = (written: string, description?: string) => {
    const n = normalizeExhibitNumber(written);
    if (!plausible(n)) return;
    const known = found.get(n);
    if (known === undefined)
      found.set(n, description === undefined ? { number: n } : { number: n, description });
    else if (known.description === undefined && description !== undefined) known.description = description;
  };
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines[i] as MarkdownLine;
    // Cheap test on the raw line first: most lines neither say "exhibit" nor start with a number.
    if (!mayCite.test(line.raw)) continue;
    const text = lineText(line);
    if (text === '') continue;
    if (tables) {
      const row = tableRow.exec(text);
      if (row?.[1] !== undefined && (row[1].includes('.') || /^exhibit/i.test(text))) {
        add(row[1], (row[2] ?? '').trim().slice(0, 300));
        continue;
      }
    }
    mention.lastIndex = 0;
    for (let m = mention.exec(text); m; m = mention.exec(text)) {
      // What the sentence says just before the number ("a copy of the press release is furnished as").
      const before = text.slice(Math.max(0, m.index - 100), m.index);
      add(m[1] ?? '', tables ? undefined : before.slice(before.search(/[^.;]*$/)).trim() || undefined);
      let rest = text.slice(m.index + m[0].length);
      for (let more = continued.exec(rest); more; more = continued.exec(rest)) {
        add(more[1] ?? '');
        rest = rest.slice(more[0].length);
      }
    }
  }
  return [...found.values()];
}
