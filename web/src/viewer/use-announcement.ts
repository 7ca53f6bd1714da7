import { useEffect, useRef, useState } from 'react';
import type { Asset } from '../api/client';
import { describeAsset } from './format-info';

/**
 * The text for the viewer's live region: a description of the asset when another one is shown
 * (not on every refresh of the same one), or whatever `announce` was last given.
 */
export function useAnnouncement(current: Asset | undefined) {
  const [announcement, announce] = useState('');
  const announced = useRef<string>(undefined);
  useEffect(() => {
    if (!current || announced.current === current.id) return;
    announced.current = current.id;
    announce(describeAsset(current));
  }, [current]);
  return { announcement, announce };
}
