import { useRef } from 'react';
import { thumbnailUrl, type Asset } from '../api/client';
import { FailedStage } from './FailedStage';
import { describeAsset } from './format-info';
import { classifySwipe, type Swipe } from './swipe';
import { useAdaptiveVideo } from './use-adaptive-video';

interface Props {
  asset: Asset;
  onSwipe(swipe: NonNullable<Swipe>): void;
}

/**
 * A video with the browser's own controls: its HLS set where the server made one (long videos),
 * else the progressive MP4 at /video. See useAdaptiveVideo.
 */
export function VideoStage({ asset, onSwipe }: Props) {
  const swipe = useTouchSwipe(onSwipe);
  const poster = asset.thumbnailVersion
    ? thumbnailUrl(asset.id, asset.thumbnailVersion, 'preview')
    : undefined;
  const video = useRef<HTMLVideoElement>(null);
  const { src, broken, onError } = useAdaptiveVideo(
    video,
    `/api/assets/${asset.id}/video`,
    asset.playback?.hls ? `/api/assets/${asset.id}/hls/index.m3u8` : undefined,
  );

  const status = asset.playback?.status;
  if (status === 'pending' || asset.status === 'processing')
    return (
      <div className="viewer-stage" {...swipe}>
        {poster && <img className="viewer-poster" src={poster} alt={describeAsset(asset)} />}
        <p className="viewer-badge centered" role="status">
          Preparing this video…
        </p>
      </div>
    );
  if (status === 'failed' || broken)
    return (
      <FailedStage
        asset={asset}
        title="This video cannot be played here"
        reason={asset.playback?.error ?? asset.error ?? 'This browser cannot play its format.'}
        stage={swipe}
      />
    );
  return (
    <div className="viewer-stage video" {...swipe}>
      <video
        ref={video}
        className="viewer-video"
        src={src}
        poster={poster}
        controls
        playsInline
        autoPlay
        aria-label={describeAsset(asset)}
        onError={onError}
      />
    </div>
  );
}

/**
 * Swipes on touch screens, leaving the bottom of the stage to the video's own controls (their
 * seek bar is dragged sideways too). No pointer capture, so the controls still get their events.
 */
function useTouchSwipe(onSwipe: Props['onSwipe']) {
  const start = useRef<{ x: number; y: number; at: number } | null>(null);
  return {
    onPointerDown(event: React.PointerEvent<HTMLElement>) {
      const rect = event.currentTarget.getBoundingClientRect();
      const onControls = event.clientY > rect.bottom - 80;
      start.current =
        event.pointerType === 'mouse' || onControls
          ? null
          : { x: event.clientX, y: event.clientY, at: performance.now() };
    },
    onPointerUp(event: React.PointerEvent) {
      const s = start.current;
      start.current = null;
      if (!s) return;
      const swipe = classifySwipe(
        event.clientX - s.x,
        event.clientY - s.y,
        performance.now() - s.at,
      );
      if (swipe) onSwipe(swipe);
    },
    onPointerCancel() {
      start.current = null;
    },
  };
}
