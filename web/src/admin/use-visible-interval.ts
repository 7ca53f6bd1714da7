import { useEffect } from 'react';

/**
 * Runs `tick` now and every `ms` while the page is visible; a hidden tab asks the server nothing,
 * and coming back refreshes at once.
 */
export function useVisibleInterval(tick: () => void, ms: number): void {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer || document.visibilityState !== 'visible') return;
      tick();
      timer = setInterval(tick, ms);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [tick, ms]);
}
