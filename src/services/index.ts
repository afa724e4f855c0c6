export * from './get-company.ts';
export * from './get-document.ts';
export * from './get-filing.ts';
export * from './get-raw-filing.ts';
export * from './get-sections.ts';
export * from './list-companies.ts';
export * from './list-filings.ts';
export * from './search-filings.ts';
