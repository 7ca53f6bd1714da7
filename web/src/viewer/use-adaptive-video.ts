import { useEffect, useMemo, useState, type RefObject } from 'react';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

export interface AdaptiveVideo {
  /** For the `<video>`'s `src`; undefined while hls.js feeds it. */
  src: string | undefined;
  /** True once nothing this browser can play is left: offer the download instead. */
  broken: boolean;
  /** For the `<video>`'s `onError`: falls back from HLS to the progressive file, then gives up. */
  onError(): void;
}

/**
 * Where the server made an HLS set (long videos), it is played adaptively: natively where the
 * browser can (Safari), else through hls.js (Media Source Extensions), which is loaded only then,
 * so the first page load never carries it. Otherwise, or when neither works, the progressive
 * file, which every browser plays. The owner's viewer and the public link page both play so.
 */
export function useAdaptiveVideo(
  video: RefObject<HTMLVideoElement | null>,
  progressive: string,
  playlist: string | undefined,
): AdaptiveVideo {
  const [broken, setBroken] = useState(false);
  const [hlsFailed, setHlsFailed] = useState(false);
  const plan = useMemo(() => {
    if (!playlist || hlsFailed) return { src: progressive };
    return document.createElement('video').canPlayType(HLS_TYPE)
      ? { src: playlist }
      : { src: undefined, playlist };
  }, [progressive, playlist, hlsFailed]);
  useHlsJs(video, plan.playlist, () => setHlsFailed(true));
  return {
    src: plan.src,
    broken,
    onError: () => (plan.src ? setBroken(true) : setHlsFailed(true)),
  };
}

/** Plays an HLS playlist through hls.js; `onFail` when it cannot (no MSE, a fatal error). */
function useHlsJs(
  video: RefObject<HTMLVideoElement | null>,
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
