/**
 * Citation URLs: where an agent's reader can open what a tool quoted, on this edgarbox server.
 * Archive URLs follow SEC's own layout; API URLs are edgarbox's `/api/`.
 * @module
 */
import { accessionNoDashes, cikUnpadded } from '../core/ids.ts';

/**
 * URL of one document of a filing, as SEC lays out its archive.
 * @example documentUrl('http://127.0.0.1:8080', '0001279704', '0001144204-17-013452', 'v461433_8k.htm')
 * // 'http://127.0.0.1:8080/Archives/edgar/data/1279704/000114420417013452/v461433_8k.htm'
 */
export function documentUrl(baseUrl: string, cik: string, accession: string, filename: string): string {
  return `${folderUrl(baseUrl, cik, accession)}/${encodeURIComponent(filename)}`;
}

/** URL of a filing's folder in the archive (`…/data/{cik}/{acc-no-dashes}`). */
export function folderUrl(baseUrl: string, cik: string, accession: string): string {
  return `${baseUrl}/Archives/edgar/data/${cikUnpadded(cik)}/${accessionNoDashes(accession)}`;
}

/** URL of a filing's complete submission text (`…/{acc-no-dashes}/{accession}.txt`). */
export function submissionUrl(baseUrl: string, cik: string, accession: string): string {
  return `${folderUrl(baseUrl, cik, accession)}/${accession}.txt`;
}

/** URL of a filing's index page (`…/{acc-no-dashes}/{accession}-index.htm`). */
export function indexPageUrl(baseUrl: string, cik: string, accession: string): string {
  return `${folderUrl(baseUrl, cik, accession)}/${accession}-index.htm`;
}

/** URL of a filing in edgarbox's JSON API (`/api/filings/{accession}`). */
export function apiFilingUrl(baseUrl: string, accession: string): string {
  return `${baseUrl}/api/filings/${accession}`;
}

/**
 * URL of a document's stored Markdown or text in edgarbox's API: the exact text that section
 * and `read_document` offsets index.
 * @example apiDocumentUrl(base, '0001144204-17-013452', 1, 'markdown') // '…/api/filings/0001144204-17-013452/documents/1/markdown'
 */
export function apiDocumentUrl(
  baseUrl: string,
  accession: string,
  sequence: number,
  format: 'markdown' | 'text',
): string {
  return `${apiFilingUrl(baseUrl, accession)}/documents/${sequence}/${format}`;
}
