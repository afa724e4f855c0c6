/**
 * The typed view of one EDGAR submission, as the SGML parser produces it and every other layer
 * consumes it. Field names follow SEC's `submissions` JSON wherever it has the same field.
 * Dates are ISO (`2017-03-08`); CIKs are 10 digits. Optional fields are absent, never `undefined`.
 * @module
 */
import type { ParseWarning } from './warnings.ts';

/** Which rendering of the submission format the bytes were in. */
export type Dialect =
  /** `<SEC-DOCUMENT>` complete submission `.txt` with indented `KEY:<TAB>value` header. */
  | 'sec-document'
  /** `<IMS-DOCUMENT>` (1993-1996), otherwise like `sec-document`. */
  | 'ims-document'
  /** Feed `.nc` file: `<SUBMISSION>` with a tagged header. */
  | 'submission'
  /** A header with no documents (`<SEC-HEADER>` or tagged header fragments). */
  | 'header-only'
  /** Bare `<DOCUMENT>` blocks with no header. */
  | 'bare-documents'
  /** Nothing recognisable. */
  | 'unknown';

/**
 * One node of the lossless raw header tree. Indented keys and tags both map here; `key` is the
 * key as written, without the colon or angle brackets (`COMPANY CONFORMED NAME`, `CONFORMED-NAME`).
 * A leaf has `value` (possibly ''); a block has `children`.
 */
export interface HeaderNode {
  key: string;
  value?: string;
  children?: HeaderNode[];
  /** Byte offset of the line in the input. */
  offset: number;
}

/** A postal address from BUSINESS ADDRESS / MAIL ADDRESS. */
export interface Address {
  street1?: string;
  street2?: string;
  city?: string;
  /** `STATE:`, which SEC's JSON calls `stateOrCountry`. */
  stateOrCountry?: string;
  zipCode?: string;
  /** BUSINESS PHONE (business address only). */
  phone?: string;
}

/** One FORMER COMPANY / FORMER NAME entry. */
export interface FormerName {
  name: string;
  /** DATE OF NAME CHANGE, ISO. */
  date?: string;
}

/** The role a party plays in a submission, from its header block name. */
export type PartyRole =
  | 'filer'
  | 'subject-company'
  | 'filed-by'
  | 'reporting-owner'
  | 'issuer'
  | 'serial-company'
  | 'depositor'
  | 'securitizer'
  | 'filed-for'
  | 'issuing-entity'
  | 'underwriter'
  | (string & {});

/** FILING VALUES of one party. */
export interface FilingValues {
  formType?: string;
  /** `34` / `33` / `40` as SEC's JSON writes it (`1934 Act` → `34`). */
  act?: string;
  fileNumber?: string;
  filmNumber?: string;
}

/** One entity block (FILER, SUBJECT COMPANY, REPORTING-OWNER, ...). */
export interface Party {
  role: PartyRole;
  /** 10-digit CIK; '' when the block had none (a warning is raised). */
  cik: string;
  name: string;
  /** `company` for COMPANY DATA, `owner` for OWNER DATA. */
  kind: 'company' | 'owner';
  sic?: string;
  sicDescription?: string;
  organizationName?: string;
  irsNumber?: string;
  stateOfIncorporation?: string;
  /** MMDD. */
  fiscalYearEnd?: string;
  /** One per FILING VALUES block (usually exactly one). */
  filingValues: FilingValues[];
  businessAddress?: Address;
  mailAddress?: Address;
  formerNames: FormerName[];
  /** `<RELATIONSHIP>` (1990s ownership filings). */
  relationship?: string;
}

/** A fund class or contract. */
export interface FundClass {
  classContractId: string;
  name?: string;
  ticker?: string;
}

/** A fund series with its classes. */
export interface FundSeries {
  ownerCik?: string;
  seriesId: string;
  name?: string;
  classes: FundClass[];
  /** `existing`, `new`, or `merger` (acquiring/target) as the block said. */
  status: 'existing' | 'new' | 'merger-acquiring' | 'merger-target' | (string & {});
}

/** How a document's body is stored inside `<TEXT>`. */
export type DocumentWrapper = 'XBRL' | 'XML' | 'PDF';

/** One `<DOCUMENT>` of a submission, located by byte offsets into the submission bytes. */
export interface SubmissionDocument {
  /** `<TYPE>`: form type for the primary document, exhibit code (`EX-99.1`), `GRAPHIC`, ... */
  type: string;
  /** `<SEQUENCE>` as a number; documents without one get their 1-based position. */
  sequence: number;
  /** `<FILENAME>`; synthesised as `{sequence}.txt` (and flagged) when absent. */
  filename: string;
  /** True when `filename` was synthesised because the document had none. */
  filenameSynthesised?: boolean;
  description?: string;
  /** Byte offset of the body in the submission (after `<TEXT>` and any wrapper). */
  offset: number;
  /** Body length in bytes (up to the wrapper's close or `</TEXT>`). */
  length: number;
  /** The one wrapper stripped from the body, if any. */
  wrapper?: DocumentWrapper;
  /** `uuencode` for `begin NNN name` bodies (decode with `decodeDocument`), else `text`. */
  encoding: 'text' | 'uuencode';
  /** File name from the uuencode `begin` line. */
  uuencodeName?: string;
  /** MIME type from the file name and content (`text/html`, `application/pdf`, `image/jpeg`, ...). */
  contentType: string;
  /** Byte offset of the `<DOCUMENT>` tag (for exact re-serialisation). */
  blockOffset: number;
  /** Byte length from `<DOCUMENT>` to the end of `</DOCUMENT>` and its line break. */
  blockLength: number;
}

/** The submission-level header fields, typed and normalised. */
export interface SubmissionHeader {
  accessionNumber: string;
  /** CONFORMED SUBMISSION TYPE / `<TYPE>`. */
  form: string;
  /** PUBLIC DOCUMENT COUNT as declared. */
  publicDocumentCount?: number;
  /** CONFORMED PERIOD OF REPORT, ISO. */
  reportDate?: string;
  /** FILED AS OF DATE, ISO. */
  filingDate?: string;
  /** DATE AS OF CHANGE, ISO. */
  dateOfChange?: string;
  effectivenessDate?: string;
  /** ISO with the US Eastern offset of that date: `2017-03-08T16:02:21-05:00`. */
  acceptanceDateTime?: string;
  /** Item codes (`7.01`), mapped from titles in the indented form. */
  items: string[];
  /** ITEM INFORMATION titles as written (indented form); empty for the tagged form. */
  itemTitles: string[];
  groupMembers: string[];
  /** Submission-level SEC ACT / FILE NUMBER / FILM NUMBER taken from the first party that has them. */
  act?: string;
  fileNumber?: string;
  filmNumber?: string;
  parties: Party[];
  series: FundSeries[];
  /** Lossless raw header tree: every line, in order. */
  raw: HeaderNode[];
}

/** A parsed submission. Bodies are not copied: use offsets against the original bytes. */
export interface Submission extends SubmissionHeader {
  dialect: Dialect;
  /** True when the file was wrapped in a PEM envelope. */
  pem: boolean;
  /** Total bytes of the submission as given. */
  size: number;
  documents: SubmissionDocument[];
  /** Index into `documents` of the primary document, or -1 when there are none. */
  primaryDocument: number;
  warnings: ParseWarning[];
}
