import { useCallback, useEffect, useRef } from 'react';
import { guestAssetUrl } from './guest-api';
import { GuestVideo } from './GuestVideo';
import type { SharedAsset } from './shared-links-api';

/**
 * The guest's viewer over the shared page: one asset at a time, stepped with the arrows, the keys
 * or a swipe, with Download where the link allows it.
 */
export function GuestViewer({
  linkKey,
  token,
  assets,
  index,
  allowDownload,
  onMove,
  onClose,
}: {
  linkKey: string;
  token: string | null;
  assets: SharedAsset[];
  index: number;
  allowDownload: boolean;
  onMove(index: number): void;
  onClose(): void;
}) {
  const asset = assets[index]!;
  const touchStart = useRef<number | undefined>(undefined);
  const move = useCallback(
    (step: number) => {
      const next = index + step;
      if (next >= 0 && next < assets.length) onMove(next);
    },
    [index, assets.length, onMove],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'ArrowRight') move(1);
      if (event.key === 'ArrowLeft') move(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, onClose]);

  return (
    <div
      className="public-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={asset.originalFileName}
      onTouchStart={(e) => (touchStart.current = e.touches[0]?.clientX)}
      onTouchEnd={(e) => {
        const start = touchStart.current;
        const end = e.changedTouches[0]?.clientX;
        if (start !== undefined && end !== undefined && Math.abs(end - start) > 50)
          move(end < start ? 1 : -1);
      }}
    >
      <div className="public-viewer-bar">
        <button type="button" onClick={onClose} aria-label="Close">
          ✕
        </button>
        <span className="public-viewer-name">{asset.originalFileName}</span>
        {allowDownload && (
          <a href={guestAssetUrl(linkKey, token, asset.id, 'original')} download>
            Download
          </a>
        )}
      </div>
      {asset.type === 'video' ? (
        <GuestVideo
          key={asset.id}
          linkKey={linkKey}
          token={token}
          asset={asset}
          allowDownload={allowDownload}
        />
      ) : (
        <img
          key={asset.id}
          src={guestAssetUrl(linkKey, token, asset.id, 'preview', asset.thumbnailVersion)}
          alt={asset.originalFileName}
        />
      )}
      <button
        type="button"
        className="public-viewer-prev"
        disabled={index === 0}
        onClick={() => move(-1)}
        aria-label="Previous"
      >
        ‹
      </button>
      <button
        type="button"
        className="public-viewer-next"
        disabled={index === assets.length - 1}
        onClick={() => move(1)}
        aria-label="Next"
      >
        ›
      </button>
    </div>
  );
}
