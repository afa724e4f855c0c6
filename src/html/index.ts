/**
 * Filing documents → clean text and Markdown.
 * @module
 */
export type {
  Block,
  BlockCell,
  HeadingBlock,
  ListItemBlock,
  ParagraphBlock,
  PreBlock,
  TableBlock,
} from './block.ts';
export { decodeText, detectEncoding } from './decode-text.ts';
export { type DocumentKind, getDocumentKind } from './document-kind.ts';
export { defaultHandlers, type ElementHandler, skippedElements } from './element-handlers.ts';
export { type ParseHtmlOptions, parseHtml } from './parse-html.ts';
export { parsePlainText } from './parse-plain-text.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderText } from './render-text.ts';
export { toBlocks } from './to-blocks.ts';
export { toMarkdown } from './to-markdown.ts';
export { toText } from './to-text.ts';
export { type TextAndMarkdown, toTextAndMarkdown } from './to-text-and-markdown.ts';
