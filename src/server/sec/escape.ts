/**
 * Escaping for generated XML and HTML.
 * @module
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for XML/HTML element content and attribute values.
 * @example escapeXml('A & B <C>') // 'A &amp; B &lt;C&gt;'
 */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
