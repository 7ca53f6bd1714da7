import type { ReactNode } from 'react';
import type { Asset } from '../api/client';
import { FailedStage } from './FailedStage';
import { PhotoStage } from './PhotoStage';
import type { Swipe } from './swipe';
import { VideoStage } from './VideoStage';

interface AssetStageProps {
  /** What is on screen: the previous asset stays until the next has loaded. */
  shown: Asset | undefined;
  /** Set when the asset asked for failed to load; shown only while nothing matching is on screen. */
  loadError: string | undefined;
  current: Asset | undefined;
  onSwipe(swipe: NonNullable<Swipe>): void;
  onClose(): void;
  /** Drawn over a photo, in its frame (the faces' boxes). */
  overlay?: ReactNode;
}

/** The viewer's stage: the photo or video shown, or why there is none, and a processing badge. */
export function AssetStage({
  shown,
  loadError,
  current,
  onSwipe,
  onClose,
  overlay,
}: AssetStageProps) {
  return (
    <>
      {loadError && !current ? (
        <div className="viewer-stage">
          <div className="viewer-message" role="alert">
            <p>{loadError}</p>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : !shown ? (
        <div className="viewer-stage" aria-busy="true" />
      ) : shown.status === 'failed' ? (
        <FailedStage asset={shown} title="This file could not be processed" reason={shown.error} />
      ) : shown.type === 'video' ? (
        <VideoStage key={shown.id} asset={shown} onSwipe={onSwipe} />
      ) : (
        <PhotoStage key={shown.id} asset={shown} onSwipe={onSwipe} overlay={overlay} />
      )}
      {shown?.status === 'processing' && (
        <p className="viewer-badge centered" role="status">
          Still processing…
        </p>
      )}
    </>
  );
}
