import { useEffect } from 'react';

interface ViewerShortcuts {
  close(): void;
  step(direction: 1 | -1): Promise<void>;
  toggleFavorite(): Promise<void>;
  moveToTrash(): Promise<void>;
  toggleInfo(): void;
  /** Someone else's asset: the shortcuts that change it are off. */
  mine: boolean;
}

/**
 * The viewer's keyboard shortcuts. Captured at the window, so the page's own shortcuts (the grid's
 * arrows) never see these.
 */
export function useViewerKeys({
  close,
  step,
  toggleFavorite,
  moveToTrash,
  toggleInfo,
  mine,
}: ViewerShortcuts) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      const onVideo = target instanceof HTMLVideoElement;
      const actions: Record<string, (() => void) | undefined> = {
        Escape: close,
        ArrowRight: onVideo ? undefined : () => void step(1),
        ArrowLeft: onVideo ? undefined : () => void step(-1),
        f: mine ? () => void toggleFavorite() : undefined,
        Delete: mine ? () => void moveToTrash() : undefined,
        // Macs have no Delete key; the trash has Undo, so a slip costs little.
        Backspace: mine ? () => void moveToTrash() : undefined,
        i: toggleInfo,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [close, step, toggleFavorite, moveToTrash, mine, toggleInfo]);
}
