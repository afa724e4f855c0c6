/**
 * Size limits of the MCP tools: no single call may flood an agent's context window.
 * @module
 */

/** Limits shared by the tools (characters are UTF-16 code units, as offsets are). */
export const limits = {
  /** Default characters returned by one `read_document` call. */
  defaultChars: 8000,
  /** Most characters one `read_document` call returns. */
  maxChars: 20000,
  /** Default and maximum hits of one `search_filings` call. */
  defaultHits: 10,
  maxHits: 50,
  /** Default and maximum filings of one `list_company_filings` call. */
  defaultFilings: 20,
  maxFilings: 100,
  /** Default and maximum companies of one `resolve_company` call. */
  defaultCompanies: 10,
  maxCompanies: 50,
  /** Most documents listed by `get_filing` (a filing can have hundreds of XBRL R files). */
  maxDocuments: 100,
  /** Most parties listed by `get_filing` (some filings name hundreds of co-applicants). */
  maxParties: 25,
  /** Most characters of a document resource read (resources are not paged). */
  maxResourceChars: 50000,
  /** Most characters of a search snippet. */
  maxSnippetChars: 400,
  /** Most array elements and object members in one tool call's arguments. */
  maxInputElements: 200,
} as const;
