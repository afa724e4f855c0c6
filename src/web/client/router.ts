/**
 * Client-side navigation: links to the UI's own paths change the page without a reload
 * (`history.pushState`), back/forward re-render, and each render can be cancelled when the user
 * moves on before it finished.
 * @module
 */

/** Renders the page for the current location; `signal` aborts when a newer navigation starts. */
export type Render = (url: URL, signal: AbortSignal) => Promise<void>;

const APP_PATH = /^\/(filing\/[^/]+|company\/[^/]+)?$/;

/** True when `url` is one of the UI's pages (so it can be shown without a reload). */
export function isAppUrl(url: URL): boolean {
  return url.origin === location.origin && APP_PATH.test(url.pathname);
}

/** The router: call `start()` once; `navigate()` to move. */
export interface Router {
  start(): void;
  /** Go to `href` (pushing a history entry unless `replace`), then render. */
  navigate(href: string, options?: { replace?: boolean }): void;
}

/**
 * Create the router over a render function.
 * @example createRouter(render).start()
 */
export function createRouter(render: Render): Router {
  let current: AbortController | undefined;
  const run = (): void => {
    current?.abort();
    const ctrl = new AbortController();
    current = ctrl;
    render(new URL(location.href), ctrl.signal).catch((e: unknown) => {
      if (!ctrl.signal.aborted) console.error(e);
    });
  };
  const navigate = (href: string, options: { replace?: boolean } = {}): void => {
    const url = new URL(href, location.href);
    if (!isAppUrl(url)) {
      location.assign(url.href);
      return;
    }
    if (options.replace) history.replaceState(null, '', url.href);
    else if (url.href !== location.href) history.pushState(null, '', url.href);
    run();
  };
  return {
    navigate,
    start() {
      document.addEventListener('click', (e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        const a = (e.target as Element | null)?.closest?.('a');
        if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
        const url = new URL(a.href, location.href);
        if (!isAppUrl(url)) return;
        if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
        e.preventDefault();
        navigate(url.href);
      });
      window.addEventListener('popstate', run);
      run();
    },
  };
}
