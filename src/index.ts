/**
 * edgarbox as a library.
 * @example import { parseSubmission } from 'edgarbox';
 * @module
 */
export * from './core/index.ts';
