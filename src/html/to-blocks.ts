/**
 * Any document → blocks, the one parse that both renderers share.
 * @module
 */
import type { DocumentInput } from '../core/document-input.ts';
import { toPrettyXml } from '../xml/to-pretty-xml.ts';
import type { Block } from './block.ts';
import { decodeChunks, decodeText } from './decode-text.ts';
import { getDocumentKind } from './document-kind.ts';
import { escapeMarkdown } from './inline-buffer.ts';
import { parseHtml } from './parse-html.ts';
import { parsePlainText } from './parse-plain-text.ts';

/** Options for `toBlocks`. */
export interface ToBlocksOptions {
  /** False when only `renderText` will read the blocks: HTML blocks then carry their text as `md`. */
  markdown?: boolean;
}

const LABELS = { image: 'image', pdf: 'PDF document', binary: 'binary document' } as const;

/**
 * Parse a document of any kind into blocks (HTML, legacy plain text, XML as one
 * preformatted block, binaries as one reference line).
 * @example toBlocks({ bytes, type: 'GRAPHIC', filename: 'logo.jpg', contentType: 'image/jpeg' })
 * // [{ kind: 'paragraph', text: '[image: logo.jpg]', ... }]
 */
export function toBlocks(input: DocumentInput, options: ToBlocksOptions = {}): Block[] {
  const kind = getDocumentKind(input);
  switch (kind) {
    case 'html':
      return parseHtml(decodeChunks(input.bytes), options.markdown === false ? { markdown: false } : {});
    case 'text':
      return parsePlainText(decodeText(input.bytes));
    case 'xml': {
      const text = toPrettyXml(decodeText(input.bytes));
      return text.length > 0 ? [{ kind: 'pre', text, lang: 'xml' }] : [];
    }
    default: {
      const name = input.filename || input.description || input.type || 'unnamed';
      const text = `[${LABELS[kind]}: ${name}]`;
      return [{ kind: 'paragraph', text, md: `[${LABELS[kind]}: ${escapeMarkdown(name)}]` }];
    }
  }
}
