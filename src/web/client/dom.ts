/// <reference lib="dom" />
/**
 * A tiny element builder: every string becomes a text node, so nothing from a filing or the API
 * is ever parsed as HTML. The UI never uses `innerHTML`.
 * @module
 */

/** What `h` accepts as a child: nodes, text (escaped by construction), or nothing. */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes: strings set as attributes, `on*` functions as listeners, booleans toggle. */
export type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (typeof child === 'string' || typeof child === 'number')
    parent.appendChild(document.createTextNode(String(child)));
  else parent.appendChild(child);
}

/**
 * Build an element.
 * @example h('a', { href: '/company/1279704' }, 'Cellectar')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** A fragment of children. */
export function fragment(...children: Child[]): DocumentFragment {
  const f = document.createDocumentFragment();
  append(f, children);
  return f;
}

/** Replace all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(fragment(...children));
}
