/**
 * Zod schemas shared by several tools, with descriptions written for an agent.
 * @module
 */
import { z } from 'zod';

/** An accession number, dashed or 18 digits. */
export const accessionSchema = z
  .string()
  .min(1)
  .max(40)
  .describe('Accession number of the filing, like 0001144204-17-013452 (dashes optional).');

/** A CIK as digits (leading zeros optional, `CIK` prefix allowed). */
export const cikSchema = z
  .string()
  .min(1)
  .max(20)
  .describe('Central Index Key of the company, 1 to 10 digits (e.g. 1279704 or 0001279704).');

/** An ISO date. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date like 2017-03-08')
  .describe('A date like 2017-03-08 (inclusive).');

/** An opaque continuation cursor. */
export const cursorSchema = z
  .string()
  .min(1)
  .max(2000)
  .describe('The nextCursor of a previous call, to get the next page (keep the other arguments the same).');

/** A page size in `[1, max]` with a default. */
export function limitSchema(max: number, fallback: number, what: string): z.ZodDefault<z.ZodNumber> {
  return z
    .number()
    .int()
    .min(1)
    .max(max, `limit is capped at ${max} ${what} per call; page with nextCursor instead`)
    .default(fallback)
    .describe(`How many ${what} to return (1 to ${max}, default ${fallback}).`);
}

/** Form types, one or several. */
export const formsSchema = z
  .array(z.string().min(1).max(20))
  .max(20)
  .describe('Form types to keep, exact (e.g. ["8-K"], ["10-K", "10-K/A"]).');
