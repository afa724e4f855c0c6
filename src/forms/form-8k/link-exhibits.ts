/**
 * Links the exhibit numbers a section cites to the filing's documents (by `<TYPE>`) and
 * classifies them.
 * @module
 */

import type { DocumentSection, ExhibitClass } from '../../core/section.ts';
import { classifyExhibit } from '../exhibits.ts';
import { type MarkdownLine, toMarkdownLines } from '../markdown-lines.ts';
import { findExhibitReferences, normalizeExhibitNumber } from './exhibit-references.ts';

/** A filing document as the linker needs it. */
export interface ExhibitDocument {
  sequence: number;
  /** `<TYPE>` (`EX-99.1`). */
  type: string;
  filename: string;
  description?: string;
  /** The document's first text, for press release detection. */
  firstText?: string;
}

/** One exhibit a section cites, with the document that carries it (when the filing has it). */
export interface ExhibitLink {
  /** Exhibit number as cited (`99.1`). */
  number: string;
  /** The document whose `<TYPE>` is this exhibit. */
  sequence?: number;
  type?: string;
  filename?: string;
  /** What the filing says about the exhibit (exhibit table row, `<DESCRIPTION>`, the citing sentence). */
  description?: string;
  /** Classification from the type and the description. */
  exhibitClass?: ExhibitClass;
}

/**
 * Links a section's exhibits to documents: `Exhibit 99.1` → the document whose `<TYPE>` is
 * `EX-99.1` (or `EX-99.01`, or `EX-99` when only one EX-99 exists).
 * @param input the Markdown the section indexes, the section, the filing's documents
 * @returns one link per exhibit number in `section.exhibits`, in order
 * @example linkExhibits({ markdown, section: item901, documents }) // [{ number: '99.1', sequence: 2, exhibitClass: { category: 'press-release', ... } }]
 */
export function linkExhibits(input: {
  markdown: string;
  section: DocumentSection;
  documents: readonly ExhibitDocument[];
}): ExhibitLink[] {
  const { markdown, section, documents } = input;
  const numbers = section.exhibits ?? [];
  if (numbers.length === 0) return [];
  const lines = toMarkdownLines(markdown);
  const from = lines.findIndex((l: MarkdownLine) => l.end >= section.start);
  let to = lines.findIndex((l: MarkdownLine) => l.start >= section.end);
  if (to === -1) to = lines.length;
  const tables = /^(9\.01|7)$/.test(section.code);
  const said = new Map<string, string>();
  const collect = (a: number, b: number, t: boolean) => {
    for (const r of findExhibitReferences(lines, a, b, t)) {
      if (r.description !== undefined && !said.has(r.number)) said.set(r.number, r.description);
    }
  };
  collect(Math.max(0, from), to, tables);
  if (tables) collect(to, lines.length, true);
  const exhibits = documents
    .map((d) => ({ document: d, number: classifyExhibit(d.type)?.number }))
    .filter((d): d is { document: ExhibitDocument; number: string } => d.number !== undefined);
  return numbers.map((number) => {
    const key = normalizeExhibitNumber(number);
    const exact = exhibits.filter((e) => normalizeExhibitNumber(e.number) === key);
    const major = key.split('.')[0];
    const loose = exhibits.filter((e) => e.number.split('.')[0] === major);
    const match =
      exact[0]?.document ?? (!key.includes('.') && loose.length === 1 ? loose[0]?.document : undefined);
    const description = said.get(key) ?? match?.description;
    const link: ExhibitLink = { number };
    if (description !== undefined) link.description = description;
    if (match === undefined) {
      const cls = classifyExhibit(`EX-${number}`, description);
      if (cls !== undefined) link.exhibitClass = cls;
      return link;
    }
    link.sequence = match.sequence;
    link.type = match.type;
    link.filename = match.filename;
    const evidence = [said.get(key), match.description].filter((d) => d !== undefined).join(' ');
    const cls = classifyExhibit(match.type, evidence, match.firstText);
    if (cls !== undefined) link.exhibitClass = cls;
    return link;
  });
}
