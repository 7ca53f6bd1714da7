import { originalUrl, type Asset } from '../api/client';
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
}

/** The viewer's stage: the photo or video shown, or why there is none, and a processing badge. */
export function AssetStage({ shown, loadError, current, onSwipe, onClose }: AssetStageProps) {
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
      ) : shown.type === 'video' ? (
        <VideoStage key={shown.id} asset={shown} onSwipe={onSwipe} />
      ) : shown.status === 'failed' ? (
        <FailedStage asset={shown} />
      ) : (
        <PhotoStage key={shown.id} asset={shown} onSwipe={onSwipe} />
      )}
      {shown?.status === 'processing' && (
        <p className="viewer-badge centered" role="status">
          Still processing…
        </p>
      )}
    </>
  );
}

function FailedStage({ asset }: { asset: Asset }) {
  return (
    <div className="viewer-stage">
      <div className="viewer-message" role="alert">
        <p>This file could not be processed: {asset.error ?? 'the reason is unknown'}.</p>
        <a className="button" href={originalUrl(asset.id)} download={asset.originalFileName}>
          Download original
        </a>
      </div>
    </div>
  );
}
