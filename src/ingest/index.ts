export * from './ingest-one.ts';
export * from './ingest-summary.ts';
export * from './process-stream.ts';
export * from './process-submission.ts';
export * from './read-sources.ts';
export * from './run-ingest.ts';
export * from './source-item.ts';
