import { useEffect, useMemo } from 'react';
import type { GridSnapshot, GridSource } from './grid-source';

/** Often enough to see thumbnails arrive; a month page is one indexed query. */
const INTERVAL_MS = 5000;

/**
 * While a shown asset is still processing, the grid fetches what it shows again every few
 * seconds (not while the tab is hidden), so its thumbnail appears once made, whoever uploaded
 * it (the upload panel already says so for its own files). See: [Note: Tiles without a
 * thumbnail] in Tile.tsx.
 */
export function useRefreshWhileProcessing(source: GridSource, snapshot: GridSnapshot): void {
  const processing = useMemo(
    () => !!snapshot.sections?.some((s) => s.items?.some((i) => i.status === 'processing')),
    [snapshot],
  );
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => {
      if (!document.hidden) source.refresh();
    }, INTERVAL_MS);
    return () => clearInterval(timer);
  }, [processing, source]);
}
