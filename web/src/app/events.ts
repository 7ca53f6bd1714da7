import { useEffect } from 'react';

/**
 * "Assets changed" (an upload finished processing, photos were trashed or restored...), so every
 * page that lists them reloads what it shows. One event is enough at this size of app.
 */
const listeners = new Set<() => void>();

export function emitAssetsChanged(): void {
  for (const listener of listeners) listener();
}

export function useAssetsChanged(listener: () => void): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}
