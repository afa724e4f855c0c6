/**
 * Schema version 4: `listFilings` orders by filing date, then acceptance time, then accession
 * (so "latest filings" feeds are right within a day); this index serves that order.
 * @module
 */

/** SQL of migration 4. */
export const acceptanceOrder = `
CREATE INDEX filings_date_acceptance ON filings (filing_date DESC, (coalesce(acceptance, '')) DESC, accession DESC);
`;
