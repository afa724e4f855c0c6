/**
 * The inputs of the SEC-format generators: plain rows that any store can fill in.
 * Field names follow `src/core/submission.ts` wherever the same fact exists there.
 * @module
 */
import type { Address } from '../../core/submission.ts';

/** A company or person as SEC's submissions JSON and Atom `company-info` describe it. */
export interface SecEntity {
  /** 10-digit CIK. */
  cik: string;
  name: string;
  /** `operating`, `other`, ... ('' when unknown). */
  entityType?: string;
  sic?: string;
  sicDescription?: string;
  /** SEC review office (`ORGANIZATION NAME:`), SEC's `ownerOrg`. */
  organizationName?: string;
  irsNumber?: string;
  stateOfIncorporation?: string;
  /** MMDD. */
  fiscalYearEnd?: string;
  tickers?: string[];
  exchanges?: string[];
  businessAddress?: Address;
  mailAddress?: Address;
  /** Earlier names, newest first; `to` is the date the name was given up (ISO). */
  formerNames: Array<{ name: string; from?: string; to?: string }>;
}

/** One filing as listed under one entity (index files, feeds, submissions JSON). */
export interface SecFilingRow {
  accessionNumber: string;
  /** 10-digit CIK of the entity the row is listed under. */
  cik: string;
  /** That entity's conformed name. */
  companyName: string;
  /** Role of that entity in the filing (`filer`, `issuer`, `reporting-owner`, ...). */
  role?: string;
  form: string;
  /** ISO date. */
  filingDate: string;
  /** ISO date. */
  reportDate?: string;
  /** ISO date-time with the Eastern offset (`2017-03-08T16:02:21-05:00`). */
  acceptanceDateTime?: string;
  /** `33`, `34`, `40`, ... */
  act?: string;
  fileNumber?: string;
  filmNumber?: string;
  /** Item codes (`2.02`). */
  items: string[];
  /** Bytes of the complete submission. */
  size: number;
  isXBRL?: boolean;
  isInlineXBRL?: boolean;
  primaryDocument?: string;
  primaryDocDescription?: string;
}

/** One document of a filing folder. */
export interface SecDocumentRow {
  sequence: number;
  filename: string;
  type: string;
  description?: string;
  /** Bytes of the decoded document. */
  size: number;
}
