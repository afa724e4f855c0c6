/**
 * Resolve the section an agent named (`7.01`, `Item 7.01`, `item 1a`, `II-1A`) among the
 * sections stored for a filing.
 * @module
 */
import { createError } from '../core/errors.ts';
import type { SectionRecord } from '../store/store.ts';

/**
 * Normalise a section name to a stored code: drops a leading `Item`, trims, upper-cases.
 * @example toSectionCode('Item 7.01') // '7.01'
 * @example toSectionCode('item 1a.') // '1A'
 */
export function toSectionCode(name: string): string {
  return name
    .trim()
    .replace(/^item\s*/i, '')
    .replace(/[.:]+$/, '')
    .toUpperCase();
}

/**
 * The section named `name` among `sections`, preferring one in document `preferSequence`.
 * @throws EdgarError `not-found` listing the codes that exist.
 */
export function findSection(
  sections: SectionRecord[],
  name: string,
  accession: string,
  preferSequence?: number,
): SectionRecord {
  const code = toSectionCode(name);
  const matches = sections.filter((s) => s.code.toUpperCase() === code);
  const found = matches.find((s) => s.sequence === preferSequence) ?? matches[0];
  if (!found) {
    const codes = [...new Set(sections.map((s) => s.code))].join(', ');
    throw createError(
      'not-found',
      `section ${JSON.stringify(name)} in filing ${accession}; ${codes ? `located sections: ${codes}` : 'no sections are located in it (read the whole document instead)'}`,
    );
  }
  return found;
}
