/**
 * The filing folder's `index.json` (`/Archives/edgar/data/{cik}/{acc-no-dashes}/index.json`).
 * @module
 */
import type { SecDocumentRow } from './types.ts';

/** One listed item, exactly SEC's keys. */
export interface SecDirectoryItem {
  'last-modified': string;
  name: string;
  type: string;
  size: string;
}

/** The whole `index.json`. */
export interface SecDirectoryJson {
  directory: { item: SecDirectoryItem[]; name: string; 'parent-dir': string };
}

/** What the folder listing needs. */
export interface DirectoryJsonInput {
  /** 10-digit or unpadded CIK of the folder. */
  cik: string;
  accessionNumber: string;
  /** `YYYY-MM-DD HH:MM:SS` (acceptance time). */
  lastModified: string;
  documents: readonly SecDocumentRow[];
}

const IMAGE = /\.(jpe?g|gif|png|bmp|tiff?)$/i;
const COMPRESSED = /\.(zip|gz|tgz|tar)$/i;

/**
 * Build `index.json` for a filing folder: the generated index pages and `.txt` first (size ''), then documents.
 * @example toDirectoryJson({ cik: '1279704', accessionNumber, lastModified: '2017-03-08 16:02:21', documents })
 */
export function toDirectoryJson(input: DirectoryJsonInput): SecDirectoryJson {
  const cik = input.cik.replace(/^0+/, '');
  const acc = input.accessionNumber;
  const lm = input.lastModified;
  const item: SecDirectoryItem[] = [
    { 'last-modified': lm, name: `${acc}-index-headers.html`, type: 'text.gif', size: '' },
    { 'last-modified': lm, name: `${acc}-index.html`, type: 'text.gif', size: '' },
    { 'last-modified': lm, name: `${acc}.txt`, type: 'text.gif', size: '' },
  ];
  for (const d of input.documents) {
    const type = IMAGE.test(d.filename)
      ? 'image2.gif'
      : COMPRESSED.test(d.filename)
        ? 'compressed.gif'
        : 'text.gif';
    item.push({ 'last-modified': lm, name: d.filename, type, size: String(d.size) });
  }
  const parent = `/Archives/edgar/data/${cik}`;
  return { directory: { item, name: `${parent}/${acc.replaceAll('-', '')}`, 'parent-dir': parent } };
}
