import { useCallback, useEffect, useState } from 'react';

/**
 * A Live (or motion) photo's moving part: an asset of its own, hidden from the timeline, played
 * muted over the still while the pointer rests on the Live button, while a finger holds the
 * photo, or once through on a click or key press.
 */
export interface LiveMotionState {
  playing: boolean;
  /** Playing because a finger holds it: lifting the finger stops it and is not a tap. */
  holding: boolean;
  play(hold?: boolean): void;
  stop(): void;
}

export function useLiveMotion(assetId: string): LiveMotionState {
  const [playing, setPlaying] = useState(false);
  const [holding, setHolding] = useState(false);
  useEffect(() => {
    setPlaying(false);
    setHolding(false);
  }, [assetId]);
  const play = useCallback((hold = false) => {
    setPlaying(true);
    setHolding(hold);
  }, []);
  const stop = useCallback(() => {
    setPlaying(false);
    setHolding(false);
  }, []);
  return { playing, holding, play, stop };
}

export function LiveMotion({ videoId, onEnded }: { videoId: string; onEnded(): void }) {
  return (
    <video
      className="viewer-layer"
      src={`/api/assets/${videoId}/video`}
      autoPlay
      muted
      playsInline
      onEnded={onEnded}
      aria-hidden="true"
    />
  );
}

export function LiveButton({ live }: { live: LiveMotionState }) {
  return (
    <button
      type="button"
      className="viewer-live"
      aria-pressed={live.playing}
      aria-label="Live photo: play the motion"
      title="Live photo: hover, or press and hold, to play"
      onPointerEnter={(event) => event.pointerType === 'mouse' && live.play()}
      onPointerLeave={(event) => event.pointerType === 'mouse' && live.stop()}
      onPointerDown={(event) => {
        event.stopPropagation(); // not the start of a swipe on the photo
        if (event.pointerType !== 'mouse') live.play(true);
      }}
      onPointerUp={(event) => event.pointerType !== 'mouse' && live.stop()}
      onPointerCancel={live.stop}
      onClick={(event) => event.detail === 0 && (live.playing ? live.stop() : live.play())}
    >
      ◉ Live
    </button>
  );
}
