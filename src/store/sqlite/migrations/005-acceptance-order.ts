/**
 * Schema version 5: `listFilings` orders by filing date, then acceptance time, then accession
 * (so "latest filings" feeds are right within a day); this index serves that order.
 * @module
 */

/** SQL of migration 5. */
export const migration005 = `
CREATE INDEX filings_date_acceptance ON filings (filing_date, coalesce(acceptance, ''), accession);
`;
