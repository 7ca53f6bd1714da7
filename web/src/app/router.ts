import { useSyncExternalStore } from 'react';

/**
 * A small router on the History API: the app has a handful of pages, so a library would add
 * weight without adding much. `navigate` pushes a path; `useLocation` re-renders on change.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentPath()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

const currentPath = () => location.pathname + location.search;

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const path = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentPath);
  const url = new URL(path, location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** A link that navigates in the app (a plain click) or as the browser would (modifier keys). */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href')!);
}
