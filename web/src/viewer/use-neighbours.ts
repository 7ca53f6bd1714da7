import { useCallback, useEffect, useState } from 'react';
import { preloadAsset } from './asset-cache';
import type { AssetSequence } from './sequence';

export type Neighbours = { of: string; previous: string | null; next: string | null };

/**
 * The assets before and after this one (preloaded), and `step` to move to one of them. `known` is
 * set once the neighbours of this very asset have been answered.
 */
export function useNeighbours(
  assetId: string,
  sequence: AssetSequence,
  onChange: (id: string) => void,
  announce: (text: string) => void,
) {
  const [neighbours, setNeighbours] = useState<Neighbours>();

  useEffect(() => {
    let live = true;
    Promise.all([sequence.neighbour(assetId, -1), sequence.neighbour(assetId, 1)]).then(
      ([previous, next]) => {
        if (!live) return;
        setNeighbours({ of: assetId, previous, next });
        if (next) preloadAsset(next);
        if (previous) preloadAsset(previous);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [assetId, sequence]);

  const known = neighbours?.of === assetId ? neighbours : undefined;
  const step = useCallback(
    async (direction: 1 | -1) => {
      const target = known
        ? direction === 1
          ? known.next
          : known.previous
        : await sequence.neighbour(assetId, direction).catch(() => null);
      if (target) onChange(target);
      else announce(direction === 1 ? 'This is the last one.' : 'This is the first one.');
    },
    [known, sequence, assetId, onChange, announce],
  );

  return { known, step };
}
