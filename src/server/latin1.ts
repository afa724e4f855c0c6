/**
 * ISO-8859-1 bodies for the feeds that declare that encoding.
 * @module
 */

/**
 * Encode as ISO-8859-1; characters outside it become numeric character references (XML-safe).
 * @example toLatin1('Zoë ✓') // bytes of 'Zoë &#10003;'
 */
export function toLatin1(s: string): Uint8Array {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
  const safe = s.replace(/[^\u0000-\u00ff]/gu, (ch) => `&#${ch.codePointAt(0)};`);
  return new Uint8Array(Buffer.from(safe, 'latin1'));
}
