/**
 * What every page shares: the `<main>` it renders into, the page title, the busy indicator and
 * the error panel.
 * @module
 */
import { ApiError } from './api.ts';
import { type Child, h, replaceChildren } from './dom.ts';

/** The element pages render into. */
export function appRoot(): HTMLElement {
  return document.getElementById('app') as HTMLElement;
}

/** Show `children` as the page (swapped at once, so nothing shifts while loading). */
export function showPage(title: string, ...children: Child[]): void {
  document.title = title ? `${title} · edgarbox` : 'edgarbox';
  replaceChildren(appRoot(), ...children);
}

/** Mark the page busy (a thin bar at the top) while `work` runs. */
export async function busy<T>(work: Promise<T>): Promise<T> {
  document.body.classList.add('busy');
  try {
    return await work;
  } finally {
    document.body.classList.remove('busy');
  }
}

/** An error panel for a failed API call. */
export function errorPanel(e: unknown): HTMLElement {
  const message = e instanceof Error ? e.message : String(e);
  const code = e instanceof ApiError ? e.code : 'error';
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', null, code === 'not-found' ? 'Not found' : 'Something went wrong'),
    h('p', null, message),
  );
}

/** A `<dl>` of facts, leaving out the empty ones. */
export function facts(rows: Array<[string, Child]>): HTMLElement {
  const dl = h('dl', { class: 'facts' });
  for (const [k, v] of rows) {
    if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0))
      continue;
    dl.append(h('dt', null, k), h('dd', null, v));
  }
  return dl;
}
