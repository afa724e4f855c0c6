/**
 * Turning tool outcomes into MCP `CallToolResult`s: compact JSON for data, `isError` results
 * with the error's stable code for failures.
 * @module
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isEdgarError } from '../core/errors.ts';

/** A successful result: `data` as one compact JSON text block (plus extra text blocks, e.g. Markdown). */
export function toToolResult(data: unknown, ...texts: string[]): CallToolResult {
  return {
    content: [
      { type: 'text', text: JSON.stringify(data) },
      ...texts.map((text) => ({ type: 'text' as const, text })),
    ],
  };
}

/** A tool error an agent can act on: `isError: true` and a message that says what to do. */
export function toToolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/**
 * Run a tool body and turn what it throws into a tool error: an `EdgarError` keeps its code
 * (`invalid-cik: Expected CIK of 1 to 10 digits, got "abc"`); anything else is reported plainly.
 */
export async function runTool(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (e) {
    if (isEdgarError(e)) return toToolError(`${e.code}: ${e.message}`);
    return toToolError(`internal-error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
