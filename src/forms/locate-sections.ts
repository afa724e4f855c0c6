/**
 * The engine every section finder shares: heading candidates → the body's sequence → ranges.
 * @module
 */

import type { DocumentSection } from '../core/section.ts';
import { findHeadings, type HeadingCandidate } from './find-headings.ts';
import type { CatalogEntry, FormCatalog } from './form-catalog.ts';
import { lineText, type MarkdownLine } from './markdown-lines.ts';
import { type SequenceNode, selectSequence } from './select-sequence.ts';
import { titleMatches } from './title-matches.ts';

interface Reading extends SequenceNode {
  candidate: HeadingCandidate;
  entries: CatalogEntry[];
}

/** Plain text of the first non-empty line among the two after `line`. */
function nextText(lines: readonly MarkdownLine[], line: number): string {
  for (const next of [lines[line + 1], lines[line + 2]]) {
    if (next !== undefined && next.size > 0) return lineText(next);
  }
  return '';
}

const signature = /^signatures?\s*[.:]?$|^signature page$/i;

/**
 * Characters under each candidate, up to the next candidate on a later line that names another
 * code: a running page header ("Item 7 (continued)") does not cut the text of the real heading.
 * Linear in the number of candidates.
 */
function textUnder(lines: MarkdownLine[], candidates: HeadingCandidate[]): number[] {
  const sums = new Float64Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) sums[i + 1] = (sums[i] ?? 0) + (lines[i]?.size ?? 0);
  const n = candidates.length;
  const key = candidates.map((c) => `${c.kind}:${c.codes[0]}`);
  const nextLine = new Int32Array(n).fill(-1);
  const nextOther = new Int32Array(n).fill(-1);
  for (let i = n - 2; i >= 0; i--) {
    const here = (candidates[i] as HeadingCandidate).line;
    nextLine[i] = (candidates[i + 1] as HeadingCandidate).line > here ? i + 1 : (nextLine[i + 1] ?? -1);
  }
  for (let i = n - 1; i >= 0; i--) {
    const k = nextLine[i] ?? -1;
    nextOther[i] = k !== -1 && key[k] === key[i] ? (nextOther[k] ?? -1) : k;
  }
  return candidates.map((c, i) => {
    const k = nextOther[i] ?? -1;
    const next = k === -1 ? lines.length : (candidates[k] as HeadingCandidate).line;
    return (sums[next] ?? 0) - (sums[c.line + 1] ?? 0);
  });
}

function weigh(c: HeadingCandidate, under: number, entries: CatalogEntry[], nextLine: string): number {
  let weight = 1 + Math.min(under, 4000) / 400;
  if (c.emphasized) weight += 0.5;
  if (c.tableRow && c.pageNumber) weight -= 0.5;
  const title = c.title === '' ? nextLine : c.title;
  if (entries.every((e) => titleMatches(title, e.title))) weight += 1.5;
  return weight;
}

/** Index in `text` just past the catalog title when `text` starts with it (letters compared only). */
function prefixEnd(text: string, catalog: string): number {
  const want = catalog.toLowerCase().replace(/[^a-z0-9]/g, '');
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = (text[i] as string).toLowerCase();
    if (!/[a-z0-9]/.test(c)) continue;
    if (c !== want[k]) return -1;
    k++;
    if (k === want.length) return /[)\]]/.test(text[i + 1] ?? '') ? i + 2 : i + 1;
  }
  return -1;
}

