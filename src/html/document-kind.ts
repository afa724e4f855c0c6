/**
 * Which converter a document needs, from its content type, file name and first bytes.
 * @module
 */
import type { DocumentInput } from '../core/document-input.ts';

/** The conversion a document gets. */
export type DocumentKind = 'html' | 'text' | 'xml' | 'image' | 'pdf' | 'binary';

const HTML_SNIFF = /<(?:!doctype\s+html|html|body|head|div|font|p|br|span)[\s>/]/i;
const XML_NAME = /\.(?:xml|xsd|xsl|xslt|rdf)$/i;
const HTML_NAME = /\.html?$/i;
const TEXT_NAME = /\.(?:txt|text|asc|fil|paper)$/i;
const IMAGE_NAME = /\.(?:jpe?g|gif|png|bmp|tiff?|svg|webp)$/i;

/**
 * Classify a document for conversion.
 * @example getDocumentKind({ bytes, type: 'EX-99.1', filename: 'ex99.htm', contentType: 'text/html' }) // 'html'
 */
export function getDocumentKind(input: DocumentInput): DocumentKind {
  const type = input.contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  const name = input.filename;
  if (type === 'application/pdf' || /\.pdf$/i.test(name)) return 'pdf';
  if (type.startsWith('image/') || IMAGE_NAME.test(name)) return 'image';
  if (type === 'text/html' || type === 'application/xhtml+xml' || HTML_NAME.test(name)) return 'html';
  if (type.endsWith('/xml') || type.endsWith('+xml') || XML_NAME.test(name)) return 'xml';
  if (type.startsWith('text/') || type === 'application/json' || TEXT_NAME.test(name) || type === '') {
    const head = Buffer.from(
      input.bytes.buffer,
      input.bytes.byteOffset,
      Math.min(input.bytes.length, 4096),
    ).toString('latin1');
    if (HTML_SNIFF.test(head)) return 'html';
    if (/^\s*<\?xml/.test(head)) return 'xml';
    return 'text';
  }
  return 'binary';
}
