/**
 * Keyboard use: `/` focuses the search box, `j`/`k` (or the arrow keys once in a list) move
 * through results and timeline entries, Enter opens the focused one (it is a link), Escape
 * leaves the search box.
 * @module
 */

function typing(el: Element | null): boolean {
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

function move(step: 1 | -1): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('#app a[data-hit]')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    links[at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(Math.max(at + step, 0), links.length - 1)];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
}

/**
 * Install the shortcuts.
 * @example installKeyboard(document.getElementById('q') as HTMLInputElement)
 */
export function installKeyboard(search: HTMLInputElement): void {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const active = document.activeElement;
    if (e.key === 'Escape' && active === search) {
      search.blur();
      return;
    }
    if (typing(active)) return;
    const inList = active instanceof HTMLAnchorElement && active.hasAttribute('data-hit');
    if (e.key === '/') {
      e.preventDefault();
      search.focus();
      search.select();
    } else if (e.key === 'j' || (inList && e.key === 'ArrowDown')) {
      e.preventDefault();
      move(1);
    } else if (e.key === 'k' || (inList && e.key === 'ArrowUp')) {
      e.preventDefault();
      move(-1);
    }
  });
}
