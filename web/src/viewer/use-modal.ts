import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Makes the dialog modal for keyboards and screen readers: everything else in <body> becomes
 * `inert` (the dialog is portalled into <body>, so the page is a sibling), Tab wraps inside, and
 * the dialog takes focus. Returns `release`, to call before handing focus back to the page: the
 * page may focus its opener as soon as `onClose` runs, before this component unmounts.
 */
export function useModal(dialog: RefObject<HTMLElement | null>): () => void {
  const madeInert = useRef<HTMLElement[]>([]);

  const release = useCallback(() => {
    for (const element of madeInert.current) element.inert = false;
    madeInert.current = [];
  }, []);

  // A layout effect, so the page is no longer inert by the time the page's own effects run.
  useLayoutEffect(() => {
    const root = dialog.current;
    if (!root) return;
    for (const element of Array.from(document.body.children)) {
      if (element === root || !(element instanceof HTMLElement) || element.inert) continue;
      element.inert = true;
      madeInert.current.push(element);
    }
    root.focus();
    const wrapTab = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const focusable = Array.from(
        root.querySelectorAll<HTMLElement>(
          'button:not([disabled]), a[href], video[controls], [tabindex]:not([tabindex="-1"])',
        ),
      ).filter((el) => el.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === root || !root.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', wrapTab);
    return () => {
      document.removeEventListener('keydown', wrapTab);
      release();
    };
  }, [dialog, release]);

  return release;
}
