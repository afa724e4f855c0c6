/**
 * Document → text and Markdown from one parse (what ingest needs for every document).
 * @module
 */
import type { DocumentInput } from '../core/document-input.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderText } from './render-text.ts';
import { toBlocks } from './to-blocks.ts';

/** Both renderings of one document. */
export interface TextAndMarkdown {
  text: string;
  markdown: string;
}

/**
 * Parse once, render twice: the same result as `toText` and `toMarkdown`, at the cost of one parse.
 * @example const { text, markdown } = toTextAndMarkdown(input)
 */
export function toTextAndMarkdown(input: DocumentInput): TextAndMarkdown {
  const blocks = toBlocks(input);
  return { text: renderText(blocks), markdown: renderMarkdown(blocks) };
}
