/**
 * The web UI: routes that serve the shell, the client modules and the stylesheet.
 * @module
 */
export { findAssetsDir } from './find-assets.ts';
export { type ShellOptions, toShellHtml } from './shell-html.ts';
export { STYLE_CSS } from './style-css.ts';
export { WEB_CSP } from './web-csp.ts';
export { type WebRoutesOptions, webRoutes } from './web-routes.ts';
