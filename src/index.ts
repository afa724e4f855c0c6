/**
 * edgarbox as a library.
 * @example import { parseSubmission } from 'edgarbox';
 * @module
 */
export * from './core/index.ts';
export * from './core/items.ts';
export * from './forms/index.ts';
export * from './mcp/index.ts';
export * from './sgml/index.ts';
