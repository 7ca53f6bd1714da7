import { useMemo, useRef, useState } from 'react';
import { originalUrl, thumbnailUrl, type Asset } from '../api/client';
import { describeAsset } from './format-info';
import { classifySwipe, type Swipe } from './swipe';

interface Props {
  asset: Asset;
  onSwipe(swipe: NonNullable<Swipe>): void;
}

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * A video with the browser's own controls. HLS where the browser plays it natively (Safari, and
 * Chrome where it has shipped native HLS) and the server made a set; otherwise the progressive
 * MP4 at /video, which every browser plays (no hls.js: it would add ~100 KB for adaptive bitrate
 * that progressive download mostly covers on a home server).
 */
export function VideoStage({ asset, onSwipe }: Props) {
  const [broken, setBroken] = useState(false);
  const swipe = useTouchSwipe(onSwipe);
  const poster = asset.thumbnailVersion
    ? thumbnailUrl(asset.id, asset.thumbnailVersion, 'preview')
    : undefined;
  const src = useMemo(() => {
    if (!asset.playback?.hls) return `/api/assets/${asset.id}/video`;
    const probe = document.createElement('video');
    return probe.canPlayType(HLS_TYPE)
      ? `/api/assets/${asset.id}/hls/index.m3u8`
      : `/api/assets/${asset.id}/video`;
  }, [asset.id, asset.playback?.hls]);

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
      <div className="viewer-stage" {...swipe}>
        <div className="viewer-message" role="alert">
          <p>
            {asset.playback?.error ?? asset.error ?? 'This video cannot be played in this browser.'}
          </p>
          <a className="button" href={originalUrl(asset.id)} download={asset.originalFileName}>
            Download original
          </a>
        </div>
      </div>
    );
  return (
    <div className="viewer-stage" {...swipe}>
      <video
        className="viewer-video"
        src={src}
        poster={poster}
        controls
        playsInline
        autoPlay
        aria-label={describeAsset(asset)}
        onError={() => setBroken(true)}
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
