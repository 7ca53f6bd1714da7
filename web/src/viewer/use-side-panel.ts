import { useCallback, useEffect, useState } from 'react';

const INFO_KEY = 'keepsake.viewer.info';

export type SidePanel = 'info' | 'activity' | undefined;

/**
 * Which side panel shows: one at a time, the comments (when asked for, and the photo has any to
 * offer) covering the info. Whether the info is open is remembered across visits.
 */
export function useSidePanel(hasActivity: boolean) {
  const [infoOpen, setInfoOpen] = useState(() => localStorage.getItem(INFO_KEY) === 'open');
  const [activityOpen, setActivityOpen] = useState(false);
  const side: SidePanel = hasActivity && activityOpen ? 'activity' : infoOpen ? 'info' : undefined;

  const toggleInfo = useCallback(() => {
    if (side === 'activity') {
      setActivityOpen(false);
      setInfoOpen(true);
    } else setInfoOpen((open) => !open);
  }, [side]);
  const toggleActivity = useCallback(() => setActivityOpen((open) => !open), []);
  const closeInfo = useCallback(() => setInfoOpen(false), []);
  const closeActivity = useCallback(() => setActivityOpen(false), []);

  useEffect(() => {
    localStorage.setItem(INFO_KEY, infoOpen ? 'open' : 'closed');
  }, [infoOpen]);

  return { side, activityOpen, toggleInfo, toggleActivity, closeInfo, closeActivity };
}
