/**
 * What sync fetches: one filing as an index lists it.
 * @module
 */

/** One filing to fetch, from an index row or a submissions JSON column. */
export interface SyncTarget {
  /** Dashed accession number. */
  accession: string;
  /** 10-digit CIK the listing names (the folder it lives under). */
  cik: string;
  form: string;
  /** ISO date. */
  filingDate: string;
  /** Company name as listed. */
  companyName?: string;
  /** Size of the complete submission in bytes, when the listing says (submissions JSON). */
  size?: number;
  /** URL path of the complete submission `.txt` (`/Archives/edgar/data/…`). */
  path: string;
}

/**
 * The URL path of a complete submission under a CIK's folder.
 * @example submissionPath('0001279704', '0001144204-17-013452') // '/Archives/edgar/data/1279704/000114420417013452/0001144204-17-013452.txt'
 */
export function submissionPath(cik: string, accession: string): string {
  const plain = cik.replace(/^0+(?=\d)/, '');
  return `/Archives/edgar/data/${plain}/${accession.replaceAll('-', '')}/${accession}.txt`;
}
