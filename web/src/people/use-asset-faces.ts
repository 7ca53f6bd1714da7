import { useCallback, useEffect, useState } from 'react';
import { fetchAssetFaces, type Face } from './people-api';

/**
 * The faces found in a photo, fetched while `enabled` (the viewer's info panel is open). Answers
 * the asset id with them, so a caller never draws one photo's boxes over the next.
 */
export function useAssetFaces(assetId: string | undefined, enabled: boolean) {
  const [found, setFound] = useState<{ assetId: string; faces: Face[] }>();
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!assetId || !enabled) return;
    let live = true;
    fetchAssetFaces(assetId).then(
      (faces) => live && setFound({ assetId, faces }),
      // No faces to show (none found yet, or faces are off): the panel says nothing about them.
      () => live && setFound({ assetId, faces: [] }),
    );
    return () => {
      live = false;
    };
  }, [assetId, enabled, tick]);

  const faces = enabled && found && found.assetId === assetId ? found.faces : undefined;
  return { faces, reload };
}
