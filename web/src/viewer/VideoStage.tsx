import { useEffect, useMemo, useRef, useState } from 'react';
import { originalUrl, thumbnailUrl, type Asset } from '../api/client';
import { describeAsset } from './format-info';
import { classifySwipe, type Swipe } from './swipe';

interface Props {
  asset: Asset;
  onSwipe(swipe: NonNullable<Swipe>): void;
}

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * A video with the browser's own controls. Where the server made an HLS set (long videos), it is
 * played adaptively: natively where the browser can (Safari), else through hls.js (Media Source
 * Extensions), which is loaded only then, so the first page load never carries it. Otherwise,
 * or when neither works, the progressive MP4 at /video, which every browser plays.
 */
export function VideoStage({ asset, onSwipe }: Props) {
  const [broken, setBroken] = useState(false);
  const swipe = useTouchSwipe(onSwipe);
  const poster = asset.thumbnailVersion
    ? thumbnailUrl(asset.id, asset.thumbnailVersion, 'preview')
    : undefined;
  const video = useRef<HTMLVideoElement>(null);
  const [hlsFailed, setHlsFailed] = useState(false);
  const plan = useMemo(() => {
    const progressive = `/api/assets/${asset.id}/video`;
    if (!asset.playback?.hls || hlsFailed) return { src: progressive };
    const playlist = `/api/assets/${asset.id}/hls/index.m3u8`;
    return document.createElement('video').canPlayType(HLS_TYPE)
      ? { src: playlist }
      : { src: undefined, playlist };
  }, [asset.id, asset.playback?.hls, hlsFailed]);
  useHlsJs(video, plan.playlist, () => setHlsFailed(true));

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
        ref={video}
        className="viewer-video"
        src={plan.src}
        poster={poster}
        controls
        playsInline
        autoPlay
        aria-label={describeAsset(asset)}
        onError={() => (plan.src ? setBroken(true) : setHlsFailed(true))}
      />
    </div>
  );
}

/** Plays an HLS playlist through hls.js; `onFail` when it cannot (no MSE, a fatal error). */
function useHlsJs(
  video: React.RefObject<HTMLVideoElement | null>,
  playlist: string | undefined,
  onFail: () => void,
) {
  useEffect(() => {
    if (!playlist) return;
    let hls: { destroy(): void } | undefined;
    let cancelled = false;
    import('hls.js/light').then(
      ({ default: Hls }) => {
        if (cancelled || !video.current) return;
        if (!Hls.isSupported()) return onFail();
        const player = new Hls();
        hls = player;
        player.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) onFail();
        });
        player.loadSource(playlist);
        player.attachMedia(video.current);
      },
      () => onFail(),
    );
    return () => {
      cancelled = true;
      hls?.destroy();
    };
    // onFail is a fresh closure each render: the playlist alone decides what plays.
  }, [playlist, video]);
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
