import { useEffect, useState } from 'react';
import type { Asset } from '../api/client';
import { fetchAsset, isSettling } from './asset-cache';

const POLL_MS = 3000;

/**
 * The asset to show, loaded by id and looked at again while it settles. `asset` may still be the
 * previous one while the next loads (it stays on screen meanwhile); `current` is set only on a
 * match, so actions never touch the wrong asset.
 */
export function useViewerAsset(assetId: string) {
  const [asset, setAsset] = useState<Asset>();
  const [loadError, setLoadError] = useState<string>();
  const current = asset?.id === assetId ? asset : undefined;

  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    fetchAsset(assetId).then(
      (a) => live && setAsset(a),
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
    };
  }, [assetId]);

  // Still processing, or the video's playable copy is being made: look again until settled.
  useEffect(() => {
    if (!current || !isSettling(current)) return;
    const timer = window.setTimeout(() => {
      fetchAsset(current.id, { fresh: true }).then(setAsset, () => {});
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [current]);

  return { asset, current, loadError, setAsset };
}
