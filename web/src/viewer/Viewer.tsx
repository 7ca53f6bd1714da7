import { lazy, Suspense } from 'react';
import type { AssetSequence } from './sequence';

export interface ViewerProps {
  assetId: string;
  sequence: AssetSequence;
  /** Another asset is shown (the page keeps `?view=` in the URL in step). */
  onChange(id: string): void;
  /** The page closes the viewer and puts focus back on what opened it. */
  onClose(): void;
  /** Opened from a shared album: the viewer offers the photo's likes and comments there. */
  album?: { id: string };
}

// Loaded when first opened: the viewer (gestures, zoom, video, info) stays out of the first load.
const ViewerOverlay = lazy(() => import('./ViewerOverlay'));

/** The full-screen viewer over the page; see ViewerOverlay.tsx. */
export function Viewer(props: ViewerProps) {
  return (
    <Suspense
      fallback={
        // Styled inline: viewer.css arrives with the lazy part.
        <div
          role="dialog"
          aria-modal="true"
          aria-busy="true"
          aria-label="Photo viewer"
          style={{ position: 'fixed', inset: 0, zIndex: 50, background: '#000' }}
        />
      }
    >
      <ViewerOverlay {...props} />
    </Suspense>
  );
}
