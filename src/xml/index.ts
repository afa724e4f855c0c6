/**
 * XML helpers: pretty printing for XML documents shown as text or Markdown.
 * @module
 */
export { toPrettyXml } from './to-pretty-xml.ts';
