import type { AssetSequence } from '../viewer/sequence';
import type { GridItem } from './grid-item';

/** A month of a grid: its count is known before its items are. */
export interface GridSection {
  /** "YYYY-MM" */
  key: string;
  count: number;
  /** Absent until the month is loaded (or after it was let go to save memory). */
  items?: readonly GridItem[];
}

export interface GridSnapshot {
  /** Undefined until the first answer. */
  sections?: readonly GridSection[];
  /** More can be listed at the end (paged listings). */
  hasMore: boolean;
  error?: string;
}

/**
 * Where a grid's photos come from: the timeline (months loaded as they near the viewport) or a
 * paged listing (favorites, archive, trash). The grid view reads snapshots and says what it needs.
 */
export interface GridSource extends AssetSequence {
  subscribe(listener: () => void): () => void;
  /** The same object until something changes (for useSyncExternalStore). */
  snapshot(): GridSnapshot;
  /** These sections are near the viewport: load them. */
  want(keys: readonly string[]): void;
  /** The view reached the end: list more, if there is more. */
  loadMore(): void;
  /** Something changed on the server: fetch again what is shown, keeping it meanwhile. */
  refresh(): void;
}

/** Listener bookkeeping shared by the sources. */
export class Snapshots {
  private listeners = new Set<() => void>();
  current: GridSnapshot;

  constructor(initial: GridSnapshot) {
    this.current = initial;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  set(next: Partial<GridSnapshot>): void {
    this.current = { ...this.current, ...next };
    for (const listener of this.listeners) listener();
  }
}
