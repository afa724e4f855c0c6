/**
 * MIME type of a submission document, from its file name (or uuencode `begin` name) and content.
 * @module
 */

/** A Map, not an object literal: file names are untrusted (`x.constructor`, `x.__proto__`). */
const byExtension: ReadonlyMap<string, string> = new Map([
  ['htm', 'text/html'],
  ['html', 'text/html'],
  ['txt', 'text/plain'],
  ['fil', 'text/plain'],
  ['xml', 'application/xml'],
  ['xsd', 'application/xml'],
  ['xbrl', 'application/xml'],
  ['pdf', 'application/pdf'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['gif', 'image/gif'],
  ['png', 'image/png'],
  ['zip', 'application/zip'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['json', 'application/json'],
  ['css', 'text/css'],
  ['js', 'application/javascript'],
]);

function extensionType(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  // Names are mostly lower case already: look up as written first (the keys are all lower case,
  // so a hit is the same answer), lower-casing only on a miss.
  const ext = name.slice(dot + 1);
  return byExtension.get(ext) ?? byExtension.get(ext.toLowerCase());
}

/**
 * Decide a document's MIME type.
 * @param filename `<FILENAME>` (undefined when synthesised)
 * @param uuencodeName the name on the `begin` line, for uuencoded bodies
 * @param head the first bytes of the body (decoded, for uuencoded bodies) as latin1, or a function
 *   computing them (called only when the name does not decide)
 * @example toContentType('form4.xml', undefined, '<?xml') // 'application/xml'
 */
export function toContentType(
  filename: string | undefined,
  uuencodeName: string | undefined,
  head: string | (() => string),
): string {
  const fromName = extensionType(filename) ?? extensionType(uuencodeName);
  if (fromName) return fromName;
  return sniffContentType(uuencodeName, typeof head === 'string' ? head : head());
}

function sniffContentType(uuencodeName: string | undefined, head: string): string {
  if (head.startsWith('%PDF')) return 'application/pdf';
  if (head.startsWith('\xff\xd8\xff')) return 'image/jpeg';
  if (head.startsWith('GIF8')) return 'image/gif';
  if (head.startsWith('\x89PNG')) return 'image/png';
  if (head.startsWith('PK\x03\x04')) return 'application/zip';
  if (uuencodeName !== undefined) return 'application/octet-stream';
  const t = head.trimStart().slice(0, 200).toLowerCase();
  if (t.startsWith('<?xml')) return /<html/.test(t) ? 'text/html' : 'application/xml';
  if (
    t.startsWith('<!doctype html') ||
    t.startsWith('<html') ||
    t.startsWith('<head') ||
    t.startsWith('<body')
  ) {
    return 'text/html';
  }
  return 'text/plain';
}
