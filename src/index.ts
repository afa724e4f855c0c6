/**
 * edgarbox as a library.
 * @example import { parseSubmission } from 'edgarbox';
 * @example import { createSqliteStore, searchFilings } from 'edgarbox';
 * @module
 */
export * from './core/index.ts';
export * from './core/items.ts';
export * from './forms/index.ts';
export * from './html/index.ts';
export {
  type IngestFailure,
  type IngestOneOptions,
  type IngestOneResult,
  type IngestProgress,
  type IngestReplacement,
  type IngestSummary,
  ingestOne,
  type RunIngestOptions,
  runIngest,
} from './ingest/index.ts';
export * from './mcp/index.ts';
export * from './search/index.ts';
export * from './server/index.ts';
export * from './services/index.ts';
export * from './sgml/index.ts';
export * from './store/index.ts';
export { createSqliteStore, type SqliteStoreOptions } from './store/sqlite/store.ts';
export {
  type AuditReport,
  auditStore,
  createClient,
  openSyncState,
  parseMasterIndex,
  parseSelection,
  type RunSyncOptions,
  resolveSource,
  runSync,
  type Selection,
  type SyncClient,
  type SyncSummary,
  shouldRetry,
} from './sync/index.ts';
export { WEB_CSP, type WebRoutesOptions, webRoutes } from './web/index.ts';
export * from './xml/index.ts';