/** A found heading's own title: the catalog title's span when it leads, else the first sentence. */
function cleanTitle(found: string, fallback: string): string {
  const text = found
    .replace(/\s+\d{1,3}$/, '')
    .replace(/^\([a-z]\)[.:]?\s*/i, '')
    .trim();
  if (text === '') return fallback;
  let end = prefixEnd(text, fallback);
  let from = 0;
  if (end < 0) {
    // "Items 2.02 and 7.01. Results of Operations ...; Regulation FD Disclosure": the part naming this item.
    const at = text.toLowerCase().indexOf(fallback.toLowerCase());
    if (at > 0) {
      from = at;
      end = at + fallback.length;
    }
  }
  let title = end > 0 ? text.slice(from, end) : text;
  if (end < 0 && title.length > 150) title = title.slice(0, 150).replace(/(?<=[a-z)])[.:]\s.*$/, '');
  return title.replace(/[\s.:;,\-–—]+$/, '');
}

/** Options of `locateSections`. */
export interface LocateOptions {
  /**
   * End the last section at a "SIGNATURE(S)" heading (default true). 10-K and 10-Q keep what
   * follows (financial statement pages, exhibit index) in their last item instead.
   */
  stopAtSignature?: boolean;
}

/**
 * Finds a form's Part and Item sections in Markdown.
 * @param markdown the primary document's Markdown
 * @param lines `toMarkdownLines(markdown)`
 * @param catalog the form's catalog
 * @param options where the last section ends
 * @returns sections in document order; items end at the next item or part, the last at a
 *   signature heading or the end; parts end at the next part or where their last item ends
 */
export function locateSections(
  markdown: string,
  lines: MarkdownLine[],
  catalog: FormCatalog,
  options: LocateOptions = {},
): DocumentSection[] {
  const headed = new Set<string>();
  const candidates = findHeadings(lines).filter((c) => {
    const code = `${c.kind}:${c.codes[0]}`;
    if (!c.subItem) headed.add(code);
    return !c.subItem || !headed.has(code);
  });
  const under = textUnder(lines, candidates);
  const readings: Reading[] = [];
  candidates.forEach((candidate, index) => {
    const nextLine = nextText(lines, candidate.line);
    for (const written of candidate.codes.slice(0, 1)) {
      for (const entry of catalog.resolve(candidate.kind, written)) {
        const rest = candidate.codes.slice(1).flatMap((w) => catalog.resolve(candidate.kind, w));
        const entries = [entry, ...rest.filter((r) => r.order > entry.order)];
        readings.push({
          candidate,
          entries,
          position: candidate.line,
          rank: index,
          order: entries[entries.length - 1]?.order ?? entry.order,
          weight: weigh(candidate, under[index] ?? 0, [entry], nextLine),
        });
      }
    }
  });
  const chosen = selectSequence(readings);
  const sections: DocumentSection[] = [];
  const starts = chosen.map((r) => (lines[r.candidate.line] as MarkdownLine).start);
  const lastStart = starts[starts.length - 1] ?? 0;
  let stop = markdown.length;
  const lastLine =
    options.stopAtSignature === false
      ? lines.length
      : (chosen[chosen.length - 1]?.candidate.line ?? lines.length);
  for (let i = lastLine + 1; i < lines.length; i++) {
    const line = lines[i] as MarkdownLine;
    if (line.headingLike && line.size < 40 && signature.test(lineText(line))) {
      stop = line.start;
      break;
    }
  }
  chosen.forEach((reading, i) => {
    const start = starts[i] ?? 0;
    let end = stop;
    for (let k = i + 1; k < chosen.length; k++) {
      const later = chosen[k] as Reading;
      if (reading.candidate.kind === 'item' || later.candidate.kind === 'part') {
        end = starts[k] ?? stop;
        break;
      }
    }
    if (end === stop && reading.candidate.kind === 'part') end = Math.max(stop, lastStart);
    const foundTitle =
      reading.candidate.title !== '' || reading.candidate.kind === 'part'
        ? reading.candidate.title
        : nextText(lines, reading.candidate.line).slice(0, 200);
    for (const entry of reading.entries) {
      sections.push({
        kind: entry.kind,
        code: entry.code,
        title: cleanTitle(foundTitle, entry.title),
        start,
        end: Math.max(start, end),
      });
    }
  });
  return sections;
}
