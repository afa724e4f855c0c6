/**
 * The Content-Security-Policy of edgarbox's own pages: scripts and styles only from our origin
 * (no inline script, no `unsafe-inline`, no `eval`), nothing loaded from elsewhere, and filing
 * documents only inside frames (which the server answers with `Content-Security-Policy: sandbox`).
 * @module
 */

/** The policy sent with the UI's HTML, scripts and styles. */
export const WEB_CSP: string = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
